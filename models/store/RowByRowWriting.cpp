#include "models/store/RowByRowWriting.h"

#include <QSqlQuery>

namespace custos {

namespace {

constexpr int kCacheSizeKiB = 65536;
constexpr int kTempStoreMemory = 2;

int pragmaValue(const QSqlDatabase& db, const char* name, int otherwise)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA ") + QLatin1String(name)) && query.next())
        return query.value(0).toInt();
    return otherwise;
}

void setPragma(const QSqlDatabase& db, const char* name, int value)
{
    QSqlQuery(db).exec(QStringLiteral("PRAGMA %1 = %2").arg(QLatin1String(name)).arg(value));
}

} // namespace

RowByRowWriting::RowByRowWriting(const QSqlDatabase& db)
    : m_db(db)
{
    m_cacheSizeBefore = pragmaValue(m_db, "cache_size", m_cacheSizeBefore);
    m_tempStoreBefore = pragmaValue(m_db, "temp_store", m_tempStoreBefore);
    setPragma(m_db, "cache_size", -kCacheSizeKiB);
    setPragma(m_db, "temp_store", kTempStoreMemory);
}

RowByRowWriting::~RowByRowWriting()
{
    setPragma(m_db, "cache_size", m_cacheSizeBefore);
    setPragma(m_db, "temp_store", m_tempStoreBefore);
}

} // namespace custos
