#pragma once

#include <string_view>

namespace custos {

// How the export spells the cells that are not a stored value copied as it is (text, dates and
// timestamps are written as the register stores them). The export writes its rows with these, and
// the assets table shows the export's columns with them, so a cell on screen reads as in the file.
namespace ExportCells {

// Yes/no columns ("Classification needs review").
constexpr std::string_view yesNo(bool yes)
{
    return yes ? "Yes" : "No";
}

// The IAO status column: empty where the asset has no IAO, else Active or Left.
constexpr std::string_view personStatus(bool hasPerson, bool hasLeft)
{
    if (!hasPerson)
        return {};
    return hasLeft ? "Left" : "Active";
}

// The classification column: the stored level, OFFICIAL-SENSITIVE for OFFICIAL with the sensitive
// marking (the schema allows the marking with OFFICIAL only), empty for not yet classified.
constexpr std::string_view classification(std::string_view storedLevel, bool sensitive)
{
    return sensitive ? "OFFICIAL-SENSITIVE" : storedLevel;
}

} // namespace ExportCells
} // namespace custos
