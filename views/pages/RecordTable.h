#pragma once

class QString;
class QTableView;
class QWidget;

namespace custos {

// A table of records as the window's pages show them: whole rows selected, read-only cells,
// alternating one-line rows and no row numbers, the last column taking the spare width.
QTableView* newRecordTable(const QString& objectName, const QString& accessibleName, QWidget* parent);

} // namespace custos
