#include "TestRegister.h"
#include "models/coverage/ReportContents.h"
#include "models/csv/CsvExport.h"
#include "models/demo/DemoRegister.h"
#include "models/store/AutomaticBackups.h"
#include "models/store/OwnerOnlyFiles.h"
#include "views/report/ReportPrinter.h"

#include <QDir>
#include <QProcess>
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

// A file someone else left readable by all, for Custos to write over.
void leaveReadableByAll(const QString& path)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write("old");
    file.close();
    ::chmod(QFile::encodeName(path).constData(), 0666);
}

int cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(CUSTOS_CLI), arguments);
    process.waitForFinished(120000);
    if (process.exitCode() != 0)
        qWarning() << process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

// Runs the test under a umask, and puts the one before back.
class Umask
{
public:
    explicit Umask(int mask)
        : m_before(::umask(mode_t(mask)))
    {
    }
    ~Umask() { ::umask(m_before); }

private:
    mode_t m_before;
};

} // namespace

// Everything Custos writes is readable and writable by its owner alone, whatever the umask.
class TestOwnerFiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;

    static void umasks()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("umask 000") << 0;
        QTest::newRow("umask 022") << 022;
    }

private slots:
    void initTestCase() { qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path())); }

    void registersAndTheirLogs_data() { umasks(); }
    void registersAndTheirLogs()
    {
        QFETCH(int, mask);
        const Umask umask(mask);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.custos"));
        QString error;
        QVERIFY2(DemoRegister::createFile(path, 50, 1, QDate(2026, 6, 1), &error), qPrintable(error));
        auto reg = Register::open(path, OpenMode::ReadWrite, &error);
        UnitStore(*reg).add(QStringLiteral("Another unit"), std::nullopt, &error);
        for (const QString& file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")})
            QCOMPARE(permissionsOf(file), 0600u);
    }

    void exportsAndReportsEvenOverAFileReadableByAll_data() { umasks(); }
    void exportsAndReportsEvenOverAFileReadableByAll()
    {
        QFETCH(int, mask);
        const Umask umask(mask);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.custos"));
        QString error;
        QVERIFY(DemoRegister::createFile(path, 50, 1, QDate(2026, 6, 1), &error));
        auto reg = Register::open(path, OpenMode::ReadOnly, &error);
        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        const QString pdf = dir.filePath(QStringLiteral("out.pdf"));
        QVERIFY(CsvExport(*reg).writeFile(csv, &error) > 0);
        QVERIFY(ReportPrinter::writePdf(*ReportContents::gather(*reg, QDate(2026, 6, 1)), pdf, &error) > 0);
        QCOMPARE(permissionsOf(csv), 0600u);
        QCOMPARE(permissionsOf(pdf), 0600u);
        leaveReadableByAll(csv);
        leaveReadableByAll(pdf);
        QVERIFY(CsvExport(*reg).writeFile(csv, &error) > 0);
        QVERIFY(ReportPrinter::writePdf(*ReportContents::gather(*reg, QDate(2026, 6, 1)), pdf, &error) > 0);
        QCOMPARE(permissionsOf(csv), 0600u);
        QCOMPARE(permissionsOf(pdf), 0600u);
    }

    // What a printer writes to a file is made owner-only before the printer opens it.
    void filesForAPrinter_data() { umasks(); }
    void filesForAPrinter()
    {
        QFETCH(int, mask);
        const Umask umask(mask);
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.pdf"));
        const QString old = dir.filePath(QStringLiteral("old.pdf"));
        leaveReadableByAll(old);
        QString error;
        QVERIFY(prepareOwnerOnlyFile(fresh, &error));
        QVERIFY(prepareOwnerOnlyFile(old, &error));
        QCOMPARE(permissionsOf(fresh), 0600u);
        QCOMPARE(permissionsOf(old), 0600u);
    }

    void everythingTheCommandLineWrites_data() { umasks(); }
    void everythingTheCommandLineWrites()
    {
        QFETCH(int, mask);
        const Umask umask(mask);
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.custos"));
        const QString demo = dir.filePath(QStringLiteral("demo.custos"));
        QCOMPARE(cli({QStringLiteral("init"), empty}), 0);
        QCOMPARE(cli({QStringLiteral("demo"), demo, QStringLiteral("--assets"), QStringLiteral("100")}), 0);
        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        const QString pdf = dir.filePath(QStringLiteral("out.pdf"));
        const QString backup = dir.filePath(QStringLiteral("backup.custos"));
        QCOMPARE(cli({QStringLiteral("export"), demo, csv}), 0);
        QCOMPARE(cli({QStringLiteral("report"), demo, pdf}), 0);
        QCOMPARE(cli({QStringLiteral("backup"), demo, backup}), 0);
        QCOMPARE(cli({QStringLiteral("import"), empty, csv}), 0);
        const QStringList kept = AutomaticBackups::list(empty);
        QCOMPARE(kept.size(), 1);
        for (const QString& file : {empty, demo, csv, pdf, backup, kept.constFirst()})
            QCOMPARE(permissionsOf(file), 0600u);
        QCOMPARE(permissionsOf(AutomaticBackups::folderFor(empty)), 0700u);
    }
};

QTEST_MAIN(TestOwnerFiles)
#include "tst_ownerfiles.moc"
