#pragma once

#include "views/window/BackgroundTask.h"

#include <QObject>

class QAction;
class QMainWindow;

namespace custos {

class Register;
struct ImportReport;

// File → Import CSV…: the import wizard, then the import itself in the background behind a
// progress dialog with Cancel (a cancelled import writes nothing), then its report.
class CsvImporting : public QObject
{
    Q_OBJECT

public:
    explicit CsvImporting(QMainWindow* window);

    // The register to import into; none, or a read-only one, disables the action. An import still
    // running into the one before stops first, writing nothing.
    void setRegister(Register* reg);
    QAction* importAction() const { return m_import; }

signals:
    // Assets, people or units were written: everything shown of the register is to be read again.
    void imported();

private:
    void importCsv();
    void finished(const QString& source, const ImportReport& report, bool cancelled);

    QMainWindow* m_window;
    Register* m_register = nullptr;
    QAction* m_import = nullptr;
    BackgroundTask m_task;
};

} // namespace custos
