#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/coverage/Coverage.h"
#include "models/store/AuditChain.h"
#include "models/store/Migrations.h"
#include "models/store/Register.h"
#include "models/verify/RegisterVerifier.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace custos;

namespace {

// A register as an earlier Custos left it, then upgraded by the steps given.
struct RawDatabase
{
    explicit RawDatabase(const QString& path)
    {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDatabase()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }
    QStringList columns(const QString& table)
    {
        QStringList names;
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
        while (query.next())
            names << query.value(1).toString();
        return names;
    }
    QSqlDatabase db;
};

std::vector<Migration> stepsToVersion2(const QString& secondStatement)
{
    std::vector<Migration> steps = Migrations::all();
    steps.push_back({Migrations::latestVersion() + 1,
                     {QStringLiteral("ALTER TABLE assets ADD COLUMN risk_owner TEXT"), secondStatement}});
    return steps;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void versionsAreNumberedFromOneWithoutGaps()
    {
        int expected = 1;
        for (const Migration& step : Migrations::all())
            QCOMPARE(step.version, expected++);
        QCOMPARE(Migrations::latestVersion(), expected - 1);
    }

    // Every register file an earlier version wrote (tests/data/registers/vN.custos) opens, is
    // upgraded to the current schema and keeps its data.
    void opensEveryEarlierVersion()
    {
        const QDir fixtures(QStringLiteral(CUSTOS_TEST_DATA "/registers"));
        const QStringList files = fixtures.entryList({QStringLiteral("v*.custos")}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), Migrations::latestVersion());
        for (const QString& name : files) {
            QTemporaryDir dir;
            const QString copy = dir.filePath(name);
            QVERIFY(QFile::copy(fixtures.filePath(name), copy));
            QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QString error;
            auto reg = Register::open(copy, OpenMode::ReadWrite, &error);
            QVERIFY2(reg, qPrintable(name + ": " + error));
            QCOMPARE(Migrations::version(reg->database()), Migrations::latestVersion());
            QSqlQuery query(reg->database());
            QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'assets_name'"))
                    && query.next());
            QCOMPARE(query.value(0).toInt(), 1); // version 2's index
            QVERIFY(AssetStore(*reg).count(AssetFilter {.activeOnly = false}) > 0);
            QVERIFY(Coverage::compute(*reg, QDate::currentDate()).value().total.assets > 0);
            // The upgrade chains the rows the trail already held, and replaying them gives the register.
            const VerifyReport report = RegisterVerifier(*reg).run();
            QVERIFY2(report.outcome == VerifyReport::Outcome::Intact, qPrintable(name + ": " + report.text()));
            QVERIFY(report.head.length > 0);
            // Today's triggers carry on the chain an earlier version's triggers wrote.
            Asset asset = AssetStore(*reg).get(1).value();
            asset.name += QStringLiteral(" (renamed)");
            QVERIFY2(AssetStore(*reg).update(asset, &error), qPrintable(name + ": " + error));
            const VerifyReport after = RegisterVerifier(*reg).run();
            QVERIFY2(after.outcome == VerifyReport::Outcome::Intact, qPrintable(name + ": " + after.text()));
            QCOMPARE(after.head.length, report.head.length + 1);
        }
    }

    void upgradeRunsOnlyTheMissingSteps()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        test.close();
        RawDatabase raw(test.path());
        QString error;
        QVERIFY2(Migrations::upgrade(raw.db, stepsToVersion2(QStringLiteral("SELECT 1")), &error), qPrintable(error));
        QCOMPARE(Migrations::version(raw.db), Migrations::latestVersion() + 1);
        QVERIFY(raw.columns(QStringLiteral("assets")).contains(QStringLiteral("risk_owner")));
        QSqlQuery query(raw.db);
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM units")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }

    void aFailedStepLeavesTheFileAtItsOldVersion()
    {
        TestRegister test;
        test.close();
        RawDatabase raw(test.path());
        QString error;
        QVERIFY(!Migrations::upgrade(raw.db, stepsToVersion2(QStringLiteral("THIS IS NOT SQL")), &error));
        QVERIFY(error.contains(QStringLiteral("version %1").arg(Migrations::latestVersion() + 1)));
        QCOMPARE(Migrations::version(raw.db), Migrations::latestVersion());
        QVERIFY(!raw.columns(QStringLiteral("assets")).contains(QStringLiteral("risk_owner")));
    }

    // The steps an old register misses run as one: a later step that fails takes the earlier ones
    // back with it, so the file is never left at a version between.
    void aFailedUpgradeLeavesAnOldRegisterAtItsVersion()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("v3.custos"));
        QVERIFY(QFile::copy(QStringLiteral(CUSTOS_TEST_DATA "/registers/v3.custos"), copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        RawDatabase raw(copy);
        AuditChain::install(raw.db);
        QString error;
        QVERIFY(!Migrations::upgrade(raw.db, stepsToVersion2(QStringLiteral("THIS IS NOT SQL")), &error));
        QCOMPARE(Migrations::version(raw.db), 3);
        QVERIFY(!raw.columns(QStringLiteral("audit_log")).contains(QStringLiteral("hash"))); // version 4's
    }

    void upgradingACurrentRegisterChangesNothing()
    {
        TestRegister test;
        const int tables = test.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master")).toInt();
        QString error;
        QSqlDatabase db = test.reg().database();
        QVERIFY(Migrations::upgrade(db, Migrations::all(), &error));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master")).toInt(), tables);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
