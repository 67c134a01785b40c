#include "views/files/ReportExporting.h"

#include "models/coverage/ReportContents.h"
#include "models/store/OwnerOnlyFiles.h"
#include "models/store/Register.h"
#include "views/files/FileChooser.h"
#include "views/report/ReportPrinter.h"
#include "views/window/BackgroundTask.h"

#include <QAction>
#include <QDir>
#include <QMainWindow>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QStatusBar>

namespace custos {

ReportExporting::ReportExporting(QMainWindow* window,
                                 std::function<std::optional<RecordId>()> scope,
                                 Settings* settings)
    : QObject(window)
    , m_window(window)
    , m_scope(std::move(scope))
    , m_settings(settings)
{
    m_export = new QAction(QStringLiteral("Export &Report\u2026"), window);
    m_export->setObjectName(QStringLiteral("actionExportReport"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_print = new QAction(QStringLiteral("&Print Report\u2026"), window);
    m_print->setObjectName(QStringLiteral("actionPrint"));
    m_print->setShortcut(QKeySequence::Print);
    for (QAction* action : {m_export, m_print})
        action->setEnabled(false);
    connect(m_export, &QAction::triggered, this, &ReportExporting::exportPdf);
    connect(m_print, &QAction::triggered, this, &ReportExporting::print);
}

void ReportExporting::setRegister(Register* reg)
{
    m_task.stop();
    m_register = reg;
    enableActions();
}

void ReportExporting::enableActions()
{
    for (QAction* action : {m_export, m_print})
        action->setEnabled(m_register != nullptr && !m_task.isRunning());
}

void ReportExporting::gather(std::function<void(const ReportContents&)> use)
{
    struct Gathered
    {
        std::optional<ReportContents> contents;
        QString error;
    };
    m_task.start(
        {m_window, QStringLiteral("Gathering the report\u2026")},
        [path = m_register->path(), unitId = m_scope()](const TaskControl& control) {
            Gathered gathered;
            std::unique_ptr<Register> reg = control.open(path, OpenMode::ReadOnly, &gathered.error);
            if (reg)
                gathered.contents = ReportContents::gather(*reg, QDate::currentDate(), unitId, &gathered.error);
            return gathered;
        },
        [this, use = std::move(use)](const Gathered& gathered, bool cancelled) {
            enableActions();
            if (cancelled)
                m_window->statusBar()->showMessage(QStringLiteral("Report cancelled."), 8000);
            else if (!gathered.contents)
                QMessageBox::warning(m_window, QStringLiteral("Report"), gathered.error);
            else
                use(*gathered.contents);
        });
    enableActions(); // off until this report is done
}

void ReportExporting::exportPdf()
{
    const QString target
        = chooseFile(m_window,
                     {.purpose = FileChoice::Purpose::Save,
                      .title = QStringLiteral("Export Report"),
                      .start = suggestedExportPath(m_settings, m_register->name() + QStringLiteral(" coverage.pdf")),
                      .filters = QStringLiteral("PDF files (*.pdf)"),
                      .defaultSuffix = QStringLiteral("pdf"),
                      .objectName = QStringLiteral("reportFileDialog")});
    if (target.isEmpty())
        return;
    rememberExportFolder(m_settings, target);
    gather([this, target](const ReportContents& contents) { writePdf(contents, target); });
}

void ReportExporting::writePdf(const ReportContents& contents, const QString& target)
{
    QString error;
    const int pages = ReportPrinter::writePdf(contents, target, &error);
    if (pages == 0) {
        QMessageBox::warning(m_window, QStringLiteral("Export Report"), error);
        return;
    }
    m_window->statusBar()->showMessage(
        QStringLiteral("Wrote a report of %1 pages to %2%3.")
            .arg(pages)
            .arg(QDir::toNativeSeparators(target),
                 contents.marking().isEmpty() ? QString() : QStringLiteral(", marked ") + contents.marking()),
        15000);
}

void ReportExporting::print()
{
    // The printer the user set up waits, here on the window's thread, for the report's contents.
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    QPrintDialog dialog(printer.get(), m_window);
    dialog.setObjectName(QStringLiteral("reportPrintDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Printed to a file, the report is owner-only like everything else Custos writes: the printer
    // writes into a file made so beforehand.
    if (const QString file = printer->outputFileName(); !file.isEmpty()) {
        QString error = openRegisterFileConflict(file);
        if (!error.isEmpty() || !prepareOwnerOnlyFile(file, &error)) {
            QMessageBox::warning(m_window, QStringLiteral("Print Report"), error);
            return;
        }
    }
    gather([printer](const ReportContents& contents) { ReportPrinter::print(contents, *printer); });
}

} // namespace custos
