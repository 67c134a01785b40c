#pragma once

#include "models/domain/Asset.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace custos {

struct BusinessUnit
{
    RecordId id = 0;
    QString name;
    std::optional<RecordId> parentId;
};

// The register's business units as a tree: paths from the top ("Courts / Listings"), and the
// units below each one, which coverage counts together with the unit itself.
class UnitTree
{
public:
    static const QString kPathSeparator; // " / "

    UnitTree() = default;
    explicit UnitTree(const QList<BusinessUnit>& units);

    const QList<BusinessUnit>& units() const { return m_units; }
    std::optional<BusinessUnit> unit(RecordId id) const;
    QString path(RecordId id) const;
    // Units ordered by path, so parents come before their children.
    QList<RecordId> idsByPath() const;
    // The unit and every unit below it.
    QList<RecordId> subtree(RecordId id) const;
    bool isInSubtree(RecordId candidate, RecordId root) const;
    // A full path ("Courts / Listings"), or the name of exactly one unit ("Listings").
    std::optional<RecordId> find(const QString& pathOrName) const;

private:
    QList<BusinessUnit> m_units;
    QHash<RecordId, int> m_indexById;
    QHash<RecordId, QList<RecordId>> m_children;
};

} // namespace custos
