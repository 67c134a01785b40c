#pragma once

#include <QStyledItemDelegate>

namespace custos {

// Draws the assets table's cells so the gaps stand out: an unowned, unclassified or overdue cell
// in bold on a warning tint, and the higher classifications as coloured markings. Theme decides
// the colours, from the palette, with text that reads on them in light and dark alike.
class CoverageFlagDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace custos
