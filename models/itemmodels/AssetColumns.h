#pragma once

#include "models/assets/AssetView.h"
#include "models/csv/CsvColumns.h"

#include <QList>
#include <QString>

namespace custos {

// The assets table's columns are the fields of the export header: each column is one field,
// named as the header names it.
ImportField exportField(AssetColumn column);
AssetColumn assetColumn(ImportField field);
// The field's name in the export header ("IAO name", "Review cycle (months)").
QString assetColumnTitle(AssetColumn column);
// Every column, in the export header's order.
QList<AssetColumn> assetColumnsInExportOrder();
// What a cell of the column shows. The seven default columns show the coverage view's words
// ("None", "Bob Jones (left)", "Not yet classified", "SECRET (to review)"); every other column
// shows the cell as the export writes it, spelled by ExportCells.
QString assetCellText(const AssetRow& row, AssetColumn column);
// The seven columns a table shows until its user chooses others.
constexpr bool isShownByDefault(AssetColumn column)
{
    return int(column) < kDefaultAssetColumnCount;
}

} // namespace custos
