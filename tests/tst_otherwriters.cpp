#include "ProcessLocks.h"
#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/coverage/DashboardFigures.h"
#include "models/csv/CsvExport.h"
#include "models/csv/CsvImport.h"
#include "models/demo/DemoRegister.h"
#include "models/itemmodels/AssetTableModel.h"
#include "models/store/Register.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace custos;

namespace {

constexpr int kImported = 500;

QString cli(const QStringList& arguments, int* exitCode)
{
    QProcess process;
    process.start(QStringLiteral(CUSTOS_CLI), arguments);
    process.waitForFinished(120000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

} // namespace

// A register open in this process, with the background connections the window keeps (the assets
// table's loaders, the dashboard's reader), while another process writes to it.
class TestOtherWriters : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_csv;

private slots:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("shared.custos"));
        QFile::remove(m_path);
        QString error;
        QVERIFY2(DemoRegister::createFile(m_path, 300, 4, QDate::currentDate(), &error), qPrintable(error));
        m_csv = m_dir.filePath(QStringLiteral("more.csv"));
        QFile csv(m_csv);
        QVERIFY(csv.open(QIODevice::WriteOnly | QIODevice::Truncate));
        csv.write("Name,Business unit\r\n");
        for (int i = 1; i <= kImported; ++i)
            csv.write(QByteArrayLiteral("Imported asset %1,Imported unit\r\n").replace("%1", QByteArray::number(i)));
    }

    void aChildWriterLeavesThisProcessesLocksAndLogInPlace()
    {
        writeBesideAChildWriter();
        if (QTest::currentTestFailed())
            return;
        // Every connection has closed: the file is whole, with both processes' changes.
        QCOMPARE(scalarAfterClose(m_path, QStringLiteral("SELECT name FROM assets WHERE reference = 'IA-000001'")),
                 QVariant(QStringLiteral("Renamed while shared")));
        QCOMPARE(
            scalarAfterClose(m_path, QStringLiteral("SELECT count(*) FROM assets WHERE name LIKE 'Imported asset %'")),
            QVariant(kImported));
    }

private:
    void writeBesideAChildWriter()
    {
        QString error;
        auto reg = Register::open(m_path, OpenMode::ReadWrite, &error);
        QVERIFY2(reg, qPrintable(error));
        AssetStore store(*reg);
        const int before = store.count(AssetFilter {.activeOnly = false}).value();
        AssetTableModel table(m_path, QDate::currentDate());
        QSignalSpy loaded(&table, &AssetTableModel::loaded);
        QVERIFY(loaded.wait(20000));
        // The dashboard reads on the thread pool through a connection of its own, then closes it.
        QThreadPool::globalInstance()->start([path = m_path] {
            auto reader = Register::open(path, OpenMode::ReadOnly);
            if (reader)
                DashboardFigures::compute(*reader, QDate::currentDate(), currentLogin());
        });
        QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));

        const QString wal = m_path + QStringLiteral("-wal");
        const ino_t walInode = processlocks::inodeOf(wal);
        QVERIFY(walInode != 0);
        QVERIFY(processlocks::heldOn(m_path) > 0);

        int exitCode = -1;
        const QString output = cli({QStringLiteral("import"), m_path, m_csv}, &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(output));

        // The other process could not take the file from under this one.
        QVERIFY(processlocks::heldOn(m_path) > 0);
        QCOMPARE(processlocks::inodeOf(wal), walInode);

        // This process's next write reaches the file, where a third process reads it.
        std::optional<Asset> asset = store.findByReference(QStringLiteral("IA-000001"));
        QVERIFY(asset);
        asset->name = QStringLiteral("Renamed while shared");
        QVERIFY2(store.update(*asset, &error), qPrintable(error));
        QCOMPARE(store.count(AssetFilter {.activeOnly = false}), before + kImported);
        const QString listed = cli({QStringLiteral("list"), m_path}, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY(listed.contains(QStringLiteral("IA-000001\tRenamed while shared")));
    }

private slots:

    // A CSV file chosen by mistake over the register (or the log beside it) is refused before it
    // is opened: reading it would drop this process's locks, writing it would destroy the register.
    void exportsAndImportsRefuseTheOpenRegistersFiles()
    {
        QString error;
        auto reg = Register::open(m_path, OpenMode::ReadWrite, &error);
        QVERIFY2(reg, qPrintable(error));
        AssetStore store(*reg);
        std::optional<Asset> asset = store.findByReference(QStringLiteral("IA-000001"));
        asset->name = QStringLiteral("Renamed while shared");
        QVERIFY2(store.update(*asset, &error), qPrintable(error));
        QVERIFY(processlocks::heldOn(m_path) > 0);
        for (const QString& file : {m_path, m_path + QStringLiteral("-wal")}) {
            QCOMPARE(CsvExport(*reg).writeFile(file, &error), -1);
            QVERIFY2(error.contains(QLatin1String("belongs to the register")), qPrintable(error));
            const ImportReport report = CsvImport(*reg).run(file, ImportOptions());
            QCOMPARE(report.outcome, ImportOutcome::Failed);
            QVERIFY2(report.failure.contains(QLatin1String("belongs to the register")), qPrintable(report.failure));
        }
        QVERIFY(processlocks::heldOn(m_path) > 0);
        reg.reset();
        QVERIFY(openRegisterFileConflict(m_path).isEmpty());
        QCOMPARE(scalarAfterClose(m_path, QStringLiteral("SELECT name FROM assets WHERE reference = 'IA-000001'")),
                 QVariant(QStringLiteral("Renamed while shared")));
    }

    void cleanup()
    {
        QCOMPARE(scalarAfterClose(m_path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestOtherWriters)
#include "tst_otherwriters.moc"
