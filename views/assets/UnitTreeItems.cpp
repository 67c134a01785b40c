#include "views/assets/UnitTreeItems.h"

#include <QTreeWidget>

namespace custos {

QHash<RecordId, QTreeWidgetItem*> addUnitItems(QTreeWidget* tree, QTreeWidgetItem* top, const UnitTree& units)
{
    QHash<RecordId, QTreeWidgetItem*> items;
    // Parents come before their children in path order.
    for (RecordId id : units.idsByPath()) {
        const BusinessUnit unit = *units.unit(id);
        QTreeWidgetItem* parent = unit.parentId ? items.value(*unit.parentId, top) : top;
        auto* item = parent ? new QTreeWidgetItem(parent, {unit.name}) : new QTreeWidgetItem(tree, {unit.name});
        item->setData(0, Qt::UserRole, id);
        items.insert(id, item);
    }
    return items;
}

} // namespace custos
