#include "DamagedRegister.h"
#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/demo/DemoRegister.h"
#include "models/store/AuditChain.h"
#include "models/store/AutomaticBackups.h"
#include "models/verify/Backup.h"

#include <QDir>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace custos;

namespace {

unsigned permissionsOf(const QString& path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_mode & 0777 : 0xffff;
}

// A connection of the test's own, as another window or process would have.
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

private:
    QSqlDatabase m_db;
};

int countIn(const QString& path, const QString& table)
{
    const std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly);
    QSqlQuery query(reg ? reg->database() : QSqlDatabase());
    return query.exec(QStringLiteral("SELECT count(*) FROM ") + table) && query.next() ? query.value(0).toInt() : -1;
}

QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;

private slots:
    void initTestCase()
    {
        // The automatic backups of these tests' registers go to a folder of their own.
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path()));
    }

    void aBackupIsAWholeOwnerOnlyCopyAndLeavesNothingElse_data()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("umask 000") << 0;
        QTest::newRow("umask 022") << 022;
    }

    void aBackupIsAWholeOwnerOnlyCopyAndLeavesNothingElse()
    {
        QFETCH(int, mask);
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        QString error;
        QVERIFY(AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-000001"), unit), &error));
        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("copy.custos"));
        const mode_t before = ::umask(mode_t(mask));
        const bool done = backUpRegister(test.reg(), target, {}, &error);
        ::umask(before);
        QVERIFY2(done, qPrintable(error));
        QCOMPARE(permissionsOf(target), 0600u);
        QCOMPARE(filesIn(out.path()), QStringList {QStringLiteral("copy.custos")});
        QVERIFY2(checkBackup(target, &error), qPrintable(error));
        QCOMPARE(countIn(target, QStringLiteral("assets")), 1);
        QCOMPARE(countIn(target, QStringLiteral("audit_log")),
                 test.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt());
    }

    // Copying the file would lose what is still only in the write-ahead log.
    void aBackupHoldsChangesStillInTheLog()
    {
        TestRegister test;
        OtherWriter other(test.path());
        QVERIFY(other.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
        QVERIFY(
            other.write(QStringLiteral("INSERT INTO units (name) VALUES ('Courts'), ('Tribunals'), ('Probation')")));
        QVERIFY(QFileInfo(test.path() + QStringLiteral("-wal")).size() > 0);
        const QString target = QDir(test.dir()).filePath(QStringLiteral("copy.custos"));
        QString error;
        QVERIFY2(backUpRegister(test.reg(), target, {}, &error), qPrintable(error));
        QCOMPARE(countIn(target, QStringLiteral("units")), 3);
    }

    // Another connection commits part-way through the copy: the backup is the register as it was
    // when the copy began, whole.
    void aBackupIsOneStateWhileAnotherConnectionWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.custos"));
        QString error;
        QVERIFY2(DemoRegister::createFile(path, 8000, 5, QDate(2026, 6, 1), &error), qPrintable(error));
        const int assets = countIn(path, QStringLiteral("assets"));
        auto reg = Register::open(path, OpenMode::ReadOnly, &error);
        QVERIFY(reg);
        OtherWriter other(path);
        int steps = 0;
        bool wrote = false;
        const QString target = dir.filePath(QStringLiteral("copy.custos"));
        const bool done = backUpRegister(
            *reg,
            target,
            [&](qint64 done, qint64 total) {
                if (++steps == 1) {
                    wrote = other.write(QStringLiteral("INSERT INTO units (name) VALUES ('Added meanwhile')"))
                        && other.write(QStringLiteral("UPDATE assets SET name = 'changed' WHERE id % 2 = 0"));
                }
                return done <= total;
            },
            &error);
        QVERIFY2(done, qPrintable(error));
        QVERIFY(steps > 1); // the other writer wrote between two steps of the copy
        QVERIFY(wrote);
        QVERIFY2(checkBackup(target, &error), qPrintable(error));
        QCOMPARE(countIn(target, QStringLiteral("assets")), assets);
        QCOMPARE(countIn(target, QStringLiteral("assets WHERE name = 'changed'")), 0);
        QCOMPARE(countIn(target, QStringLiteral("units WHERE name = 'Added meanwhile'")), 0);
        QCOMPARE(countIn(path, QStringLiteral("units WHERE name = 'Added meanwhile'")), 1);
        QCOMPARE(countIn(path, QStringLiteral("assets WHERE name = 'changed'")), assets / 2);
    }

    void aBackupRefusesAnExistingFileAndTheRegistersOwnFiles()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        const QString existing = QDir(test.dir()).filePath(QStringLiteral("existing.custos"));
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("someone's file");
        file.close();
        QString error;
        QVERIFY(!backUpRegister(test.reg(), existing, {}, &error));
        QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("someone's file"));
        for (const QString& own : {test.path() + QStringLiteral("-wal"), test.path() + QStringLiteral("-journal")}) {
            QVERIFY(!backUpRegister(test.reg(), own, {}, &error));
            QVERIFY2(error.contains(QLatin1String("belongs to the register")), qPrintable(error));
        }
        QCOMPARE(filesIn(test.dir()),
                 (QStringList {QStringLiteral("existing.custos"),
                               QStringLiteral("test.custos"),
                               QStringLiteral("test.custos-shm"),
                               QStringLiteral("test.custos-wal")}));
    }

    void aCancelledBackupWritesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.custos"));
        QString error;
        QVERIFY2(DemoRegister::createFile(path, 8000, 5, QDate(2026, 6, 1), &error), qPrintable(error));
        auto reg = Register::open(path, OpenMode::ReadOnly, &error);
        const QString target = dir.filePath(QStringLiteral("copy.custos"));
        QVERIFY(!backUpRegister(
            *reg, target, [](qint64, qint64) { return false; }, &error));
        QVERIFY2(error.contains(QLatin1String("cancelled")), qPrintable(error));
        reg.reset();
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("copy.custos*")}, QDir::Files | QDir::Hidden),
                 QStringList());
    }

    void theCheckRefusesADamagedBackupAndFilesThatAreNotRegisters()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        QString error;
        for (int i = 1; i <= 300; ++i)
            QVERIFY(AssetStore(test.reg())
                        .add(validAsset(QStringLiteral("IA-%1").arg(i, 6, 10, QLatin1Char('0')), unit), &error));
        const QString backup = QDir(test.dir()).filePath(QStringLiteral("backup.custos"));
        QVERIFY(backUpRegister(test.reg(), backup, {}, &error));
        QVERIFY2(checkBackup(backup, &error), qPrintable(error));

        QCOMPARE(damageAssetsTable(backup), QString());
        QVERIFY(!checkBackup(backup, &error));
        QVERIFY2(error.contains(backup) && error.contains(QLatin1String("damaged")), qPrintable(error));

        const QString csv = QDir(test.dir()).filePath(QStringLiteral("register.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Reference,Name\r\n");
        file.close();
        QVERIFY(!checkBackup(csv, &error));
        QVERIFY2(error.contains(QLatin1String("not a Custos register")), qPrintable(error));
    }

    // The restore is one commit into the register: a window that has it open follows it.
    void aRestoreReplacesTheRegisterAndKeepsItAsItWas()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        QString error;
        QVERIFY(AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-000001"), unit), &error));
        const QString backup = QDir(test.dir()).filePath(QStringLiteral("backup.custos"));
        QVERIFY(backUpRegister(test.reg(), backup, {}, &error));
        for (const char* reference : {"IA-000002", "IA-000003"})
            QVERIFY(AssetStore(test.reg()).add(validAsset(QLatin1String(reference), unit), &error));
        test.reg().watch(50);
        QSignalSpy changed(&test.reg(), &Register::changed);

        auto restorer = Register::open(test.path(), OpenMode::ReadWrite, &error);
        QString kept;
        QCOMPARE(restoreBackup(backup, *restorer, {}, &kept, &error), RestoreResult::Restored);
        restorer.reset();

        QVERIFY(changed.wait(5000));
        QCOMPARE(AssetStore(test.reg()).count(AssetFilter {}), 1);
        QCOMPARE(test.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(QFileInfo(kept).absolutePath(), QDir(AutomaticBackups::folderFor(test.path())).absolutePath());
        QVERIFY(kept.endsWith(QLatin1String("-before-restore.custos")));
        QCOMPARE(countIn(kept, QStringLiteral("assets")), 3);
        QCOMPARE(permissionsOf(kept), 0600u);
        // And the register's own connection writes on.
        QVERIFY2(AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-000004"), unit), &error), qPrintable(error));
    }

    void aRestoreWaitsItsTurnAndGivesUpChangingNothing()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        QString error;
        const QString backup = QDir(test.dir()).filePath(QStringLiteral("backup.custos"));
        QVERIFY(backUpRegister(test.reg(), backup, {}, &error));
        QVERIFY(AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-000001"), unit), &error));
        const int keptBefore = int(AutomaticBackups::list(test.path()).size());

        OtherWriter other(test.path());
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        auto restorer = Register::open(test.path(), OpenMode::ReadWrite, &error);
        restorer->setBusyTimeoutMs(300);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(restoreBackup(backup, *restorer, {}, nullptr, &error), RestoreResult::Failed);
        QVERIFY(clock.elapsed() >= 300);
        QVERIFY2(error.contains(QLatin1String("being changed by someone else")), qPrintable(error));
        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
        QCOMPARE(AssetStore(test.reg()).count(AssetFilter {}), 1);
        QCOMPARE(AutomaticBackups::list(test.path()).size(), keptBefore);
    }

    void aCancelledRestoreChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.custos"));
        const QString backup = dir.filePath(QStringLiteral("small.custos"));
        QString error;
        QVERIFY2(DemoRegister::createFile(path, 8000, 5, QDate(2026, 6, 1), &error), qPrintable(error));
        QVERIFY2(DemoRegister::createFile(backup, 9000, 6, QDate(2026, 6, 1), &error), qPrintable(error));
        const int assets = countIn(path, QStringLiteral("assets"));
        auto reg = Register::open(path, OpenMode::ReadWrite, &error);
        QCOMPARE(restoreBackup(
                     backup, *reg, [](qint64, qint64) { return false; }, nullptr, &error),
                 RestoreResult::Failed);
        QVERIFY2(error.contains(QLatin1String("cancelled")), qPrintable(error));
        reg.reset();
        QCOMPARE(countIn(path, QStringLiteral("assets")), assets);
    }

    void aBackupThatFailsItsCheckIsRefused()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        const QString notRegister = QDir(test.dir()).filePath(QStringLiteral("notes.custos"));
        QFile file(notRegister);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a register");
        file.close();
        QString error;
        QCOMPARE(restoreBackup(notRegister, test.reg(), {}, nullptr, &error), RestoreResult::BackupRefused);
        QCOMPARE(restoreBackup(test.path(), test.reg(), {}, nullptr, &error), RestoreResult::BackupRefused);
        QVERIFY2(error.contains(QLatin1String("the register itself")), qPrintable(error));
        QCOMPARE(UnitStore(test.reg()).tree().units().size(), 1);
        QVERIFY(AutomaticBackups::list(test.path()).isEmpty());
    }

    void aRestoreToANewNameMakesARegister()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        QString error;
        const QString backup = QDir(test.dir()).filePath(QStringLiteral("backup.custos"));
        QVERIFY(backUpRegister(test.reg(), backup, {}, &error));
        const QString restored = QDir(test.dir()).filePath(QStringLiteral("restored.custos"));
        QCOMPARE(restoreBackupAsNew(backup, restored, {}, &error), RestoreResult::Restored);
        QCOMPARE(permissionsOf(restored), 0600u);
        QCOMPARE(countIn(restored, QStringLiteral("units")), 1);
        // Never over a file that exists.
        QCOMPARE(restoreBackupAsNew(backup, restored, {}, &error), RestoreResult::Failed);
        QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
