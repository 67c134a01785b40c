#include "TestRegister.h"
#include "views/window/BackgroundTask.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <atomic>

using namespace custos;

namespace {

// A job that reports progress until it is cancelled, saying it has started.
struct UntilCancelled
{
    std::atomic<bool>* started;
    int operator()(const TaskControl& control) const
    {
        *started = true;
        for (qint64 done = 0;; ++done) {
            if (!control.progress(done % 100, 100))
                return -1;
            QThread::msleep(2);
        }
    }
};

} // namespace

// The window's one way of running work in the background: a job on a worker thread, its progress
// and result queued back to the thread that started it, Cancel, the latest job winning, and
// stop() leaving nothing running.
class TestBackgroundTask : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QCOMPARE(BackgroundTask::runningJobs(), 0); }

    // start() returns while the job runs; the result comes to `done` on the starting thread.
    void theResultComesBackWithoutWaiting()
    {
        BackgroundTask task;
        std::atomic<bool> release {false};
        QThread* worker = nullptr;
        QThread* deliveredOn = nullptr;
        int result = 0;
        task.start(
            {},
            [&](const TaskControl&) {
                worker = QThread::currentThread();
                while (!release)
                    QThread::msleep(1);
                return 42;
            },
            [&](int value, bool cancelled) {
                QVERIFY(!cancelled);
                deliveredOn = QThread::currentThread();
                result = value;
            });
        QVERIFY(task.isRunning());
        QCOMPARE(BackgroundTask::runningJobs(), 1);
        QTest::qWait(20);
        QCOMPARE(result, 0); // the job is still waiting; so was nothing here
        release = true;
        QTRY_COMPARE(result, 42);
        QVERIFY(!task.isRunning());
        QVERIFY(worker != QThread::currentThread());
        QCOMPARE(deliveredOn, QThread::currentThread());
    }

    // Progress arrives as queued signals, in order, and before the result.
    void progressArrivesBeforeTheResult()
    {
        BackgroundTask task;
        QSignalSpy progressed(&task, &BackgroundTask::progressed);
        qsizetype progressWhenDone = -1;
        task.start(
            {},
            [](const TaskControl& control) {
                for (int done = 0; done <= 4; ++done)
                    control.progress(done, 4);
                return true;
            },
            [&](bool, bool) { progressWhenDone = progressed.size(); });
        QCOMPARE(progressed.size(), 0); // nothing comes back before this thread's event loop runs
        QTRY_COMPARE(progressWhenDone, qsizetype(5));
        for (int i = 0; i < progressed.size(); ++i) {
            QCOMPARE(progressed.at(i).at(0).toLongLong(), qint64(i));
            QCOMPARE(progressed.at(i).at(1).toLongLong(), qint64(4));
        }
    }

    // Cancel stops the job at its next look; its result still comes, saying it was cancelled.
    void cancelStopsTheJobAndSaysSo()
    {
        BackgroundTask task;
        std::atomic<bool> started {false};
        std::optional<std::pair<int, bool>> delivered;
        task.start({}, UntilCancelled {&started}, [&](int value, bool cancelled) { delivered = {value, cancelled}; });
        QTRY_VERIFY(started);
        task.cancel();
        QTRY_VERIFY(delivered);
        QCOMPARE(delivered->first, -1);
        QVERIFY(delivered->second);
    }

    // The progress dialog's Cancel button cancels, and the dialog goes with the job.
    void theProgressDialogCancels()
    {
        QWidget window;
        window.show();
        BackgroundTask task;
        std::atomic<bool> started {false};
        std::optional<bool> cancelled;
        task.start({&window, QStringLiteral("Counting\u2026")}, UntilCancelled {&started}, [&](int, bool wasCancelled) {
            cancelled = wasCancelled;
        });
        auto* dialog = window.findChild<QProgressDialog*>(QStringLiteral("taskProgress"));
        QVERIFY(dialog);
        QVERIFY(!dialog->isVisible()); // a quick job shows nothing
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 2000); // a longer one, after a moment
        QCOMPARE(dialog->labelText(), QStringLiteral("Counting\u2026"));
        QTRY_VERIFY(dialog->value() > 0);
        dialog->findChild<QPushButton*>()->click();
        QTRY_VERIFY(cancelled.has_value());
        QVERIFY(*cancelled);
        QTRY_VERIFY(!window.findChild<QProgressDialog*>(QStringLiteral("taskProgress")));
    }

    // A newer job stops the one before, whose result never comes.
    void theLatestJobWins()
    {
        BackgroundTask task;
        std::atomic<bool> started {false};
        QList<int> delivered;
        task.start({}, UntilCancelled {&started}, [&](int value, bool) { delivered << value; });
        QTRY_VERIFY(started);
        task.start(
            {}, [](const TaskControl&) { return 2; }, [&](int value, bool) { delivered << value; });
        QTRY_COMPARE(delivered, QList<int> {2});
        QTRY_COMPARE(BackgroundTask::runningJobs(), 0); // the first stopped too
        QTest::qWait(20);
        QCOMPARE(delivered, QList<int> {2});
    }

    // stop() returns only once no job runs, and no result comes after it.
    void stopWaitsForEveryJobAndDropsTheirResults()
    {
        BackgroundTask task;
        std::atomic<bool> firstStarted {false};
        std::atomic<bool> secondStarted {false};
        int delivered = 0;
        task.start({}, UntilCancelled {&firstStarted}, [&](int, bool) { ++delivered; });
        QTRY_VERIFY(firstStarted);
        task.start({}, UntilCancelled {&secondStarted}, [&](int, bool) { ++delivered; });
        QTRY_VERIFY(secondStarted);
        task.stop();
        QCOMPARE(BackgroundTask::runningJobs(), 0);
        QVERIFY(!task.isRunning());
        QTest::qWait(20);
        QCOMPARE(delivered, 0);
    }

    // The destructor stops and waits too: a job never outlives its runner.
    void aJobNeverOutlivesItsRunner()
    {
        std::atomic<bool> started {false};
        bool delivered = false;
        {
            BackgroundTask task;
            task.start({}, UntilCancelled {&started}, [&](int, bool) { delivered = true; });
            QTRY_VERIFY(started);
        }
        QCOMPARE(BackgroundTask::runningJobs(), 0);
        QTest::qWait(20);
        QVERIFY(!delivered);
    }

    // A read that takes no callback of its own stops inside SQLite once cancelled, so stopping a
    // job on a large register does not wait for its query to end; its connection closes with it.
    void aCancelledJobsQueryStopsAtOnce()
    {
        TestRegister test;
        BackgroundTask task;
        std::atomic<bool> querying {false};
        std::atomic<bool> interrupted {false};
        task.start(
            {},
            [&, path = test.path()](const TaskControl& control) {
                QString error;
                std::unique_ptr<Register> reg = control.open(path, OpenMode::ReadOnly, &error);
                if (!reg)
                    return false;
                QSqlQuery query(reg->database());
                querying = true;
                // Some minutes of counting, unless interrupted.
                const bool ran = query.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                                           "FROM n WHERE i < 5000000000) SELECT count(*) FROM n"))
                    && query.next();
                interrupted = !ran && query.lastError().text().contains(QLatin1String("interrupt"));
                return ran;
            },
            [](bool, bool) {});
        QTRY_VERIFY(querying);
        const QStringList connectionsWhileRunning = QSqlDatabase::connectionNames();
        QTest::qWait(50);
        QElapsedTimer timer;
        timer.start();
        task.stop();
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(interrupted);
        // The job's own connection closed with it; the test's stays.
        QCOMPARE(QSqlDatabase::connectionNames().size(), connectionsWhileRunning.size() - 1);
    }
};

QTEST_MAIN(TestBackgroundTask)
#include "tst_backgroundtask.moc"
