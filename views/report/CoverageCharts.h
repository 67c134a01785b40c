#pragma once

#include "models/assets/AssetFilter.h"
#include "models/coverage/CoverageTrend.h"
#include "models/coverage/DashboardFigures.h"

#include <QString>
#include <functional>
#include <optional>

class QChart;
class QPalette;

namespace custos {

// The dashboard's charts, built from its figures; the report draws the same charts. Given a
// `wayIn`, each bar and slice calls it with the filter of exactly the assets it counts and a few
// words saying what they are. Units' and people's names on the charts are escaped and isolated
// (PrintableText::isolated), as in the rest of the report, and escaped for HTML: Qt Charts reads
// titles and labels as rich text.
namespace CoverageCharts {

using WayIn = std::function<void(const AssetFilter& filter, const QString& description)>;

// Owned, unowned and unclassified per unit directly below `parent` (top-level units for none),
// worst coverage at the top.
QChart* byUnit(const DashboardFigures& figures, std::optional<RecordId> parent, const WayIn& wayIn = {});
QChart* classificationMix(const DashboardFigures& figures, const WayIn& wayIn = {});
// The overdue reviews, then those due in each of the next twelve months.
QChart* reviewsDue(const DashboardFigures& figures, const WayIn& wayIn = {});
// The IAOs (who have not left) with the most assets unclassified or overdue.
QChart* mostGaps(const DashboardFigures& figures, const WayIn& wayIn = {});
// Owned, classified, reviewed on time and complete as shares of active assets, week by week.
QChart* trend(const CoverageTrend& trend);

// Colours a chart built above for a screen drawn in `palette`, light or dark: its background,
// title, legend and axes, the line drawn in the text's colour, and the slices' borders. The bars',
// slices' and lines' own colours stay, so that they mean the same on the screen and in the report,
// which prints the charts as they are built.
void fitPalette(QChart* chart, const QPalette& palette);

} // namespace CoverageCharts
} // namespace custos
