#include "views/files/CsvExporting.h"

#include "models/csv/CsvExport.h"
#include "models/domain/Counted.h"
#include "models/itemmodels/AssetTableModel.h"
#include "models/store/Register.h"
#include "views/files/CsvExportDialog.h"
#include "views/files/FileChooser.h"
#include "views/window/BackgroundTask.h"

#include <QAction>
#include <QApplication>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

namespace custos {

namespace {
// The most rows an Excel worksheet shows below its header.
constexpr qint64 kExcelRows = 1048575;
} // namespace

CsvExporting::CsvExporting(QMainWindow* window, Settings* settings)
    : QObject(window)
    , m_window(window)
    , m_settings(settings)
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
    m_task.stop();
    m_register = reg;
    m_model = model;
    m_export->setEnabled(reg != nullptr);
}

void CsvExporting::exportCsv()
{
    const QString suggested = suggestedExportPath(m_settings, m_register->name() + QStringLiteral(".csv"));
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
        const QString which = contents.assets == 1
            ? QStringLiteral("This asset includes")
            : QStringLiteral("These %1 include").arg(counted(contents.assets, QString(), QStringLiteral("assets")));
        cautions << QStringLiteral("%1 %2 information: the file must be marked and handled as %2.")
                        .arg(which, contents.highest.toText());
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

    // The export reads through a connection of its own on a worker thread; the window goes on.
    struct Written
    {
        qint64 assets = -1;
        QString error;
    };
    const QString target = dialog.path();
    rememberExportFolder(m_settings, target);
    m_export->setEnabled(false); // until this export has finished
    m_task.start(
        {m_window,
         QStringLiteral("Exporting %1\u2026")
             .arg(counted(contents.assets, QStringLiteral("asset"), QStringLiteral("assets")))},
        [registerPath = m_register->path(),
         target,
         forExcel = dialog.forExcel(),
         filter = dialog.wholeRegister() ? std::nullopt : std::optional(m_model->view().filter),
         total = contents.assets](const TaskControl& control) {
            Written written;
            std::unique_ptr<Register> reg = control.open(registerPath, OpenMode::ReadOnly, &written.error);
            if (!reg)
                return written;
            CsvExport csv(*reg);
            csv.setFilter(filter);
            csv.setByteOrderMark(forExcel);
            csv.setProgress([&control, total](qint64 count) { return control.progress(count, total); });
            written.assets = csv.writeFile(target, &written.error);
            return written;
        },
        [this, target](const Written& written, bool cancelled) {
            exported(target, written.assets, written.error, cancelled);
        });
}

void CsvExporting::exported(const QString& target, qint64 written, const QString& error, bool cancelled)
{
    m_export->setEnabled(m_register != nullptr);
    // A file written whole counts as written, even when Cancel came too late to stop it.
    if (written >= 0)
        m_window->statusBar()->showMessage(
            QStringLiteral("Exported %1 to %2.")
                .arg(counted(written, QStringLiteral("asset"), QStringLiteral("assets")), target),
            8000);
    else if (cancelled)
        m_window->statusBar()->showMessage(QStringLiteral("Export cancelled: no file was written."), 8000);
    else
        QMessageBox::warning(m_window, QStringLiteral("Export CSV"), error);
}

} // namespace custos
