#include "models/store/AuditChain.h"

#include "models/store/SqliteHandle.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <sqlite3.h>

namespace custos {

namespace {

void addField(QCryptographicHash& sha, const QByteArray& field)
{
    sha.addData(QByteArray::number(field.size()));
    sha.addData(QByteArrayView(":"));
    sha.addData(field);
}

QByteArray argument(sqlite3_value* value)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
    return text ? QByteArray(text, sqlite3_value_bytes(value)) : QByteArray();
}

void chainFunction(sqlite3_context* context, int count, sqlite3_value** values)
{
    if (count != 8) {
        sqlite3_result_error(context, "custos_chain takes 8 arguments", -1);
        return;
    }
    const QByteArray previous = sqlite3_value_type(values[0]) == SQLITE_NULL
        ? QByteArray()
        : QByteArray(static_cast<const char*>(sqlite3_value_blob(values[0])), sqlite3_value_bytes(values[0]));
    const AuditChain::Row row {sqlite3_value_int64(values[1]),
                               argument(values[2]),
                               argument(values[3]),
                               argument(values[4]),
                               argument(values[5]),
                               sqlite3_value_int64(values[6]),
                               argument(values[7])};
    const QByteArray digest = AuditChain::hash(previous, row);
    sqlite3_result_blob(context, digest.constData(), static_cast<int>(digest.size()), SQLITE_TRANSIENT);
}

} // namespace

QByteArray AuditChain::hash(const QByteArray& previous, const Row& row)
{
    QCryptographicHash sha(QCryptographicHash::Sha256);
    addField(sha, previous);
    addField(sha, QByteArray::number(row.id));
    addField(sha, row.at);
    addField(sha, row.actor);
    addField(sha, row.action);
    addField(sha, row.recordTable);
    addField(sha, QByteArray::number(row.recordId));
    addField(sha, row.changes);
    return sha.result();
}

bool AuditChain::install(const QSqlDatabase& db)
{
    sqlite3* handle = sqliteHandle(db);
    return handle
        && sqlite3_create_function_v2(
               handle, "custos_chain", 8, SQLITE_UTF8, nullptr, chainFunction, nullptr, nullptr, nullptr)
        == SQLITE_OK;
}

std::optional<AuditChain::Head> AuditChain::head(const QSqlDatabase& db, QString* error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"))) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    Head head;
    if (query.next()) {
        head.length = query.value(0).toLongLong();
        head.hash = QString::fromLatin1(query.value(1).toByteArray().toHex());
    }
    return head;
}

} // namespace custos
