#include "views/assets/CoverageFlagDelegate.h"

#include "models/itemmodels/AssetTableModel.h"
#include "views/window/Theme.h"

#include <QPalette>

namespace custos {

void CoverageFlagDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    std::optional<Theme::Colours> colours;
    if (index.data(AssetTableModel::FlagRole).toBool()) {
        option->font.setBold(true);
        colours = Theme::flag(option->palette);
    } else if (index.column() == int(AssetColumn::Classification)) {
        const QString marking = index.data().toString();
        colours = Theme::classification(marking, option->palette);
        if (marking.startsWith(QLatin1String("SECRET")) || marking.startsWith(QLatin1String("TOP SECRET")))
            option->font.setBold(true);
    }
    if (!colours)
        return;
    option->backgroundBrush = colours->background;
    option->palette.setColor(QPalette::Text, colours->text);
}

} // namespace custos
