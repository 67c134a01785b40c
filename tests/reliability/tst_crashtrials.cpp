#include "models/csv/CsvExport.h"
#include "models/demo/DemoRegister.h"
#include "models/store/Migrations.h"
#include "models/store/Register.h"
#include "models/verify/RegisterVerifier.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace custos;

namespace {

const QDate kToday = QDate::currentDate();

// What a register holds, as one hash: every unit, person, asset and review, its schema version and
// the length of its audit trail. Read through a plain SQLite connection, so that it also reads a register an older
// Custos wrote. Empty when the file is absent or unreadable.
QByteArray stateOf(const QString& path)
{
    if (!QFile::exists(path))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("state"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery query(db);
        for (const char* table : {"units", "people", "assets", "reviews"}) {
            if (!db.open() || !query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(QLatin1String(table)))) {
                qWarning() << "state" << db.lastError().text() << query.lastError().text();
                return {};
            }
            while (query.next()) {
                for (int column = 0; column < query.record().count(); ++column) {
                    // The version column counts writes, which an upgrade adds, and an asset's
                    // modified time is the clock's: the other fields are the state.
                    const QString name = query.record().fieldName(column);
                    if (name != QLatin1String("version") && name != QLatin1String("modified_at"))
                        hash.addData(query.value(column).toString().toUtf8() + '\x1f');
                }
                hash.addData(QByteArrayView("\x1e"));
            }
        }
        // The schema's version, which an upgrade moves on, and the audit trail's length.
        for (const char* count : {"PRAGMA user_version", "SELECT count(*) FROM audit_log"}) {
            if (!query.exec(QLatin1String(count)) || !query.next())
                return {};
            hash.addData(query.value(0).toString().toUtf8() + '\x1f');
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("state"));
    return hash.result().toHex();
}

// SQLite's integrity check and, for a register of the current version, Custos's verify; empty
// when both pass, else what failed.
QString problemsOf(const QString& path)
{
    QString problem;
    int version = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        db.setDatabaseName(path);
        QSqlQuery query(db);
        if (!db.open() || !query.exec(QStringLiteral("PRAGMA integrity_check")) || !query.next())
            problem = QStringLiteral("integrity check could not run: %1").arg(query.lastError().text());
        else if (query.value(0).toString() != QLatin1String("ok"))
            problem = QStringLiteral("integrity check: %1").arg(query.value(0).toString());
        version = Migrations::version(db);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    if (!problem.isEmpty() || version != Migrations::latestVersion())
        return problem;
    QString error;
    const std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly, &error);
    if (!reg)
        return error;
    const VerifyReport report = RegisterVerifier(*reg).run();
    return report.outcome == VerifyReport::Outcome::Intact ? QString() : report.text();
}

// One operation to kill: how to start it, the file whose state it changes, and the state it
// leaves when left to finish.
struct Operation
{
    QString name;
    QString program;
    QStringList arguments;
    // The register whose state must be the one before or the one after.
    QString target;
    // Sets up the state before; run before every trial.
    std::function<void()> prepare;
    // Extra checks after each trial (a backup's copy, say); empty when all is well.
    std::function<QString()> alsoCheck = [] { return QString(); };
};

} // namespace

class TestCrashTrials : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    int m_trials = qEnvironmentVariableIntValue("CUSTOS_CRASH_TRIALS");
    quint32 m_seed = quint32(qEnvironmentVariableIntValue("CUSTOS_CRASH_SEED"));

    QString file(const QString& name) const { return m_dir.filePath(name); }

    // Replaces `target` with a copy of `source`; no connection to either is open in this process.
    static bool copyOver(const QString& source, const QString& target)
    {
        for (const char* suffix : {"", "-wal", "-shm"})
            QFile::remove(target + QLatin1String(suffix));
        return QFile::copy(source, target);
    }

    // Runs the operation once to its end; how long it took.
    qint64 runWhole(const Operation& operation)
    {
        operation.prepare();
        QProcess process;
        process.setProcessEnvironment(m_environment);
        QElapsedTimer timer;
        timer.start();
        process.start(operation.program, operation.arguments);
        if (!process.waitForFinished(300000) || process.exitCode() != 0)
            qFatal("%s did not finish: %s", qPrintable(operation.name), process.readAllStandardError().constData());
        return timer.elapsed();
    }

    void trial(const Operation& operation)
    {
        operation.prepare();
        const QByteArray before = stateOf(operation.target);
        runWhole(operation);
        const QByteArray after = stateOf(operation.target);
        QVERIFY2(before != after, qPrintable(operation.name + QStringLiteral(" changes nothing")));
        const qint64 whole = runWhole(operation);

        QRandomGenerator random(m_seed ^ qHash(operation.name));
        int leftBefore = 0;
        int leftAfter = 0;
        for (int trial = 0; trial < m_trials; ++trial) {
            operation.prepare();
            QProcess process;
            process.setProcessEnvironment(m_environment);
            process.start(operation.program, operation.arguments);
            QVERIFY(process.waitForStarted());
            // Anywhere from the start to a little after the uninterrupted run's length.
            const int delay = int(random.bounded(whole + whole / 5 + 1));
            if (!process.waitForFinished(delay)) {
                process.kill();
                process.waitForFinished();
            }
            const QByteArray state = stateOf(operation.target);
            const QString where
                = QStringLiteral("%1, trial %2 (killed after %3 ms)").arg(operation.name).arg(trial).arg(delay);
            QVERIFY2(state == before || state == after, qPrintable(where + QStringLiteral(": a state between")));
            if (QFile::exists(operation.target)) {
                const QString problems = problemsOf(operation.target);
                QVERIFY2(problems.isEmpty(), qPrintable(where + QStringLiteral(": ") + problems));
            }
            const QString other = operation.alsoCheck();
            QVERIFY2(other.isEmpty(), qPrintable(where + QStringLiteral(": ") + other));
            ++(state == before ? leftBefore : leftAfter);
        }
        qInfo().noquote() << QStringLiteral("%1: %2 trials, uninterrupted %3 ms; %4 left the state before, %5 the "
                                            "state after, 0 anything else")
                                 .arg(operation.name)
                                 .arg(m_trials)
                                 .arg(whole)
                                 .arg(leftBefore)
                                 .arg(leftAfter);
    }

