#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/csv/CsvImport.h"
#include "models/store/AutomaticBackups.h"

#include <QDir>
#include <QRegularExpression>
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

QVariant scalarIn(const QString& path, const QString& sql)
{
    const std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly);
    QSqlQuery query(reg ? reg->database() : QSqlDatabase());
    return query.exec(sql) && query.next() ? query.value(0) : QVariant();
}

QString writeCsv(const QString& folder, const QByteArray& rows)
{
    const QString path = QDir(folder).filePath(QStringLiteral("in.csv"));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write("Name,Business unit\r\n" + rows);
    return path;
}

} // namespace

class TestAutomaticBackups : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;

private slots:
    void init()
    {
        // Each test starts with an empty data folder of its own.
        QDir(m_data.path()).removeRecursively();
        QDir().mkpath(m_data.path());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path()));
    }

    void theyAreKeptInTheDataFolderOwnerOnlyNamedByTime()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        QString error;
        const QString kept = AutomaticBackups::keep(test.path(), AutomaticBackups::kBeforeImport, &error);
        QVERIFY2(!kept.isEmpty(), qPrintable(error));
        const QString folder = AutomaticBackups::folderFor(test.path());
        QVERIFY(folder.startsWith(m_data.path() + QStringLiteral("/Custos/backups/test-")));
        QCOMPARE(QFileInfo(kept).absolutePath(), folder);
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^\d{8}T\d{6}\.\d{3}Z-before-import\.custos$)"))
                     .match(QFileInfo(kept).fileName())
                     .hasMatch(),
                 qPrintable(kept));
        QCOMPARE(permissionsOf(kept), 0600u);
        QCOMPARE(permissionsOf(folder), 0700u);
        QCOMPARE(permissionsOf(QFileInfo(folder).absolutePath()), 0700u);
        QCOMPARE(scalarIn(kept, QStringLiteral("SELECT count(*) FROM units")).toInt(), 1);
        QCOMPARE(AutomaticBackups::list(test.path()), QStringList {kept});
    }

    void twoRegistersOfOneNameHaveFoldersOfTheirOwn()
    {
        TestRegister first;
        TestRegister second;
        QCOMPARE(QFileInfo(first.path()).fileName(), QFileInfo(second.path()).fileName());
        QVERIFY(AutomaticBackups::folderFor(first.path()) != AutomaticBackups::folderFor(second.path()));
        QCOMPARE(AutomaticBackups::folderFor(first.path()), AutomaticBackups::folderFor(first.path()));
    }

    void theNewestFiveStay()
    {
        TestRegister test;
        QStringList kept;
        for (int i = 0; i < AutomaticBackups::kKept + 3; ++i) {
            test.addUnit(QStringLiteral("Unit %1").arg(i));
            QString error;
            kept.prepend(AutomaticBackups::keep(test.path(), AutomaticBackups::kBeforeImport, &error));
            QVERIFY2(!kept.constFirst().isEmpty(), qPrintable(error));
            QTest::qWait(2); // a name of its own for each
        }
        const QStringList listed = AutomaticBackups::list(test.path());
        QCOMPARE(listed, kept.mid(0, AutomaticBackups::kKept));
        QCOMPARE(QDir(AutomaticBackups::folderFor(test.path())).entryList(QDir::Files).size(), AutomaticBackups::kKept);
        // The newest holds the register as it was last.
        QCOMPARE(scalarIn(listed.constFirst(), QStringLiteral("SELECT count(*) FROM units")).toInt(),
                 AutomaticBackups::kKept + 3);
    }

    void anImportKeepsTheRegisterAsItFoundItAndADryRunDoesNot()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        const QString csv = writeCsv(test.dir(), "Listings,Courts\r\nJudgments,Courts\r\n");
        ImportOptions dryRun;
        dryRun.dryRun = true;
        QCOMPARE(CsvImport(test.reg()).run(csv, dryRun).outcome, ImportOutcome::Checked);
        QVERIFY(AutomaticBackups::list(test.path()).isEmpty());

        const ImportReport report = CsvImport(test.reg()).run(csv, ImportOptions());
        QCOMPARE(report.outcome, ImportOutcome::Written);
        const QStringList kept = AutomaticBackups::list(test.path());
        QCOMPARE(kept.size(), 1);
        QVERIFY(kept.constFirst().endsWith(QLatin1String("-before-import.custos")));
        QCOMPARE(scalarIn(kept.constFirst(), QStringLiteral("SELECT count(*) FROM assets")).toInt(), 0);
        QCOMPARE(AssetStore(test.reg()).count(AssetFilter {}), 2);
    }

    void anImportThatCannotKeepABackupWritesNothing()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        const QString csv = writeCsv(test.dir(), "Listings,Courts\r\n");
        // The data folder is a file, so no backup can be made there.
        QDir(m_data.path()).removeRecursively();
        QFile blocker(m_data.path());
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const ImportReport report = CsvImport(test.reg()).run(csv, ImportOptions());
        QFile::remove(m_data.path());
        QCOMPARE(report.outcome, ImportOutcome::Failed);
        QVERIFY2(report.failure.contains(QLatin1String("No backup of")), qPrintable(report.failure));
        QVERIFY(report.failure.contains(QLatin1String("Nothing was imported")));
        QCOMPARE(AssetStore(test.reg()).count(AssetFilter {}), 0);
    }

    // An upgrade rewrites the file: the register as the earlier version left it is kept first.
    void anUpgradeKeepsTheRegisterAsItWas()
    {
        const QString fixture = QStringLiteral(CUSTOS_TEST_DATA "/registers/v1.custos");
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("old.custos"));
        QVERIFY(QFile::copy(fixture, copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QString error;
        auto reg = Register::open(copy, OpenMode::ReadWrite, &error);
        QVERIFY2(reg, qPrintable(error));
        const QStringList kept = AutomaticBackups::list(copy);
        QCOMPARE(kept.size(), 1);
        QVERIFY(kept.constFirst().endsWith(QLatin1String("-before-upgrade.custos")));
        QCOMPARE(scalarAfterClose(kept.constFirst(), QStringLiteral("PRAGMA user_version")).toInt(), 1);
        reg.reset();
        // Opened again, it is up to date: no second backup.
        reg = Register::open(copy, OpenMode::ReadWrite, &error);
        QVERIFY(reg);
        QCOMPARE(AutomaticBackups::list(copy).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAutomaticBackups)
#include "tst_automaticbackups.moc"
