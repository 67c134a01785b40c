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
    m_task.stop();
    m_register = reg;
    m_import->setEnabled(reg && !reg->isReadOnly());
}

void CsvImporting::importCsv()
{
    ImportWizard wizard(
        m_register->path(), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), m_window);
    if (wizard.exec() != QDialog::Accepted)
        return;
    const QString source = wizard.filePath();
    m_import->setEnabled(false); // until this import has finished
    m_task.start(
        {m_window, QStringLiteral("Importing %1\u2026").arg(QFileInfo(source).fileName())},
        [registerPath = m_register->path(), source, options = wizard.options()](const TaskControl& control) {
            ImportReport report;
            std::unique_ptr<Register> reg = control.open(registerPath, OpenMode::ReadWrite, &report.failure);
            if (!reg)
                return report;
            CsvImport csv(*reg);
            csv.setProgress([&control](qint64 done, qint64 total) { return control.progress(done, total); });
            return csv.run(source, options);
        },
        [this, source](const ImportReport& report, bool cancelled) { finished(source, report, cancelled); });
}

void CsvImporting::finished(const QString& source, const ImportReport& report, bool cancelled)
{
    m_import->setEnabled(m_register && !m_register->isReadOnly());
    // An import written whole counts as written, even when Cancel came too late to stop it.
    if (report.outcome != ImportOutcome::Written && (cancelled || report.outcome == ImportOutcome::Cancelled)) {
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
