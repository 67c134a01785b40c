#pragma once

#include "models/domain/Classification.h"

#include <QString>
#include <optional>

namespace custos {

// Markings from before the 2014 scheme that still appear in old spreadsheets. They never read
// across silently: each maps to a current classification that must then be reviewed.
enum class LegacyMarking { Unclassified, Protect, Restricted, Confidential };

QString legacyMarkingToText(LegacyMarking marking);
// Case-insensitive: old registers spell these every which way.
std::optional<LegacyMarking> legacyMarkingFromText(const QString& text);

// UNCLASSIFIED, PROTECT and RESTRICTED become OFFICIAL; CONFIDENTIAL becomes OFFICIAL-SENSITIVE
// (it may need SECRET, which is why every mapped entry is flagged for review).
Classification mappedClassification(LegacyMarking marking);

} // namespace custos
