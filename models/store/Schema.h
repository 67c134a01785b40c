#pragma once

#include <QStringList>

namespace custos {

// The statements that build each schema version, and the audit triggers they install.
class Schema
{
public:
    // Stamped into the file header (`PRAGMA application_id`) so that Custos recognises its own files.
    static constexpr int kApplicationId = 0x43757374; // "Cust"

    static QStringList version1();
    // Version 2: an index on asset names, so the table shows its first rows by name (and a search
    // in name order) from the index instead of sorting every asset first.
    static QStringList version2();
    // A version on every asset, person and unit, moved on by each update: what a writer checks
    // before it overwrites a record it read earlier.
    static QStringList version3();

    // The columns of the assets table in the latest version, besides id, in their stored order.
    static const QStringList& assetColumns();

    // Triggers that write one audit row per inserted, updated or deleted record of `table`,
    // holding each changed column's old and new value, and refuse any change made outside a
    // Custos write transaction (one that has not said who is writing).
    static QStringList auditTriggers(const QString& table, const QStringList& columns);
};

} // namespace custos
