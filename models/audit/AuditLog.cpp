#include "models/audit/AuditLog.h"

#include "models/people/PersonStore.h"
#include "models/store/Register.h"
#include "models/units/UnitStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlQuery>
#include <algorithm>

namespace custos {

namespace {

// The record's own reference or name, or (once deleted) the one its last audit row remembers.
const char* const kSelectEntries = R"sql(
SELECT l.id, l.at, l.actor, l.action, l.record_table, l.record_id, l.changes,
    coalesce(CASE l.record_table
        WHEN 'assets' THEN (SELECT reference FROM assets WHERE id = l.record_id)
        WHEN 'people' THEN (SELECT name FROM people WHERE id = l.record_id)
        ELSE (SELECT name FROM units WHERE id = l.record_id) END,
        json_extract(l.changes, '$.reference[0]'), json_extract(l.changes, '$.name[0]'), '#' || l.record_id)
FROM audit_log l)sql";

const QHash<QString, QString>& recordKinds()
{
    static const QHash<QString, QString> kinds {{QStringLiteral("assets"), QStringLiteral("Asset")},
                                                {QStringLiteral("people"), QStringLiteral("Person")},
                                                {QStringLiteral("units"), QStringLiteral("Business unit")}};
    return kinds;
}

const QHash<QString, QString>& fieldLabels()
{
    static const QHash<QString, QString> labels {
        {QStringLiteral("reference"), QStringLiteral("Reference")},
        {QStringLiteral("name"), QStringLiteral("Name")},
        {QStringLiteral("description"), QStringLiteral("Description")},
        {QStringLiteral("unit_id"), QStringLiteral("Business unit")},
        {QStringLiteral("parent_id"), QStringLiteral("Part of")},
        {QStringLiteral("iao_id"), QStringLiteral("IAO")},
        {QStringLiteral("iam_id"), QStringLiteral("IAM")},
        {QStringLiteral("format"), QStringLiteral("Format")},
        {QStringLiteral("location"), QStringLiteral("Location")},
        {QStringLiteral("classification"), QStringLiteral("Classification")},
        {QStringLiteral("sensitive"), QStringLiteral("OFFICIAL-SENSITIVE")},
        {QStringLiteral("legacy_marking"), QStringLiteral("Legacy marking")},
        {QStringLiteral("classification_needs_review"), QStringLiteral("Classification needs review")},
        {QStringLiteral("handling_notes"), QStringLiteral("Handling notes")},
        {QStringLiteral("personal_data"), QStringLiteral("Personal data")},
        {QStringLiteral("lawful_basis"), QStringLiteral("Lawful basis")},
        {QStringLiteral("retention"), QStringLiteral("Retention")},
        {QStringLiteral("disposal_action"), QStringLiteral("Disposal action")},
        {QStringLiteral("criticality"), QStringLiteral("Criticality")},
        {QStringLiteral("review_cycle_months"), QStringLiteral("Review cycle (months)")},
        {QStringLiteral("last_reviewed"), QStringLiteral("Last reviewed")},
        {QStringLiteral("next_review_due"), QStringLiteral("Next review due")},
        {QStringLiteral("status"), QStringLiteral("Status")},
        {QStringLiteral("created_at"), QStringLiteral("Created")},
        {QStringLiteral("modified_at"), QStringLiteral("Modified")},
        {QStringLiteral("email"), QStringLiteral("Email")},
        {QStringLiteral("login"), QStringLiteral("Login")},
        {QStringLiteral("has_left"), QStringLiteral("Has left")},
    };
    return labels;
}

void bindAll(QSqlQuery& query, const QVariantMap& values)
{
    for (auto it = values.begin(); it != values.end(); ++it)
        query.bindValue(it.key(), it.value());
}

bool isYesNo(const QString& column)
{
    return column == QLatin1String("sensitive") || column == QLatin1String("classification_needs_review")
        || column == QLatin1String("has_left");
}

} // namespace

QString AuditEntry::actionText() const
{
    if (action == QLatin1String("insert"))
        return QStringLiteral("Added");
    if (action == QLatin1String("delete"))
        return QStringLiteral("Deleted");
    return QStringLiteral("Changed");
}

QString AuditEntry::summary() const
{
    return action == QLatin1String("update") ? changesText(QStringLiteral("; ")) : actionText();
}

QString AuditEntry::changesText(const QString& separator) const
{
    QStringList parts;
    for (const FieldChange& change : changes)
        parts << QStringLiteral("%1: %2 \u2192 %3").arg(change.field, change.before, change.after);
    return parts.join(separator);
}

