#include "views/files/ReportExporting.h"

#include "models/coverage/ReportContents.h"
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
#include <QStandardPaths>
#include <QStatusBar>

namespace custos {

ReportExporting::ReportExporting(QMainWindow* window, std::function<std::optional<RecordId>()> scope)
    : QObject(window)
    , m_window(window)
    , m_scope(std::move(scope))
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
    m_register = reg;
    for (QAction* action : {m_export, m_print})
        action->setEnabled(reg != nullptr);
}

std::optional<ReportContents> ReportExporting::gather()
{
    const QString path = m_register->path();
    const std::optional<RecordId> unitId = m_scope();
    std::optional<ReportContents> contents;
    QString error;
    const bool finished
        = runInBackground(m_window, QStringLiteral("Gathering the report\u2026"), [&](const TaskProgress&) {
              std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly, &error);
              if (reg)
                  contents = ReportContents::gather(*reg, QDate::currentDate(), unitId, &error);
          });
    if (!finished)
        return std::nullopt;
    if (!contents) {
        QMessageBox::warning(m_window, QStringLiteral("Report"), error);
        return std::nullopt;
    }
    return contents;
}

void ReportExporting::exportPdf()
{
    const QString target
        = chooseFile(m_window,
                     {.purpose = FileChoice::Purpose::Save,
                      .title = QStringLiteral("Export Report"),
                      .start = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                   .filePath(m_register->name() + QStringLiteral(" coverage.pdf")),
                      .filters = QStringLiteral("PDF files (*.pdf)"),
                      .defaultSuffix = QStringLiteral("pdf"),
                      .objectName = QStringLiteral("reportFileDialog")});
    if (target.isEmpty())
        return;
    const std::optional<ReportContents> contents = gather();
    if (!contents)
        return;
    QString error;
    const int pages = ReportPrinter::writePdf(*contents, target, &error);
    if (pages == 0) {
        QMessageBox::warning(m_window, QStringLiteral("Export Report"), error);
        return;
    }
    m_window->statusBar()->showMessage(
        QStringLiteral("Wrote a report of %1 pages to %2%3.")
            .arg(pages)
            .arg(QDir::toNativeSeparators(target),
                 contents->marking().isEmpty() ? QString() : QStringLiteral(", marked ") + contents->marking()),
        15000);
}

void ReportExporting::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, m_window);
    dialog.setObjectName(QStringLiteral("reportPrintDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const std::optional<ReportContents> contents = gather())
        ReportPrinter::print(*contents, printer);
}

} // namespace custos
