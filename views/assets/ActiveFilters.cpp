#include "views/assets/ActiveFilters.h"

#include "models/store/Register.h"

#include <QLocale>

namespace custos {

namespace {

QString coverageText(CoverageMeasure measure)
{
    switch (measure) {
    case CoverageMeasure::Owned:
        return QStringLiteral("Owned");
    case CoverageMeasure::Classified:
        return QStringLiteral("Classified");
    case CoverageMeasure::ReviewedOnTime:
        return QStringLiteral("Reviewed on time");
    case CoverageMeasure::Complete:
        return QStringLiteral("Complete");
    }
    return {};
}

QString reviewDueText(const std::optional<QDate>& from, const std::optional<QDate>& to)
{
    const QLocale locale;
    const auto date = [&locale](const QDate& day) { return locale.toString(day, QLocale::ShortFormat); };
    if (from && to)
        return QStringLiteral("Review due %1 to %2").arg(date(*from), date(*to));
    if (from)
        return QStringLiteral("Review due from %1").arg(date(*from));
    return QStringLiteral("Review due by %1").arg(date(*to));
}

} // namespace

QList<ActiveFilter> activeFilters(const AssetFilter& filter, const FilterNames& names)
{
    QList<ActiveFilter> shown;
    const auto add = [&shown](FilterCondition condition, const QString& text) { shown.append({condition, text}); };
    if (!filter.search.trimmed().isEmpty())
        add(FilterCondition::Search, QStringLiteral("Search: \u201c%1\u201d").arg(filter.search.trimmed()));
    if (filter.unitId)
        add(FilterCondition::Unit,
            names.unitPath.isEmpty() ? QStringLiteral("A unit no longer in the register")
                                     : QStringLiteral("Unit: %1").arg(names.unitPath));
    if (filter.unowned)
        add(FilterCondition::Unowned, QStringLiteral("Unowned"));
    if (filter.unclassified)
        add(FilterCondition::Unclassified, QStringLiteral("Unclassified"));
    if (filter.overdue)
        add(FilterCondition::Overdue, QStringLiteral("Overdue review"));
    if (!filter.ownerLogin.isEmpty())
        add(FilterCondition::Mine,
            filter.ownerLogin == currentLogin() ? QStringLiteral("My assets")
                                                : QStringLiteral("IAO signs in as %1").arg(filter.ownerLogin));
    if (filter.classification)
        add(FilterCondition::Classification,
            filter.classification->isClassified()
                ? QStringLiteral("Classification: %1").arg(filter.classification->toText())
                : QStringLiteral("Not yet classified"));
    if (filter.covered)
        add(FilterCondition::Coverage, QStringLiteral("Coverage: %1").arg(coverageText(*filter.covered)));
    if (filter.ownerId)
        add(FilterCondition::Owner,
            names.ownerName.isEmpty() ? QStringLiteral("An IAO no longer in the register")
                                      : QStringLiteral("IAO: %1").arg(names.ownerName));
    if (filter.anyGap)
        add(FilterCondition::AnyGap, QStringLiteral("Unowned, unclassified or overdue"));
    if (filter.dueFrom || filter.dueTo)
        add(FilterCondition::ReviewDue, reviewDueText(filter.dueFrom, filter.dueTo));
    if (!filter.handoverLogin.isEmpty())
        add(FilterCondition::Handover,
            filter.handoverLogin == currentLogin()
                ? QStringLiteral("Hand-overs from leavers to me")
                : QStringLiteral("Hand-overs from leavers to %1").arg(filter.handoverLogin));
    if (filter.legacyMarkingToReview)
        add(FilterCondition::LegacyMarking, QStringLiteral("Legacy marking to review"));
    if (!filter.activeOnly)
        add(FilterCondition::Inactive, QStringLiteral("Archived and disposed too"));
    return shown;
}

AssetFilter withoutCondition(AssetFilter filter, FilterCondition condition)
{
    switch (condition) {
    case FilterCondition::Search:
        filter.search.clear();
        break;
    case FilterCondition::Unit:
        filter.unitId.reset();
        break;
    case FilterCondition::Unowned:
        filter.unowned = false;
        break;
    case FilterCondition::Unclassified:
        filter.unclassified = false;
        break;
    case FilterCondition::Overdue:
        filter.overdue = false;
        break;
    case FilterCondition::Mine:
        filter.ownerLogin.clear();
        break;
    case FilterCondition::Classification:
        filter.classification.reset();
        break;
    case FilterCondition::Coverage:
        filter.covered.reset();
        break;
    case FilterCondition::Owner:
        filter.ownerId.reset();
        break;
    case FilterCondition::AnyGap:
        filter.anyGap = false;
        break;
    case FilterCondition::ReviewDue:
        filter.dueFrom.reset();
        filter.dueTo.reset();
        break;
    case FilterCondition::Handover:
        filter.handoverLogin.clear();
        break;
    case FilterCondition::LegacyMarking:
        filter.legacyMarkingToReview = false;
        break;
    case FilterCondition::Inactive:
        filter.activeOnly = true;
        break;
    }
    return filter;
}

QString conditionName(FilterCondition condition)
{
    switch (condition) {
    case FilterCondition::Search:
        return QStringLiteral("Search");
    case FilterCondition::Unit:
        return QStringLiteral("Unit");
    case FilterCondition::Unowned:
        return QStringLiteral("Unowned");
    case FilterCondition::Unclassified:
        return QStringLiteral("Unclassified");
    case FilterCondition::Overdue:
        return QStringLiteral("Overdue");
    case FilterCondition::Mine:
        return QStringLiteral("Mine");
    case FilterCondition::Classification:
        return QStringLiteral("Classification");
    case FilterCondition::Coverage:
        return QStringLiteral("Coverage");
    case FilterCondition::Owner:
        return QStringLiteral("Owner");
    case FilterCondition::AnyGap:
        return QStringLiteral("AnyGap");
    case FilterCondition::ReviewDue:
        return QStringLiteral("ReviewDue");
    case FilterCondition::Handover:
        return QStringLiteral("Handover");
    case FilterCondition::LegacyMarking:
        return QStringLiteral("LegacyMarking");
    case FilterCondition::Inactive:
        return QStringLiteral("Inactive");
    }
    return {};
}

} // namespace custos
