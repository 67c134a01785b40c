#pragma once

#include <QObject>

class QAction;
class QMainWindow;

namespace custos {

class Register;

// File → Import CSV…: the import wizard, then the import itself on a thread of its own behind a
// progress dialog with Cancel (a cancelled import writes nothing), then its report.
class CsvImporting : public QObject
{
    Q_OBJECT

public:
    explicit CsvImporting(QMainWindow* window);

    // The register to import into; none, or a read-only one, disables the action.
    void setRegister(Register* reg);
    QAction* importAction() const { return m_import; }

signals:
    // Assets, people or units were written: everything shown of the register is to be read again.
    void imported();

private:
    void importCsv();

    QMainWindow* m_window;
    Register* m_register = nullptr;
    QAction* m_import = nullptr;
};

} // namespace custos
