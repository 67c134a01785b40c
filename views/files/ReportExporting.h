#pragma once

#include "models/domain/Asset.h"
#include "views/window/BackgroundTask.h"

#include <QObject>
#include <functional>
#include <optional>

class QAction;
class QMainWindow;

namespace custos {

class Register;
class Settings;
struct ReportContents;

// File → Export Report… and File → Print…: the SRO's coverage report (ReportPrinter's layout) of
// the whole register, or of the business unit chosen in the unit tree, gathered in the background
// behind a progress dialog with Cancel, then written or printed. Exported, it is offered first in
// the folder the last export went to.
class ReportExporting : public QObject
{
    Q_OBJECT

public:
    // `scope` gives the unit the window shows, if one is chosen; `settings` remember the folder
    // exported to (without them, reports start in Documents).
    ReportExporting(QMainWindow* window, std::function<std::optional<RecordId>()> scope, Settings* settings = nullptr);

    // The register to report on; a report still being gathered from the one before stops first.
    void setRegister(Register* reg);
    QAction* exportAction() const { return m_export; }
    QAction* printAction() const { return m_print; }

private:
    // Gathers the report's contents, then hands them to `use`, unless cancelled or unreadable.
    void gather(std::function<void(const ReportContents&)> use);
    void exportPdf();
    void writePdf(const ReportContents& contents, const QString& target);
    void print();
    void enableActions();

    QMainWindow* m_window;
    std::function<std::optional<RecordId>()> m_scope;
    Settings* m_settings;
    Register* m_register = nullptr;
    QAction* m_export = nullptr;
    QAction* m_print = nullptr;
    BackgroundTask m_task;
};

} // namespace custos
