#include "views/window/BackgroundTask.h"

#include "models/store/SqliteHandle.h"

#include <QFileInfo>
#include <QProgressBar>
#include <QProgressDialog>
#include <algorithm>
#include <atomic>
#include <sqlite3.h>

namespace custos {

namespace {

// How many SQLite virtual-machine steps a cancelled job's query may still take before it stops.
constexpr int kInterruptSteps = 10000;

std::atomic<int> s_runningJobs {0};

// Progress in thousandths, so files and row counts beyond INT_MAX fit a bar; -1 while the total is
// unknown. Never the whole: the job is done only when its result comes.
int permille(qint64 done, qint64 total)
{
    return total > 0 ? int(std::clamp<qint64>(done * 1000 / total, 0, 999)) : -1;
}

} // namespace

// One job, shared by the runner and the worker thread running it.
struct TaskState
{
    explicit TaskState(BackgroundTask* owner)
        : runner(owner)
    {
    }

    // Alive while the job runs: the runner waits for its jobs before it goes.
    BackgroundTask* const runner;
    std::atomic<bool> cancelled {false};
    // The progress last sent to the runner, in thousandths (-1 when the total is unknown), so
    // that a job reporting every row posts only what the dialog would show differently.
    std::atomic<int> sentPermille {-2};
    // Used, and let go, on the runner's thread only: what it captures may belong there.
    std::function<void(bool cancelled)> deliver;
};

// A writing job's wait for its turn: until the job is cancelled, said in its progress dialog.
class TaskWaiter : public BusyWaiter
{
public:
    explicit TaskWaiter(std::shared_ptr<TaskState> state)
        : m_state(std::move(state))
    {
    }
    void started(const QString& registerPath, int) override
    {
        relabel(QStringLiteral("%1 is being changed by someone else; waiting for its turn\u2026")
                    .arg(QFileInfo(registerPath).fileName()));
    }
    bool keepWaiting(int) override { return !m_state->cancelled.load(); }
    void finished() override { relabel(QString()); }

private:
    void relabel(const QString& why)
    {
        BackgroundTask* runner = m_state->runner;
        QMetaObject::invokeMethod(
            runner, [runner, job = m_state, why] { runner->relabel(job, why); }, Qt::QueuedConnection);
    }

    std::shared_ptr<TaskState> m_state;
};

TaskControl::TaskControl(std::shared_ptr<TaskState> state)
    : m_state(std::move(state))
{
}

bool TaskControl::progress(qint64 done, qint64 total) const
{
    const int shown = permille(done, total);
    if (m_state->sentPermille.exchange(shown) != shown) {
        BackgroundTask* runner = m_state->runner;
        QMetaObject::invokeMethod(
            runner, [runner, job = m_state, done, total] { runner->report(job, done, total); }, Qt::QueuedConnection);
    }
    return !isCancelled();
}

bool TaskControl::isCancelled() const
{
    return m_state->cancelled.load();
}

std::unique_ptr<Register> TaskControl::open(const QString& path, OpenMode mode, QString* error) const
{
    std::unique_ptr<Register> reg = Register::open(path, mode, error);
    if (reg && mode == OpenMode::ReadWrite) {
        reg->setBusyTimeoutMs(Register::kWaitUntilCancelled);
        reg->setBusyWaiter(std::make_unique<TaskWaiter>(m_state));
    }
    if (reg && mode != OpenMode::ReadWrite) {
        if (sqlite3* db = sqliteHandle(reg->database())) {
            // The job's state outlives the connection: the job closes it before it returns.
            sqlite3_progress_handler(
                db,
                kInterruptSteps,
                [](void* cancelled) { return static_cast<std::atomic<bool>*>(cancelled)->load() ? 1 : 0; },
                &m_state->cancelled);
        }
    }
    return reg;
}

BackgroundTask::BackgroundTask(QObject* parent)
    : QObject(parent)
{
}

BackgroundTask::~BackgroundTask()
{
    stop();
}

int BackgroundTask::runningJobs()
{
    return s_runningJobs.load();
}

void BackgroundTask::launch(const Progress& progress,
                            std::function<void(const TaskControl&)> work,
                            std::function<void(bool cancelled)> deliver)
{
    if (m_current) {
        // A newer job makes the older one's result stale: it stops as soon as it looks.
        m_current->cancelled = true;
        m_current->deliver = nullptr;
    }
    closeDialog();
    auto job = std::make_shared<TaskState>(this);
    job->deliver = std::move(deliver);
    m_current = job;
    m_label = progress.label;
    if (progress.parent) {
        m_dialog = new QProgressDialog(progress.label, QStringLiteral("Cancel"), 0, 0, progress.parent);
        m_dialog->setObjectName(QStringLiteral("taskProgress"));
        m_dialog->setWindowModality(Qt::WindowModal);
        m_dialog->setMinimumDuration(300);
        m_dialog->setBar(new QProgressBar);
        m_dialog->setRange(0, 0); // busy until the job says how far it has got
        m_dialog->setValue(0); // starts the wait before it shows
        connect(m_dialog, &QProgressDialog::canceled, this, &BackgroundTask::cancel);
    }
    ++s_runningJobs;
    m_workers.start([this, job, work = std::move(work)] {
        if (!job->cancelled)
            work(TaskControl(job));
        QMetaObject::invokeMethod(
            this, [this, job] { finish(job); }, Qt::QueuedConnection);
        --s_runningJobs;
    });
}

void BackgroundTask::report(const std::shared_ptr<TaskState>& job, qint64 done, qint64 total)
{
    if (job != m_current)
        return;
    if (m_dialog && total > 0) {
        // The bar is set itself: QProgressDialog::setValue() would process events here,
        // re-entering the window.
        auto* bar = m_dialog->findChild<QProgressBar*>();
        bar->setMaximum(1000);
        bar->setValue(permille(done, total));
    }
    emit progressed(done, total);
}

void BackgroundTask::relabel(const std::shared_ptr<TaskState>& job, const QString& why)
{
    if (job == m_current && m_dialog)
        m_dialog->setLabelText(why.isEmpty() ? m_label : why);
}

void BackgroundTask::finish(const std::shared_ptr<TaskState>& job)
{
    if (job != m_current)
        return;
    m_current.reset();
    closeDialog();
    const std::function<void(bool)> deliver = std::move(job->deliver);
    job->deliver = nullptr;
    deliver(job->cancelled.load());
}

void BackgroundTask::cancel()
{
    if (m_current)
        m_current->cancelled = true;
}

void BackgroundTask::stop()
{
    if (m_current) {
        m_current->cancelled = true;
        m_current->deliver = nullptr;
        m_current.reset();
    }
    closeDialog();
    m_workers.waitForDone();
}

void BackgroundTask::closeDialog()
{
    if (!m_dialog)
        return;
    disconnect(m_dialog, nullptr, this, nullptr);
    m_dialog->reset();
    m_dialog->hide();
    m_dialog->deleteLater();
    m_dialog = nullptr;
}

} // namespace custos
