#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/store/AuditChain.h"
#include "models/store/Schema.h"
#include "models/store/WriteTransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace custos;

namespace {

struct AuditRow
{
    QString at;
    QString actor;
    QString action;
    QString table;
    RecordId recordId = 0;
    QJsonObject changes;
};

QList<AuditRow> auditRows(Register& reg)
{
    QList<AuditRow> rows;
    QSqlQuery query(reg.database());
    query.exec(QStringLiteral("SELECT at, actor, action, record_table, record_id, changes FROM audit_log ORDER BY id"));
    while (query.next()) {
        rows.append({query.value(0).toString(),
                     query.value(1).toString(),
                     query.value(2).toString(),
                     query.value(3).toString(),
                     query.value(4).toLongLong(),
                     QJsonDocument::fromJson(query.value(5).toByteArray()).object()});
    }
    return rows;
}

QJsonArray change(const QJsonValue& before, const QJsonValue& after)
{
    return QJsonArray {before, after};
}

// The columns of `table` in the file, in their order, but for the record's key and the version a
// writer checks before it overwrites, which are no fields of the record.
QStringList fieldsOf(Register& reg, const QString& table)
{
    QStringList fields;
    QSqlQuery columns(reg.database());
    columns.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table));
    while (columns.next()) {
        const QString column = columns.value(0).toString();
        if (column != QLatin1String("id") && column != QLatin1String("version"))
            fields << column;
    }
    return fields;
}

} // namespace

