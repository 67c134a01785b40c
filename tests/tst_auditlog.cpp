#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/audit/AuditCsvExport.h"
#include "models/audit/AuditLog.h"
#include "models/itemmodels/AuditLogModel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QSqlError>
#include <QTest>

using namespace custos;

Q_DECLARE_METATYPE(custos::AuditFilter)

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

    void filtersCountAsSqlDoes_data()
    {
        QTest::addColumn<AuditFilter>("filter");
        QTest::addColumn<QString>("where");
        QTest::newRow("everything") << AuditFilter() << QStringLiteral("1");
        QTest::newRow("who") << AuditFilter {.actor = QStringLiteral("=SUM(A1)")}
                             << QStringLiteral("actor = '=SUM(A1)'");
        QTest::newRow("kind") << AuditFilter {.table = QStringLiteral("assets")}
                              << QStringLiteral("record_table = 'assets'");
        QTest::newRow("record by reference")
            << AuditFilter {.record = QStringLiteral("IA-000002")}
            << QStringLiteral("record_table = 'assets' AND record_id = (SELECT id FROM assets WHERE reference = "
                              "'IA-000002')");
        QTest::newRow("record by name and kind")
            << AuditFilter {.table = QStringLiteral("units"), .record = QStringLiteral("Listings")}
            << QStringLiteral("record_table = 'units' AND record_id = (SELECT id FROM units WHERE name = 'Listings')");
        QTest::newRow("record by id") << AuditFilter {.table = QStringLiteral("people"), .record = QStringLiteral("#2")}
                                      << QStringLiteral("record_table = 'people' AND record_id = 2");
        QTest::newRow("from") << AuditFilter {.from = QDate(2024, 5, 2)}
                              << QStringLiteral("date(at, 'localtime') >= '2024-05-02'");
        QTest::newRow("days") << AuditFilter {.from = QDate(2024, 5, 1), .to = QDate(2024, 5, 2)}
                              << QStringLiteral("date(at, 'localtime') BETWEEN '2024-05-01' AND '2024-05-02'");
        QTest::newRow("who and days") << AuditFilter {.actor = QStringLiteral("=SUM(A1)"), .to = QDate(2024, 5, 1)}
                                      << QStringLiteral("actor = '=SUM(A1)' AND date(at, 'localtime') <= '2024-05-01'");
        QTest::newRow("search in changes")
            << AuditFilter {.search = QStringLiteral("zanzibar")} << QStringLiteral("changes LIKE '%Zanzibar%'");
        QTest::newRow("search for a record")
            << AuditFilter {.search = QStringLiteral("IA-000003")}
            << QStringLiteral("record_table = 'assets' AND record_id = (SELECT id FROM assets WHERE reference = "
                              "'IA-000003')");
        QTest::newRow("search takes wildcards literally")
            << AuditFilter {.search = QStringLiteral("100%")} << QStringLiteral("changes LIKE '%100\\%%' ESCAPE '\\'");
    }

    // The model's count and its rows, fetched to the end, are what plain SQL over the trail counts.
    void filtersCountAsSqlDoes()
    {
        QFETCH(AuditFilter, filter);
        QFETCH(QString, where);
        addOtherWritersEntries();
        const qint64 expected
            = m_test->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE %1").arg(where)).toLongLong();
        AuditLogModel model(m_test->reg());
        model.setFilter(filter);
        QCOMPARE(model.entryCount(), expected);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), int(expected));
        QVERIFY(expected > 0);
    }

    // Every entry names its fields and the ids of units and people: a search for them finds nothing.
    void searchLooksAtValuesNotFieldNamesOrIds()
    {
        addOtherWritersEntries();
        AuditLogModel model(m_test->reg());
        for (const char* fieldName : {"email", "unit_id", "classification_needs_review"}) {
            model.setFilter({.search = QLatin1String(fieldName)});
            QCOMPARE(model.entryCount(), 0);
        }
        const QString unitId = QString::number(m_courts);
        model.setFilter(
            {.table = QStringLiteral("assets"), .search = QStringLiteral("\"unit_id\":[null,%1]").arg(unitId)});
        QCOMPARE(model.entryCount(), 0);
        model.setFilter({.search = QStringLiteral("ann@x")});
        QCOMPARE(model.entryCount(), 2);
        // Found although the trail writes the quotes as \".
        model.setFilter({.search = QStringLiteral("Zanzibar \"ferry\", 2024")});
        QCOMPARE(model.entryCount(), 1);
    }

    void showsWhoByNameWithTheLoginInATooltip()
    {
        Person ann = *PersonStore(m_test->reg()).get(m_ann);
        ann.login = m_test->reg().actor();
        QString error;
        QVERIFY2(PersonStore(m_test->reg()).update(ann, &error), qPrintable(error));
        addOtherWritersEntries();
        AuditLogModel model(m_test->reg());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The newest entry is another writer's, whom the register does not know.
        QCOMPARE(model.index(0, AuditLogModel::Who).data().toString(), QStringLiteral("=SUM(A1)"));
        QVERIFY(!model.index(0, AuditLogModel::Who).data(Qt::ToolTipRole).isValid());
        model.setFilter({.actor = m_test->reg().actor()});
        QCOMPARE(model.index(0, AuditLogModel::Who).data().toString(), QStringLiteral("Ann Smith"));
        QCOMPARE(model.index(0, AuditLogModel::Who).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Login: %1").arg(m_test->reg().actor()));

        const AuditLog::Actors actors = AuditLog(m_test->reg()).actorsAfter(0);
        QCOMPARE(QSet<QString>(actors.logins.begin(), actors.logins.end()),
                 QSet<QString>({m_test->reg().actor(), QStringLiteral("=SUM(A1)")}));
        QCOMPARE(actors.newestId, m_test->scalar(QStringLiteral("SELECT max(id) FROM audit_log")).toLongLong());
        QVERIFY(AuditLog(m_test->reg()).actorsAfter(actors.newestId).logins.isEmpty());
    }

    // The same cell writer as the assets' export: quotes, the formula guard, UTF-8 and CRLF.
    void exportsTheEntriesShownAsCsv()
    {
        addOtherWritersEntries();
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QString error;
        QCOMPARE(AuditCsvExport(m_test->reg(), {.actor = QStringLiteral("=SUM(A1)")}).write(out, &error), 3);
        const QByteArray expected = "When,Who,Login,Action,Record,Changes\r\n"
                                    "2024-05-03T09:00:00Z,'=SUM(A1),'=SUM(A1),Changed,Business unit Listings,"
                                    "Name: Listings \u2192 100% Zanzibar\r\n"
                                    "2024-05-02T09:00:00Z,'=SUM(A1),'=SUM(A1),Changed,Asset IA-000002,"
                                    "\"Name: Offender case records \u2192 Zanzibar \"\"ferry\"\", 2024\"\r\n"
                                    "2024-05-01T09:00:00Z,'=SUM(A1),'=SUM(A1),Deleted,Person Ann Smith,Email: "
                                    "ann@x.gov.uk \u2192 (none)\r\n";
        QCOMPARE(out.data(), expected);
    }

private:
    // Three entries by a login the register has no person for, on days of May 2024, added as
    // another copy of Custos would have written them.
    void addOtherWritersEntries()
    {
        QString error;
        for (int i = 1; i <= 3; ++i)
            QVERIFY(AssetStore(m_test->reg()).add(validAsset(QStringLiteral("IA-00000%1").arg(i), m_courts), &error));
        const RecordId asset2
            = m_test->scalar(QStringLiteral("SELECT id FROM assets WHERE reference = 'IA-000002'")).toLongLong();
        const QList<QVariantList> rows {
            {QStringLiteral("2024-05-01T09:00:00.000Z"),
             QStringLiteral("delete"),
             QStringLiteral("people"),
             m_ann,
             QStringLiteral("{\"email\":[\"ann@x.gov.uk\",null]}")},
            {QStringLiteral("2024-05-02T09:00:00.000Z"),
             QStringLiteral("update"),
             QStringLiteral("assets"),
             asset2,
             QStringLiteral("{\"name\":[\"Offender case records\",\"Zanzibar \\\"ferry\\\", 2024\"]}")},
            {QStringLiteral("2024-05-03T09:00:00.000Z"),
             QStringLiteral("update"),
             QStringLiteral("units"),
             m_listings,
             QStringLiteral("{\"name\":[\"Listings\",\"100% Zanzibar\"]}")},
        };
        for (const QVariantList& row : rows) {
            QSqlQuery insert(m_test->reg().database());
            insert.prepare(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, record_table, record_id, "
                                          "changes) SELECT max(id) + 1, ?, '=SUM(A1)', ?, ?, ?, ? FROM audit_log"));
            for (const QVariant& value : row)
                insert.addBindValue(value);
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
    }

    std::unique_ptr<TestRegister> m_test;
    RecordId m_courts = 0;
    RecordId m_listings = 0;
    RecordId m_ann = 0;
    RecordId m_bob = 0;
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
