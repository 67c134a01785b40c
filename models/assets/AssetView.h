#pragma once

#include "models/assets/AssetFilter.h"
#include "models/domain/Classification.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace custos {

class UnitTree;

// The columns of the assets table as the window shows them.
enum class AssetColumn { Reference, Name, BusinessUnit, Owner, Classification, NextReviewDue, Status, Count };

// One row as the table shows it, with the coverage flags its cells show.
struct AssetRow
{
    RecordId id = 0;
    QString reference;
    QString name;
    QString unitPath;
    QString ownerName;
    Classification classification;
    bool classificationNeedsReview = false;
    QDate nextReviewDue;
    QString status;
    bool unowned = false;
    bool overdue = false;
};

// What the assets table shows and in which order: a filter, and a column to sort by. Sorting and
// filtering happen in SQL; the statements here run on the view's own connection.
struct AssetView
{
    static constexpr int kFirstPageSize = 256;

    AssetFilter filter;
    AssetColumn sortColumn = AssetColumn::Reference;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;

    // SELECT a.id ... in display order, the first `limit` of them or (-1) all. Unit paths sort
    // by their place in `units`.
    QString idsSql(const UnitTree& units, int limit = -1) const;
    // The rows of the given ids, in no particular order; bind :today before running it.
    static QString rowsSql(const QList<RecordId>& ids);
    static AssetRow readRow(const QSqlQuery& query, const UnitTree& units);

    bool operator==(const AssetView&) const = default;
};

QString assetColumnTitle(AssetColumn column);

} // namespace custos
