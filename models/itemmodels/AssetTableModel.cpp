#include "models/itemmodels/AssetTableModel.h"

#include "models/itemmodels/AssetColumns.h"
#include "models/itemmodels/AssetPageLoader.h"

namespace custos {

AssetTableModel::AssetTableModel(const QString& registerPath,
                                 const QDate& today,
                                 const AssetView& view,
                                 QObject* parent)
    : QAbstractTableModel(parent)
    , m_view(view)
{
    auto startLoader = [&](QThread& thread, const QString& name) {
        auto* loader = new AssetPageLoader(registerPath, today, &m_generation);
        loader->moveToThread(&thread);
        connect(&thread, &QThread::finished, loader, &QObject::deleteLater);
        connect(loader, &AssetPageLoader::idsLoaded, this, &AssetTableModel::onIdsLoaded);
        connect(loader, &AssetPageLoader::pageLoaded, this, &AssetTableModel::onPageLoaded);
        connect(loader, &AssetPageLoader::totalCounted, this, [this](int generation, int total) {
            if (generation == m_generation.load() && total != m_totalAssets) {
                m_totalAssets = total;
                emit totalAssetCountChanged();
            }
        });
        connect(loader, &AssetPageLoader::failed, this, [this](int generation, const QString& message) {
            if (generation == m_generation.load() && m_loadingIds) {
                m_loadingIds = false;
                emit loadFailed(message);
            }
        });
        thread.setObjectName(name);
        thread.start();
        return loader;
    };
    AssetPageLoader* rows = startLoader(m_rowsThread, QStringLiteral("AssetPageLoader rows"));
    AssetPageLoader* list = startLoader(m_listThread, QStringLiteral("AssetPageLoader list"));
    connect(this, &AssetTableModel::firstPageRequested, rows, &AssetPageLoader::loadFirstPage);
    connect(this, &AssetTableModel::pageRequested, rows, &AssetPageLoader::loadPage);
    connect(this, &AssetTableModel::allIdsRequested, list, &AssetPageLoader::loadAllIds);
    refresh();
}

AssetTableModel::~AssetTableModel()
{
    ++m_generation; // stops any query in flight
    for (QThread* thread : {&m_rowsThread, &m_listThread}) {
        thread->quit();
        thread->wait();
    }
}

void AssetTableModel::setView(const AssetView& view)
{
    if (view == m_view)
        return;
    m_view = view;
    refresh();
}

void AssetTableModel::refresh()
{
    const int generation = ++m_generation;
    m_loadingIds = true;
    emit firstPageRequested(generation, m_view);
    emit allIdsRequested(generation, m_view);
}

void AssetTableModel::follow()
{
    if (m_shownGeneration < 0 || m_loadingIds) {
        refresh();
        return;
    }
    const int generation = ++m_generation;
    m_followGeneration = generation;
    // The rows held are read again at once, in their places: a changed asset on screen shows its
    // change long before a million ids are read again and moved into their new order.
    m_shownGeneration = generation;
    m_pagesRequested.clear();
    for (auto page = m_pages.cbegin(); page != m_pages.cend(); ++page) {
        m_pagesRequested.insert(page.key());
        emit pageRequested(generation, page.key(), m_ids.mid(qsizetype(page.key()) * kPageSize, kPageSize));
    }
    emit allIdsRequested(generation, m_view);
}

void AssetTableModel::swapInPlace(int generation, const QList<RecordId>& ids)
{
    QHash<RecordId, AssetRow> known;
    for (const QList<AssetRow>& page : std::as_const(m_pages)) {
        for (const AssetRow& row : page)
            known.insert(row.id, row);
    }
    const QList<int> shownPages = m_pages.keys();
    // The list grows or shrinks at its end, around a move of every row to its new place (id 0
    // pads a shorter list while the rows move).
    const int oldCount = int(m_ids.size());
    const int newCount = int(ids.size());
    if (newCount > oldCount) {
        beginInsertRows({}, oldCount, newCount - 1);
        m_ids.resize(newCount, 0);
        endInsertRows();
    }
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    for (const QModelIndex& index : from) {
        const qsizetype row = ids.indexOf(m_ids.value(index.row()));
        to.append(row < 0 ? QModelIndex() : createIndex(int(row), index.column()));
    }
    changePersistentIndexList(from, to);
    m_ids = ids;
    m_ids.resize(std::max(oldCount, newCount), 0);
    m_shownGeneration = generation;
    m_pages.clear();
    m_pageUse.clear();
    m_pagesRequested.clear();
    for (int page : shownPages) {
        QList<AssetRow> rows;
        for (RecordId id : ids.mid(qsizetype(page) * kPageSize, kPageSize))
            rows.append(known.value(id, AssetRow {.id = id}));
        if (rows.isEmpty())
            continue;
        m_pages.insert(page, rows);
        m_pageUse.append(page);
        m_pagesRequested.insert(page);
        emit pageRequested(generation, page, ids.mid(qsizetype(page) * kPageSize, kPageSize));
    }
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    if (newCount < oldCount) {
        beginRemoveRows({}, newCount, oldCount - 1);
        m_ids.resize(newCount);
        endRemoveRows();
    }
}

void AssetTableModel::onIdsLoaded(int generation, const QList<RecordId>& ids, bool complete)
{
    if (generation != m_generation.load())
        return;
    if (generation == m_followGeneration) {
        if (!complete)
            return; // rows move in place only once all of them are known
        m_followGeneration = -1;
        swapInPlace(generation, ids);
        emit loaded();
        return;
    }
    if (generation == m_shownGeneration && !m_loadingIds)
        return; // the whole list came first; its first page adds nothing
    if (generation == m_shownGeneration && ids.size() >= m_ids.size()) {
        // The rest of a list whose first page is shown: the same order, so only rows are added.
        if (ids.size() > m_ids.size()) {
            beginInsertRows({}, int(m_ids.size()), int(ids.size()) - 1);
            m_ids = ids;
            endInsertRows();
        }
    } else {
        beginResetModel();
        m_shownGeneration = generation;
        m_ids = ids;
        m_pages.clear();
        m_pageUse.clear();
        m_pagesRequested.clear();
        // The rows loader sends the first page's rows after its ids, whichever list came first.
        m_pagesRequested.insert(0);
        endResetModel();
    }
    m_loadingIds = !complete;
    if (complete)
        emit loaded();
}

void AssetTableModel::onPageLoaded(int generation, int page, const QList<AssetRow>& rows)
{
    if (generation != m_shownGeneration)
        return;
    m_pagesRequested.remove(page);
    m_pages.insert(page, rows);
    m_pageUse.removeAll(page);
    m_pageUse.append(page);
    while (m_pages.size() > kMaxCachedPages)
        m_pages.remove(m_pageUse.takeFirst());
    const int first = page * kPageSize;
    emit dataChanged(index(first, 0), index(first + int(rows.size()) - 1, columnCount() - 1));
}

const AssetRow* AssetTableModel::rowAt(int row) const
{
    const int page = row / kPageSize;
    const auto found = m_pages.constFind(page);
    if (found == m_pages.constEnd()) {
        if (!m_pagesRequested.contains(page)) {
            m_pagesRequested.insert(page);
            const QList<RecordId> ids = m_ids.mid(page * kPageSize, kPageSize);
            // Emitting from a const function: the request changes nothing the caller can see.
            emit const_cast<AssetTableModel*>(this)->pageRequested(m_shownGeneration, page, ids);
        }
        return nullptr;
    }
    if (m_pageUse.last() != page) {
        m_pageUse.removeOne(page);
        m_pageUse.append(page);
    }
    return &found->at(row % kPageSize);
}

int AssetTableModel::materialisedRowCount() const
{
    int rows = 0;
    for (const QList<AssetRow>& page : m_pages)
        rows += int(page.size());
    return rows;
}

int AssetTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int AssetTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(AssetColumn::Count);
}

QVariant AssetTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == IdRole)
        return m_ids.at(index.row());
    if (role != Qt::DisplayRole && role != FlagRole)
        return {};
    const AssetRow* row = rowAt(index.row());
    if (!row)
        return {};
    const auto column = static_cast<AssetColumn>(index.column());
    if (role == FlagRole) {
        switch (column) {
        case AssetColumn::Owner:
            return row->unowned;
        case AssetColumn::Classification:
            return !row->classification.isClassified() || row->classificationNeedsReview;
        case AssetColumn::NextReviewDue:
            return row->overdue;
        default:
            return false;
        }
    }
    return assetCellText(*row, column);
}

QVariant AssetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    return assetColumnTitle(static_cast<AssetColumn>(section));
}

void AssetTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    AssetView sorted = m_view;
    sorted.sortColumn = static_cast<AssetColumn>(column);
    sorted.sortOrder = order;
    setView(sorted);
}

} // namespace custos
