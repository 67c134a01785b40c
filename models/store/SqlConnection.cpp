#include "models/store/SqlConnection.h"

#include <QAtomicInteger>

namespace custos {

SqlConnection::SqlConnection(const QString& path, Access access)
{
    static QAtomicInteger<quint64> counter;
    m_name = QStringLiteral("custos-sql-%1").arg(counter.fetchAndAddRelaxed(1));
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_database.setDatabaseName(path);
    if (access == Access::ReadOnly)
        m_database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    m_database.open();
}

SqlConnection::~SqlConnection()
{
    m_database.close();
    m_database = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

} // namespace custos
