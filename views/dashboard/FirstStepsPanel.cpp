#include "views/dashboard/FirstStepsPanel.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace custos {

FirstStepsPanel::FirstStepsPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("firstSteps"));
    auto* layout = new QGridLayout(this);
    layout->setColumnStretch(2, 1);
    auto* heading = new QLabel(QStringLiteral("<h3>Nothing to count yet</h3>"), this);
    layout->addWidget(heading, 0, 0, 1, 3);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("firstStepsIntro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro, 1, 0, 1, 3);
    const auto words = [this](const QString& text) {
        auto* label = new QLabel(text, this);
        label->setWordWrap(true);
        return label;
    };
    m_addUnits
        = addStep(QStringLiteral("firstStepUnits"),
                  QStringLiteral("1. Add business units\u2026"),
                  words(QStringLiteral("The directorates and units that hold the assets. Every asset belongs to one.")),
                  Step::AddUnits);
    m_import = addStep(QStringLiteral("firstStepImport"),
                       QStringLiteral("Import a spreadsheet\u2026"),
                       words(QStringLiteral("Or, instead of 1 and 2: a register exported to CSV brings its units, "
                                            "people and assets in one step.")),
                       Step::ImportSpreadsheet);
    m_addPeople
        = addStep(QStringLiteral("firstStepPeople"),
                  QStringLiteral("2. Add people\u2026"),
                  words(QStringLiteral("The Information Asset Owners and Managers, so that assets can be owned.")),
                  Step::AddPeople);
    m_assetNeedsUnit = words(QString());
    m_assetNeedsUnit->setObjectName(QStringLiteral("firstStepAssetNeeds"));
    m_addAsset = addStep(
        QStringLiteral("firstStepAsset"), QStringLiteral("3. Add an asset"), m_assetNeedsUnit, Step::AddAsset);
    layout->setRowStretch(layout->rowCount(), 1);
}

QPushButton* FirstStepsPanel::addStep(const QString& name, const QString& text, QLabel* explanation, Step step)
{
    auto* layout = static_cast<QGridLayout*>(this->layout());
    const int row = layout->rowCount();
    auto* button = new QPushButton(text, this);
    button->setObjectName(name);
    button->setMinimumWidth(220);
    connect(button, &QPushButton::clicked, this, [this, step] { emit stepChosen(step); });
    layout->addWidget(button, row, 0);
    layout->addWidget(explanation, row, 1, 1, 2);
    return button;
}

void FirstStepsPanel::showState(bool hasUnits, bool readOnly)
{
    m_intro->setText(readOnly ? QStringLiteral("This register has no active assets, and it is open read-only: open "
                                               "it for writing to start it.")
                              : QStringLiteral("This register has no active assets yet. Start with its business "
                                               "units (or import a spreadsheet, which brings them), then the people "
                                               "who own and manage assets, then the assets: each asset needs a "
                                               "business unit."));
    for (QPushButton* button : {m_addUnits, m_import, m_addPeople})
        button->setEnabled(!readOnly);
    m_addAsset->setEnabled(!readOnly && hasUnits);
    m_assetNeedsUnit->setText(hasUnits ? QStringLiteral("Its name, business unit, owner and classification.")
                                       : QStringLiteral("Needs a business unit first: add one above."));
}

} // namespace custos
