#include "views/assets/BulkEditDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace custos {

BulkEditDialog::BulkEditDialog(int assetCount, const UnitTree& units, const QList<Person>& people, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("bulkEditDialog"));
    setWindowTitle(QStringLiteral("Edit %1 Assets").arg(assetCount));
    auto* grid = new QGridLayout(this);
    grid->addWidget(new QLabel(QStringLiteral("Tick what to set on all %1 assets:").arg(assetCount), this), 0, 0, 1, 2);

    m_owner = addRow(QStringLiteral("IAO"), QStringLiteral("bulkOwner"), &m_setOwner);
    m_manager = addRow(QStringLiteral("IAM"), QStringLiteral("bulkManager"), &m_setManager);
    for (QComboBox* box : {m_owner, m_manager}) {
        box->addItem(QStringLiteral("None"));
        for (const Person& person : people) {
            if (!person.hasLeft) // someone who has left cannot be given assets
                box->addItem(QStringLiteral("%1 <%2>").arg(person.name, person.email), person.id);
        }
    }
    m_unit = addRow(QStringLiteral("Business unit"), QStringLiteral("bulkUnit"), &m_setUnit);
    for (RecordId id : units.idsByPath())
        m_unit->addItem(units.path(id), id);
    m_classification
        = addRow(QStringLiteral("Classification"), QStringLiteral("bulkClassification"), &m_setClassification);
    m_classification->addItem(QStringLiteral("Not yet classified"), QString());
    for (const Classification& classification : Classification::allClassified())
        m_classification->addItem(classification.toText(), classification.toText());
    m_cycle = addRow(QStringLiteral("Review cycle"), QStringLiteral("bulkCycle"), &m_setCycle);
    for (int months : {3, 6, 12})
        m_cycle->addItem(QStringLiteral("%1 months").arg(months), months);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Apply to %1 Assets").arg(assetCount));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    grid->addWidget(buttons, grid->rowCount(), 0, 1, 2);
}

QComboBox* BulkEditDialog::addRow(const QString& label, const QString& name, QCheckBox** tick)
{
    auto* grid = static_cast<QGridLayout*>(layout());
    const int row = grid->rowCount();
    *tick = new QCheckBox(label, this);
    (*tick)->setObjectName(name + QStringLiteral("Tick"));
    auto* box = new QComboBox(this);
    box->setObjectName(name);
    box->setAccessibleName(label);
    box->setEnabled(false);
    connect(*tick, &QCheckBox::toggled, box, &QWidget::setEnabled);
    grid->addWidget(*tick, row, 0);
    grid->addWidget(box, row, 1);
    return box;
}

Asset BulkEditDialog::applied(Asset asset) const
{
    auto chosenId = [](const QComboBox* box) {
        return box->currentData().isValid() ? std::optional<RecordId>(box->currentData().toLongLong()) : std::nullopt;
    };
    if (m_setOwner->isChecked())
        asset.iaoId = chosenId(m_owner);
    if (m_setManager->isChecked())
        asset.iamId = chosenId(m_manager);
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
