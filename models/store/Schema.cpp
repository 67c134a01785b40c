#include "models/store/Schema.h"

namespace custos {

namespace {

// CHECK constraints spell out "a = x OR a = y": SQLite builds a temporary table for every
// "a IN (x, y, z)" it evaluates, which made each insert several times slower.
const char* const kUnitsV1 = R"sql(
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0 AND instr(name, ' / ') = 0),
    parent_id INTEGER REFERENCES units(id)
))sql";

const char* const kPeopleV1 = R"sql(
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email TEXT,
    login TEXT,
    unit_id INTEGER REFERENCES units(id),
    has_left INTEGER NOT NULL DEFAULT 0 CHECK (has_left = 0 OR has_left = 1)
))sql";

const char* const kAssetsV1 = R"sql(
CREATE TABLE assets (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    unit_id INTEGER NOT NULL REFERENCES units(id),
    iao_id INTEGER REFERENCES people(id),
    iam_id INTEGER REFERENCES people(id),
    format TEXT CHECK (format = 'Digital' OR format = 'Paper' OR format = 'Hybrid'),
    location TEXT NOT NULL DEFAULT '',
    classification TEXT
        CHECK (classification = 'OFFICIAL' OR classification = 'SECRET' OR classification = 'TOP SECRET'),
    sensitive INTEGER NOT NULL DEFAULT 0
        CHECK (sensitive = 0 OR (sensitive = 1 AND classification = 'OFFICIAL')),
    legacy_marking TEXT CHECK (legacy_marking = 'UNCLASSIFIED' OR legacy_marking = 'PROTECT'
        OR legacy_marking = 'RESTRICTED' OR legacy_marking = 'CONFIDENTIAL'),
    classification_needs_review INTEGER NOT NULL DEFAULT 0
        CHECK (classification_needs_review = 0 OR (classification_needs_review = 1 AND classification IS NOT NULL)),
    handling_notes TEXT NOT NULL DEFAULT '',
    personal_data TEXT NOT NULL DEFAULT 'None'
        CHECK (personal_data = 'None' OR personal_data = 'Personal' OR personal_data = 'Special category'
            OR personal_data = 'Criminal offence'),
    lawful_basis TEXT NOT NULL DEFAULT '',
    retention TEXT NOT NULL DEFAULT '',
    disposal_action TEXT NOT NULL DEFAULT '',
    criticality TEXT
        CHECK (criticality = 'Low' OR criticality = 'Medium' OR criticality = 'High' OR criticality = 'Vital'),
    review_cycle_months INTEGER NOT NULL DEFAULT 12
        CHECK (review_cycle_months = 3 OR review_cycle_months = 6 OR review_cycle_months = 12),
    last_reviewed TEXT,
    next_review_due TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'Active' CHECK (status = 'Active' OR status = 'Archived' OR status = 'Disposed'),
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
))sql";

const char* const kReviewsV1 = R"sql(
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    asset_id INTEGER NOT NULL REFERENCES assets(id),
    reviewed_on TEXT NOT NULL,
    reviewed_by TEXT NOT NULL
))sql";

const char* const kAuditLogV1 = R"sql(
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action = 'insert' OR action = 'update' OR action = 'delete'),
    record_table TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    changes TEXT NOT NULL
))sql";

// Holds one row, the writer's login, for the length of each Custos write transaction.
const char* const kWriteSessionV1 = "CREATE TABLE write_session (actor TEXT NOT NULL)";

const QStringList kUnitColumnsV1 {"name", "parent_id"};
const QStringList kPeopleColumnsV1 {"name", "email", "login", "unit_id", "has_left"};
const QStringList kAssetColumnsV1 {
    "reference",
    "name",
    "description",
    "unit_id",
    "iao_id",
    "iam_id",
    "format",
    "location",
    "classification",
    "sensitive",
    "legacy_marking",
    "classification_needs_review",
    "handling_notes",
    "personal_data",
    "lawful_basis",
    "retention",
    "disposal_action",
    "criticality",
    "review_cycle_months",
    "last_reviewed",
    "next_review_due",
    "status",
    "created_at",
    "modified_at",
};

// {"column": [old, new], ...} for the columns whose value differs. Empty text and NULL both mean
// "nothing recorded", so an insert leaves blank fields out.
QString changedColumnsJson(const QStringList& columns, const QString& oldRow, const QString& newRow)
{
    QStringList rows;
    for (const QString& column : columns) {
        const QString oldValue = oldRow.isEmpty() ? QStringLiteral("NULL") : oldRow + '.' + column;
        const QString newValue = newRow.isEmpty() ? QStringLiteral("NULL") : newRow + '.' + column;
        rows << QStringLiteral("SELECT '%1' AS f, %2 AS o, %3 AS n").arg(column, oldValue, newValue);
    }
    return QStringLiteral("(SELECT json_group_object(f, json_array(o, n)) FROM (%1) "
                          "WHERE coalesce(o, '') IS NOT coalesce(n, ''))")
        .arg(rows.join(QStringLiteral(" UNION ALL ")));
}

