#pragma once

#include "models/domain/Asset.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace custos {

class Register;

// One field of one change, as people read it: "IAO", "Ann Smith" → "Bob Jones".
struct FieldChange
{
    QString field;
    QString before;
    QString after;

    bool operator==(const FieldChange&) const = default;
};

// One row of the audit trail, with the record it names and its changes put into words.
struct AuditEntry
{
    RecordId id = 0;
    QDateTime at;
    QString actor;
    QString action; // insert, update or delete
    QString table;
    RecordId recordId = 0;
    // "Asset IA-000123", "Person Ann Smith", "Business unit Courts".
    QString record;
    QList<FieldChange> changes;

    // "Added", "Deleted", or the changed fields: "IAO: Ann → Bob; Status: Active → Archived".
    QString summary() const;
};

// Reads the audit trail the register's triggers write. Ids in it are shown as the names of the
// people and units they stand for.
class AuditLog
{
public:
    explicit AuditLog(Register& reg);

    // Every change to one record, newest first.
    QList<AuditEntry> forRecord(const QString& table, RecordId id) const;
    // The record's latest change for a person to read ("b.jones at 02/12/2026 09:30: Name: …"),
    // or nothing when the trail holds none: how a refused write names what changed under it.
    QString latestChange(const QString& table, RecordId id) const;
    // Up to `limit` entries older than `beforeId` (or the newest), newest first.
    QList<AuditEntry> page(std::optional<RecordId> beforeId, int limit) const;

private:
    QList<AuditEntry> read(const QString& where, const QVariantList& values, int limit) const;
    QString valueText(const QString& column, const QVariant& value) const;

    Register& m_register;
    QHash<RecordId, QString> m_people;
    QHash<RecordId, QString> m_units;
};

} // namespace custos
