#pragma once

#include "models/units/UnitTree.h"

#include <QDockWidget>
#include <optional>

class QTreeWidget;

namespace custos {

// The register's business units as a tree beside the table; choosing one shows its assets and
// those of the units below it.
class UnitTreeDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit UnitTreeDock(QWidget* parent = nullptr);

    void setUnits(const UnitTree& units);
    // None while "All units" is chosen.
    std::optional<RecordId> chosenUnit() const;
    // None chooses "All units".
    void chooseUnit(std::optional<RecordId> unitId);

signals:
    void unitChosen();

private:
    QTreeWidget* m_tree = nullptr;
};

} // namespace custos
