#pragma once

#include "views/window/BackgroundTask.h"

#include <QObject>

class QAction;
class QMainWindow;

namespace custos {

class AssetTableModel;
class Register;
class Settings;

// File → Export CSV…: asks what to export and where (starting in the folder the last export went
// to), says the highest classification the file will hold (and asks to go on from
// OFFICIAL-SENSITIVE up, or past Excel's row limit), then writes it in the background behind a
// progress dialog with Cancel, and says how it went.
class CsvExporting : public QObject
{
    Q_OBJECT

public:
    // `settings` remembers the folder exported to; without them exports start in Documents.
    explicit CsvExporting(QMainWindow* window, Settings* settings = nullptr);

    // The register to export; an export still running for the one before stops first, writing no file.
    void setRegister(Register* reg, AssetTableModel* model);
    QAction* exportAction() const { return m_export; }

private:
    void exportCsv();
    void exported(const QString& target, qint64 written, const QString& error, bool cancelled);

    QMainWindow* m_window;
    Settings* m_settings;
    Register* m_register = nullptr;
    AssetTableModel* m_model = nullptr;
    QAction* m_export = nullptr;
    BackgroundTask m_task;
};

} // namespace custos