class TestAuditTrail : public QObject
{
    Q_OBJECT

private slots:
    void recordsWhenWhoAndWhichRecord()
    {
        TestRegister test;
        test.reg().setActor(QStringLiteral("a.patel"));
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        const QList<AuditRow> rows = auditRows(test.reg());
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].actor, QStringLiteral("a.patel"));
        QCOMPARE(rows[0].action, QStringLiteral("insert"));
        QCOMPARE(rows[0].table, QStringLiteral("units"));
        QCOMPARE(rows[0].recordId, unit);
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
                    .match(rows[0].at)
                    .hasMatch());
        const QDateTime at = QDateTime::fromString(rows[0].at, Qt::ISODateWithMs);
        QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(rows[0].changes.value(QStringLiteral("name")).toArray(),
                 change(QJsonValue::Null, QStringLiteral("Courts")));
    }

    void actorIsTheOperatingSystemLoginByDefault()
    {
        TestRegister test;
        QCOMPARE(test.reg().actor(), currentLogin());
        QVERIFY(!currentLogin().isEmpty());
        test.addUnit(QStringLiteral("Courts"));
        QCOMPARE(auditRows(test.reg()).first().actor, currentLogin());
    }

    void everyOperationRecordsOnlyTheFieldsItChanged()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        const RecordId ann = test.addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@justice.gov.uk"));
        const RecordId bob = test.addPerson(QStringLiteral("Bob Jones"), QStringLiteral("bob@justice.gov.uk"));
        AssetStore assets(test.reg(), QDate(2026, 11, 28));
        QString error;
        const auto asset = assets.add(validAsset(QStringLiteral("IA-000001"), unit), &error);
        QVERIFY2(asset, qPrintable(error));
        int seen = auditRows(test.reg()).size();
        QCOMPARE(seen, 4);
        QCOMPARE(auditRows(test.reg()).last().changes.value(QStringLiteral("reference")).toArray(),
                 change(QJsonValue::Null, QStringLiteral("IA-000001")));

        // Each operation adds exactly one audit row, for the record it changed.
        auto checkLastRow = [&](const QString& table, RecordId id, const QStringList& expectedFields) {
            const QList<AuditRow> rows = auditRows(test.reg());
            const AuditRow& last = rows.last();
            QStringList fields = last.changes.keys();
            fields.removeAll(QStringLiteral("modified_at"));
            const bool ok = rows.size() == seen + 1 && last.table == table && last.recordId == id
                && last.action == QLatin1String("update") && fields == expectedFields;
            seen = rows.size();
            if (!ok)
                qWarning() << "unexpected audit row" << last.table << last.recordId << last.action << last.changes;
            return ok ? last.changes : QJsonObject();
        };

        QVERIFY(UnitStore(test.reg()).rename(unit, QStringLiteral("Courts"), QStringLiteral("HMCTS"), &error));
        QJsonObject changes = checkLastRow(QStringLiteral("units"), unit, {QStringLiteral("name")});
        QCOMPARE(changes.value(QStringLiteral("name")).toArray(),
                 change(QStringLiteral("Courts"), QStringLiteral("HMCTS")));

        QVERIFY(PersonStore(test.reg()).leave(bob, std::nullopt, &error));
        changes = checkLastRow(QStringLiteral("people"), bob, {QStringLiteral("has_left")});
        QCOMPARE(changes.value(QStringLiteral("has_left")).toArray(), change(0, 1));

        QVERIFY(assets.assignOwner({*asset}, ann, &error));
        changes = checkLastRow(QStringLiteral("assets"), *asset, {QStringLiteral("iao_id")});
        QCOMPARE(changes.value(QStringLiteral("iao_id")).toArray(), change(QJsonValue::Null, ann));
        QVERIFY(changes.contains(QStringLiteral("modified_at")));

        QVERIFY(assets.recordReview({*asset}, QDate(2026, 11, 28), &error));
        changes = checkLastRow(
            QStringLiteral("assets"), *asset, {QStringLiteral("last_reviewed"), QStringLiteral("next_review_due")});
        QCOMPARE(changes.value(QStringLiteral("next_review_due")).toArray(),
                 change(QStringLiteral("2027-01-31"), QStringLiteral("2027-11-28")));

        QVERIFY(assets.setStatus({*asset}, AssetStatus::Archived, &error));
        changes = checkLastRow(QStringLiteral("assets"), *asset, {QStringLiteral("status")});
        QCOMPARE(changes.value(QStringLiteral("status")).toArray(),
                 change(QStringLiteral("Active"), QStringLiteral("Archived")));

        Asset edited = *assets.get(*asset);
        edited.description = QStringLiteral("Now with a description");
        QVERIFY(assets.update(edited, &error));
        changes = checkLastRow(QStringLiteral("assets"), *asset, {QStringLiteral("description")});
        QCOMPARE(changes.value(QStringLiteral("description")).toArray(),
                 change(QString(), QStringLiteral("Now with a description")));
    }

    // Schema::assetColumns() names every field of the assets table, as the file has it.
    void assetColumnsAreTheTablesFields()
    {
        TestRegister test;
        QCOMPARE(fieldsOf(test.reg(), QStringLiteral("assets")), Schema::assetColumns());
    }

    // Each field, changed alone, is the one change its update records, with its old and new value:
    // every column of assets, people and units as the file has them, so that a field the audit
    // triggers leave out fails here.
    void everyFieldAnUpdateChangesIsRecorded_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        TestRegister test;
        for (const QString& table : {QStringLiteral("assets"), QStringLiteral("people"), QStringLiteral("units")}) {
            for (const QString& column : fieldsOf(test.reg(), table))
                QTest::newRow(qPrintable(table + QLatin1Char('.') + column)) << table << column;
        }
    }

    void everyFieldAnUpdateChangesIsRecorded()
    {
        QFETCH(QString, table);
        QFETCH(QString, column);
        TestRegister test;
        const RecordId courts = test.addUnit(QStringLiteral("Courts"));
        const RecordId listings = test.addUnit(QStringLiteral("Listings"));
        const RecordId ann = test.addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@justice.gov.uk"));
        const RecordId bob = test.addPerson(QStringLiteral("Bob Jones"), QStringLiteral("bob@justice.gov.uk"));
        // OFFICIAL, not sensitive, not awaiting review: each of those may change on its own.
        Asset asset = validAsset(QStringLiteral("IA-000001"), courts);
        asset.classification = Classification::official();
        QString error;
        const std::optional<RecordId> assetId = AssetStore(test.reg(), QDate(2026, 11, 28)).add(asset, &error);
        QVERIFY2(assetId, qPrintable(error));

        // Two values for each field: the update sets whichever the record does not hold.
        const QHash<QString, QVariantList> values {
            {"assets.reference", {"IA-000099", "IA-000098"}},
            {"assets.name", {"Renamed asset", "Another name"}},
            {"assets.description", {"Now described", "Described again"}},
            {"assets.unit_id", {listings, courts}},
            {"assets.iao_id", {ann, bob}},
            {"assets.iam_id", {bob, ann}},
            {"assets.format", {"Paper", "Hybrid"}},
            {"assets.location", {"Basement store B", "Shared drive"}},
            {"assets.classification", {"SECRET", "TOP SECRET"}},
            {"assets.sensitive", {1, 0}},
            {"assets.legacy_marking", {"PROTECT", "RESTRICTED"}},
            {"assets.classification_needs_review", {1, 0}},
            {"assets.handling_notes", {"Lock away", "Shred"}},
            {"assets.personal_data", {"Personal", "Special category"}},
            {"assets.lawful_basis", {"Public task", "Consent"}},
            {"assets.retention", {"7 years", "Permanent"}},
            {"assets.disposal_action", {"Destroy", "Transfer to archive"}},
            {"assets.criticality", {"High", "Vital"}},
            {"assets.review_cycle_months", {6, 3}},
            {"assets.last_reviewed", {"2026-06-01", "2026-07-01"}},
            {"assets.next_review_due", {"2031-01-31", "2032-01-31"}},
            {"assets.status", {"Archived", "Disposed"}},
            {"assets.created_at", {"2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z"}},
            {"assets.modified_at", {"2030-01-01T00:00:00Z", "2031-01-01T00:00:00Z"}},
            {"people.name", {"Ann Renamed", "Ann Other"}},
            {"people.email", {"ann.renamed@justice.gov.uk", "ann.other@justice.gov.uk"}},
            {"people.login", {"arenamed", "aother"}},
            {"people.unit_id", {listings, courts}},
            {"people.has_left", {1, 0}},
            {"units.name", {"Renamed", "Courts Service"}},
            {"units.parent_id", {listings, QVariant()}},
        };
        const QString field = table + QLatin1Char('.') + column;
        QVERIFY2(values.contains(field),
                 qPrintable(field + QStringLiteral(" has no values to change to: give it two")));
        const RecordId id = table == QLatin1String("assets") ? *assetId
            : table == QLatin1String("people")               ? ann
                                                             : courts;
        QSqlQuery query(test.reg().database());
        QVERIFY(query.exec(QStringLiteral("SELECT %1 FROM %2 WHERE id = %3").arg(column, table).arg(id))
                && query.next());
        const QVariant before = query.value(0);
        const QVariant after = values.value(field).at(0).toString() == before.toString() ? values.value(field).at(1)
                                                                                         : values.value(field).at(0);

        const int rowsBefore = auditRows(test.reg()).size();
        WriteTransaction transaction(test.reg());
        QVERIFY(transaction.begin(&error));
        QVERIFY(query.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, column)));
        query.addBindValue(after);
        query.addBindValue(id);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        QVERIFY2(transaction.commit(&error), qPrintable(error));

        const QList<AuditRow> rows = auditRows(test.reg());
        QCOMPARE(rows.size(), rowsBefore + 1);
        const AuditRow& last = rows.last();
        QCOMPARE(last.table, table);
        QCOMPARE(last.recordId, id);
        QCOMPARE(last.action, QStringLiteral("update"));
        QCOMPARE(last.changes.keys(), QStringList {column});
        const auto json = [](const QVariant& value) {
            return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue::fromVariant(value);
        };
        QCOMPARE(last.changes.value(column).toArray(), change(json(before), json(after)));
    }

    void deletesRecordTheOldValues()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        WriteTransaction transaction(test.reg());
        QString error;
        QVERIFY(transaction.begin(&error));
        QSqlQuery query(test.reg().database());
        QVERIFY(query.exec(QStringLiteral("DELETE FROM units WHERE id = %1").arg(unit)));
        QVERIFY(transaction.commit(&error));
        const AuditRow last = auditRows(test.reg()).last();
        QCOMPARE(last.action, QStringLiteral("delete"));
        QCOMPARE(last.changes.value(QStringLiteral("name")).toArray(),
                 change(QStringLiteral("Courts"), QJsonValue::Null));
    }

    void anUpdateThatChangesNothingRecordsNothing()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        QString error;
        QVERIFY(UnitStore(test.reg()).rename(unit, QStringLiteral("Courts"), QStringLiteral("Courts"), &error));
        QCOMPARE(auditRows(test.reg()).size(), 1);
    }

    // The database refuses a change that would leave no audit row: one made outside Custos.
    void aChangeWithoutAnAuditRowFails_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::newRow("insert unit") << QStringLiteral("INSERT INTO units (name) VALUES ('Rogue')");
        QTest::newRow("update unit") << QStringLiteral("UPDATE units SET name = 'Rogue'");
        QTest::newRow("delete unit") << QStringLiteral("DELETE FROM units");
        QTest::newRow("insert person") << QStringLiteral("INSERT INTO people (name) VALUES ('Rogue')");
        QTest::newRow("update asset") << QStringLiteral("UPDATE assets SET name = 'Rogue'");
        QTest::newRow("delete asset") << QStringLiteral("DELETE FROM assets");
    }

    void aChangeWithoutAnAuditRowFails()
    {
        QFETCH(QString, statement);
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        QString error;
        QVERIFY(AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-000001"), unit), &error));
        const int auditBefore = test.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt();

        QSqlQuery query(test.reg().database());
        QVERIFY(!query.exec(statement));
        QVERIFY(query.lastError().databaseText().contains(QLatin1String("must be made through Custos")));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), auditBefore);
        QCOMPARE(test.scalar(QStringLiteral("SELECT name FROM units")).toString(), QStringLiteral("Courts"));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM assets")).toInt(), 1);
    }

    void theAuditTrailCannotBeChanged_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::newRow("update") << QStringLiteral("UPDATE audit_log SET actor = 'someone else'");
        QTest::newRow("delete") << QStringLiteral("DELETE FROM audit_log");
    }

    void theAuditTrailCannotBeChanged()
    {
        QFETCH(QString, statement);
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        WriteTransaction transaction(test.reg());
        QString error;
        QVERIFY(transaction.begin(&error));
        QSqlQuery query(test.reg().database());
        QVERIFY(!query.exec(statement));
        QVERIFY(query.lastError().databaseText().contains(QLatin1String("audit trail cannot be changed")));
        QVERIFY(transaction.commit(&error));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 1);
        QCOMPARE(test.scalar(QStringLiteral("SELECT actor FROM audit_log")).toString(), currentLogin());
    }

    // The triggers build the recorded changes with custos_changes(); version 4's triggers built
    // them with a query of SQLite's JSON functions, and the two must write the same text, so that
    // one trail reads the same before and after an upgrade.
    void changesAreWrittenAsSqliteJsonWritesThem_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("null to text") << "NULL"
                                      << "'Courts'";
        QTest::newRow("empty text is no value") << "NULL"
                                                << "''";
        QTest::newRow("empty to text") << "''"
                                       << "'x'";
        QTest::newRow("same text") << "'Courts'"
                                   << "'Courts'";
        QTest::newRow("text changed") << "'Courts'"
                                      << "'Tribunals'";
        QTest::newRow("number and its text differ") << "1"
                                                    << "'1'";
        QTest::newRow("integer and real alike") << "12"
                                                << "12.0";
        QTest::newRow("integer to zero") << "NULL"
                                         << "0";
        QTest::newRow("real") << "NULL"
                              << "2.5";
        QTest::newRow("quote and backslash") << "'a\"b'"
                                             << "'c\\d'";
        QTest::newRow("control characters") << "char(1, 8, 9, 10, 12, 13, 27, 31)"
                                            << "char(127, 133, 8238)";
        QTest::newRow("non-Latin text") << "'Caerdydd'"
                                        << "'日本語 é'";
    }

    void changesAreWrittenAsSqliteJsonWritesThem()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        const QString name = QStringLiteral("changes-%1").arg(QTest::currentDataTag());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QStringLiteral(":memory:"));
            QVERIFY(db.open());
            QVERIFY(AuditChain::install(db));
            QSqlQuery query(db);
            QVERIFY2(query.exec(QStringLiteral("SELECT custos_changes('name', %1, %2, 'email', NULL, 'x'), "
                                               "(SELECT json_group_object(f, json_array(o, n)) FROM "
                                               "(SELECT 'name' AS f, %1 AS o, %2 AS n UNION ALL "
                                               "SELECT 'email', NULL, 'x') "
                                               "WHERE coalesce(o, '') IS NOT coalesce(n, ''))")
                                    .arg(before, after)),
                     qPrintable(query.lastError().text()));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), query.value(1).toString());
        }
        QSqlDatabase::removeDatabase(name);
    }
};

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "tst_audittrail.moc"
