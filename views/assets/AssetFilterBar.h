#pragma once

#include "models/assets/AssetFilter.h"

#include <QTimer>
#include <QToolBar>

class QAction;
class QComboBox;
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
    // Shows exactly the assets `wanted` picks, and no other choice (a dashboard figure's way in, or
    // the filter in use less a condition taken away); says the filter changed once. The bar keeps
    // what it has no control for (an IAO, review dates, hand-overs, any gap, a legacy marking to
    // review) until the next call; the unit and the sort are not the bar's.
    void showOnly(const AssetFilter& wanted);

signals:
    void filterChanged();

private:
    QAction* addToggle(const QString& text, const QString& name, const QString& tip);

    QLineEdit* m_search = nullptr;
    QAction* m_unowned = nullptr;
    QAction* m_unclassified = nullptr;
    QAction* m_overdue = nullptr;
    QAction* m_mine = nullptr;
    QAction* m_inactive = nullptr;
    QComboBox* m_classification = nullptr;
    QComboBox* m_coverage = nullptr;
    // The conditions the bar has no control for (ActiveFilterStrip shows them, with the rest).
    AssetFilter m_wayIn;
    QTimer m_typingDelay;
};

} // namespace custos
