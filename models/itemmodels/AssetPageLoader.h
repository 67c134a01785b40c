#pragma once

#include "models/assets/AssetView.h"
#include "models/units/UnitTree.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <atomic>
#include <memory>

namespace custos {

class Register;

// Runs the assets table's queries on a thread of its own, with its own read-only connection, so
// that a long sort or search never stops the window. The table uses two: one for the first page
// and the rows the view scrolls to, one for the whole list of ids, which can take seconds. Every
// request carries the generation of the view it was made for; SQLite stops work for an older
// generation part-way, and its results are dropped.
class AssetPageLoader : public QObject
{
    Q_OBJECT

public:
    AssetPageLoader(const QString& registerPath, const QDate& today, const std::atomic<int>* currentGeneration);
    ~AssetPageLoader() override;

public slots:
    // The ids of the view's first page, then their rows, then how many assets the view's scope
    // (active, or all) holds.
    void loadFirstPage(int generation, const custos::AssetView& view);
    // The ids of every asset the view selects.
    void loadAllIds(int generation, const custos::AssetView& view);
    void loadPage(int generation, int page, const QList<custos::RecordId>& ids);

signals:
    // The first page's ids (`complete` if that is all), or all of them (`complete`).
    void idsLoaded(int generation, const QList<custos::RecordId>& ids, bool complete);
    // How many assets the register holds in the view's scope (active, or all), whatever it filters.
    void totalCounted(int generation, int total);
    void pageLoaded(int generation, int page, const QList<custos::AssetRow>& rows);
    void failed(int generation, const QString& message);

private:
    bool isStale(int generation) const { return generation != m_currentGeneration->load(); }
    // SQLite calls this every few thousand steps of a query: a newer view stops an older view's
    // sort or scan at once, rather than when it returns its first row.
    static int interruptIfStale(void* loader);
    bool ensureOpen(int generation);
    // Opens the register and reads its units; false if the request is stale or it cannot open.
    bool prepare(int generation);
    // The ids the view selects, at most `limit` of them (all for -1); false if stale or failed.
    bool selectIds(int generation, const AssetView& view, int limit, QList<RecordId>* ids);

    QString m_registerPath;
    QDate m_today;
    const std::atomic<int>* m_currentGeneration;
    std::unique_ptr<Register> m_register;
    // The generation whose query is running on this thread.
    int m_runningGeneration = 0;
    UnitTree m_units;
};

} // namespace custos
