#include "DashboardFigures.h"

#include "AssetStore.h"
#include "CoverageRules.h"
#include "Register.h"
#include "UnitStore.h"

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
void countClassificationsAndReviews(Register& reg, const QDate& today, DashboardFigures& figures)
{
    figures.classificationMix = {{Classification(), 0}};
    for (const Classification& classification : Classification::allClassified())
        figures.classificationMix.append({classification, 0});
    for (int i = 0; i < 12; ++i) {
        const QDate first = i == 0 ? today : QDate(today.year(), today.month(), 1).addMonths(i);
        figures.reviewsDue.append({first, QDate(first.year(), first.month(), first.daysInMonth()), 0});
    }
    QSqlQuery query(reg.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT a.classification, a.sensitive, CASE WHEN a.next_review_due >= :from "
                                 "AND a.next_review_due <= :to THEN substr(a.next_review_due, 1, 7) END, count(*) "
                                 "FROM assets a WHERE %1 GROUP BY 1, 2, 3")
                      .arg(activeIn(figures.scope)));
    query.bindValue(QStringLiteral(":from"), figures.reviewsDue.first().from.toString(Qt::ISODate));
    query.bindValue(QStringLiteral(":to"), figures.reviewsDue.last().to.toString(Qt::ISODate));
    bindScope(query, figures.scope);
    query.exec();
    while (query.next()) {
        const std::optional<ClassificationLevel> level = levelFromText(query.value(0).toString());
        const Classification classification
            = level ? Classification::of(*level, query.value(1).toBool()) : Classification();
        const QString month = query.value(2).toString();
        const int assets = query.value(3).toInt();
        for (ClassificationCount& entry : figures.classificationMix) {
            if (entry.classification == classification)
                entry.assets += assets;
        }
        for (ReviewsDue& due : figures.reviewsDue) {
            if (!month.isEmpty() && due.from.toString(QStringLiteral("yyyy-MM")) == month)
                due.assets += assets;
        }
    }
}

QList<PersonGaps> peopleWithMostGaps(Register& reg, const QDate& today, std::optional<RecordId> scope)
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
    return people;
}

MyGaps gapsOf(Register& reg, const QDate& today, const QString& login)
{
    MyGaps mine {login, {}, 0, 0, 0};
    QSqlQuery query(reg.database());
    query.prepare(QStringLiteral("SELECT name FROM people WHERE login = :login AND has_left = 0 ORDER BY id LIMIT 1"));
    query.bindValue(QStringLiteral(":login"), login);
    if (login.isEmpty() || !query.exec() || !query.next())
        return mine;
    mine.name = query.value(0).toString();
    const AssetStore assets(reg, today);
    mine.handovers = assets.count(mine.handoverFilter());
    mine.unclassified = assets.count(mine.unclassifiedFilter());
    mine.overdue = assets.count(mine.overdueFilter());
    return mine;
}

double gapShare(const CoverageCounts& counts)
{
    return counts.assets == 0 ? -1.0 : double(counts.unowned + counts.unclassified) / counts.assets;
}

} // namespace

AssetFilter ClassificationCount::filter() const
{
    return {.classification = classification};
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

DashboardFigures
DashboardFigures::compute(Register& reg, const QDate& today, const QString& login, std::optional<RecordId> scope)
{
    DashboardFigures figures;
    figures.scope = scope;
    figures.coverage = Coverage::compute(reg, today, scope);
    figures.units = UnitStore(reg).tree();
    countClassificationsAndReviews(reg, today, figures);
    figures.mostGaps = peopleWithMostGaps(reg, today, scope);
    figures.mine = gapsOf(reg, today, login);
    return figures;
}

} // namespace custos
