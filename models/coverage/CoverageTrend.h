#pragma once

#include "models/coverage/Coverage.h"

#include <QDate>
#include <QList>
#include <functional>
#include <optional>

namespace custos {

class Register;

// Coverage as it stood at the end of one day (UTC), over the assets active then.
struct TrendPoint
{
    QDate date;
    CoverageCounts counts;
};

// Coverage over the last year, a point a week, reconstructed by replaying the audit trail from
// the register's first change: every asset and person as they were at the end of each week's
// day, counted with CoverageRules' definitions (overdue against that day).
struct CoverageTrend
{
    static constexpr int kWeeks = 52;

    // Oldest first, ending today; points before the register's first change are left out.
    QList<TrendPoint> points;

    // At least two points: a week or more of history.
    bool hasHistory() const { return points.size() >= 2; }

    // For the whole register, or for a unit and the units below it (as the units stand today).
    // `keepGoing` is asked now and then; false stops the replay and returns no points. None, with
    // the reason in `error`, when the register cannot be read.
    static std::optional<CoverageTrend> compute(Register& reg,
                                                const QDate& today,
                                                std::optional<RecordId> scope = std::nullopt,
                                                const std::function<bool()>& keepGoing = {},
                                                QString* error = nullptr);
};

} // namespace custos
