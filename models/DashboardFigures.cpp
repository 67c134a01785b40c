#include "DashboardFigures.h"

#include "AssetStore.h"
#include "CoverageRules.h"
#include "Register.h"
#include "ReviewSchedule.h"
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

QList<ClassificationCount> countByClassification(Register& reg, std::optional<RecordId> scope)
{
    QList<ClassificationCount> mix {{Classification(), 0}};
    for (const Classification& classification : Classification::allClassified())
        mix.append({classification, 0});
    QSqlQuery query(reg.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT a.classification, a.sensitive, count(*) FROM assets a WHERE %1 "
                                 "GROUP BY a.classification, a.sensitive")
                      .arg(activeIn(scope)));
    bindScope(query, scope);
    query.exec();
    while (query.next()) {
        const std::optional<ClassificationLevel> level = levelFromText(query.value(0).toString());
        const Classification classification
            = level ? Classification::of(*level, query.value(1).toBool()) : Classification();
        for (ClassificationCount& entry : mix) {
            if (entry.classification == classification)
                entry.assets += query.value(2).toInt();
        }
    }
    return mix;
}

QList<ReviewsDue> countReviewsDue(Register& reg, const QDate& today, std::optional<RecordId> scope)
{
    QList<ReviewsDue> months;
    for (int i = 0; i < 12; ++i) {
        const QDate first = i == 0 ? today : QDate(today.year(), today.month(), 1).addMonths(i);
        months.append({first, QDate(first.year(), first.month(), first.daysInMonth()), 0});
    }
    QSqlQuery query(reg.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT substr(a.next_review_due, 1, 7), count(*) FROM assets a WHERE %1 "
                                 "AND a.next_review_due >= :from AND a.next_review_due <= :to GROUP BY 1")
                      .arg(activeIn(scope)));
    bindScope(query, scope);
    query.bindValue(QStringLiteral(":from"), months.first().from.toString(Qt::ISODate));
    query.bindValue(QStringLiteral(":to"), months.last().to.toString(Qt::ISODate));
    query.exec();
    while (query.next()) {
        for (ReviewsDue& month : months) {
            if (month.from.toString(QStringLiteral("yyyy-MM")) == query.value(0).toString())
                month.assets = query.value(1).toInt();
        }
    }
    return months;
}

QList<PersonGaps> peopleWithMostGaps(Register& reg, const QDate& today, std::optional<RecordId> scope)
{
    using namespace CoverageRules;
    QSqlQuery query(reg.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT iao.id, iao.name, iao.has_left, count(*) FROM %1 WHERE %2 AND %3 "
                                 "AND iao.id IS NOT NULL GROUP BY iao.id ORDER BY 4 DESC, iao.name LIMIT %4")
                      .arg(QLatin1String(kFrom), activeIn(scope), anyGap())
                      .arg(DashboardFigures::kMostGapsShown));
    query.bindValue(QStringLiteral(":today"), today.toString(Qt::ISODate));
    bindScope(query, scope);
    query.exec();
    QList<PersonGaps> people;
    while (query.next()) {
        people.append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toBool(), query.value(3).toInt()});
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
    return {.ownerId = personId, .anyGap = true};
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
    figures.classificationMix = countByClassification(reg, scope);
    figures.reviewsDue = countReviewsDue(reg, today, scope);
    figures.mostGaps = peopleWithMostGaps(reg, today, scope);
    figures.mine = gapsOf(reg, today, login);
    return figures;
}

} // namespace custos
