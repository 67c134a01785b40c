#include "models/domain/LegacyMarking.h"

#include <array>
#include <utility>

namespace custos {

namespace {
const std::array<std::pair<LegacyMarking, const char*>, 4> kNames {{
    {LegacyMarking::Unclassified, "UNCLASSIFIED"},
    {LegacyMarking::Protect, "PROTECT"},
    {LegacyMarking::Restricted, "RESTRICTED"},
    {LegacyMarking::Confidential, "CONFIDENTIAL"},
}};
} // namespace

QString legacyMarkingToText(LegacyMarking marking)
{
    for (const auto& [value, name] : kNames) {
        if (value == marking)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<LegacyMarking> legacyMarkingFromText(const QString& text)
{
    const QString wanted = text.trimmed().toUpper();
    for (const auto& [value, name] : kNames) {
        if (wanted == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

Classification mappedClassification(LegacyMarking marking)
{
    return Classification::official(marking == LegacyMarking::Confidential);
}

} // namespace custos
