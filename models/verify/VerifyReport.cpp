#include "models/verify/VerifyReport.h"

namespace custos {

QString VerifyReport::text() const
{
    if (outcome == Outcome::Unreadable)
        return failure + QLatin1Char('\n');
    if (outcome == Outcome::Cancelled)
        return QStringLiteral("Verification was cancelled before it finished; nothing was concluded.\n");
    QString text;
    for (const QString& check : passed)
        text += QStringLiteral("ok     ") + check + QLatin1Char('\n');
    for (const Fault& fault : faults)
        text += QStringLiteral("FAULT  ") + fault.check + QStringLiteral(": ") + fault.message + QLatin1Char('\n');
    text += QStringLiteral("\nAudit trail: %1 rows; head %2\n")
                .arg(head.length)
                .arg(head.length > 0 ? head.anchor() : QStringLiteral("(empty)"));
    text += faults.isEmpty() ? QStringLiteral("The register is intact.\n")
                             : QStringLiteral("The register has been damaged or changed outside Custos: %1 fault%2 "
                                              "above. Restore a backup that verifies.\n")
                                   .arg(faults.size())
                                   .arg(faults.size() == 1 ? QString() : QStringLiteral("s"));
    return text;
}

} // namespace custos
