#include "views/pages/AuditLogPage.h"

#include "models/audit/AuditCsvExport.h"
#include "models/domain/Counted.h"
#include "models/itemmodels/AuditLogModel.h"
#include "models/store/Register.h"
#include "views/files/FileChooser.h"
#include "views/pages/AuditFilterBar.h"
#include "views/pages/RecordTable.h"
#include "views/window/Settings.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace custos {

namespace {

QString entriesText(qint64 count)
{
    return counted(count, QStringLiteral("entry"), QStringLiteral("entries"));
}

} // namespace

AuditLogPage::AuditLogPage(Settings& settings, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("auditLogPage"));
    m_filters = new AuditFilterBar(this);
    connect(m_filters, &AuditFilterBar::filterChanged, this, &AuditLogPage::applyFilter);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("auditLogCount"));
    m_export = new QAction(
        QIcon(QStringLiteral(":/icons/export-csv.svg")), QStringLiteral("Export Audit Log CSV\u2026"), this);
    m_export->setObjectName(QStringLiteral("actionExportAuditCsv"));
    m_export->setToolTip(QStringLiteral("Export the entries shown to a CSV file"));
    m_export->setEnabled(false);
    connect(m_export, &QAction::triggered, this, &AuditLogPage::exportCsv);
    auto* exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("auditExportButton"));
    exportButton->setDefaultAction(m_export);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto* summary = new QHBoxLayout;
    summary->setContentsMargins(8, 0, 6, 0);
    summary->addWidget(m_count);
    summary->addStretch(1);
    summary->addWidget(exportButton);

    m_table = newRecordTable(QStringLiteral("auditLogTable"), QStringLiteral("Audit log"), this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filters);
    layout->addLayout(summary);
    layout->addWidget(m_table);
}

AuditLogPage::~AuditLogPage() = default;

void AuditLogPage::setRegister(Register* reg)
{
    m_task.stop();
    m_register = reg;
    // Shown, the page follows every change; hidden, it reads the register again as it shows.
    if (m_register)
        connect(m_register, &Register::changed, this, [this] {
            if (isVisible())
                reload();
        });
    m_table->setModel(nullptr);
    m_model.reset();
    m_filters->reset();
    m_actors.clear();
    m_actorsUpTo = 0;
    m_count->clear();
    m_export->setEnabled(reg != nullptr);
}

void AuditLogPage::reload()
{
    if (!m_register)
        return;
    if (m_model) {
        m_model->reload();
    } else {
        m_model = std::make_unique<AuditLogModel>(*m_register);
        m_model->setFilter(m_filters->filter());
        m_table->setModel(m_model.get());
        const QList<std::pair<int, int>> widths {
            {AuditLogModel::When, 160}, {AuditLogModel::Who, 150}, {AuditLogModel::Record, 260}};
        for (const auto& [column, width] : widths)
            m_table->setColumnWidth(column, width);
    }
    offerActors();
    showCount();
}

void AuditLogPage::applyFilter()
{
    if (!m_model)
        return;
    m_model->setFilter(m_filters->filter());
    showCount();
}

void AuditLogPage::showCount()
{
    m_count->setText(entriesText(m_model->entryCount()));
}

void AuditLogPage::offerActors()
{
    const AuditLog::Actors added = m_model->log().actorsAfter(m_actorsUpTo);
    m_actorsUpTo = added.newestId;
    for (const QString& login : added.logins) {
        if (!m_actors.contains(login))
            m_actors << login;
    }
    // Every login again, since a person may have been named or renamed since.
    for (const QString& login : m_actors)
        m_filters->addActor(login, m_model->log().nameOf(login));
}

void AuditLogPage::exportCsv()
{
    const QString target
        = chooseFile(this,
                     {.purpose = FileChoice::Purpose::Save,
                      .title = QStringLiteral("Export Audit Log CSV"),
                      .start = suggestedExportPath(&m_settings, m_register->name() + QStringLiteral(" audit log.csv")),
                      .filters = QStringLiteral("CSV files (*.csv)"),
                      .defaultSuffix = QStringLiteral("csv"),
                      .objectName = QStringLiteral("exportAuditCsvDialog")});
    if (target.isEmpty())
        return;
    rememberExportFolder(&m_settings, target);

    // The export reads through a connection of its own on a worker thread; the window goes on.
    struct Written
    {
        qint64 entries = -1;
        QString error;
    };
    const AuditFilter filter = m_model->filter(); // what the table shows, not text still being typed
    const qint64 total = AuditLog(*m_register).count(filter);
    m_export->setEnabled(false); // until this export has finished
    m_task.start(
        {window(), QStringLiteral("Exporting %1\u2026").arg(entriesText(total))},
        [registerPath = m_register->path(), target, filter, total](const TaskControl& control) {
            Written written;
            std::unique_ptr<Register> reg = control.open(registerPath, OpenMode::ReadOnly, &written.error);
            if (!reg)
                return written;
            AuditCsvExport csv(*reg, filter);
            csv.setProgress([&control, total](qint64 count) { return control.progress(count, total); });
            written.entries = csv.writeFile(target, &written.error);
            return written;
        },
        [this, target](const Written& written, bool cancelled) {
            exported(target, written.entries, written.error, cancelled);
        });
}

void AuditLogPage::exported(const QString& target, qint64 written, const QString& error, bool cancelled)
{
    m_export->setEnabled(m_register != nullptr);
    auto* mainWindow = qobject_cast<QMainWindow*>(window());
    if (written >= 0 && mainWindow)
        mainWindow->statusBar()->showMessage(QStringLiteral("Exported %1 to %2.").arg(entriesText(written), target),
                                             8000);
    else if (cancelled && mainWindow)
        mainWindow->statusBar()->showMessage(QStringLiteral("Export cancelled: no file was written."), 8000);
    else if (written < 0 && !cancelled)
        QMessageBox::warning(this, QStringLiteral("Export Audit Log CSV"), error);
}

} // namespace custos
