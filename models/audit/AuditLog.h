#pragma once

#include "models/audit/AuditFilter.h"
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
    // The login that made the change, and the name of the register's person with that login (empty
    // where the register has none).
    QString actor;
    QString actorName;
    QString action; // insert, update or delete
    QString table;
    RecordId recordId = 0;
    // "Asset IA-000123", "Person Ann Smith", "Business unit Courts".
    QString record;
    QList<FieldChange> changes;

    // The person's name where the register knows them, else the login.
    QString who() const { return actorName.isEmpty() ? actor : actorName; }
    // "Added", "Changed" or "Deleted".
    QString actionText() const;
    // "Added", "Deleted", or the changed fields: "IAO: Ann → Bob; Status: Active → Archived".
    QString summary() const;
    // Every field the entry records, "Name: (none) → Payroll", joined by `separator`.
    QString changesText(const QString& separator) const;
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
    // Up to `limit` entries the filter selects older than `beforeId` (or the newest), newest first.
    QList<AuditEntry> page(const AuditFilter& filter, std::optional<RecordId> beforeId, int limit) const;
    // How many entries the filter selects.
    qint64 count(const AuditFilter& filter) const;

    // The logins that wrote entries after `afterId`, and the newest entry's id (`afterId` when there
    // is none): read again with that id, only the new part of the trail is read.
    struct Actors
    {
        QStringList logins;
        RecordId newestId = 0;
    };
    Actors actorsAfter(RecordId afterId) const;
    // The name of the register's person with this login, or nothing.
    QString nameOf(const QString& login) const { return m_namesByLogin.value(login); }

private:
    QList<AuditEntry> read(const QString& where, const QVariantMap& values, int limit) const;
    QString valueText(const QString& column, const QVariant& value) const;

    Register& m_register;
    QHash<RecordId, QString> m_people;
    QHash<RecordId, QString> m_units;
    QHash<QString, QString> m_namesByLogin;
};

} // namespace custos
