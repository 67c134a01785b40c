#include "models/itemmodels/AssetPageLoader.h"

#include "models/store/Register.h"
#include "models/store/SqliteHandle.h"
#include "models/units/UnitStore.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <sqlite3.h>
#include <sys/resource.h>

namespace custos {

namespace {
constexpr int kBackgroundNiceness = 10;
}

AssetPageLoader::AssetPageLoader(const QString& registerPath,
                                 const QDate& today,
                                 const std::atomic<int>* currentGeneration)
    : m_registerPath(registerPath)
    , m_today(today)
    , m_currentGeneration(currentGeneration)
{
}

AssetPageLoader::~AssetPageLoader() = default;

bool AssetPageLoader::ensureOpen(int generation)
{
    if (m_register)
        return true;
    // Loading is background work: the window's thread, which paints the rows, goes first. A nice
    // value (per thread on Linux) rather than SCHED_IDLE, which starves on a busy machine.
    setpriority(PRIO_PROCESS, 0, kBackgroundNiceness);
    QString error;
    m_register = Register::open(m_registerPath, OpenMode::Background, &error);
    if (!m_register) {
        emit failed(generation, error);
        return false;
    }
    if (sqlite3* db = sqliteHandle(m_register->database()))
        sqlite3_progress_handler(db, 10000, &interruptIfStale, this);
    return true;
}

int AssetPageLoader::interruptIfStale(void* loader)
{
    const auto* self = static_cast<const AssetPageLoader*>(loader);
    return self->isStale(self->m_runningGeneration) ? 1 : 0;
}

bool AssetPageLoader::selectIds(int generation, const AssetView& view, int limit, QList<RecordId>* ids)
{
    QSqlQuery query(m_register->database());
    query.setForwardOnly(true);
    query.prepare(view.idsSql(m_units, limit));
    view.filter.bind(query, m_today);
    m_runningGeneration = generation;
    query.exec();
    while (query.isActive() && query.next())
        ids->append(query.value(0).toLongLong());
    // A newer view interrupts the query; that is not a failure to report.
    if (isStale(generation))
        return false;
    if (query.lastError().isValid()) {
        emit failed(generation, query.lastError().text());
        return false;
    }
    return true;
}

bool AssetPageLoader::prepare(int generation)
{
    if (isStale(generation) || !ensureOpen(generation))
        return false;
    // Units change rarely and are few; reading them with each new view keeps paths current.
    m_units = UnitStore(*m_register).tree();
    return true;
}

void AssetPageLoader::loadFirstPage(int generation, const AssetView& view)
{
    if (!prepare(generation))
        return;
    // A sort SQL cannot take from an index has to see every row before the first; asking for one
    // page lets SQLite keep only the best 256 as it goes, in a fraction of the whole list's time.
    QList<RecordId> firstPage;
    if (!selectIds(generation, view, AssetView::kFirstPageSize, &firstPage))
        return;
    emit idsLoaded(generation, firstPage, firstPage.size() < AssetView::kFirstPageSize);
    loadPage(generation, 0, firstPage);
    // The register's total, for "N of M shown", is a scan of its own: after the first rows.
    QSqlQuery total(m_register->database());
    const QString scope = view.filter.activeOnly ? QStringLiteral(" WHERE status = 'Active'") : QString();
    m_runningGeneration = generation;
    if (total.exec(QStringLiteral("SELECT count(*) FROM assets") + scope) && total.next())
        emit totalCounted(generation, total.value(0).toInt());
}

void AssetPageLoader::loadAllIds(int generation, const AssetView& view)
{
    if (!prepare(generation))
        return;
    QList<RecordId> all;
    if (selectIds(generation, view, -1, &all))
        emit idsLoaded(generation, all, true);
}

void AssetPageLoader::loadPage(int generation, int page, const QList<RecordId>& ids)
{
    if (isStale(generation) || !ensureOpen(generation))
        return;
    QSqlQuery query(m_register->database());
    query.setForwardOnly(true);
    query.prepare(AssetView::rowsSql(ids));
    query.bindValue(QStringLiteral(":today"), m_today.toString(Qt::ISODate));
    m_runningGeneration = generation;
    if (!query.exec()) {
        if (!isStale(generation))
            emit failed(generation, query.lastError().text());
        return;
    }
    QHash<RecordId, AssetRow> byId;
    while (query.next()) {
        AssetRow row = AssetView::readRow(query, m_units);
        byId.insert(row.id, row);
    }
    // Back into display order; an asset deleted meanwhile stays a blank row until the next refresh.
    QList<AssetRow> rows;
    rows.reserve(ids.size());
    for (RecordId id : ids)
        rows.append(byId.value(id, AssetRow {.id = id}));
    emit pageLoaded(generation, page, rows);
}

} // namespace custos
