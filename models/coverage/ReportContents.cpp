#include "models/coverage/ReportContents.h"

#include "models/assets/AssetFilter.h"
#include "models/domain/CoverageRules.h"
#include "models/people/PersonStore.h"
#include "models/store/Register.h"
#include "models/store/SqlValues.h"
#include "models/units/UnitStore.h"

#include <QHash>
#include <QSqlQuery>

namespace custos {

QString ReportContents::marking() const
{
    return highest.rank() >= Classification::official(true).rank() ? highest.toText() : QString();
}

std::optional<ReportContents>
ReportContents::gather(Register& reg, const QDate& today, std::optional<RecordId> unitId, QString* error)
{
    const std::optional<UnitTree> tree = UnitStore(reg).tree(error);
    const std::optional<QList<Person>> people = tree ? PersonStore(reg).all(error) : std::nullopt;
    if (!people)
        return std::nullopt;
    const UnitTree& units = *tree;
    QHash<RecordId, const Person*> owners;
    for (const Person& person : *people)
        owners.insert(person.id, &person);

    ReportContents contents;
    contents.registerName = reg.name();
    contents.date = today;
    contents.scope = unitId ? units.path(*unitId) : QStringLiteral("All units");
    std::optional<DashboardFigures> figures = DashboardFigures::compute(reg, today, QString(), unitId, error);
    std::optional<CoverageTrend> trend = figures ? CoverageTrend::compute(reg, today, unitId, {}, error) : std::nullopt;
    if (!trend)
        return std::nullopt;
    contents.figures = std::move(*figures);
    contents.trend = std::move(*trend);
    const std::optional<AuditChain::Head> head = AuditChain::head(reg.database(), error);
    if (!head)
        return std::nullopt;
    contents.auditTrail = *head;

    // Lists the assets `filter` selects into `into`; false, with `error` set, when they cannot be read.
    auto list = [&](AssetFilter filter, QList<ReportAsset>& into) {
        filter.unitId = unitId;
        QSqlQuery query(reg.database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT a.reference, a.name, a.unit_id, a.iao_id, a.classification, a.sensitive "
                                     "FROM %1 WHERE %2 ORDER BY a.reference")
                          .arg(QLatin1String(CoverageRules::kFrom), filter.whereClause()));
        filter.bind(query, today);
        query.exec();
        while (query.next()) {
            const Classification classification
                = Classification::of(levelFromText(query.value(4).toString()).value_or(ClassificationLevel::Official),
                                     query.value(5).toBool());
            const Person* owner = owners.value(query.value(3).toLongLong());
            ReportAsset asset {query.value(0).toString(),
                               query.value(1).toString(),
                               units.path(query.value(2).toLongLong()),
                               owner ? owner->name : QString(),
                               owner && owner->hasLeft,
                               query.value(4).isNull() ? Classification() : classification};
            if (asset.classification.rank() > contents.highest.rank())
                contents.highest = asset.classification;
            into.append(asset);
        }
        return readSucceeded(reg, query, error);
    };
    if (!list(AssetFilter {.unowned = true}, contents.unowned)
        || !list(AssetFilter {.unclassified = true}, contents.unclassified)
        || !list(AssetFilter {.overdue = true}, contents.overdue)) {
        return std::nullopt;
    }
    return contents;
}

} // namespace custos
