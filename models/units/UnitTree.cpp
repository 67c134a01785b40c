#include "models/units/UnitTree.h"

#include <algorithm>

namespace custos {

const QString UnitTree::kPathSeparator = QStringLiteral(" / ");

UnitTree::UnitTree(const QList<BusinessUnit>& units)
    : m_units(units)
{
    for (int i = 0; i < m_units.size(); ++i) {
        m_indexById.insert(m_units[i].id, i);
        if (m_units[i].parentId)
            m_children[*m_units[i].parentId].append(m_units[i].id);
    }
}

std::optional<BusinessUnit> UnitTree::unit(RecordId id) const
{
    const auto found = m_indexById.constFind(id);
    if (found == m_indexById.constEnd())
        return std::nullopt;
    return m_units.at(*found);
}

QString UnitTree::path(RecordId id) const
{
    QStringList parts;
    // The store refuses cycles; the bound keeps a damaged file from looping forever.
    for (std::optional<RecordId> current = id; current && parts.size() <= m_units.size();) {
        const auto found = m_indexById.constFind(*current);
        if (found == m_indexById.constEnd())
            break;
        const BusinessUnit& unit = m_units[*found];
        parts.prepend(unit.name);
        current = unit.parentId;
    }
    return parts.join(kPathSeparator);
}

QList<RecordId> UnitTree::idsByPath() const
{
    QList<std::pair<QString, RecordId>> byPath;
    for (const BusinessUnit& unit : m_units)
        byPath.append({path(unit.id), unit.id});
    std::sort(byPath.begin(), byPath.end(), [](const auto& a, const auto& b) {
        const int order = QString::compare(a.first, b.first, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a.first < b.first;
    });
    QList<RecordId> ids;
    for (const auto& entry : byPath)
        ids.append(entry.second);
    return ids;
}

QList<RecordId> UnitTree::subtree(RecordId id) const
{
    QList<RecordId> result {id};
    for (int i = 0; i < result.size() && result.size() <= m_units.size(); ++i)
        result.append(m_children.value(result[i]));
    return result;
}

bool UnitTree::isInSubtree(RecordId candidate, RecordId root) const
{
    return subtree(root).contains(candidate);
}

std::optional<RecordId> UnitTree::find(const QString& pathOrName) const
{
    const QString wanted = pathOrName.trimmed();
    std::optional<RecordId> byName;
    int nameMatches = 0;
    for (const BusinessUnit& unit : m_units) {
        if (path(unit.id) == wanted)
            return unit.id;
        if (unit.name == wanted) {
            byName = unit.id;
            ++nameMatches;
        }
    }
    return nameMatches == 1 ? byName : std::nullopt;
}

} // namespace custos
