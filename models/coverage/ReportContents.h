#pragma once

#include "models/coverage/CoverageTrend.h"
#include "models/coverage/DashboardFigures.h"
#include "models/domain/Classification.h"
#include "models/store/AuditChain.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace custos {

class Register;

// One asset in a report's gap lists.
struct ReportAsset
{
    QString reference;
    QString name;
    QString unit;
    // The IAO's name; empty for none.
    QString owner;
    bool ownerHasLeft = false;
    Classification classification;
};

// What the SRO's report holds: the dashboard's figures for its scope (their coverage is the same
// Coverage::compute as custos-cli summary), the weekly trend, the unowned, unclassified and
// overdue assets, and the marking those lists need.
struct ReportContents
{
    QString registerName;
    QDate date;
    // "All units", or the path of the unit the report is about.
    QString scope;
    DashboardFigures figures;
    CoverageTrend trend;
    QList<ReportAsset> unowned;
    QList<ReportAsset> unclassified;
    QList<ReportAsset> overdue;
    // The highest classification among the listed assets.
    Classification highest;
    // The audit trail's head when the report was made: an anchor the reader can keep, so that a
    // later `custos-cli verify --anchor` shows whether the history up to it was rewritten.
    AuditChain::Head auditTrail;

    // The protective marking for the top and bottom of every page: the highest classification in
    // capitals, or nothing when that is plain OFFICIAL (or nothing is classified).
    QString marking() const;

    // None, with the reason in `error`, when the register cannot be read.
    static std::optional<ReportContents>
    gather(Register& reg, const QDate& today, std::optional<RecordId> unitId = std::nullopt, QString* error = nullptr);
};

} // namespace custos
