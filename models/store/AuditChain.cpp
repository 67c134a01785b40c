#include "models/store/AuditChain.h"

#include "models/store/SqliteHandle.h"

#include <QSqlError>
#include <QSqlQuery>
#include <cstdio>
#include <cstring>
#include <memory>
#include <openssl/evp.h>
#include <sqlite3.h>
#include <string>

namespace custos {

namespace {

// Each field as "LENGTH:BYTES".
void addField(EVP_MD_CTX* sha, const QByteArray& field)
{
    char length[24];
    const int written = std::snprintf(length, sizeof length, "%lld:", static_cast<long long>(field.size()));
    EVP_DigestUpdate(sha, length, static_cast<std::size_t>(written));
    EVP_DigestUpdate(sha, field.constData(), static_cast<std::size_t>(field.size()));
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

// A value written as SQLite's json_array() writes it; false for a blob, which JSON cannot hold.
bool appendJson(std::string& json, sqlite3_value* value)
{
    switch (sqlite3_value_type(value)) {
    case SQLITE_NULL:
        json += "null";
        return true;
    case SQLITE_INTEGER:
        json += std::to_string(sqlite3_value_int64(value));
        return true;
    case SQLITE_FLOAT: {
        char* number = sqlite3_mprintf("%!.15g", sqlite3_value_double(value));
        json += number;
        sqlite3_free(number);
        return true;
    }
    case SQLITE_TEXT:
        break;
    default:
        return false;
    }
    static const char kShortEscapes[] = "\0\0\0\0\0\0\0\0btn\0fr";
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
    const int length = sqlite3_value_bytes(value);
    json += '"';
    // Runs of characters that need no escape go in whole.
    int start = 0;
    for (int i = 0; i < length; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        json.append(text + start, static_cast<std::size_t>(i - start));
        start = i + 1;
        json += '\\';
        if (c == '"' || c == '\\') {
            json += static_cast<char>(c);
        } else if (c < sizeof kShortEscapes - 1 && kShortEscapes[c] != '\0') {
            json += kShortEscapes[c];
        } else {
            static const char kHex[] = "0123456789abcdef";
            json += "u00";
            json += kHex[c >> 4];
            json += kHex[c & 0xf];
        }
    }
    json.append(text + start, static_cast<std::size_t>(length - start));
    json += '"';
    return true;
}

bool isBlank(sqlite3_value* value)
{
    const int type = sqlite3_value_type(value);
    return type == SQLITE_NULL || (type == SQLITE_TEXT && sqlite3_value_bytes(value) == 0);
}

// Whether two column values differ as the audit trail counts it: NULL and empty text are alike.
bool differ(sqlite3_value* before, sqlite3_value* after)
{
    if (isBlank(before) || isBlank(after))
        return isBlank(before) != isBlank(after);
    const int type = sqlite3_value_type(before);
    const int otherType = sqlite3_value_type(after);
    const bool numbers = (type == SQLITE_INTEGER || type == SQLITE_FLOAT)
        && (otherType == SQLITE_INTEGER || otherType == SQLITE_FLOAT);
    if (numbers) {
        if (type == SQLITE_INTEGER && otherType == SQLITE_INTEGER)
            return sqlite3_value_int64(before) != sqlite3_value_int64(after);
        return sqlite3_value_double(before) != sqlite3_value_double(after);
    }
    if (type != otherType)
        return true;
    const int length = sqlite3_value_bytes(before);
    return length != sqlite3_value_bytes(after)
        || (length > 0 && std::memcmp(sqlite3_value_blob(before), sqlite3_value_blob(after), length) != 0);
}

void changesFunction(sqlite3_context* context, int count, sqlite3_value** values)
{
    if (count % 3 != 0) {
        sqlite3_result_error(context, "custos_changes takes (column, old, new) triples", -1);
        return;
    }
    std::string json;
    json.reserve(1024);
    json += '{';
    for (int i = 0; i < count; i += 3) {
        if (!differ(values[i + 1], values[i + 2]))
            continue;
        if (json.size() > 1)
            json += ',';
        appendJson(json, values[i]);
        json += ":[";
        const bool written = appendJson(json, values[i + 1]) && (json += ',', appendJson(json, values[i + 2]));
        if (!written) {
            sqlite3_result_error(context, "JSON cannot hold BLOB values", -1);
            return;
        }
        json += ']';
    }
    json += '}';
    sqlite3_result_text(context, json.data(), static_cast<int>(json.size()), SQLITE_TRANSIENT);
}

} // namespace

QByteArray AuditChain::hash(const QByteArray& previous, const Row& row)
{
    // OpenSSL's SHA-256 uses the processor's SHA instructions where it has them: the hash was a
    // fifth of every import's work with Qt's portable one.
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> sha(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestInit_ex(sha.get(), EVP_sha256(), nullptr);
    addField(sha.get(), previous);
    addField(sha.get(), QByteArray::number(row.id));
    addField(sha.get(), row.at);
    addField(sha.get(), row.actor);
    addField(sha.get(), row.action);
    addField(sha.get(), row.recordTable);
    addField(sha.get(), QByteArray::number(row.recordId));
    addField(sha.get(), row.changes);
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int size = 0;
    EVP_DigestFinal_ex(sha.get(), reinterpret_cast<unsigned char*>(digest.data()), &size);
    return digest;
}

bool AuditChain::install(const QSqlDatabase& db)
{
    sqlite3* handle = sqliteHandle(db);
    return handle
        && sqlite3_create_function_v2(
               handle, "custos_chain", 8, SQLITE_UTF8, nullptr, chainFunction, nullptr, nullptr, nullptr)
        == SQLITE_OK
        && sqlite3_create_function_v2(handle,
                                      "custos_changes",
                                      -1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                      nullptr,
                                      changesFunction,
                                      nullptr,
                                      nullptr,
                                      nullptr)
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