// The same object, built by custos_changes() (see AuditChain), which Custos registers on its
// connections: one function call instead of a query over every column for each row written.
QString changesCall(const QStringList& columns, const QString& oldRow, const QString& newRow)
{
    QStringList arguments;
    for (const QString& column : columns) {
        arguments << QStringLiteral("'%1'").arg(column)
                  << (oldRow.isEmpty() ? QStringLiteral("NULL") : oldRow + '.' + column)
                  << (newRow.isEmpty() ? QStringLiteral("NULL") : newRow + '.' + column);
    }
    return QStringLiteral("custos_changes(%1)").arg(arguments.join(QStringLiteral(", ")));
}

using ChangesExpression = QString (*)(const QStringList& columns, const QString& oldRow, const QString& newRow);

// The parts of one audit trigger: the row it records, and for updates the condition that a
// recorded column changed.
struct TriggerParts
{
    QString oldRow;
    QString newRow;
    QString row;
    QString when;

    TriggerParts(const QStringList& columns, const QString& action)
        : oldRow(action == QLatin1String("insert") ? QString() : QStringLiteral("OLD"))
        , newRow(action == QLatin1String("delete") ? QString() : QStringLiteral("NEW"))
        , row(newRow.isEmpty() ? oldRow : newRow)
    {
        if (action == QLatin1String("update")) {
            QStringList differences;
            for (const QString& column : columns)
                differences << QStringLiteral("OLD.%1 IS NOT NEW.%1").arg(column);
            when = QStringLiteral(" WHEN ") + differences.join(QStringLiteral(" OR "));
        }
    }
};

const char* const kRefuseOutsideCustos
    = "SELECT RAISE(ABORT, 'Changes to a Custos register must be made through Custos, which records them in the "
      "audit trail.') WHERE NOT EXISTS (SELECT 1 FROM write_session); ";

// Version 1's triggers, as version 1 made them.
QString auditTriggerV1(const QString& table, const QStringList& columns, const QString& action)
{
    const TriggerParts parts(columns, action);
    return QStringLiteral("CREATE TRIGGER %1_audit_%2 AFTER %3 ON %1%4 BEGIN %7"
                          "INSERT INTO audit_log (at, actor, action, record_table, record_id, changes) "
                          "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), actor, '%2', '%1', %5.id, %6 "
                          "FROM write_session LIMIT 1; END")
        .arg(table,
             action,
             action.toUpper(),
             parts.when,
             parts.row,
             changedColumnsJson(columns, parts.oldRow, parts.newRow),
             QLatin1String(kRefuseOutsideCustos));
}

// How a chained trigger reads the chain's head (the last row's number and hash) and the writer.
// Version 4 and 5 joined two subqueries, which SQLite builds as a table in memory every time a
// row is written (an eighth of an import's work); version 6 reads the same values with scalar
// subqueries.
struct ChainHead
{
    QString id;
    QString previous;
    QString actor;
    QString from;
};

const ChainHead kJoinedHead {QStringLiteral("coalesce(last.id, 0) + 1"),
                             QStringLiteral("last.hash"),
                             QStringLiteral("session.actor"),
                             QStringLiteral(" FROM (SELECT actor FROM write_session LIMIT 1) AS session LEFT JOIN "
                                            "(SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) AS last ON 1")};
const ChainHead kScalarHead {QStringLiteral("coalesce((SELECT max(id) FROM audit_log), 0) + 1"),
                             QStringLiteral("(SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1)"),
                             QStringLiteral("(SELECT actor FROM write_session LIMIT 1)"),
                             QString()};

// Version 4's triggers and later: each row also carries its place in the hash chain, which
// custos_chain() computes from the previous row's hash. Only Custos registers that function.
// Version 5's build the recorded changes with custos_changes() instead of a query.
QString chainedAuditTrigger(const QString& table,
                            const QStringList& columns,
                            const QString& action,
                            ChangesExpression changes,
                            const ChainHead& head)
{
    const TriggerParts parts(columns, action);
    return QStringLiteral("CREATE TRIGGER %1_audit_%2 AFTER %3 ON %1%4 BEGIN %7"
                          "INSERT INTO audit_log (id, at, actor, action, record_table, record_id, changes, hash) "
                          "SELECT id, at, actor, '%2', '%1', record_id, changes, "
                          "custos_chain(previous, id, at, actor, '%2', '%1', record_id, changes) "
                          "FROM (SELECT %8 AS id, %9 AS previous, "
                          "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, %10 AS actor, %5.id AS record_id, "
                          "%6 AS changes%11); END")
        .arg(table,
             action,
             action.toUpper(),
             parts.when,
             parts.row,
             changes(columns, parts.oldRow, parts.newRow),
             QLatin1String(kRefuseOutsideCustos),
             head.id,
             head.previous)
        .arg(head.actor, head.from);
}

