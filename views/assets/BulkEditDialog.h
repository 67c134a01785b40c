#pragma once

#include "models/domain/Asset.h"

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace custos {

class PersonPicker;
class Register;

// Sets the same IAO, IAM, business unit, classification or review cycle on every chosen asset.
// Only the fields ticked change; the rest of each asset stays as it was.
class BulkEditDialog : public QDialog
{
    Q_OBJECT

public:
    // Offers the register's units and people (those who have not left).
    BulkEditDialog(int assetCount, Register& reg, QWidget* parent = nullptr);

    // The asset with the ticked fields set.
    Asset applied(Asset asset) const;

private:
    // A row that sets a field when ticked: the tick, then a new choice, enabled only while ticked.
    QComboBox* addChoice(const QString& label, const QString& name, QCheckBox** tick);
    PersonPicker* addPersonPicker(Register& reg, const QString& label, const QString& name, QCheckBox** tick);
    void addRow(QWidget* field, const QString& label, const QString& name, QCheckBox** tick);

    QCheckBox* m_setOwner = nullptr;
    QCheckBox* m_setManager = nullptr;
    QCheckBox* m_setUnit = nullptr;
    QCheckBox* m_setClassification = nullptr;
    QCheckBox* m_setCycle = nullptr;
    PersonPicker* m_owner = nullptr;
    PersonPicker* m_manager = nullptr;
    QComboBox* m_unit = nullptr;
    QComboBox* m_classification = nullptr;
    QComboBox* m_cycle = nullptr;
};

} // namespace custos
