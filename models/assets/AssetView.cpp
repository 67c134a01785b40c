#include "models/assets/AssetView.h"

#include "models/domain/CoverageRules.h"
#include "models/units/UnitTree.h"

#include <QStringList>
#include <string_view>

namespace custos {

namespace {

// The page's rows: every field the table can show. The first twelve are the default columns' and
// their flags; readRow() reads them by these positions.
const char* const kRowColumns = "a.id, a.reference, a.name, a.unit_id, iao.name, a.classification, a.sensitive, "
                                "a.classification_needs_review, a.next_review_due, a.status";
const char* const kMoreRowColumns = "a.description, iao.email, iao.has_left, iam.name, iam.email, a.format, "
                                    "a.location, a.legacy_marking, a.handling_notes, a.personal_data, "
                                    "a.lawful_basis, a.retention, a.disposal_action, a.criticality, "
                                    "a.review_cycle_months, a.last_reviewed, a.created_at, a.modified_at";
// CoverageRules::kFrom and the IAM, whom the IAM columns show and sort by. SQLite leaves the join
// out of a query that does not use it (one person at most for each asset).
constexpr const char* kFromWithManager
    = "assets a LEFT JOIN people iao ON iao.id = a.iao_id LEFT JOIN people iam ON iam.id = a.iam_id";
static_assert(std::string_view(kFromWithManager).starts_with(CoverageRules::kFrom));

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

QStringList AssetView::sortKeys(const UnitTree& units, bool firstPage) const
{
    // Text people type sorts without regard to case, as names do; a value from a fixed list sorts
    // by its place in that list; an empty value comes first, as SQL puts NULL first.
    auto text = [](const char* column) { return QStringList {QStringLiteral("%1 COLLATE NOCASE").arg(column)}; };
    auto orEmpty = [](const char* column) { return QStringList {QStringLiteral("coalesce(%1, '')").arg(column)}; };
    switch (sortColumn) {
    case AssetColumn::Reference:
    case AssetColumn::Count:
        return {QStringLiteral("a.reference")};
    case AssetColumn::Name:
        // The name index gives the first page without sorting. For the whole list, or a search
        // (whose matches bunch together by name, so the index walk can read most of the table
        // before it finds a page), sorting is faster: "+" keeps SQLite from using the index.
        return {firstPage && filter.search.trimmed().isEmpty() ? QStringLiteral("a.name COLLATE NOCASE")
                                                               : QStringLiteral("+a.name COLLATE NOCASE")};
    case AssetColumn::BusinessUnit:
        return {unitOrder(units)};
    case AssetColumn::Owner:
        return {QStringLiteral("iao.name IS NULL"), QStringLiteral("iao.name COLLATE NOCASE")};
    case AssetColumn::Classification:
        return {QLatin1String(CoverageRules::kClassificationRank)};
    case AssetColumn::NextReviewDue:
        return {QStringLiteral("a.next_review_due")};
    case AssetColumn::Status:
        return {QStringLiteral("a.status")};
    case AssetColumn::Description:
        return text("a.description");
    case AssetColumn::OwnerEmail:
        return {QStringLiteral("coalesce(iao.email, '') COLLATE NOCASE")};
    case AssetColumn::OwnerStatus:
        // As the cells read: empty, Active, Left.
        return {QStringLiteral("(CASE WHEN iao.id IS NULL THEN 0 WHEN iao.has_left = 0 THEN 1 ELSE 2 END)")};
    case AssetColumn::ManagerName:
        return {QStringLiteral("coalesce(iam.name, '') COLLATE NOCASE")};
    case AssetColumn::ManagerEmail:
        return {QStringLiteral("coalesce(iam.email, '') COLLATE NOCASE")};
    case AssetColumn::Format:
        return orEmpty("a.format");
    case AssetColumn::Location:
        return text("a.location");
    case AssetColumn::LegacyMarking:
        return orEmpty("a.legacy_marking");
    case AssetColumn::NeedsReview:
        return {QStringLiteral("a.classification_needs_review")};
    case AssetColumn::HandlingNotes:
        return text("a.handling_notes");
    case AssetColumn::PersonalData:
        return {QStringLiteral("(CASE a.personal_data WHEN 'Personal' THEN 1 WHEN 'Special category' THEN 2 "
                               "WHEN 'Criminal offence' THEN 3 ELSE 0 END)")};
    case AssetColumn::LawfulBasis:
        return text("a.lawful_basis");
    case AssetColumn::Retention:
        return text("a.retention");
    case AssetColumn::DisposalAction:
        return text("a.disposal_action");
    case AssetColumn::Criticality:
        return {QStringLiteral("(CASE a.criticality WHEN 'Low' THEN 1 WHEN 'Medium' THEN 2 WHEN 'High' THEN 3 "
                               "WHEN 'Vital' THEN 4 ELSE 0 END)")};
    case AssetColumn::ReviewCycle:
        return {QStringLiteral("a.review_cycle_months")};
    case AssetColumn::LastReviewed:
        return orEmpty("a.last_reviewed");
    case AssetColumn::Created:
        return {QStringLiteral("a.created_at")};
    case AssetColumn::Modified:
        return {QStringLiteral("a.modified_at")};
    }
    return {QStringLiteral("a.reference")};
}

QString AssetView::idsSql(const UnitTree& units, int limit) const
{
    const QString direction = sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QStringList keys = sortKeys(units, limit >= 0);
    for (QString& key : keys)
        key += direction;
    // The id breaks ties, so the order is the same every time the query runs.
    keys << QStringLiteral("a.id") + direction;
    // No LIMIT at all for the whole list: with one, even LIMIT -1, SQLite sorts into a B-tree,
    // which measured three times slower than its merge sort on a million rows.
    return QStringLiteral("SELECT a.id FROM %1 WHERE %2 ORDER BY %3%4")
        .arg(QLatin1String(kFromWithManager),
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
    return QStringLiteral("SELECT %1, %2, %3, %4 FROM %5 WHERE a.id IN (%6)")
        .arg(QLatin1String(kRowColumns),
             QLatin1String(CoverageRules::kUnowned),
             QLatin1String(CoverageRules::kOverdue),
             QLatin1String(kMoreRowColumns),
             QLatin1String(kFromWithManager),
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
    int column = 12;
    auto next = [&] { return query.value(column++); };
    row.description = next().toString();
    row.ownerEmail = next().toString();
    row.ownerHasLeft = next().toBool();
    row.managerName = next().toString();
    row.managerEmail = next().toString();
    row.format = next().toString();
    row.location = next().toString();
    row.legacyMarking = next().toString();
    row.handlingNotes = next().toString();
    row.personalData = next().toString();
    row.lawfulBasis = next().toString();
    row.retention = next().toString();
    row.disposalAction = next().toString();
    row.criticality = next().toString();
    row.reviewCycleMonths = next().toInt();
    row.lastReviewed = next().toString();
    row.created = next().toString();
    row.modified = next().toString();
    return row;
}

} // namespace custos
