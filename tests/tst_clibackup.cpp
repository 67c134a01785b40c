#include "DamagedRegister.h"
#include "TestRegister.h"
#include "models/store/AutomaticBackups.h"

#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace custos;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(CUSTOS_CLI), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

unsigned permissionsOf(const QString& path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_mode & 0777 : 0xffff;
}

} // namespace

class TestCliBackup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_data;
    QString m_csv;

    QString summary(const QString& path)
    {
        return cli({QStringLiteral("summary"), path, QStringLiteral("--json")}).out;
    }

    QString newDemo(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        const Run demo = cli({QStringLiteral("demo"), path, QStringLiteral("--assets"), QStringLiteral("300")});
        if (demo.exitCode != 0)
            qFatal("custos-cli demo failed: %s", qPrintable(demo.err));
        return path;
    }

private slots:
    void initTestCase()
    {
        // custos-cli keeps its automatic backups under the data folder it inherits.
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path()));
        m_csv = m_dir.filePath(QStringLiteral("more.csv"));
        QFile csv(m_csv);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("Name,Business unit\r\nNew asset one,Imported unit\r\nNew asset two,Imported unit\r\n");
    }

    void aBackupRestoresTheRegisterAsItWas()
    {
        const QString path = newDemo(QStringLiteral("roundtrip.custos"));
        const QString before = summary(path);
        const QString backup = m_dir.filePath(QStringLiteral("roundtrip-backup.custos"));
        Run run = cli({QStringLiteral("backup"), path, backup});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.startsWith(QStringLiteral("Backed up %1 to %2: ").arg(path, backup)));
        QCOMPARE(permissionsOf(backup), 0600u);
        QCOMPARE(summary(backup), before);

        QCOMPARE(cli({QStringLiteral("import"), path, m_csv}).exitCode, 0);
        const QString changed = summary(path);
        QVERIFY(changed != before);

        run = cli({QStringLiteral("restore"), backup, path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(summary(path), before);
        const QString keptSaid = QStringLiteral("The register as it was is kept as ");
        QVERIFY2(run.out.contains(keptSaid), qPrintable(run.out));
        const QString kept = run.out.mid(run.out.indexOf(keptSaid) + keptSaid.size()).trimmed().chopped(1);
        QVERIFY(kept.startsWith(AutomaticBackups::folderFor(path)));
        QCOMPARE(summary(kept), changed);
        // The import before kept its own backup too: the register as the import found it.
        const QStringList backups = AutomaticBackups::list(path);
        QCOMPARE(backups.size(), 2);
        QVERIFY(backups.at(1).endsWith(QLatin1String("-before-import.custos")));
        QCOMPARE(summary(backups.at(1)), before);
    }

    void aBackupIsWrittenOnlyToANewFile()
    {
        const QString path = newDemo(QStringLiteral("existing.custos"));
        const QString other = newDemo(QStringLiteral("other.custos"));
        const QString otherSummary = summary(other);
        Run run = cli({QStringLiteral("backup"), path, other});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QLatin1String("already exists")), qPrintable(run.err));
        QCOMPARE(summary(other), otherSummary);
        run = cli({QStringLiteral("backup"), path, path + QStringLiteral("-wal")});
        QCOMPARE(run.exitCode, 3);
        run = cli({QStringLiteral("backup"), m_csv, m_dir.filePath(QStringLiteral("csv.custos"))});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("csv.custos"))));
        QCOMPARE(cli({QStringLiteral("backup"), path}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("restore"), path}).exitCode, 1);
    }

    void aBackupThatFailsItsCheckIsRefusedWithTwo()
    {
        const QString path = newDemo(QStringLiteral("target.custos"));
        const QString before = summary(path);
        const QString damaged = newDemo(QStringLiteral("damaged.custos"));
        QCOMPARE(damageAssetsTable(damaged), QString());
        Run run = cli({QStringLiteral("restore"), damaged, path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("damaged")), qPrintable(run.err));
        run = cli({QStringLiteral("restore"), m_csv, path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("not a Custos register")), qPrintable(run.err));
        QCOMPARE(summary(path), before);
        QVERIFY(AutomaticBackups::list(path).isEmpty());
        run = cli({QStringLiteral("restore"), m_dir.filePath(QStringLiteral("missing.custos")), path});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(AutomaticBackups::folderFor(path)), qPrintable(run.err));
    }

    void aRestoreToANewNameCreatesTheRegister()
    {
        const QString path = newDemo(QStringLiteral("source.custos"));
        const QString backup = m_dir.filePath(QStringLiteral("source-backup.custos"));
        QCOMPARE(cli({QStringLiteral("backup"), path, backup}).exitCode, 0);
        const QString fresh = m_dir.filePath(QStringLiteral("fresh.custos"));
        const Run run = cli({QStringLiteral("restore"), backup, fresh});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QLatin1String("as a new register")));
        QCOMPARE(permissionsOf(fresh), 0600u);
        QCOMPARE(summary(fresh), summary(path));
    }

    void aRestoreWaitsForAnotherWriter()
    {
        const QString path = newDemo(QStringLiteral("busy.custos"));
        const QString before = summary(path);
        const QString backup = m_dir.filePath(QStringLiteral("busy-backup.custos"));
        QCOMPARE(cli({QStringLiteral("backup"), path, backup}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("import"), path, m_csv}).exitCode, 0);
        const QString changed = summary(path);
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery hold(other);
            QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
            const Run run
                = cli({QStringLiteral("restore"), backup, path, QStringLiteral("--wait"), QStringLiteral("1")});
            QCOMPARE(run.exitCode, 3);
            QVERIFY2(run.err.contains(QLatin1String("waiting up to 1 s (--wait)")), qPrintable(run.err));
            QVERIFY2(run.err.contains(QLatin1String("stayed locked for 1 second")), qPrintable(run.err));
            QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        QCOMPARE(summary(path), changed);
        const Run run = cli({QStringLiteral("restore"), backup, path});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(summary(path), before);
    }
};

QTEST_GUILESS_MAIN(TestCliBackup)
#include "tst_clibackup.moc"
