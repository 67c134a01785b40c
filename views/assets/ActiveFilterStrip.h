#pragma once

#include "views/assets/ActiveFilters.h"

#include <QWidget>

class QToolButton;

namespace custos {

class FlowLayout;

// Directly above the assets table, every condition the table is filtered by, each as a chip with
// a button that takes that condition away on its own. The chips wrap onto more lines rather than
// leave the window, and the strip hides while the table shows every active asset.
class ActiveFilterStrip : public QWidget
{
    Q_OBJECT

public:
    explicit ActiveFilterStrip(QWidget* parent = nullptr);

    // One chip for each of `filters`, in their order, in place of those shown before.
    void showFilters(const QList<ActiveFilter>& filters);

signals:
    void removeRequested(FilterCondition condition);
    void clearAllRequested();

private:
    QWidget* newChip(const ActiveFilter& filter);

    FlowLayout* m_layout = nullptr;
    QList<QWidget*> m_chips;
    QToolButton* m_clearAll = nullptr;
};

} // namespace custos
