#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace custos {

// What to do first in a register with no active assets, in the order it has to be done: business
// units (typed in, or brought by a spreadsheet's import), then people, then assets, each of which
// needs a business unit. Each button asks for its step; the window takes it.
class FirstStepsPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Step { AddUnits, ImportSpreadsheet, AddPeople, AddAsset };

    explicit FirstStepsPanel(QWidget* parent = nullptr);

    // Whether the register has business units yet (an asset needs one), and whether it can be
    // written at all.
    void showState(bool hasUnits, bool readOnly);

signals:
    void stepChosen(FirstStepsPanel::Step step);

private:
    // A button and the words beside it, in the next row.
    QPushButton* addStep(const QString& name, const QString& text, QLabel* explanation, Step step);

    QLabel* m_intro = nullptr;
    QPushButton* m_addUnits = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_addPeople = nullptr;
    QPushButton* m_addAsset = nullptr;
    QLabel* m_assetNeedsUnit = nullptr;
};

} // namespace custos
