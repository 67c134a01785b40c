#pragma once

#include "models/domain/Asset.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace custos {

class Register;

// The dashboard's numbers, over active assets (see CoverageRules).
struct CoverageCounts
{
    int assets = 0;
    int owned = 0;
    int unowned = 0;
    int classified = 0;
    int unclassified = 0;
    int overdue = 0;
    int complete = 0;

    CoverageCounts& operator+=(const CoverageCounts& other);
    bool operator==(const CoverageCounts&) const = default;
};

struct UnitCoverage
{
    RecordId unitId = 0;
    QString path;
    // The unit's own assets and those of every unit below it.
    CoverageCounts counts;
};

struct CoverageSummary
{
    CoverageCounts total;
    // Every unit (or, for one unit, it and the units below it), ordered by path.
    QList<UnitCoverage> units;
};

class Coverage
{
public:
    // Coverage of the whole register, or of one unit and the units below it; none, with the reason
    // in `error`, when the register cannot be read.
    static std::optional<CoverageSummary>
    compute(Register& reg, const QDate& today, std::optional<RecordId> unitId = std::nullopt, QString* error = nullptr);
};

} // namespace custos
