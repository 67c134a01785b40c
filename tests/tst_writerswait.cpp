#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/csv/CsvImport.h"
#include "models/store/AuditChain.h"
#include "models/store/BusyWaiter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace custos;

namespace {

// Another writer, as another window or process would be: it can hold the register's write lock.
class OtherWriter
{
public:
    explicit OtherWriter(const QString& path)
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
        m_db.open();
        AuditChain::install(m_db); // the audit triggers' function, as every Custos connection has
    }
    ~OtherWriter()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    }
    bool exec(const QString& sql)
    {
        QSqlQuery query(m_db);
        return query.exec(sql);
    }
    // A change as Custos makes one, in a write session the audit trail names.
    bool write(const QString& sql)
    {
        const bool written = exec(QStringLiteral("BEGIN IMMEDIATE"))
            && exec(QStringLiteral("INSERT INTO write_session (actor) VALUES ('other')")) && exec(sql)
            && exec(QStringLiteral("DELETE FROM write_session")) && exec(QStringLiteral("COMMIT"));
        if (!written)
            exec(QStringLiteral("ROLLBACK"));
        return written;
    }
    bool hold() { return exec(QStringLiteral("BEGIN IMMEDIATE")); }
    bool release() { return exec(QStringLiteral("ROLLBACK")); }

private:
    QSqlDatabase m_db;
};

// Counts what a writer says while it waits, and does what the test asks at each look.
class RecordingWaiter : public BusyWaiter
{
public:
    explicit RecordingWaiter(std::function<bool(int waitedMs)> onLook)
        : m_onLook(std::move(onLook))
    {
    }
    void started(const QString& path, int limitMs) override
    {
        ++starts;
        startedFor = path;
        limit = limitMs;
    }
    bool keepWaiting(int waitedMs) override
    {
        ++looks;
        return m_onLook(waitedMs);
    }
    void finished() override { ++finishes; }

    int starts = 0;
    int looks = 0;
    int finishes = 0;
    int limit = 0;
    QString startedFor;

private:
    std::function<bool(int)> m_onLook;
};

QString writeCsv(const QString& path, int rows)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write("Name,Business unit,Description\r\n");
    for (int row = 1; row <= rows; ++row)
        file.write(
            QStringLiteral("Asset %1,Courts,A description long enough to take a moment to read\r\n").arg(row).toUtf8());
    return path;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    qint64 ms = 0;
};

Run cli(const QStringList& arguments)
{
    QElapsedTimer clock;
    clock.start();
    QProcess process;
    process.start(QStringLiteral(CUSTOS_CLI), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError()),
            clock.elapsed()};
}

} // namespace

class TestWritersWait : public QObject
{
    Q_OBJECT

private slots:
    void aWriterWaitsItsTurnAndSaysSoOnce()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        OtherWriter other(test.path());
        QVERIFY(other.hold());
        test.reg().setBusyTimeoutMs(60000);
        auto waiter = std::make_unique<RecordingWaiter>([&other](int waitedMs) {
            // The other writer finishes after a while.
            if (waitedMs >= 400)
                other.release();
            return true;
        });
        RecordingWaiter* seen = waiter.get();
        test.reg().setBusyWaiter(std::move(waiter));
        QElapsedTimer clock;
        clock.start();
        QString error;
        QVERIFY2(AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-000001"), unit), &error), qPrintable(error));
        QVERIFY(clock.elapsed() >= 400);
        QCOMPARE(seen->starts, 1);
        QCOMPARE(seen->finishes, 1);
        QVERIFY(seen->looks > 2);
        QCOMPARE(seen->startedFor, test.path());
        QCOMPARE(seen->limit, 60000);
        QCOMPARE(AssetStore(test.reg()).count(AssetFilter {}), 1);
    }

    void cancellingTheWaitChangesNothing()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        OtherWriter other(test.path());
        QVERIFY(other.hold());
        test.reg().setBusyTimeoutMs(Register::kWaitUntilCancelled);
        auto waiter = std::make_unique<RecordingWaiter>([](int waitedMs) { return waitedMs < 200; });
        RecordingWaiter* seen = waiter.get();
        test.reg().setBusyWaiter(std::move(waiter));
        QString error;
        QVERIFY(!AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-000001"), unit), &error));
        QVERIFY2(error.contains(QLatin1String("You stopped waiting")), qPrintable(error));
        QVERIFY(error.contains(QLatin1String("Nothing was changed")));
        QCOMPARE(seen->finishes, 1);
        QVERIFY(other.release());
        QCOMPARE(AssetStore(test.reg()).count(AssetFilter {}), 0);
    }

