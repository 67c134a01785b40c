#include "views/assets/UnitTreeDock.h"

#include "views/assets/UnitTreeItems.h"

#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

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
    const std::optional<RecordId> chosen = chosenUnit();
    m_tree->clear();
    auto* all = new QTreeWidgetItem(m_tree, {QStringLiteral("All units")});
    const QHash<RecordId, QTreeWidgetItem*> items = addUnitItems(m_tree, all, units);
    m_tree->expandAll();
    // The unit chosen before stays chosen while it exists.
    m_tree->setCurrentItem(chosen ? items.value(*chosen, all) : all);
}

std::optional<RecordId> UnitTreeDock::chosenUnit() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item || !item->data(0, Qt::UserRole).isValid())
        return std::nullopt;
    return item->data(0, Qt::UserRole).toLongLong();
}

void UnitTreeDock::chooseUnit(std::optional<RecordId> unitId)
{
    QTreeWidgetItem* all = m_tree->topLevelItem(0);
    QTreeWidgetItem* chosen = all;
    for (QTreeWidgetItemIterator it(all); unitId && *it; ++it) {
        if ((*it)->data(0, Qt::UserRole).isValid() && (*it)->data(0, Qt::UserRole).toLongLong() == *unitId)
            chosen = *it;
    }
    m_tree->setCurrentItem(chosen);
}

} // namespace custos
