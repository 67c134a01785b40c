#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace custos {

// The audit trail is a hash chain: each row's hash is SHA-256 over the previous row's hash and
// the row's own fields, so that a row changed, removed or slipped in afterwards breaks every hash
// after it. The register's triggers compute it by calling custos_chain(), a function that only
// Custos registers on its connections: a change made with another SQLite client cannot fire them.
class AuditChain
{
public:
    // The fields of one audit row, as SQLite gives them as text.
    struct Row
    {
        qint64 id = 0;
        QByteArray at;
        QByteArray actor;
        QByteArray action;
        QByteArray recordTable;
        qint64 recordId = 0;
        QByteArray changes;
    };

    // The last row of the trail: its length, and its hash as hex, an anchor to keep elsewhere.
    struct Head
    {
        qint64 length = 0;
        QString hash;

        // "N:HASH", as `custos-cli verify --anchor` takes it.
        QString anchor() const { return QStringLiteral("%1:%2").arg(length).arg(hash); }
    };

    // SHA-256 over `previous` (empty for the first row) and the row's fields, each
    // length-prefixed, so that no two different rows hash the same input.
    static QByteArray hash(const QByteArray& previous, const Row& row);

    // Registers the two functions the audit triggers call on the connection: custos_chain(previous,
    // id, at, actor, action, record_table, record_id, changes), the row's hash; and
    // custos_changes(column, old, new, ...), the JSON object {"column": [old, new], ...} of the
    // columns whose values differ (NULL and empty text alike), values written as json_array()
    // writes them. False if the connection has no SQLite handle.
    static bool install(const QSqlDatabase& db);

    // The head of the register's trail; length 0 and no hash while the trail is empty.
    static std::optional<Head> head(const QSqlDatabase& db, QString* error = nullptr);
};

} // namespace custos
