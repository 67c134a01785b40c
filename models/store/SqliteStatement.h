#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace custos {

// One prepared statement straight on SQLite, for reads of millions of rows where a QVariant per
// value would cost more than the read: step through the rows and take each column as bytes.
class SqliteStatement
{
public:
    SqliteStatement(sqlite3* db, const QByteArray& sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool isValid() const { return m_statement != nullptr; }
    void bind(int parameter, const QByteArray& text);
    // The next row; false at the end or on an error, which error() then names.
    bool next();
    qint64 integer(int column) const;
    // The column as text (an integer in decimal); empty for NULL.
    QByteArray text(int column) const;
    // The column's text without copying it, valid until the next step.
    QByteArrayView view(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;
    QString error() const { return m_error; }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
    QString m_error;
};

} // namespace custos