AuditLog::AuditLog(Register& reg)
    : m_register(reg)
{
    for (const Person& person : PersonStore(reg).all()) {
        m_people.insert(person.id, person.name);
        // Where people share a login, the one still here names it.
        if (!person.login.isEmpty() && (!person.hasLeft || !m_namesByLogin.contains(person.login)))
            m_namesByLogin.insert(person.login, person.name);
    }
    const UnitTree units = UnitStore(reg).tree();
    for (const BusinessUnit& unit : units.units())
        m_units.insert(unit.id, units.path(unit.id));
}

QList<AuditEntry> AuditLog::forRecord(const QString& table, RecordId id) const
{
    return read(QStringLiteral("l.record_table = :table AND l.record_id = :id"),
                {{QStringLiteral(":table"), table}, {QStringLiteral(":id"), id}},
                -1);
}

QString AuditLog::latestChange(const QString& table, RecordId id) const
{
    const QList<AuditEntry> history = forRecord(table, id);
    if (history.isEmpty())
        return {};
    return QStringLiteral("%1 at %2: %3")
        .arg(history.first().actor,
             QLocale().toString(history.first().at.toLocalTime(), QLocale::ShortFormat),
             history.first().summary());
}

QList<AuditEntry> AuditLog::page(const AuditFilter& filter, std::optional<RecordId> beforeId, int limit) const
{
    QVariantMap values = filter.parameters();
    if (!beforeId)
        return read(filter.whereClause(), values, limit);
    values.insert(QStringLiteral(":before"), *beforeId);
    return read(QStringLiteral("l.id < :before AND %1").arg(filter.whereClause()), values, limit);
}

qint64 AuditLog::count(const AuditFilter& filter) const
{
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("SELECT count(*) FROM audit_log l WHERE %1").arg(filter.whereClause()));
    bindAll(query, filter.parameters());
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

AuditLog::Actors AuditLog::actorsAfter(RecordId afterId) const
{
    QSqlQuery query(m_register.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT actor, max(id) FROM audit_log WHERE id > :after GROUP BY actor"));
    query.bindValue(QStringLiteral(":after"), afterId);
    query.exec();
    Actors actors {{}, afterId};
    while (query.next()) {
        actors.logins << query.value(0).toString();
        actors.newestId = std::max(actors.newestId, query.value(1).toLongLong());
    }
    return actors;
}

QList<AuditEntry> AuditLog::read(const QString& where, const QVariantMap& values, int limit) const
{
    QSqlQuery query(m_register.database());
    query.setForwardOnly(true);
    query.prepare(QString::fromLatin1(kSelectEntries)
                  + QStringLiteral(" WHERE %1 ORDER BY l.id DESC LIMIT %2").arg(where).arg(limit));
    bindAll(query, values);
    query.exec();
    QList<AuditEntry> entries;
    while (query.next()) {
        AuditEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.at = QDateTime::fromString(query.value(1).toString(), Qt::ISODate);
        entry.actor = query.value(2).toString();
        entry.actorName = m_namesByLogin.value(entry.actor);
        entry.action = query.value(3).toString();
        entry.table = query.value(4).toString();
        entry.recordId = query.value(5).toLongLong();
        entry.record
            = QStringLiteral("%1 %2").arg(recordKinds().value(entry.table, entry.table), query.value(7).toString());
        const QJsonObject changes = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            // Keys come in name order. The modification time changes with every edit; the entry's own
            // time says it.
            if (it.key() == QLatin1String("modified_at"))
                continue;
            const QJsonArray pair = it.value().toArray();
            entry.changes.append({fieldLabels().value(it.key(), it.key()),
                                  valueText(it.key(), pair.at(0).toVariant()),
                                  valueText(it.key(), pair.at(1).toVariant())});
        }
        entries.append(entry);
    }
    return entries;
}

QString AuditLog::valueText(const QString& column, const QVariant& value) const
{
    if (value.isNull() || value.toString().isEmpty())
        return QStringLiteral("(none)");
    if (isYesNo(column))
        return value.toInt() ? QStringLiteral("Yes") : QStringLiteral("No");
    const RecordId id = value.toLongLong();
    if (column == QLatin1String("iao_id") || column == QLatin1String("iam_id"))
        return m_people.value(id, QStringLiteral("person #%1").arg(id));
    if (column == QLatin1String("unit_id") || column == QLatin1String("parent_id"))
        return m_units.value(id, QStringLiteral("unit #%1").arg(id));
    return value.toString();
}

} // namespace custos
