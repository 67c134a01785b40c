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

    // Version 4 makes the audit trail a hash chain (see AuditChain). The start drops the
    // triggers that write and guard the trail and gives it a hash column; the existing rows are
    // then chained in order; the finish puts back the guard and installs triggers that chain
    // every new row.
    static QStringList version4Start();
    static QStringList version4Finish();
    // Version 5: the same triggers and the same recorded changes, built by custos_changes()
    // instead of a query per row, which made every import several times slower.
    static QStringList version5();
    // Version 6: the same triggers writing the same rows, without a table built in memory for
    // each row they write.
    static QStringList version6();

    // The tables whose every change the audit trail records, and the columns it records of each.
    static const QStringList& auditedTables();
    static const QStringList& auditedColumns(const QString& table);
};

} // namespace custos
