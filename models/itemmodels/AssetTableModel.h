#pragma once

#include "models/assets/AssetView.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QThread>
#include <atomic>

namespace custos {

class AssetPageLoader;

// The assets table over a register of any size. It holds the ids of the matching assets in
// display order (8 bytes each) and a few pages of full rows; everything else is read on demand,
// off the calling thread, by two AssetPageLoaders: one for the first page and the rows scrolled to,
// one for the whole list of ids, so a long sort never holds up a newer view. Sorting and
// filtering run in SQL.
class AssetTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kPageSize = AssetView::kFirstPageSize;
    static constexpr int kMaxCachedPages = 16;

    // Role for a cell's coverage flag: true where the row is unowned (IAO column), overdue (next
    // review column) or unclassified (classification column).
    static constexpr int FlagRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;

    // Starts loading `view` at once.
    AssetTableModel(const QString& registerPath,
                    const QDate& today,
                    const AssetView& view = {},
                    QObject* parent = nullptr);
    ~AssetTableModel() override;

    const AssetView& view() const { return m_view; }
    // Shows another view; the same view again changes nothing (use refresh() after a change).
    void setView(const AssetView& view);
    // Runs the current view again, after the register has changed.
    void refresh();
    // Runs the current view again after a change someone may not have asked for (another window,
    // another process), and swaps the new rows in without a reset: each row the table view holds
    // (current, selected) moves with its asset, and the scroll position stays.
    void follow();
    // The row that shows the asset, or -1.
    int rowOf(RecordId id) const { return int(m_ids.indexOf(id)); }

    // How many full rows the model holds at this moment: bounded by kMaxCachedPages * kPageSize.
    int materialisedRowCount() const;
    bool isLoading() const { return m_loadingIds; }
    // Assets in the register (active ones, unless the view includes the rest), for "N of M shown".
    int totalAssetCount() const { return m_totalAssets; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    // All the matching ids are known: rowCount() is final for this view. (The first page's rows
    // arrive earlier, as a model reset; the rest follow as inserted rows.)
    void loaded();
    void loadFailed(const QString& message);
    // totalAssetCount() changed; it is counted apart from the view's rows, and may come later.
    void totalAssetCountChanged();
    // Internal: requests to the loader's thread.
    void firstPageRequested(int generation, const custos::AssetView& view);
    void allIdsRequested(int generation, const custos::AssetView& view);
    void pageRequested(int generation, int page, const QList<custos::RecordId>& ids);

private:
    void onIdsLoaded(int generation, const QList<RecordId>& ids, bool complete);
    void onPageLoaded(int generation, int page, const QList<AssetRow>& rows);
    // Puts `ids` in place of the shown ids as follow() promises; the rows already read show until
    // their fresh values arrive.
    void swapInPlace(int generation, const QList<RecordId>& ids);
    const AssetRow* rowAt(int row) const;

    AssetView m_view;
    // The latest view asked for, and the one whose ids the model shows; pages belong to the latter.
    std::atomic<int> m_generation {0};
    int m_shownGeneration = -1;
    // The generation follow() asked for, until its whole list arrives.
    int m_followGeneration = -1;
    // The first page and the rows scrolled to; the whole id list, which can take seconds.
    QThread m_rowsThread;
    QThread m_listThread;
    QList<RecordId> m_ids;
    bool m_loadingIds = false;
    int m_totalAssets = 0;
    // Mutable: data() is const but pulls pages in as the view scrolls.
    mutable QHash<int, QList<AssetRow>> m_pages;
    mutable QList<int> m_pageUse; // least recently used first
    mutable QSet<int> m_pagesRequested;
};

} // namespace custos
