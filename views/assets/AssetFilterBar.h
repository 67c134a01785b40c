#pragma once

#include "models/assets/AssetFilter.h"

#include <QTimer>
#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;

namespace custos {

// The search box and quick filters above the assets table. It says when the filter changes
// (typing waits a moment, so a word runs one query) and writes its choices into a filter.
class AssetFilterBar : public QToolBar
{
    Q_OBJECT

public:
    explicit AssetFilterBar(QWidget* parent = nullptr);

    // Sets the fields this bar owns, leaving the rest (the unit, the sort) as they are.
    void applyTo(AssetFilter& filter) const;
    void focusSearch();
    // Shows exactly the active assets `wanted` picks, and no other choice (a dashboard figure's way
    // in); says the filter changed once. What the bar has no control for (an IAO, review dates,
    // hand-overs, any gap, a legacy marking to review) shows as `description` beside a button that
    // clears it.
    void showOnly(const AssetFilter& wanted, const QString& description);

signals:
    void filterChanged();

private:
    QAction* addToggle(const QString& text, const QString& name, const QString& tip);
    void clearWayIn();

    QLineEdit* m_search = nullptr;
    QAction* m_unowned = nullptr;
    QAction* m_unclassified = nullptr;
    QAction* m_overdue = nullptr;
    QAction* m_mine = nullptr;
    QAction* m_inactive = nullptr;
    QComboBox* m_classification = nullptr;
    QComboBox* m_coverage = nullptr;
    // The way in's conditions the bar has no control for, and the label and button that show them.
    AssetFilter m_wayIn;
    QLabel* m_wayInText = nullptr;
    QAction* m_wayInLabel = nullptr; // shows and hides m_wayInText in the tool bar
    QAction* m_clearWayIn = nullptr;
    QTimer m_typingDelay;
};

} // namespace custos
