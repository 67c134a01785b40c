#pragma once

#include <QDate>
#include <QString>
#include <QVariantMap>
#include <optional>

namespace custos {

// Which entries of the audit trail to show. Conditions combine with AND; an empty one selects all.
struct AuditFilter
{
    // Entries written by this login.
    QString actor;
    // Entries about records of this table: "assets", "people" or "units".
    QString table;
    // Entries about the record with this reference (an asset), this name (a person, a unit), or this
    // id ("#42" or "42").
    QString record;
    // Entries written on these local days, both included.
    std::optional<QDate> from;
    std::optional<QDate> to;
    // Text in the recorded changes' values (not their field names or ids), the login or name of who
    // made them, or the record's reference or name.
    QString search;

    bool isEmpty() const { return *this == AuditFilter(); }
    // SQL condition over `audit_log l`, with named parameters that parameters() gives.
    QString whereClause() const;
    QVariantMap parameters() const;

    bool operator==(const AuditFilter&) const = default;
};

} // namespace custos
