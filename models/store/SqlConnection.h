#pragma once

#include <QSqlDatabase>
#include <QString>

namespace custos {

// A plain SQLite connection of its own to a database file, closed and let go when this goes: for
// the store's work beside a register's own connections (copying a database, reading a backup).
class SqlConnection
{
public:
    enum class Access { ReadOnly, ReadWrite };

    SqlConnection(const QString& path, Access access);
    ~SqlConnection();
    SqlConnection(const SqlConnection&) = delete;
    SqlConnection& operator=(const SqlConnection&) = delete;

    // Open unless the file could not be opened; lastError() then says why.
    QSqlDatabase database() const { return m_database; }

private:
    QString m_name;
    QSqlDatabase m_database;
};

} // namespace custos
