#pragma once

#include "models/verify/VerifyReport.h"

#include <functional>

struct sqlite3;

namespace custos {

// Replays the audit trail, record by record, and compares what it gives with the register's units,
// people and assets. A change made with the triggers dropped, an audit row removed or edited, or
// a record slipped in shows up as a record whose fields differ from what its trail says.
//
// One record at a time: the trail is read in record order through its index beside the table in
// id order, so memory stays flat on a million assets.
class AuditReplay
{
public:
    static constexpr int kMaxFaults = 20;

    explicit AuditReplay(sqlite3* db);

    // Adds a fault to `report` for each record that differs (up to kMaxFaults). Calls `progress`
    // with audit rows read so far; false from it stops the replay and returns false.
    bool run(VerifyReport& report, const std::function<bool(qint64)>& progress) const;

private:
    bool replayTable(const QString& table,
                     VerifyReport& report,
                     qint64* rowsRead,
                     const std::function<bool(qint64)>& progress) const;

    sqlite3* m_db;
};

} // namespace custos
