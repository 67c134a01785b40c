#pragma once

#include "Asset.h"

#include <QDate>
#include <QSqlQuery>
#include <QString>
#include <optional>

namespace custos {

// Which assets to show: the coverage gaps, an owner, a unit with the units below it, and text to
// search for in reference, name, description and owner's name. Conditions combine with AND. By
// default only active assets, the ones coverage counts.
struct AssetFilter
{
    bool unowned = false;
    bool unclassified = false;
    bool overdue = false;
    std::optional<RecordId> ownerId;
    std::optional<RecordId> unitId;
    bool activeOnly = true;
    QString search;

    // SQL condition over CoverageRules::kFrom, with named placeholders for bind().
    QString whereClause() const;
    void bind(QSqlQuery& query, const QDate& today) const;
};

} // namespace custos
