#include "models/assets/AssetFilter.h"

#include "models/domain/CoverageRules.h"
#include "models/store/SqlValues.h"

#include <QStringList>

namespace custos {

namespace {

// A search term matches an asset when any of these holds it, in any case (SQLite's LIKE folds
// ASCII letters). The IAM and unit are read by their ids rather than joined, so that a search
// costs nothing to the queries that do not search.
QString termCondition(const QString& parameter)
{
    const QString like = QStringLiteral(" LIKE %1 ESCAPE '\\'").arg(parameter);
    const QStringList fields {
        QStringLiteral("a.reference"),
        QStringLiteral("a.name"),
        QStringLiteral("a.description"),
        QStringLiteral("a.location"),
        QStringLiteral("iao.name"),
        QStringLiteral("(SELECT iam.name FROM people iam WHERE iam.id = a.iam_id)"),
        QStringLiteral("(SELECT u.name FROM units u WHERE u.id = a.unit_id)"),
    };
    return QLatin1Char('(') + fields.join(like + QStringLiteral(" OR ")) + like + QLatin1Char(')');
}

} // namespace

QStringList AssetFilter::searchTerms(const QString& search)
{
    QStringList terms;
    const QStringList quoted = search.split(QLatin1Char('"'));
    for (qsizetype i = 0; i < quoted.size(); ++i) {
        // Odd parts were inside quotes: each is one phrase. An unclosed quote runs to the end.
        if (i % 2 == 1) {
            if (const QString phrase = quoted.at(i).simplified(); !phrase.isEmpty())
                terms << phrase;
        } else {
            terms << quoted.at(i).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        }
    }
    return terms;
}

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
    const QStringList terms = searchTerms(search);
    for (qsizetype i = 0; i < terms.size(); ++i)
        conditions << termCondition(QStringLiteral(":term%1").arg(i));
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
    const QStringList terms = searchTerms(search);
    for (qsizetype i = 0; i < terms.size(); ++i)
        values.insert(QStringLiteral(":term%1").arg(i), containsPattern(terms.at(i)));
    return values;
}

void AssetFilter::bind(QSqlQuery& query, const QDate& today) const
{
    const QVariantMap values = parameters(today);
    for (auto it = values.begin(); it != values.end(); ++it)
        query.bindValue(it.key(), it.value());
}

} // namespace custos
