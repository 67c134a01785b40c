#pragma once

#include "models/assets/AssetFilter.h"

#include <QList>
#include <QString>

namespace custos {

// One condition of an AssetFilter, as a person takes it away on its own: the review-due range is
// one condition, however many of its dates are set.
enum class FilterCondition {
    Search,
    Unit,
    Unowned,
    Unclassified,
    Overdue,
    Mine,
    Classification,
    Coverage,
    Owner,
    AnyGap,
    ReviewDue,
    Handover,
    LegacyMarking,
    Inactive,
};

// A condition a filter holds, in words a person reads ("Review due 1 Jan 2027 to 31 Jan 2027").
struct ActiveFilter
{
    FilterCondition condition;
    QString text;

    bool operator==(const ActiveFilter&) const = default;
};

// The names a filter refers to by id, as the register now holds them.
struct FilterNames
{
    QString unitPath;
    QString ownerName;
};

// Every condition `filter` holds beyond showing every active asset, in the order a person reads
// them: what they typed, where, then the quick filters, then what a dashboard figure adds.
QList<ActiveFilter> activeFilters(const AssetFilter& filter, const FilterNames& names);
// `filter` without `condition`, everything else as it was.
AssetFilter withoutCondition(AssetFilter filter, FilterCondition condition);
// A name for `condition` that tells widgets apart ("ReviewDue").
QString conditionName(FilterCondition condition);

} // namespace custos
