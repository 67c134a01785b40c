#include "models/audit/AuditFilter.h"

#include "models/store/Schema.h"
#include "models/store/SqlValues.h"

#include <QDateTime>
#include <QStringList>
#include <algorithm>

namespace custos {

namespace {

// Each part is one index search on audit_log_record (record_table, record_id), so a record's
// entries come straight from the index however long the trail.
const char* const kRecordIs = R"sql(((l.record_table = 'assets' AND l.record_id IN
        (SELECT id FROM assets WHERE reference = :record))
    OR (l.record_table = 'people' AND l.record_id IN (SELECT id FROM people WHERE name = :record))
    OR (l.record_table = 'units' AND l.record_id IN (SELECT id FROM units WHERE name = :record))
    OR (l.record_table IN ('assets', 'people', 'units') AND l.record_id = :recordId)))sql";

// The recorded changes are JSON: {"field": [before, after], ...}. A search looks at the values
// only: not at the field names every entry holds ("name", "email"), nor at the ids of units and
// people, which mean nothing to a reader. Most searches cannot match those (searchCanMatchJsonSyntax),
// and a LIKE over the whole text answers them; the rest take each entry that LIKE passes apart.
const char* const kChangesHold = "l.changes LIKE :searchJson ESCAPE '\\'";
const char* const kChangesHoldInAValue = R"sql((l.changes LIKE :searchJson ESCAPE '\' AND EXISTS
        (SELECT 1 FROM json_each(l.changes) AS field, json_each(field.value) AS side
         WHERE field.key NOT LIKE '%\_id' ESCAPE '\' AND side.value LIKE :search ESCAPE '\')))sql";

const char* const kSearchFor = R"sql((%1
    OR l.actor LIKE :search ESCAPE '\'
    OR l.actor IN (SELECT login FROM people WHERE name LIKE :search ESCAPE '\')
    OR (l.record_table = 'assets' AND l.record_id IN
        (SELECT id FROM assets WHERE reference LIKE :search ESCAPE '\' OR name LIKE :search ESCAPE '\'))
    OR (l.record_table = 'people' AND l.record_id IN (SELECT id FROM people WHERE name LIKE :search ESCAPE '\'))
    OR (l.record_table = 'units' AND l.record_id IN (SELECT id FROM units WHERE name LIKE :search ESCAPE '\'))))sql";

// Whether `text` could match in the changes' JSON outside a text value: in a field name, a number
// (ids are numbers), null, true or false, or the punctuation between them.
bool searchCanMatchJsonSyntax(const QString& text)
{
    static const QString kPunctuation = QStringLiteral("\"\\:[]{},");
    static const QString kNumberCharacters = QStringLiteral("0123456789+-.eE");
    if (std::any_of(text.begin(), text.end(), [](QChar c) { return kPunctuation.contains(c) || c.unicode() < 0x20; }))
        return true;
    if (std::all_of(text.begin(), text.end(), [](QChar c) { return kNumberCharacters.contains(c); }))
        return true;
    QStringList words {QStringLiteral("null"), QStringLiteral("true"), QStringLiteral("false")};
    for (const QString& table : Schema::auditedTables())
        words << Schema::auditedColumns(table);
    return std::any_of(
        words.begin(), words.end(), [&text](const QString& word) { return word.contains(text, Qt::CaseInsensitive); });
}

// The trail's times are ISO 8601 in UTC with milliseconds, so they compare as text.
QString startOfLocalDay(const QDate& day)
{
    // startOfDay(): where the clocks change at midnight, 00:00 does not exist that day.
    return day.startOfDay().toUTC().toString(Qt::ISODateWithMs);
}

// A LIKE pattern that every JSON text holding `text` in a string matches: JSON writes '"', '\' and
// control characters as escapes, so each stands for any run of characters.
QString jsonTextPattern(const QString& text)
{
    QString pattern = QStringLiteral("%");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\') || c.unicode() < 0x20)
            pattern += QLatin1Char('%');
        else if (c == QLatin1Char('%') || c == QLatin1Char('_'))
            pattern += QLatin1Char('\\') + c;
        else
            pattern += c;
    }
    return pattern + QLatin1Char('%');
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
        conditions << QString::fromLatin1(kSearchFor)
                          .arg(QLatin1String(searchCanMatchJsonSyntax(search.trimmed()) ? kChangesHoldInAValue
                                                                                        : kChangesHold));
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
    if (!search.trimmed().isEmpty()) {
        values.insert(QStringLiteral(":search"), containsPattern(search.trimmed()));
        values.insert(QStringLiteral(":searchJson"), jsonTextPattern(search.trimmed()));
    }
    return values;
}

} // namespace custos
