#pragma once

#include "models/verify/VerifyReport.h"

#include <functional>
#include <optional>

namespace custos {

class Register;

// Checks that a register can be trusted, in order: SQLite's integrity check; that its schema,
// triggers and indexes are exactly those Custos made; that no write session was left open; that
// the audit trail's hash chain is unbroken (and holds the anchor, when given one); and that
// replaying the trail from its first row gives exactly today's units, people and assets.
class RegisterVerifier
{
public:
    // Says how far the check has got; returns false to stop it.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit RegisterVerifier(Register& reg);

    // A row of the trail and its hash, as `summary` and the report print them ("N:HASH").
    // False, with the reason, when `anchor` is not of that form.
    bool setAnchor(const QString& anchor, QString* error);
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    VerifyReport run() const;

private:
    Register& m_register;
    std::optional<AuditChain::Head> m_anchor;
    Progress m_progress;
};

} // namespace custos
