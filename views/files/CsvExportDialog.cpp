#include "views/files/CsvExportDialog.h"

#include "models/domain/Counted.h"
#include "views/files/FileChooser.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>

namespace custos {

CsvExportDialog::CsvExportDialog(int shownAssets, const QString& suggestedPath, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("csvExportDialog"));
    setWindowTitle(QStringLiteral("Export CSV"));
    auto* form = new QFormLayout(this);

    m_whole = new QRadioButton(QStringLiteral("The whole register, archived and disposed assets too"), this);
    m_whole->setObjectName(QStringLiteral("exportWhole"));
    m_whole->setChecked(true);
    auto* shown = new QRadioButton(QStringLiteral("The %1 the table shows")
                                       .arg(counted(shownAssets, QStringLiteral("asset"), QStringLiteral("assets"))),
                                   this);
    shown->setObjectName(QStringLiteral("exportShown"));
    form->addRow(QStringLiteral("Export"), m_whole);
    form->addRow(QString(), shown);

    m_forExcel = new QCheckBox(QStringLiteral("For Excel (starts the file with a UTF-8 byte-order mark)"), this);
    m_forExcel->setObjectName(QStringLiteral("exportForExcel"));
    form->addRow(QString(), m_forExcel);

    m_path = new QLineEdit(suggestedPath, this);
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setAccessibleName(QStringLiteral("File"));
    auto* browse = new QPushButton(QStringLiteral("Choose\u2026"), this);
    browse->setObjectName(QStringLiteral("exportChooseFile"));
    connect(browse, &QPushButton::clicked, this, [this] {
        // In the folder typed, or in one that exists when that one does not.
        const QFileInfo typed(m_path->text().trimmed());
        const QString chosen
            = chooseFile(this,
                         {.purpose = FileChoice::Purpose::Save,
                          .title = QStringLiteral("Export CSV"),
                          .start = QDir(startingFolder(typed.absolutePath())).filePath(typed.fileName()),
                          .filters = QStringLiteral("CSV files (*.csv)"),
                          .defaultSuffix = QStringLiteral("csv"),
                          .objectName = QStringLiteral("exportCsvDialog")});
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    auto* file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browse);
    form->addRow(QStringLiteral("File"), file);

    m_problem = newDestinationProblemLabel(QStringLiteral("exportProblem"), this);
    form->addRow(m_problem);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Export"));
    connect(m_path, &QLineEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_path->text().trimmed().isEmpty());
        m_problem->hide(); // said of a file no longer chosen
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(560, sizeHint().height());
}

bool CsvExportDialog::wholeRegister() const
{
    return m_whole->isChecked();
}

bool CsvExportDialog::forExcel() const
{
    return m_forExcel->isChecked();
}

void CsvExportDialog::accept()
{
    if (const QString problem = destinationProblem(path()); !problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        m_path->setFocus();
        return;
    }
    QDialog::accept();
}

QString CsvExportDialog::path() const
{
    QString path = m_path->text().trimmed();
    if (!path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        path += QStringLiteral(".csv");
    return path;
}

} // namespace custos
