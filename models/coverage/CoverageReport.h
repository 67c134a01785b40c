#pragma once

#include "models/coverage/Coverage.h"

#include <QJsonObject>
#include <QString>

namespace custos {

// Coverage written out for people and for scripts.
class CoverageReport
{
public:
    // {assets, owned, unowned, classified, unclassified, overdue, complete, units: [{name, ...}]}
    static QJsonObject toJson(const CoverageSummary& summary);
    // An aligned table: one line for the whole register (or unit), then one per unit, names escaped
    // (PrintableText).
    static QString toTable(const CoverageSummary& summary, const QString& title);
};

} // namespace custos
