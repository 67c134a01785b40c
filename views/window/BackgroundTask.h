#pragma once

#include "models/store/Register.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QProgressDialog;
class QWidget;

namespace custos {

struct TaskState;
class TaskWaiter;

// What a job sees on its worker thread: how to say how far it has got, whether it is to stop,
// and how to open its own connection to a register.
class TaskControl
{
public:
    // Tells the window how far the job has got; false once the job is cancelled, when it is to stop.
    bool progress(qint64 done, qint64 total) const;
    bool isCancelled() const;
    // The job's own connection to the register at `path` (a connection belongs to the thread that
    // opened it). Once the job is cancelled, a read-only connection's queries stop at once and fail
    // as interrupted; a writing job stops at its own progress checks, so that no transaction is cut
    // off part-way. A writing job that finds the register busy waits its turn until it is
    // cancelled, and its progress dialog says so. The connection must close before the job returns.
    std::unique_ptr<Register> open(const QString& path, OpenMode mode, QString* error) const;

private:
    friend class BackgroundTask;
    explicit TaskControl(std::shared_ptr<TaskState> state);

    std::shared_ptr<TaskState> m_state;
};

// The one way the window runs work in the background: the CSV export, the import and its dry run,
// the report and the dashboard. A job runs on a worker thread with its own connection to the
// register, says how far it has got through queued signals (to a progress dialog with Cancel, when
// asked for), and checks whether it is cancelled. start() returns at once; the job's result comes
// to `done` on the thread that started it, with whether Cancel was pressed. There is no nested
// event loop: the caller carries on in `done`.
//
// The latest job wins: starting one asks the one before to stop and drops its result. stop(), and
// the destructor, ask every job to stop and wait until none runs, dropping their results, so no job
// outlives its owner or the register it reads.
class BackgroundTask : public QObject
{
    Q_OBJECT

public:
    // What to show while a job runs: a window-modal progress dialog over `parent` with `label` and
    // Cancel (after a moment, so a quick job shows nothing); nothing without a parent.
    struct Progress
    {
        QWidget* parent = nullptr;
        QString label;
    };

    explicit BackgroundTask(QObject* parent = nullptr);
    ~BackgroundTask() override;

    // Runs `job(const TaskControl&)` on a worker thread, then `done(result, cancelled)` here. The
    // result must be default-constructible: a job cancelled before it starts gives one.
    template <typename Job, typename Done>
    void start(const Progress& progress, Job job, Done done);

    // Whether the latest job's result is still to come.
    bool isRunning() const { return m_current != nullptr; }
    // What Cancel does: asks the latest job to stop; its result still comes to `done`.
    void cancel();
    // Asks every job to stop and waits until none runs; their results never come.
    void stop();

    // Jobs in this process whose work has not returned yet, for tests.
    static int runningJobs();

signals:
    // How far the latest job has got, on this object's thread.
    void progressed(qint64 done, qint64 total);

private:
    friend class TaskControl;
    friend class TaskWaiter;

    void launch(const Progress& progress,
                std::function<void(const TaskControl&)> work,
                std::function<void(bool cancelled)> deliver);
    void report(const std::shared_ptr<TaskState>& job, qint64 done, qint64 total);
    // Says in the dialog why the job is not getting on; nothing puts the job's own label back.
    void relabel(const std::shared_ptr<TaskState>& job, const QString& why);
    void finish(const std::shared_ptr<TaskState>& job);
    void closeDialog();

    QThreadPool m_workers;
    std::shared_ptr<TaskState> m_current;
    QPointer<QProgressDialog> m_dialog;
    QString m_label;
};

template <typename Job, typename Done>
void BackgroundTask::start(const Progress& progress, Job job, Done done)
{
    using Result = std::invoke_result_t<Job&, const TaskControl&>;
    // Written on the worker thread before the job's end is posted here, read only after it.
    auto result = std::make_shared<std::optional<Result>>();
    launch(
        progress,
        [job = std::move(job), result](const TaskControl& control) mutable { result->emplace(job(control)); },
        [done = std::move(done), result](bool cancelled) mutable {
            done(result->has_value() ? std::move(**result) : Result(), cancelled);
        });
}

} // namespace custos