    // The dry run reads the whole file without holding the register: another writer goes ahead
    // at once, and the dry run's counts are its own.
    void aDryRunLeavesTheRegisterFreeForOtherWriters()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        const QString csv = writeCsv(QDir(test.dir()).filePath(QStringLiteral("in.csv")), 12000);
        OtherWriter other(test.path());
        int writes = 0;
        int refused = 0;
        CsvImport dryRun(test.reg());
        dryRun.setProgress([&](qint64, qint64) {
            if (other.write(QStringLiteral("INSERT INTO units (name) VALUES ('Unit %1')").arg(writes + refused)))
                ++writes;
            else
                ++refused;
            return true;
        });
        ImportOptions options;
        options.dryRun = true;
        const ImportReport report = dryRun.run(csv, options);
        QCOMPARE(report.outcome, ImportOutcome::Checked);
        QCOMPARE(report.added, 12000);
        QCOMPARE(refused, 0);
        QVERIFY(writes >= 2);
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM assets")).toInt(), 0);
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM units")).toInt(), 1 + writes);
        // Its private snapshot is gone.
        QCOMPARE(QDir(test.dir()).entryList({QStringLiteral("*snapshot*")}, QDir::Files | QDir::Hidden), QStringList());
    }

    void theCommandLineWaitsForAnotherWriterThenImports()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        const QString csv = writeCsv(QDir(test.dir()).filePath(QStringLiteral("in.csv")), 10);
        OtherWriter other(test.path());
        QVERIFY(other.hold());
        QProcess process;
        process.start(QStringLiteral(CUSTOS_CLI), {QStringLiteral("import"), test.path(), csv});
        QByteArray err;
        const QByteArray said = test.path().toUtf8() + " is being changed by someone else; waiting up to 60 s (--wait)";
        QVERIFY(QTest::qWaitFor(
            [&] {
                process.waitForReadyRead(50);
                err += process.readAllStandardError();
                return err.contains(said);
            },
            20000));
        QTest::qWait(300);
        QCOMPARE(process.state(), QProcess::Running);
        QVERIFY(other.release());
        QVERIFY(process.waitForFinished(60000));
        err += process.readAllStandardError();
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(err.count(" is being changed by someone else"), 1);
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM assets")).toInt(), 10);
    }

    void theCommandLineGivesUpAfterItsWait()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        const QString csv = writeCsv(QDir(test.dir()).filePath(QStringLiteral("in.csv")), 10);
        OtherWriter other(test.path());
        QVERIFY(other.hold());
        const Run run
            = cli({QStringLiteral("import"), test.path(), csv, QStringLiteral("--wait"), QStringLiteral("1")});
        QVERIFY(other.release());
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.ms >= 1000);
        QVERIFY2(run.err.contains(QLatin1String("waiting up to 1 s (--wait)")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("stayed locked for 1 second. Nothing was changed")),
                 qPrintable(run.err));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM assets")).toInt(), 0);

        const Run wrong
            = cli({QStringLiteral("import"), test.path(), csv, QStringLiteral("--wait"), QStringLiteral("soon")});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.err.contains(QLatin1String("--wait")));
    }

    // A dry run in one process does not hold up an import in another, even one that will not wait.
    void aDryRunDoesNotHoldUpAnotherProcess()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        test.close();
        const QString big = writeCsv(QDir(test.dir()).filePath(QStringLiteral("big.csv")), 60000);
        const QString small = writeCsv(QDir(test.dir()).filePath(QStringLiteral("small.csv")), 5);
        QProcess dryRun;
        dryRun.start(QStringLiteral(CUSTOS_CLI),
                     {QStringLiteral("import"), test.path(), big, QStringLiteral("--dry-run")});
        // The dry run is under way once its snapshot is there.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !QDir(test.dir()).entryList({QStringLiteral("test.custos.snapshot-*")}, QDir::Files).isEmpty();
            },
            30000));
        const Run other
            = cli({QStringLiteral("import"), test.path(), small, QStringLiteral("--wait"), QStringLiteral("0")});
        QCOMPARE(dryRun.state(), QProcess::Running); // still reading the big file
        QVERIFY2(other.exitCode == 0, qPrintable(other.err));
        QVERIFY(dryRun.waitForFinished(-1)); // as long as the test may take: slower under the sanitizers
        QCOMPARE(dryRun.exitCode(), 0);
        QVERIFY(QString::fromUtf8(dryRun.readAllStandardOutput()).contains(QLatin1String("would add 60,000 assets")));
        QCOMPARE(scalarAfterClose(test.path(), QStringLiteral("SELECT count(*) FROM assets")).toInt(), 5);
    }
};

QTEST_GUILESS_MAIN(TestWritersWait)
#include "tst_writerswait.moc"
