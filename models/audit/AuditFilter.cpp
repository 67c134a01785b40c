#include "models/audit/AuditFilter.h"

#include "models/store/SqlValues.h"

#include <QDateTime>
#include <QStringList>

namespace custos {

namespace {

// Each part is one index search on audit_log_record (record_table, record_id), so a record's
// entries come straight from the index however long the trail.
const char* const kRecordIs = R"sql(((l.record_table = 'assets' AND l.record_id IN
        (SELECT id FROM assets WHERE reference = :record))
    OR (l.record_table = 'people' AND l.record_id IN (SELECT id FROM people WHERE name = :record))
    OR (l.record_table = 'units' AND l.record_id IN (SELECT id FROM units WHERE name = :record))
    OR (l.record_table IN ('assets', 'people', 'units') AND l.record_id = :recordId)))sql";

const char* const kSearchFor = R"sql((l.changes LIKE :search ESCAPE '\' OR l.actor LIKE :search ESCAPE '\'
    OR l.actor IN (SELECT login FROM people WHERE name LIKE :search ESCAPE '\')
    OR (l.record_table = 'assets' AND l.record_id IN
        (SELECT id FROM assets WHERE reference LIKE :search ESCAPE '\' OR name LIKE :search ESCAPE '\'))
    OR (l.record_table = 'people' AND l.record_id IN (SELECT id FROM people WHERE name LIKE :search ESCAPE '\'))
    OR (l.record_table = 'units' AND l.record_id IN (SELECT id FROM units WHERE name LIKE :search ESCAPE '\'))))sql";

// The trail's times are ISO 8601 in UTC with milliseconds, so they compare as text.
QString startOfLocalDay(const QDate& day)
{
    // startOfDay(): where the clocks change at midnight, 00:00 does not exist that day.
    return day.startOfDay().toUTC().toString(Qt::ISODateWithMs);
}

// "#42" or "42" as a record id; nothing for any other text.
QVariant recordIdIn(const QString& text)
{
    bool isNumber = false;
    const qlonglong id = (text.startsWith(QLatin1Char('#')) ? text.mid(1) : text).toLongLong(&isNumber);
    return isNumber ? QVariant(id) : QVariant(QMetaType::fromType<qlonglong>());
}

} // namespace

QString AuditFilter::whereClause() const
{
    QStringList conditions;
    if (!actor.isEmpty())
        conditions << QStringLiteral("l.actor = :actor");
    if (!table.isEmpty())
        conditions << QStringLiteral("l.record_table = :table");
    if (!record.trimmed().isEmpty())
        conditions << QLatin1String(kRecordIs);
    if (from)
        conditions << QStringLiteral("l.at >= :from");
    if (to)
        conditions << QStringLiteral("l.at < :toNext");
    if (!search.trimmed().isEmpty())
        conditions << QLatin1String(kSearchFor);
    return conditions.isEmpty() ? QStringLiteral("1 = 1") : conditions.join(QStringLiteral(" AND "));
}

QVariantMap AuditFilter::parameters() const
{
    QVariantMap values;
    if (!actor.isEmpty())
        values.insert(QStringLiteral(":actor"), actor);
    if (!table.isEmpty())
        values.insert(QStringLiteral(":table"), table);
    if (!record.trimmed().isEmpty()) {
        values.insert(QStringLiteral(":record"), record.trimmed());
        values.insert(QStringLiteral(":recordId"), recordIdIn(record.trimmed()));
    }
    if (from)
        values.insert(QStringLiteral(":from"), startOfLocalDay(*from));
    if (to)
        values.insert(QStringLiteral(":toNext"), startOfLocalDay(to->addDays(1)));
    if (!search.trimmed().isEmpty())
        values.insert(QStringLiteral(":search"), containsPattern(search.trimmed()));
    return values;
}

} // namespace custos
