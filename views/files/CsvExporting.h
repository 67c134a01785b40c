#pragma once

#include <QObject>

class QAction;
class QMainWindow;

namespace custos {

class AssetTableModel;
class Register;

// File → Export CSV…: asks what to export and where, says the highest classification the file
// will hold (and asks to go on from OFFICIAL-SENSITIVE up, or past Excel's row limit), then
// writes it on a thread of its own behind a progress dialog with Cancel.
class CsvExporting : public QObject
{
    Q_OBJECT

public:
    explicit CsvExporting(QMainWindow* window);

    void setRegister(Register* reg, AssetTableModel* model);
    QAction* exportAction() const { return m_export; }

private:
    void exportCsv();

    QMainWindow* m_window;
    Register* m_register = nullptr;
    AssetTableModel* m_model = nullptr;
    QAction* m_export = nullptr;
};

} // namespace custos
