#include "models/coverage/DashboardFigures.h"

#include "models/assets/AssetStore.h"
#include "models/domain/CoverageRules.h"
#include "models/store/Register.h"
#include "models/store/SqlValues.h"
#include "models/units/UnitStore.h"

#include <QSqlQuery>
#include <algorithm>

namespace custos {

namespace {

// The active assets in scope, as a condition over CoverageRules::kFrom, and its parameters.
QString activeIn(std::optional<RecordId> scope)
{
    return scope ? QStringLiteral("%1 AND %2")
                       .arg(QLatin1String(CoverageRules::kActive), QLatin1String(CoverageRules::kInUnitSubtree))
                 : QLatin1String(CoverageRules::kActive);
}

void bindScope(QSqlQuery& query, std::optional<RecordId> scope)
{
    if (scope)
        query.bindValue(QStringLiteral(":unit"), *scope);
}

// The classification mix and the reviews due month by month, in one pass over the active assets:
// one scan costs less than two, and less than finding a year of due dates through their index.
bool countClassificationsAndReviews(Register& reg, const QDate& today, DashboardFigures& figures, QString* error)
{
    figures.classificationMix = {{Classification(), 0}, {Classification(), 0, true}};
    for (const Classification& classification : Classification::allClassified())
        figures.classificationMix.append({classification, 0});
    for (int i = 0; i < 12; ++i) {
        const QDate first = i == 0 ? today : QDate(today.year(), today.month(), 1).addMonths(i);
        figures.reviewsDue.append({first, QDate(first.year(), first.month(), first.daysInMonth()), 0});
    }
    QSqlQuery query(reg.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT a.classification, a.sensitive, a.classification_needs_review, "
                                 "CASE WHEN a.next_review_due >= :from AND a.next_review_due <= :to "
                                 "THEN substr(a.next_review_due, 1, 7) END, count(*) "
                                 "FROM assets a WHERE %1 GROUP BY 1, 2, 3, 4")
                      .arg(activeIn(figures.scope)));
    query.bindValue(QStringLiteral(":from"), figures.reviewsDue.first().from.toString(Qt::ISODate));
    query.bindValue(QStringLiteral(":to"), figures.reviewsDue.last().to.toString(Qt::ISODate));
    bindScope(query, figures.scope);
    query.exec();
    while (query.next()) {
        const std::optional<ClassificationLevel> level = levelFromText(query.value(0).toString());
        // As CoverageRules::kLegacyMarkingToReview: a level read across, not yet reviewed.
        const bool legacy = level && query.value(2).toBool();
        const Classification classification
            = level && !legacy ? Classification::of(*level, query.value(1).toBool()) : Classification();
        const QString month = query.value(3).toString();
        const int assets = query.value(4).toInt();
        for (ClassificationCount& entry : figures.classificationMix) {
            if (entry.legacyMarkingToReview == legacy && entry.classification == classification)
                entry.assets += assets;
        }
        for (ReviewsDue& due : figures.reviewsDue) {
            if (!month.isEmpty() && due.from.toString(QStringLiteral("yyyy-MM")) == month)
                due.assets += assets;
        }
    }
    return readSucceeded(reg, query, error);
}

std::optional<QList<PersonGaps>>
peopleWithMostGaps(Register& reg, const QDate& today, std::optional<RecordId> scope, QString* error)
{
    using namespace CoverageRules;
    QSqlQuery query(reg.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT iao.id, iao.name, count(*) FROM %1 WHERE %2 AND %3 AND %4 "
                                 "GROUP BY iao.id ORDER BY 3 DESC, iao.name LIMIT %5")
                      .arg(QLatin1String(kFrom), activeIn(scope), QLatin1String(kOwned), anyGap())
                      .arg(DashboardFigures::kMostGapsShown));
    query.bindValue(QStringLiteral(":today"), today.toString(Qt::ISODate));
    bindScope(query, scope);
    query.exec();
    QList<PersonGaps> people;
    while (query.next()) {
        people.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toInt()});
    }
    if (!readSucceeded(reg, query, error))
        return std::nullopt;
    return people;
}

