#include "models/assets/AssetView.h"

#include "models/domain/CoverageRules.h"
#include "models/units/UnitTree.h"

#include <QStringList>

namespace custos {

namespace {

const char* const kRowColumns = "a.id, a.reference, a.name, a.unit_id, iao.name, a.classification, a.sensitive, "
                                "a.classification_needs_review, a.next_review_due, a.status";

QString unitOrder(const UnitTree& units)
{
    // Unit ids are the register's own numbers, never user text, so they can stand in the SQL.
    QStringList cases;
    int position = 0;
    for (RecordId id : units.idsByPath())
        cases << QStringLiteral("WHEN %1 THEN %2").arg(id).arg(position++);
    if (cases.isEmpty())
        return QStringLiteral("a.unit_id");
    return QStringLiteral("(CASE a.unit_id %1 END)").arg(cases.join(QLatin1Char(' ')));
}

} // namespace

QString assetColumnTitle(AssetColumn column)
{
    switch (column) {
    case AssetColumn::Reference:
        return QStringLiteral("Reference");
    case AssetColumn::Name:
        return QStringLiteral("Name");
    case AssetColumn::BusinessUnit:
        return QStringLiteral("Business unit");
    case AssetColumn::Owner:
        return QStringLiteral("IAO");
    case AssetColumn::Classification:
        return QStringLiteral("Classification");
    case AssetColumn::NextReviewDue:
        return QStringLiteral("Next review due");
    case AssetColumn::Status:
        return QStringLiteral("Status");
    case AssetColumn::Count:
        break;
    }
    return {};
}

QString AssetView::idsSql(const UnitTree& units, int limit) const
{
    QString key;
    switch (sortColumn) {
    case AssetColumn::Name:
        // The name index gives the first page without sorting. For the whole list, or a search
        // (whose matches bunch together by name, so the index walk can read most of the table
        // before it finds a page), sorting is faster: "+" keeps SQLite from using the index.
        key = limit >= 0 && filter.search.trimmed().isEmpty() ? QStringLiteral("a.name COLLATE NOCASE")
                                                              : QStringLiteral("+a.name COLLATE NOCASE");
        break;
    case AssetColumn::BusinessUnit:
        key = unitOrder(units);
        break;
    case AssetColumn::Owner:
        key = QStringLiteral("iao.name IS NULL, iao.name COLLATE NOCASE");
        break;
    case AssetColumn::Classification:
        key = QLatin1String(CoverageRules::kClassificationRank);
        break;
    case AssetColumn::NextReviewDue:
        key = QStringLiteral("a.next_review_due");
        break;
    case AssetColumn::Status:
        key = QStringLiteral("a.status");
        break;
    case AssetColumn::Reference:
    case AssetColumn::Count:
        key = QStringLiteral("a.reference");
        break;
    }
    const QString direction = sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QStringList keys = key.split(QStringLiteral(", "));
    for (QString& part : keys)
        part += direction;
    // The id breaks ties, so the order is the same every time the query runs.
    keys << QStringLiteral("a.id") + direction;
    // No LIMIT at all for the whole list: with one, even LIMIT -1, SQLite sorts into a B-tree,
    // which measured three times slower than its merge sort on a million rows.
    return QStringLiteral("SELECT a.id FROM %1 WHERE %2 ORDER BY %3%4")
        .arg(QLatin1String(CoverageRules::kFrom),
             filter.whereClause(),
             keys.join(QStringLiteral(", ")),
             limit >= 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString());
}

QString AssetView::rowsSql(const QList<RecordId>& ids)
{
    // The ids come from the register itself, so they can stand in the SQL; the flags use the
    // coverage rules, so a flagged cell always agrees with the dashboards.
    QStringList idList;
    for (RecordId id : ids)
        idList << QString::number(id);
    return QStringLiteral("SELECT %1, %2, %3 FROM %4 WHERE a.id IN (%5)")
        .arg(QLatin1String(kRowColumns),
             QLatin1String(CoverageRules::kUnowned),
             QLatin1String(CoverageRules::kOverdue),
             QLatin1String(CoverageRules::kFrom),
             idList.join(QLatin1Char(',')));
}

AssetRow AssetView::readRow(const QSqlQuery& query, const UnitTree& units)
{
    AssetRow row;
    row.id = query.value(0).toLongLong();
    row.reference = query.value(1).toString();
    row.name = query.value(2).toString();
    row.unitPath = units.path(query.value(3).toLongLong());
    row.ownerName = query.value(4).toString();
    if (const auto level = levelFromText(query.value(5).toString()))
        row.classification = Classification::of(*level, query.value(6).toBool());
    row.classificationNeedsReview = query.value(7).toBool();
    row.nextReviewDue = QDate::fromString(query.value(8).toString(), Qt::ISODate);
    row.status = query.value(9).toString();
    row.unowned = query.value(10).toBool();
    row.overdue = query.value(11).toBool();
    return row;
}

} // namespace custos
