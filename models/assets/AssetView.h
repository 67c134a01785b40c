#pragma once

#include "models/assets/AssetFilter.h"
#include "models/domain/Classification.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace custos {

class UnitTree;

// The columns of the assets table: every field of the export header. The first seven are the
// ones shown by default; the rest follow them, so that a table layout saved before they existed
// keeps its meaning (a saved layout names columns by their number).
enum class AssetColumn {
    Reference,
    Name,
    BusinessUnit,
    Owner,
    Classification,
    NextReviewDue,
    Status,
    Description,
    OwnerEmail,
    OwnerStatus,
    ManagerName,
    ManagerEmail,
    Format,
    Location,
    LegacyMarking,
    NeedsReview,
    HandlingNotes,
    PersonalData,
    LawfulBasis,
    Retention,
    DisposalAction,
    Criticality,
    ReviewCycle,
    LastReviewed,
    Created,
    Modified,
    Count
};
inline constexpr int kDefaultAssetColumnCount = int(AssetColumn::Status) + 1;

// One row as the table shows it, with the coverage flags its cells show. Text fields hold the
// stored value (dates and timestamps as stored: ISO).
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
    QString description;
    QString ownerEmail;
    bool ownerHasLeft = false;
    QString managerName;
    QString managerEmail;
    QString format;
    QString location;
    QString legacyMarking;
    QString handlingNotes;
    QString personalData;
    QString lawfulBasis;
    QString retention;
    QString disposalAction;
    QString criticality;
    int reviewCycleMonths = 0;
    QString lastReviewed;
    QString created;
    QString modified;
};

// What the assets table shows and in which order: a filter, and a column to sort by. Sorting and
// filtering happen in SQL; the statements here run on the view's own connection.
struct AssetView
{
    static constexpr int kFirstPageSize = 256;

    AssetFilter filter;
    AssetColumn sortColumn = AssetColumn::Reference;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;

    // The ORDER BY terms of the sort column, before the direction; `firstPage` when the query
    // asks for one page only.
    QStringList sortKeys(const UnitTree& units, bool firstPage) const;
    // SELECT a.id ... in display order, the first `limit` of them or (-1) all. Unit paths sort
    // by their place in `units`.
    QString idsSql(const UnitTree& units, int limit = -1) const;
    // The rows of the given ids, in no particular order; bind :today before running it.
    static QString rowsSql(const QList<RecordId>& ids);
    static AssetRow readRow(const QSqlQuery& query, const UnitTree& units);

    bool operator==(const AssetView&) const = default;
};

} // namespace custos
