#include "views/files/CsvImporting.h"

#include "models/csv/CsvImport.h"
#include "models/store/Register.h"
#include "views/files/ImportWizard.h"
#include "views/window/BackgroundTask.h"

#include <QAction>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>

namespace custos {

CsvImporting::CsvImporting(QMainWindow* window)
    : QObject(window)
    , m_window(window)
{
    m_import = new QAction(QStringLiteral("&Import CSV\u2026"), window);
    m_import->setObjectName(QStringLiteral("actionImportCsv"));
    m_import->setIcon(QIcon(QStringLiteral(":/icons/import-csv.svg")));
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_import->setEnabled(false);
    connect(m_import, &QAction::triggered, this, &CsvImporting::importCsv);
}

void CsvImporting::setRegister(Register* reg)
{
    m_register = reg;
    m_import->setEnabled(reg && !reg->isReadOnly());
}

void CsvImporting::importCsv()
{
    ImportWizard wizard(
        m_register->path(), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), m_window);
    if (wizard.exec() != QDialog::Accepted)
        return;
    const QString registerPath = m_register->path();
    const QString source = wizard.filePath();
    const ImportOptions options = wizard.options();
    ImportReport report;
    const bool finished = runInBackground(m_window,
                                          QStringLiteral("Importing %1\u2026").arg(QFileInfo(source).fileName()),
                                          [&](const TaskProgress& progress) {
                                              QString error;
                                              std::unique_ptr<Register> reg
                                                  = Register::open(registerPath, OpenMode::ReadWrite, &error);
                                              if (!reg) {
                                                  report.failure = error;
                                                  return;
                                              }
                                              CsvImport csv(*reg);
                                              csv.setProgress(progress);
                                              report = csv.run(source, options);
                                          });
    if (!finished || report.outcome == ImportOutcome::Cancelled) {
        m_window->statusBar()->showMessage(QStringLiteral("Import cancelled: the register is as it was."), 8000);
        return;
    }
    if (report.outcome != ImportOutcome::Written) {
        QMessageBox box(QMessageBox::Warning,
                        QStringLiteral("Import CSV"),
                        QStringLiteral("Nothing was imported."),
                        QMessageBox::Ok,
                        m_window);
        box.setDetailedText(report.text());
        box.exec();
        return;
    }
    emit imported();
    const QLocale locale;
    m_window->statusBar()->showMessage(QStringLiteral("Imported %1: %2 assets added, %3 updated, %4 unchanged.")
                                           .arg(QFileInfo(source).fileName(),
                                                locale.toString(report.added),
                                                locale.toString(report.updated),
                                                locale.toString(report.unchanged)),
                                       15000);
}

} // namespace custos