const QStringList kActions {QStringLiteral("insert"), QStringLiteral("update"), QStringLiteral("delete")};

QStringList auditTriggersV1(const QString& table, const QStringList& columns)
{
    QStringList triggers;
    for (const QString& action : kActions)
        triggers << auditTriggerV1(table, columns, action);
    return triggers;
}

const char* const kAuditLogNoUpdate = "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
                                      "SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END";

} // namespace

const QStringList& Schema::auditedTables()
{
    static const QStringList tables {QStringLiteral("units"), QStringLiteral("people"), QStringLiteral("assets")};
    return tables;
}

const QStringList& Schema::auditedColumns(const QString& table)
{
    if (table == QLatin1String("units"))
        return kUnitColumnsV1;
    if (table == QLatin1String("people"))
        return kPeopleColumnsV1;
    return kAssetColumnsV1;
}

const QStringList& Schema::assetColumns()
{
    return kAssetColumnsV1;
}

QStringList Schema::version1()
{
    QStringList statements {
        QString::fromUtf8(kUnitsV1),
        QStringLiteral("CREATE UNIQUE INDEX units_sibling_name ON units (coalesce(parent_id, 0), name)"),
        QString::fromUtf8(kPeopleV1),
        QStringLiteral("CREATE UNIQUE INDEX people_email ON people (lower(email)) WHERE email IS NOT NULL"),
        QStringLiteral("CREATE INDEX people_login ON people (login)"),
        QString::fromUtf8(kAssetsV1),
        QStringLiteral("CREATE INDEX assets_unit ON assets (unit_id)"),
        QStringLiteral("CREATE INDEX assets_iao ON assets (iao_id)"),
        QStringLiteral("CREATE INDEX assets_iam ON assets (iam_id)"),
        QStringLiteral("CREATE INDEX assets_next_review ON assets (next_review_due)"),
        QString::fromUtf8(kReviewsV1),
        QStringLiteral("CREATE INDEX reviews_asset ON reviews (asset_id)"),
        QString::fromUtf8(kAuditLogV1),
        QStringLiteral("CREATE INDEX audit_log_record ON audit_log (record_table, record_id)"),
        QString::fromUtf8(kAuditLogNoUpdate),
        QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
                       "SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END"),
        QString::fromUtf8(kWriteSessionV1),
    };
    for (const QString& table : auditedTables())
        statements << auditTriggersV1(table, auditedColumns(table));
    return statements;
}

QStringList Schema::version2()
{
    return {QStringLiteral("CREATE INDEX assets_name ON assets (name COLLATE NOCASE)")};
}

QStringList Schema::version3()
{
    QStringList statements;
    for (const char* table : {"assets", "people", "units"}) {
        statements
            << QStringLiteral("ALTER TABLE %1 ADD COLUMN version INTEGER NOT NULL DEFAULT 1").arg(QLatin1String(table));
        // Every update moves the version on, whoever makes it, so that a writer holding an older
        // copy can tell. (Recursive triggers are off: the inner update fires no trigger of its own.)
        statements << QStringLiteral("CREATE TRIGGER %1_version AFTER UPDATE ON %1 WHEN NEW.version IS OLD.version "
                                     "BEGIN UPDATE %1 SET version = OLD.version + 1 WHERE id = NEW.id; END")
                          .arg(QLatin1String(table));
    }
    return statements;
}

QStringList Schema::version4Start()
{
    QStringList statements;
    for (const QString& table : auditedTables()) {
        for (const QString& action : kActions)
            statements << QStringLiteral("DROP TRIGGER %1_audit_%2").arg(table, action);
    }
    statements << QStringLiteral("DROP TRIGGER audit_log_no_update");
    statements << QStringLiteral("ALTER TABLE audit_log ADD COLUMN hash BLOB");
    return statements;
}

QStringList Schema::version4Finish()
{
    QStringList statements {QString::fromUtf8(kAuditLogNoUpdate)};
    for (const QString& table : auditedTables()) {
        for (const QString& action : kActions)
            statements << chainedAuditTrigger(table, auditedColumns(table), action, changedColumnsJson, kJoinedHead);
    }
    return statements;
}

QStringList Schema::version5()
{
    QStringList statements;
    for (const QString& table : auditedTables()) {
        for (const QString& action : kActions) {
            statements << QStringLiteral("DROP TRIGGER %1_audit_%2").arg(table, action)
                       << chainedAuditTrigger(table, auditedColumns(table), action, changesCall, kJoinedHead);
        }
    }
    return statements;
}

QStringList Schema::version6()
{
    QStringList statements;
    for (const QString& table : auditedTables()) {
        for (const QString& action : kActions) {
            statements << QStringLiteral("DROP TRIGGER %1_audit_%2").arg(table, action)
                       << chainedAuditTrigger(table, auditedColumns(table), action, changesCall, kScalarHead);
        }
    }
    return statements;
}

} // namespace custos
