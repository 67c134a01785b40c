#pragma once

#include "models/domain/Asset.h"
#include "models/people/PersonStore.h"
#include "models/units/UnitTree.h"

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace custos {

// Sets the same IAO, IAM, business unit, classification or review cycle on every chosen asset.
// Only the fields ticked change; the rest of each asset stays as it was.
class BulkEditDialog : public QDialog
{
    Q_OBJECT

public:
    BulkEditDialog(int assetCount, const UnitTree& units, const QList<Person>& people, QWidget* parent = nullptr);

    // The asset with the ticked fields set.
    Asset applied(Asset asset) const;

private:
    QComboBox* addRow(const QString& label, const QString& name, QCheckBox** tick);

    QCheckBox* m_setOwner = nullptr;
    QCheckBox* m_setManager = nullptr;
    QCheckBox* m_setUnit = nullptr;
    QCheckBox* m_setClassification = nullptr;
    QCheckBox* m_setCycle = nullptr;
    QComboBox* m_owner = nullptr;
    QComboBox* m_manager = nullptr;
    QComboBox* m_unit = nullptr;
    QComboBox* m_classification = nullptr;
    QComboBox* m_cycle = nullptr;
};

} // namespace custos
