#pragma once

#include <QStyledItemDelegate>

namespace custos {

// Draws the assets table's cells so the gaps stand out: an unowned, unclassified or overdue cell
// in bold on a warning tint, and the higher classifications as coloured markings. Colours are
// mixed from the palette, so light and dark themes both read.
class CoverageFlagDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace custos
