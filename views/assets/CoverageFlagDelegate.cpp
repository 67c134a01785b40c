#include "views/assets/CoverageFlagDelegate.h"

#include "models/itemmodels/AssetTableModel.h"

#include <QPalette>

namespace custos {

namespace {

QColor mixed(const QColor& base, const QColor& tint, double share)
{
    return QColor::fromRgbF(float(base.redF() * (1 - share) + tint.redF() * share),
                            float(base.greenF() * (1 - share) + tint.greenF() * share),
                            float(base.blueF() * (1 - share) + tint.blueF() * share));
}

} // namespace

void CoverageFlagDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QColor base = option->palette.color(QPalette::Base);
    if (index.data(AssetTableModel::FlagRole).toBool()) {
        option->font.setBold(true);
        option->backgroundBrush = mixed(base, QColor(230, 120, 0), 0.28);
        return;
    }
    if (index.column() != int(AssetColumn::Classification))
        return;
    const QString marking = index.data().toString();
    if (marking.startsWith(QLatin1String("OFFICIAL-SENSITIVE"))) {
        option->backgroundBrush = mixed(base, QColor(240, 190, 0), 0.35);
    } else if (marking.startsWith(QLatin1String("SECRET")) || marking.startsWith(QLatin1String("TOP SECRET"))) {
        option->font.setBold(true);
        option->backgroundBrush = mixed(base, QColor(200, 0, 0), marking.startsWith(QLatin1String("TOP")) ? 0.6 : 0.4);
    }
}

} // namespace custos
