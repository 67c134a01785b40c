#include "models/assets/AssetFilter.h"

#include "models/domain/CoverageRules.h"
#include "models/store/SqlValues.h"

#include <QStringList>

namespace custos {

QString AssetFilter::whereClause() const
{
    QStringList conditions;
    if (activeOnly)
        conditions << QLatin1String(CoverageRules::kActive);
    if (unowned)
        conditions << QLatin1String(CoverageRules::kUnowned);
    if (unclassified)
        conditions << QLatin1String(CoverageRules::kUnclassified);
    if (overdue)
        conditions << QLatin1String(CoverageRules::kOverdue);
    if (covered) {
        switch (*covered) {
        case CoverageMeasure::Owned:
            conditions << QLatin1String(CoverageRules::kOwned);
            break;
        case CoverageMeasure::Classified:
            conditions << QLatin1String(CoverageRules::kClassified);
            break;
        case CoverageMeasure::ReviewedOnTime:
            conditions << CoverageRules::reviewedOnTime();
            break;
        case CoverageMeasure::Complete:
            conditions << CoverageRules::complete();
            break;
        }
    }
    if (anyGap)
        conditions << CoverageRules::anyGap();
    if (dueFrom)
        conditions << QStringLiteral("a.next_review_due >= :dueFrom");
    if (dueTo)
        conditions << QStringLiteral("a.next_review_due <= :dueTo");
    if (!handoverLogin.isEmpty())
        conditions << QLatin1String(CoverageRules::kHandoverFor);
    if (ownerId)
        conditions << QStringLiteral("a.iao_id = :owner");
    if (unitId)
        conditions << QLatin1String(CoverageRules::kInUnitSubtree);
    if (!ownerLogin.isEmpty())
        conditions << QStringLiteral("iao.login = :login");
    if (classification) {
        conditions << (classification->isClassified()
                           ? QStringLiteral("a.classification = :level AND a.sensitive = :sensitive")
                           : QStringLiteral("a.classification IS NULL"));
    }
    if (legacyMarkingToReview)
        conditions << QLatin1String(CoverageRules::kLegacyMarkingToReview);
    if (!search.trimmed().isEmpty()) {
        conditions << QStringLiteral("(a.reference LIKE :search ESCAPE '\\' OR a.name LIKE :search ESCAPE '\\' "
                                     "OR a.description LIKE :search ESCAPE '\\' OR iao.name LIKE :search ESCAPE '\\')");
    }
    return conditions.isEmpty() ? QStringLiteral("1 = 1") : conditions.join(QStringLiteral(" AND "));
}

QVariantMap AssetFilter::parameters(const QDate& today) const
{
    QVariantMap values;
    const bool onTime = covered == CoverageMeasure::ReviewedOnTime || covered == CoverageMeasure::Complete;
    if (overdue || onTime || anyGap)
        values.insert(QStringLiteral(":today"), today.toString(Qt::ISODate));
    if (dueFrom)
        values.insert(QStringLiteral(":dueFrom"), dueFrom->toString(Qt::ISODate));
    if (dueTo)
        values.insert(QStringLiteral(":dueTo"), dueTo->toString(Qt::ISODate));
    if (!handoverLogin.isEmpty())
        values.insert(QStringLiteral(":handover"), handoverLogin);
    if (ownerId)
        values.insert(QStringLiteral(":owner"), *ownerId);
    if (unitId)
        values.insert(QStringLiteral(":unit"), *unitId);
    if (!ownerLogin.isEmpty())
        values.insert(QStringLiteral(":login"), ownerLogin);
    if (classification && classification->isClassified()) {
        values.insert(QStringLiteral(":level"), levelToText(*classification->level()));
        values.insert(QStringLiteral(":sensitive"), classification->isSensitive() ? 1 : 0);
    }
    if (!search.trimmed().isEmpty()) {
        values.insert(QStringLiteral(":search"), containsPattern(search.trimmed()));
    }
    return values;
}

void AssetFilter::bind(QSqlQuery& query, const QDate& today) const
{
    const QVariantMap values = parameters(today);
    for (auto it = values.begin(); it != values.end(); ++it)
        query.bindValue(it.key(), it.value());
}

} // namespace custos
