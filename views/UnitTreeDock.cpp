#include "UnitTreeDock.h"

#include <QHash>
#include <QTreeWidget>

namespace custos {

UnitTreeDock::UnitTreeDock(QWidget* parent)
    : QDockWidget(QStringLiteral("Business units"), parent)
{
    setObjectName(QStringLiteral("unitDock"));
    setFeatures(QDockWidget::DockWidgetMovable);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("unitTree"));
    m_tree->setAccessibleName(QStringLiteral("Business units"));
    m_tree->setHeaderHidden(true);
    setWidget(m_tree);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &UnitTreeDock::unitChosen);
}

void UnitTreeDock::setUnits(const UnitTree& units)
{
    const QSignalBlocker quiet(m_tree);
    m_tree->clear();
    auto* all = new QTreeWidgetItem(m_tree, {QStringLiteral("All units")});
    QHash<RecordId, QTreeWidgetItem*> items;
    // Parents come before their children in path order.
    for (RecordId id : units.idsByPath()) {
        const auto unit = std::find_if(
            units.units().begin(), units.units().end(), [id](const BusinessUnit& u) { return u.id == id; });
        QTreeWidgetItem* parent = unit->parentId ? items.value(*unit->parentId, all) : all;
        auto* item = new QTreeWidgetItem(parent, {unit->name});
        item->setData(0, Qt::UserRole, id);
        items.insert(id, item);
    }
    m_tree->expandAll();
    m_tree->setCurrentItem(all);
}

std::optional<RecordId> UnitTreeDock::chosenUnit() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item || !item->data(0, Qt::UserRole).isValid())
        return std::nullopt;
    return item->data(0, Qt::UserRole).toLongLong();
}

} // namespace custos
