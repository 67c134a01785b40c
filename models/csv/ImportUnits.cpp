#include "models/csv/ImportUnits.h"

namespace custos {

namespace {

QString pathKey(const QStringList& path)
{
    return path.join(UnitTree::kPathSeparator).toLower();
}

} // namespace

ImportUnits::ImportUnits(Register& reg, const WriteTransaction& transaction, ImportReport& report)
    : m_store(reg)
    , m_transaction(transaction)
    , m_report(report)
{
}

bool ImportUnits::load(QString* error)
{
    const std::optional<UnitTree> tree = m_store.tree(error);
    if (!tree)
        return false;
    for (const BusinessUnit& unit : tree->units()) {
        m_byPath.insert(tree->path(unit.id).toLower(), unit.id);
        m_byName[unit.name.toLower()].append(unit.id);
    }
    return true;
}

UnitCell ImportUnits::find(const QString& cell) const
{
    QStringList path = cell.split(UnitTree::kPathSeparator.trimmed());
    for (QString& part : path)
        part = part.trimmed();
    path.removeAll(QString());
    if (path.isEmpty())
        return {};
    if (const auto id = m_byPath.constFind(pathKey(path)); id != m_byPath.cend())
        return {*id, path};
    // A unit's own name will do where only one unit has it.
    if (path.size() == 1) {
        const QList<RecordId> named = m_byName.value(path.first().toLower());
        if (named.size() == 1)
            return {named.first(), path};
    }
    return {0, path};
}

std::optional<RecordId> ImportUnits::add(const QStringList& path, QString* error)
{
    std::optional<RecordId> parent;
    for (int depth = 1; depth <= path.size(); ++depth) {
        const QStringList upTo = path.mid(0, depth);
        if (const auto id = m_byPath.constFind(pathKey(upTo)); id != m_byPath.cend()) {
            parent = *id;
            continue;
        }
        parent = m_store.add(path.at(depth - 1), parent, m_transaction, error);
        if (!parent)
            return std::nullopt;
        m_byPath.insert(pathKey(upTo), *parent);
        m_byName[path.at(depth - 1).toLower()].append(*parent);
        m_report.createdUnits << upTo.join(UnitTree::kPathSeparator);
    }
    return parent;
}

} // namespace custos
