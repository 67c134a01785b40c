#pragma once

#include "models/domain/Asset.h"

#include <QObject>
#include <functional>
#include <optional>

class QAction;
class QMainWindow;

namespace custos {

class Register;
struct ReportContents;

// File → Export Report… and File → Print…: the SRO's coverage report (ReportPrinter's layout) of
// the whole register, or of the business unit chosen in the unit tree, gathered on a thread of
// its own behind a progress dialog.
class ReportExporting : public QObject
{
    Q_OBJECT

public:
    // `scope` gives the unit the window shows, if one is chosen.
    ReportExporting(QMainWindow* window, std::function<std::optional<RecordId>()> scope);

    void setRegister(Register* reg);
    QAction* exportAction() const { return m_export; }
    QAction* printAction() const { return m_print; }

private:
    std::optional<ReportContents> gather();
    void exportPdf();
    void print();

    QMainWindow* m_window;
    std::function<std::optional<RecordId>()> m_scope;
    Register* m_register = nullptr;
    QAction* m_export = nullptr;
    QAction* m_print = nullptr;
};

} // namespace custos
