#include "views/assets/BulkEditDialog.h"

#include "models/units/UnitStore.h"
#include "views/people/PersonPicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace custos {

BulkEditDialog::BulkEditDialog(int assetCount, Register& reg, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("bulkEditDialog"));
    setWindowTitle(QStringLiteral("Edit %1 Assets").arg(assetCount));
    auto* grid = new QGridLayout(this);
    grid->addWidget(new QLabel(QStringLiteral("Tick what to set on all %1 assets:").arg(assetCount), this), 0, 0, 1, 2);

    m_owner = addPersonPicker(reg, QStringLiteral("IAO"), QStringLiteral("bulkOwner"), &m_setOwner);
    m_manager = addPersonPicker(reg, QStringLiteral("IAM"), QStringLiteral("bulkManager"), &m_setManager);
    m_unit = addChoice(QStringLiteral("Business unit"), QStringLiteral("bulkUnit"), &m_setUnit);
    const UnitTree units = UnitStore(reg).tree();
    for (RecordId id : units.idsByPath())
        m_unit->addItem(units.path(id), id);
    m_classification
        = addChoice(QStringLiteral("Classification"), QStringLiteral("bulkClassification"), &m_setClassification);
    m_classification->addItem(QStringLiteral("Not yet classified"), QString());
    for (const Classification& classification : Classification::allClassified())
        m_classification->addItem(classification.toText(), classification.toText());
    m_cycle = addChoice(QStringLiteral("Review cycle"), QStringLiteral("bulkCycle"), &m_setCycle);
    for (int months : {3, 6, 12})
        m_cycle->addItem(QStringLiteral("%1 months").arg(months), months);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Apply to %1 Assets").arg(assetCount));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    grid->addWidget(buttons, grid->rowCount(), 0, 1, 2);
    resize(480, sizeHint().height());
}

QComboBox* BulkEditDialog::addChoice(const QString& label, const QString& name, QCheckBox** tick)
{
    auto* box = new QComboBox(this);
    addRow(box, label, name, tick);
    return box;
}

PersonPicker*
BulkEditDialog::addPersonPicker(Register& reg, const QString& label, const QString& name, QCheckBox** tick)
{
    auto* picker = new PersonPicker(label, this);
    picker->setRegister(&reg);
    addRow(picker, label, name, tick);
    return picker;
}

void BulkEditDialog::addRow(QWidget* field, const QString& label, const QString& name, QCheckBox** tick)
{
    auto* grid = static_cast<QGridLayout*>(layout());
    const int row = grid->rowCount();
    *tick = new QCheckBox(label, this);
    (*tick)->setObjectName(name + QStringLiteral("Tick"));
    field->setObjectName(name);
    field->setAccessibleName(label);
    field->setEnabled(false);
    connect(*tick, &QCheckBox::toggled, field, &QWidget::setEnabled);
    grid->addWidget(*tick, row, 0, Qt::AlignTop);
    grid->addWidget(field, row, 1);
}

Asset BulkEditDialog::applied(Asset asset) const
{
    if (m_setOwner->isChecked())
        asset.iaoId = m_owner->chosen();
    if (m_setManager->isChecked())
        asset.iamId = m_manager->chosen();
    if (m_setUnit->isChecked())
        asset.unitId = m_unit->currentData().toLongLong();
    if (m_setClassification->isChecked()) {
        asset.classification
            = Classification::fromText(m_classification->currentData().toString()).value_or(Classification());
        // Choosing a classification is the review a legacy mapping was waiting for.
        asset.classificationNeedsReview = false;
    }
    if (m_setCycle->isChecked())
        asset.reviewCycleMonths = m_cycle->currentData().toInt();
    return asset;
}

} // namespace custos
