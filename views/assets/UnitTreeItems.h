#pragma once

#include "models/units/UnitTree.h"

#include <QHash>

class QTreeWidget;
class QTreeWidgetItem;

namespace custos {

// Adds an item for every unit, nested as the units are, under `top` (or at the top of `tree`
// when `top` is null). Each item holds its unit's id in Qt::UserRole; the items are returned by id.
QHash<RecordId, QTreeWidgetItem*> addUnitItems(QTreeWidget* tree, QTreeWidgetItem* top, const UnitTree& units);

} // namespace custos
