#pragma once

#include "AssetFilter.h"

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
    // Shows the active assets `wanted` picks by its gap flags and coverage measure, and no other
    // choice (a dashboard tile's way in); says the filter changed once.
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
    QTimer m_typingDelay;
};

} // namespace custos
