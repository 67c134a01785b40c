#include "views/files/CsvExporting.h"

#include "models/csv/CsvExport.h"
#include "models/itemmodels/AssetTableModel.h"
#include "models/store/Register.h"
#include "views/files/CsvExportDialog.h"
#include "views/window/BackgroundTask.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>

namespace custos {

namespace {
// The most rows an Excel worksheet shows below its header.
constexpr qint64 kExcelRows = 1048575;
} // namespace

CsvExporting::CsvExporting(QMainWindow* window)
    : QObject(window)
    , m_window(window)
{
    m_export = new QAction(QStringLiteral("&Export CSV\u2026"), window);
    m_export->setObjectName(QStringLiteral("actionExportCsv"));
    m_export->setIcon(QIcon(QStringLiteral(":/icons/export-csv.svg")));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setEnabled(false);
    connect(m_export, &QAction::triggered, this, &CsvExporting::exportCsv);
}

void CsvExporting::setRegister(Register* reg, AssetTableModel* model)
{
    m_register = reg;
    m_model = model;
    m_export->setEnabled(reg != nullptr);
}

void CsvExporting::exportCsv()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(documents).filePath(m_register->name() + QStringLiteral(".csv"));
    CsvExportDialog dialog(m_model->rowCount(), suggested, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    CsvExport csv(*m_register);
    if (!dialog.wholeRegister())
        csv.setFilter(m_model->view().filter);
    csv.setByteOrderMark(dialog.forExcel());

    QApplication::setOverrideCursor(Qt::WaitCursor);
    const CsvExport::Contents contents = csv.contents();
    QApplication::restoreOverrideCursor();
    QStringList cautions;
    if (contents.highest.rank() >= Classification::official(true).rank()) {
        cautions << QStringLiteral("These %1 assets include %2 information: the file must be marked and handled "
                                   "as %2.")
                        .arg(QLocale().toString(contents.assets), contents.highest.toText());
    }
    if (contents.assets > kExcelRows) {
        cautions << QStringLiteral("Excel shows at most %1 rows; these %2 assets will not all show there.")
                        .arg(QLocale().toString(kExcelRows), QLocale().toString(contents.assets));
    }
    if (!cautions.isEmpty()
        && QMessageBox::question(m_window,
                                 QStringLiteral("Export CSV"),
                                 cautions.join(QStringLiteral("\n\n")) + QStringLiteral("\n\nExport them?"))
            != QMessageBox::Yes)
        return;

    // The export reads through a connection of its own on its own thread; the window goes on.
    qint64 result = -1;
    QString error;
    const QString registerPath = m_register->path();
    const QString target = dialog.path();
    const bool forExcel = dialog.forExcel();
    const std::optional<AssetFilter> filter
        = dialog.wholeRegister() ? std::nullopt : std::optional(m_model->view().filter);
    const bool finished
        = runInBackground(m_window,
                          QStringLiteral("Exporting %1 assets\u2026").arg(QLocale().toString(contents.assets)),
                          [&](const TaskProgress& progress) {
                              std::unique_ptr<Register> reg = Register::open(registerPath, OpenMode::ReadOnly, &error);
                              if (!reg)
                                  return;
                              CsvExport threadCsv(*reg);
                              threadCsv.setFilter(filter);
                              threadCsv.setByteOrderMark(forExcel);
                              threadCsv.setProgress([&](qint64 count) { return progress(count, contents.assets); });
                              result = threadCsv.writeFile(target, &error);
                          });

    if (!finished)
        m_window->statusBar()->showMessage(QStringLiteral("Export cancelled: no file was written."), 8000);
    else if (result < 0)
        QMessageBox::warning(m_window, QStringLiteral("Export CSV"), error);
    else
        m_window->statusBar()->showMessage(
            QStringLiteral("Exported %1 assets to %2.").arg(QLocale().toString(result), target), 8000);
}

} // namespace custos
