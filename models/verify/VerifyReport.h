#pragma once

#include "models/store/AuditChain.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace custos {

// What `verify` found: each check that ran, and each fault with the check that found it.
struct VerifyReport
{
    enum class Outcome { Intact, Tampered, Cancelled, Unreadable };

    struct Fault
    {
        QString check;
        QString message;
    };

    Outcome outcome = Outcome::Intact;
    QStringList passed;
    QList<Fault> faults;
    AuditChain::Head head;
    // Why the register could not be read, for Unreadable.
    QString failure;

    void fault(const QString& check, const QString& message) { faults.append({check, message}); }
    // The report for a person: each check, then each fault, then the trail's head.
    QString text() const;
};

} // namespace custos
