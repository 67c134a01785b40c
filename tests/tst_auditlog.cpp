#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/audit/AuditLog.h"
#include "models/itemmodels/AuditLogModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace custos;

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_test = std::make_unique<TestRegister>();
        m_courts = m_test->addUnit(QStringLiteral("Courts"));
        m_listings = m_test->addUnit(QStringLiteral("Listings"), m_courts);
        m_ann = m_test->addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@x.gov.uk"));
        m_bob = m_test->addPerson(QStringLiteral("Bob Jones"), QStringLiteral("bob@x.gov.uk"));
    }

    void describesAnAssetsChangesInWordsNewestFirst()
    {
        Asset asset = validAsset(QStringLiteral("IA-000001"), m_courts);
        asset.iaoId = m_ann;
        QString error;
        const auto id = AssetStore(m_test->reg()).add(asset, &error);
        QVERIFY2(id, qPrintable(error));
        asset = *AssetStore(m_test->reg()).get(*id);
        asset.iaoId = m_bob;
        asset.unitId = m_listings;
        asset.classification = Classification::fromText(QStringLiteral("OFFICIAL-SENSITIVE")).value();
        QVERIFY2(AssetStore(m_test->reg()).update(asset, &error), qPrintable(error));

        const QList<AuditEntry> history = AuditLog(m_test->reg()).forRecord(QStringLiteral("assets"), *id);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[1].summary(), QStringLiteral("Added"));
        QCOMPARE(history[0].action, QStringLiteral("update"));
        QCOMPARE(history[0].record, QStringLiteral("Asset IA-000001"));
        QCOMPARE(history[0].actor, m_test->reg().actor());
        QVERIFY(qAbs(history[0].at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        // In the order of the register's column names.
        const QList<FieldChange> expected {
            {QStringLiteral("Classification"), QStringLiteral("(none)"), QStringLiteral("OFFICIAL")},
            {QStringLiteral("IAO"), QStringLiteral("Ann Smith"), QStringLiteral("Bob Jones")},
            {QStringLiteral("OFFICIAL-SENSITIVE"), QStringLiteral("No"), QStringLiteral("Yes")},
            {QStringLiteral("Business unit"), QStringLiteral("Courts"), QStringLiteral("Courts / Listings")},
        };
        QCOMPARE(history[0].changes, expected);
        QVERIFY(history[0].summary().startsWith(QStringLiteral("Classification: (none) \u2192 OFFICIAL; IAO: ")));
    }

    void namesADeletedRecordFromItsLastEntry()
    {
        QString error;
        const auto id = AssetStore(m_test->reg()).add(validAsset(QStringLiteral("IA-000009"), m_courts), &error);
        QVERIFY(AssetStore(m_test->reg()).remove(*id, &error));
        const QList<AuditEntry> history = AuditLog(m_test->reg()).forRecord(QStringLiteral("assets"), *id);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].summary(), QStringLiteral("Deleted"));
        QCOMPARE(history[0].record, QStringLiteral("Asset IA-000009"));
    }

    void pagesThroughTheWholeTrailNewestFirst()
    {
        QString error;
        for (int i = 0; i < 450; ++i)
            QVERIFY(AssetStore(m_test->reg()).add(validAsset(QStringLiteral("IA-%1").arg(i), m_courts), &error));
        const int total = m_test->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
        QCOMPARE(total, 4 + 450);

        AuditLogModel model(m_test->reg());
        QCOMPARE(model.rowCount(), AuditLogModel::kPageSize);
        QCOMPARE(model.index(0, AuditLogModel::Record).data().toString(), QStringLiteral("Asset IA-449"));
        // The tester fetches more itself, as a view does.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), total);
        QCOMPARE(model.index(total - 1, AuditLogModel::Record).data().toString(),
                 QStringLiteral("Business unit Courts"));
        QCOMPARE(model.index(total - 1, AuditLogModel::Change).data().toString(), QStringLiteral("Added"));
        for (int row = 1; row < total; ++row)
            QVERIFY(model.entry(row).id < model.entry(row - 1).id);

        QVERIFY(PersonStore(m_test->reg()).leave(m_ann, m_bob, &error));
        model.reload();
        QCOMPARE(model.index(0, AuditLogModel::Change).data().toString(), QStringLiteral("Has left: No \u2192 Yes"));
        QCOMPARE(model.index(0, AuditLogModel::Record).data().toString(), QStringLiteral("Person Ann Smith"));
    }

private:
    std::unique_ptr<TestRegister> m_test;
    RecordId m_courts = 0;
    RecordId m_listings = 0;
    RecordId m_ann = 0;
    RecordId m_bob = 0;
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
