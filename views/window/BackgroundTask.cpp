#include "views/window/BackgroundTask.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <climits>

namespace custos {

bool runInBackground(QWidget* parent, const QString& label, const std::function<void(const TaskProgress&)>& task)
{
    std::atomic<qint64> done {0};
    std::atomic<qint64> total {0};
    std::atomic<bool> cancelled {false};
    QThread* worker = QThread::create([&] {
        task([&](qint64 doneSoFar, qint64 totalNow) {
            done = doneSoFar;
            total = totalNow;
            return !cancelled;
        });
    });
    QProgressDialog progress(label, QStringLiteral("Cancel"), 0, 0, parent);
    progress.setObjectName(QStringLiteral("taskProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [&] { cancelled = true; });
    // Progress in thousandths, so files and row counts beyond INT_MAX fit the bar.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &progress, [&] {
        if (total > 0) {
            progress.setMaximum(1000);
            progress.setValue(int(qMin<qint64>(999, done * 1000 / total)));
        }
    });
    poll.start(100);
    QEventLoop finished;
    QObject::connect(worker, &QThread::finished, &finished, &QEventLoop::quit);
    worker->start();
    finished.exec();
    worker->wait();
    delete worker;
    poll.stop();
    progress.reset();
    return !cancelled;
}

} // namespace custos