private slots:
    void initTestCase()
    {
        if (m_trials <= 0)
            m_trials = 20;
        if (m_seed == 0)
            m_seed = 2026;
        // Automatic backups go to a data folder of the test's own.
        m_environment.insert(QStringLiteral("XDG_DATA_HOME"), file(QStringLiteral("data")));
        QString error;
        QVERIFY2(DemoRegister::createFile(file(QStringLiteral("small.custos")), 300, 1, kToday, &error),
                 qPrintable(error));
        QVERIFY2(DemoRegister::createFile(file(QStringLiteral("other.custos")), 1500, 2, kToday, &error),
                 qPrintable(error));
        std::unique_ptr<Register> other
            = Register::open(file(QStringLiteral("other.custos")), OpenMode::ReadOnly, &error);
        QVERIFY2(other, qPrintable(error));
        QVERIFY(CsvExport(*other).writeFile(file(QStringLiteral("other.csv")), &error) == 1500);
    }

    void importIsWholeOrNothing()
    {
        const QString target = file(QStringLiteral("import.custos"));
        trial({QStringLiteral("import"),
               QStringLiteral(CUSTOS_CLI),
               {QStringLiteral("import"), target, file(QStringLiteral("other.csv"))},
               target,
               [this, target] { QVERIFY(copyOver(file(QStringLiteral("small.custos")), target)); }});
    }

    void bulkEditIsWholeOrNothing()
    {
        const QString target = file(QStringLiteral("bulk.custos"));
        trial({QStringLiteral("bulk edit"),
               QStringLiteral(CRASH_TARGET),
               {QStringLiteral("bulk-edit"), target},
               target,
               [this, target] { QVERIFY(copyOver(file(QStringLiteral("other.custos")), target)); }});
    }

    void upgradeIsWholeOrNothing()
    {
        const QString target = file(QStringLiteral("upgrade.custos"));
        trial(
            {QStringLiteral("upgrade"), QStringLiteral(CRASH_TARGET), {QStringLiteral("upgrade"), target}, target, [=] {
                 QVERIFY(copyOver(QStringLiteral(CUSTOS_TEST_DATA "/registers/v3.custos"), target));
                 QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
             }});
    }

    // A backup is a complete copy of the register, or no file at all.
    void backupIsWholeOrAbsent()
    {
        const QString copy = file(QStringLiteral("backup.custos"));
        trial({QStringLiteral("backup"),
               QStringLiteral(CUSTOS_CLI),
               {QStringLiteral("backup"), file(QStringLiteral("other.custos")), copy},
               copy,
               [copy] {
                   for (const char* suffix : {"", "-wal", "-shm"})
                       QFile::remove(copy + QLatin1String(suffix));
               }});
    }

    void restoreIsWholeOrNothing()
    {
        const QString target = file(QStringLiteral("restore.custos"));
        trial({QStringLiteral("restore"),
               QStringLiteral(CUSTOS_CLI),
               {QStringLiteral("restore"), file(QStringLiteral("other.custos")), target},
               target,
               [this, target] { QVERIFY(copyOver(file(QStringLiteral("small.custos")), target)); }});
    }

    void demoLeavesARegisterOrNothing()
    {
        const QString target = file(QStringLiteral("demo.custos"));
        trial({QStringLiteral("demo"),
               QStringLiteral(CUSTOS_CLI),
               {QStringLiteral("demo"), target, QStringLiteral("--assets"), QStringLiteral("1500")},
               target,
               [target] {
                   for (const char* suffix : {"", "-wal", "-shm"})
                       QFile::remove(target + QLatin1String(suffix));
               },
               // A killed demo leaves its file under construction (and SQLite's journal or log
               // beside it); the next run removes it, so there is never more than the last one's.
               [this] {
                   const QStringList left
                       = QDir(m_dir.path())
                             .entryList({QStringLiteral("demo.custos.creating-*")}, QDir::Files | QDir::Hidden);
                   const qsizetype built = std::count_if(left.cbegin(), left.cend(), [](const QString& name) {
                       return !name.endsWith(QLatin1String("-wal")) && !name.endsWith(QLatin1String("-shm"))
                           && !name.endsWith(QLatin1String("-journal"));
                   });
                   return built <= 1 ? QString()
                                     : QStringLiteral("files under construction left: %1").arg(left.join(' '));
               }});
    }
};

QTEST_GUILESS_MAIN(TestCrashTrials)
#include "tst_crashtrials.moc"
