#pragma once

#include "models/domain/AssetEnums.h"
#include "models/domain/Classification.h"
#include "models/domain/LegacyMarking.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

// Cell values as people type them into a spreadsheet register, read into the register's values.
// Each returns nothing when the text cannot be read; empty text reads as "not recorded" where a
// field may be empty.
namespace custos::ImportValues {

// A classification cell: the current scheme in any case and common spelling ("Official
// Sensitive", "OFFICIAL - SENSITIVE"), or a legacy marking, which maps to a current
// classification that needs review. A trailing descriptor ("OFFICIAL-SENSITIVE PERSONAL") is kept.
struct ClassificationCell
{
    Classification classification;
    std::optional<LegacyMarking> legacyMarking;
    QString descriptor;
};
std::optional<ClassificationCell> classification(const QString& text);

// ISO 2025-01-31 or UK 31/01/2025 (also 31-01-2025, 31.01.2025, 1/2/2025); empty is no date.
std::optional<QDate> date(const QString& text);
// ISO 8601 as the export writes it, or a date (midnight UTC); empty is no time.
std::optional<QDateTime> timestamp(const QString& text);
std::optional<bool> yesNo(const QString& text);
// 3, 6 or 12, as a number ("12", "12 months") or a word ("Annual", "Quarterly"); empty is 12.
std::optional<int> reviewCycle(const QString& text);
std::optional<AssetFormat> format(const QString& text);
std::optional<PersonalData> personalData(const QString& text);
// Empty is no criticality.
std::optional<std::optional<Criticality>> criticality(const QString& text);
std::optional<AssetStatus> status(const QString& text);
// IAO status: Left is true, Active (or empty) false.
std::optional<bool> hasLeft(const QString& text);

// Text as the export wrote it, without the single quote it puts before a cell a spreadsheet would
// run as a formula.
QString withoutFormulaGuard(const QString& text);
// Whether the export guards `text` with a single quote: it starts with = + - @ tab or carriage
// return, after any single quotes (so that a guard the text itself starts with survives too).
bool needsFormulaGuard(const char* text, size_t size);

} // namespace custos::ImportValues
