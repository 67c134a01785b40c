#include "models/coverage/Coverage.h"

#include "models/domain/CoverageRules.h"
#include "models/store/Register.h"
#include "models/store/SqlValues.h"
#include "models/units/UnitStore.h"

#include <QHash>
#include <QSqlQuery>

namespace custos {

namespace {

QString countWhen(const QString& condition)
{
    return QStringLiteral("SUM(CASE WHEN %1 THEN 1 ELSE 0 END)").arg(condition);
}

// One pass over the active assets, counted per unit (each unit's own assets only).
std::optional<QHash<RecordId, CoverageCounts>> countsPerUnit(Register& reg, const QDate& today, QString* error)
{
    using namespace CoverageRules;
    const QString sql = QStringLiteral("SELECT a.unit_id, count(*), %1, %2, %3, %4, %5, %6 FROM %7 WHERE %8 "
                                       "GROUP BY a.unit_id")
                            .arg(countWhen(QLatin1String(kOwned)),
                                 countWhen(QLatin1String(kUnowned)),
                                 countWhen(QLatin1String(kClassified)),
                                 countWhen(QLatin1String(kUnclassified)),
                                 countWhen(QLatin1String(kOverdue)),
                                 countWhen(CoverageRules::complete()),
                                 QLatin1String(kFrom),
                                 QLatin1String(kActive));
    QSqlQuery query(reg.database());
    query.setForwardOnly(true);
    query.prepare(sql);
    query.bindValue(QStringLiteral(":today"), today.toString(Qt::ISODate));
    query.exec();
    QHash<RecordId, CoverageCounts> counts;
    while (query.next()) {
        counts.insert(query.value(0).toLongLong(),
                      {query.value(1).toInt(),
                       query.value(2).toInt(),
                       query.value(3).toInt(),
                       query.value(4).toInt(),
                       query.value(5).toInt(),
                       query.value(6).toInt(),
                       query.value(7).toInt()});
    }
    if (!readSucceeded(reg, query, error))
        return std::nullopt;
    return counts;
}

} // namespace

CoverageCounts& CoverageCounts::operator+=(const CoverageCounts& other)
{
    assets += other.assets;
    owned += other.owned;
    unowned += other.unowned;
    classified += other.classified;
    unclassified += other.unclassified;
    overdue += other.overdue;
    complete += other.complete;
    return *this;
}

std::optional<CoverageSummary>
Coverage::compute(Register& reg, const QDate& today, std::optional<RecordId> unitId, QString* error)
{
    const std::optional<UnitTree> units = UnitStore(reg).tree(error);
    const auto counted = units ? countsPerUnit(reg, today, error) : std::nullopt;
    if (!counted)
        return std::nullopt;
    const UnitTree& tree = *units;
    const QHash<RecordId, CoverageCounts>& own = *counted;
    const QList<RecordId> inScope = unitId ? tree.subtree(*unitId) : QList<RecordId>();

    CoverageSummary summary;
    for (RecordId id : tree.idsByPath()) {
        if (unitId && !inScope.contains(id))
            continue;
        UnitCoverage unit {id, tree.path(id), {}};
        for (RecordId below : tree.subtree(id))
            unit.counts += own.value(below);
        summary.units.append(unit);
    }
    if (unitId) {
        for (RecordId id : inScope)
            summary.total += own.value(id);
    } else {
        for (const CoverageCounts& counts : own)
            summary.total += counts;
    }
    return summary;
}

} // namespace custos
