#pragma once

#include "models/store/AuditChain.h"
#include "models/verify/VerifyReport.h"

#include <functional>
#include <optional>

struct sqlite3;

namespace custos {

// Walks the audit trail in order, recomputing each row's hash from the one before: the first row
// whose number or hash does not follow is where the trail was changed.
class ChainCheck
{
public:
    ChainCheck(sqlite3* db, std::optional<AuditChain::Head> anchor);

    // Adds a fault to `report` for a broken chain or a missing anchor. Calls
    // `progress` with rows read; false from it stops the walk and returns false.
    bool run(VerifyReport& report, const std::function<bool(qint64)>& progress) const;

private:
    sqlite3* m_db;
    std::optional<AuditChain::Head> m_anchor;
};

} // namespace custos