// Counted within the scope of `scoped`.
std::optional<MyGaps>
gapsOf(const DashboardFigures& scoped, Register& reg, const QDate& today, const QString& login, QString* error)
{
    MyGaps mine {login, {}, 0, 0, 0};
    if (login.isEmpty())
        return mine;
    QSqlQuery query(reg.database());
    query.prepare(QStringLiteral("SELECT name FROM people WHERE login = :login AND has_left = 0 ORDER BY id LIMIT 1"));
    query.bindValue(QStringLiteral(":login"), login);
    query.exec();
    if (!query.next()) // nobody signs in with this login, unless the read failed
        return readSucceeded(reg, query, error) ? std::optional(mine) : std::nullopt;
    mine.name = query.value(0).toString();
    const AssetStore assets(reg, today);
    const std::pair<AssetFilter, int*> figures[] {{mine.handoverFilter(), &mine.handovers},
                                                  {mine.unclassifiedFilter(), &mine.unclassified},
                                                  {mine.overdueFilter(), &mine.overdue}};
    for (const auto& [filter, figure] : figures) {
        const std::optional<int> count = assets.count(scoped.inScope(filter), error);
        if (!count)
            return std::nullopt;
        *figure = *count;
    }
    return mine;
}

double gapShare(const CoverageCounts& counts)
{
    return counts.assets == 0 ? -1.0 : double(counts.unowned + counts.unclassified) / counts.assets;
}

} // namespace

AssetFilter ClassificationCount::filter() const
{
    if (legacyMarkingToReview)
        return {.legacyMarkingToReview = true};
    if (!classification.isClassified())
        return {.classification = classification};
    // A level read across from a legacy marking is not that classification until reviewed.
    return {.classification = classification, .covered = CoverageMeasure::Classified};
}

AssetFilter ReviewsDue::filter() const
{
    return {.dueFrom = from, .dueTo = to};
}

AssetFilter PersonGaps::filter() const
{
    return {.ownerId = personId, .covered = CoverageMeasure::Owned, .anyGap = true};
}

AssetFilter MyGaps::handoverFilter() const
{
    return {.handoverLogin = login};
}

AssetFilter MyGaps::unclassifiedFilter() const
{
    return {.unclassified = true, .ownerLogin = login};
}

AssetFilter MyGaps::overdueFilter() const
{
    return {.overdue = true, .ownerLogin = login};
}

QList<UnitCoverage> DashboardFigures::unitsBelow(std::optional<RecordId> parent) const
{
    QList<UnitCoverage> below;
    for (const UnitCoverage& unit : coverage.units) {
        const std::optional<BusinessUnit> known = units.unit(unit.unitId);
        if (known && known->parentId == parent)
            below.append(unit);
    }
    std::stable_sort(below.begin(), below.end(), [](const UnitCoverage& a, const UnitCoverage& b) {
        return gapShare(a.counts) > gapShare(b.counts);
    });
    return below;
}

AssetFilter DashboardFigures::unitFilter(RecordId unitId, UnitBar bar)
{
    switch (bar) {
    case UnitBar::Owned:
        return {.unitId = unitId, .covered = CoverageMeasure::Owned};
    case UnitBar::Unowned:
        return {.unowned = true, .unitId = unitId};
    case UnitBar::Unclassified:
        break;
    }
    return {.unclassified = true, .unitId = unitId};
}

AssetFilter DashboardFigures::inScope(AssetFilter filter) const
{
    if (!filter.unitId)
        filter.unitId = scope;
    return filter;
}

std::optional<DashboardFigures> DashboardFigures::compute(
    Register& reg, const QDate& today, const QString& login, std::optional<RecordId> scope, QString* error)
{
    DashboardFigures figures;
    figures.scope = scope;
    std::optional<CoverageSummary> coverage = Coverage::compute(reg, today, scope, error);
    std::optional<UnitTree> units = coverage ? UnitStore(reg).tree(error) : std::nullopt;
    if (!units || !countClassificationsAndReviews(reg, today, figures, error))
        return std::nullopt;
    std::optional<QList<PersonGaps>> mostGaps = peopleWithMostGaps(reg, today, scope, error);
    std::optional<MyGaps> mine = mostGaps ? gapsOf(figures, reg, today, login, error) : std::nullopt;
    if (!mine)
        return std::nullopt;
    figures.coverage = std::move(*coverage);
    figures.units = std::move(*units);
    figures.mostGaps = std::move(*mostGaps);
    figures.mine = std::move(*mine);
    return figures;
}

} // namespace custos
