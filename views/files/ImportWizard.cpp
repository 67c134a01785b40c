#include "views/files/ImportWizard.h"

#include "models/store/Register.h"
#include "views/files/FileChooser.h"
#include "views/window/BackgroundTask.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace custos {

namespace {

constexpr int kPreviewRows = 20;

// A page whose Next button waits for a condition of the wizard's.
class WizardPage : public QWizardPage
{
public:
    explicit WizardPage(std::function<bool()> complete)
        : m_complete(std::move(complete))
    {
    }
    bool isComplete() const override { return m_complete(); }
    void changed() { emit completeChanged(); }

private:
    std::function<bool()> m_complete;
};

QLabel* wrappingLabel(const QString& text = {})
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // problems quote the file's own headers and values
    return label;
}

} // namespace

ImportWizard::ImportWizard(const QString& registerPath, const QString& folder, QWidget* parent)
    : QWizard(parent)
    , m_registerPath(registerPath)
    , m_folder(folder)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(QStringLiteral("Import CSV"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, QStringLiteral("Import"));
    setPage(FilePage, buildFilePage());
    setPage(FormatPage, buildFormatPage());
    setPage(ColumnsPage, buildColumnsPage());
    setPage(CheckPage, buildCheckPage());
    resize(760, 560);
}

QWizardPage* ImportWizard::buildFilePage()
{
    auto* page = new WizardPage([this] { return QFileInfo(m_file->text()).isFile(); });
    page->setTitle(QStringLiteral("Choose the file"));
    page->setSubTitle(
        QStringLiteral("A CSV file exported from Custos, or a register saved from a spreadsheet as CSV."));
    m_file = new QLineEdit;
    m_file->setObjectName(QStringLiteral("importFile"));
    m_file->setAccessibleName(QStringLiteral("File to import"));
    connect(m_file, &QLineEdit::textChanged, page, [page] { page->changed(); });
    auto* browse = new QPushButton(QStringLiteral("Browse\u2026"));
    browse->setAccessibleName(QStringLiteral("Browse for the file"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = chooseFile(this,
                                        {.title = QStringLiteral("Import CSV"),
                                         .start = m_folder,
                                         .filters = QStringLiteral("CSV files (*.csv *.txt);;All files (*)"),
                                         .objectName = QStringLiteral("importCsvDialog")});
        if (!path.isEmpty())
            m_file->setText(path);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(m_file);
    row->addWidget(browse);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(wrappingLabel(QStringLiteral(
        "Rows are matched to assets by reference: a known reference updates that asset, a new one adds an "
        "asset, and a row without one gets a new reference. Nothing is written until the last page.")));
    layout->addLayout(row);
    layout->addStretch();
    return page;
}

QWizardPage* ImportWizard::buildFormatPage()
{
    auto* page = new WizardPage([this] { return !m_preview.header.isEmpty() && m_preview.failure.isEmpty(); });
    page->setTitle(QStringLiteral("Check how the file is written"));
    page->setSubTitle(QStringLiteral("Custos has read the encoding and delimiter from the file. Change them if the "
                                     "rows below look wrong."));
    m_encoding = new QComboBox;
    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->setAccessibleName(QStringLiteral("Encoding"));
    m_encoding->addItem(QStringLiteral("UTF-8"), int(CsvFormat::Encoding::Utf8));
    m_encoding->addItem(QStringLiteral("Windows-1252 (older Excel)"), int(CsvFormat::Encoding::Windows1252));
    m_delimiter = new QComboBox;
    m_delimiter->setObjectName(QStringLiteral("importDelimiter"));
    m_delimiter->setAccessibleName(QStringLiteral("Delimiter"));
    for (char delimiter : {',', ';', '\t'})
        m_delimiter->addItem(CsvFormat::delimiterName(delimiter), int(delimiter));
    m_rawRows = new QTableWidget;
    m_rawRows->setObjectName(QStringLiteral("importRawRows"));
    m_rawRows->setAccessibleName(QStringLiteral("The first rows of the file"));
    m_rawRows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_formatProblem = wrappingLabel();
    m_formatProblem->setObjectName(QStringLiteral("importFormatProblem"));
    auto* form = new QFormLayout;
    form->addRow(QStringLiteral("&Encoding:"), m_encoding);
    form->addRow(QStringLiteral("&Delimiter:"), m_delimiter);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_rawRows);
    layout->addWidget(m_formatProblem);
    for (QComboBox* combo : {m_encoding, m_delimiter}) {
        connect(combo, &QComboBox::activated, this, [this, page] {
            m_preview = CsvImport::preview(filePath(), options(), kPreviewRows);
            showPreview();
            page->changed();
        });
    }
    return page;
}

QWizardPage* ImportWizard::buildColumnsPage()
{
    auto* page
        = new WizardPage([this] { return ImportColumns(m_preview.header, columnChoices()).problems().isEmpty(); });
    page->setTitle(QStringLiteral("Map the columns"));
    page->setSubTitle(QStringLiteral("Each column of the file fills the field chosen beside it. Columns left out "
                                     "are not imported."));
    m_columns = new QTableWidget(0, 3);
    m_columns->setObjectName(QStringLiteral("importColumns"));
    m_columns->setAccessibleName(QStringLiteral("Columns of the file and the fields they fill"));
    m_columns->setHorizontalHeaderLabels(
        {QStringLiteral("Column in the file"), QStringLiteral("Field"), QStringLiteral("First value")});
    m_columns->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columnProblems = wrappingLabel();
    m_columnProblems->setObjectName(QStringLiteral("importColumnProblems"));
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_columns);
    layout->addWidget(m_columnProblems);
    return page;
}

QWizardPage* ImportWizard::buildCheckPage()
{
    auto* page = new WizardPage([this] {
        return m_checked && m_check.outcome == ImportOutcome::Checked
            && (m_check.problemCount == 0 || m_validRowsOnly->isChecked());
    });
    page->setTitle(QStringLiteral("Check, then import"));
    page->setSubTitle(QStringLiteral("A dry run of the import: nothing has been written yet."));
    m_createPeople = new QCheckBox(QStringLiteral("Add IAOs and IAMs the register does not know as new people "
                                                  "(otherwise their assets are left without one)"));
    m_createPeople->setObjectName(QStringLiteral("importCreatePeople"));
    m_createPeople->setChecked(true);
    m_validRowsOnly = new QCheckBox(QStringLiteral("Import only the valid rows, leaving out the rows with problems"));
    m_validRowsOnly->setObjectName(QStringLiteral("importValidRowsOnly"));
    m_report = new QPlainTextEdit;
    m_report->setObjectName(QStringLiteral("importReport"));
    m_report->setAccessibleName(QStringLiteral("What the import would do"));
    m_report->setReadOnly(true);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_createPeople);
    layout->addWidget(m_validRowsOnly);
    layout->addWidget(m_report);
    connect(m_createPeople, &QCheckBox::toggled, this, [this] { runCheck(); });
    connect(m_validRowsOnly, &QCheckBox::toggled, page, [page] { page->changed(); });
    return page;
}

QString ImportWizard::filePath() const
{
    return m_file->text().trimmed();
}

void ImportWizard::setFilePath(const QString& path)
{
    m_file->setText(path);
}

QList<ColumnChoice> ImportWizard::columnChoices() const
{
    QList<ColumnChoice> choices;
    for (int row = 0; row < m_columns->rowCount(); ++row) {
        const auto* field = qobject_cast<QComboBox*>(m_columns->cellWidget(row, 1));
        const int chosen = field ? field->currentData().toInt() : -1;
        choices.append(
            {m_preview.header.value(row), chosen < 0 ? std::nullopt : std::optional<ImportField>(ImportField(chosen))});
    }
    return choices;
}

ImportOptions ImportWizard::options() const
{
    ImportOptions options;
    options.encoding = CsvFormat::Encoding(m_encoding->currentData().toInt());
    options.delimiter = char(m_delimiter->currentData().toInt());
    options.columnChoices = columnChoices();
    options.createUnknownPeople = m_createPeople->isChecked();
    options.validRowsOnly = m_validRowsOnly->isChecked();
    return options;
}

void ImportWizard::initializePage(int id)
{
    if (id == FormatPage) {
        m_preview = CsvImport::preview(filePath(), {}, kPreviewRows);
        m_encoding->setCurrentIndex(m_encoding->findData(int(m_preview.format.encoding)));
        m_delimiter->setCurrentIndex(m_delimiter->findData(int(m_preview.format.delimiter)));
        showPreview();
    } else if (id == ColumnsPage) {
        showColumns();
    } else if (id == CheckPage) {
        runCheck();
    }
}

bool ImportWizard::validateCurrentPage()
{
    if (currentId() == CheckPage)
        return m_checked;
    return QWizard::validateCurrentPage();
}

void ImportWizard::showPreview()
{
    m_rawRows->clear();
    m_rawRows->setColumnCount(int(m_preview.header.size()));
    m_rawRows->setRowCount(int(m_preview.rows.size()));
    m_rawRows->setHorizontalHeaderLabels(m_preview.header);
    for (int row = 0; row < m_preview.rows.size(); ++row) {
        for (int column = 0; column < m_preview.rows.at(row).size() && column < m_preview.header.size(); ++column)
            m_rawRows->setItem(row, column, new QTableWidgetItem(m_preview.rows.at(row).at(column)));
    }
    m_formatProblem->setText(m_preview.failure.isEmpty()
                                 ? QStringLiteral("%1 columns.").arg(m_preview.header.size())
                                 : QStringLiteral("The file cannot be read this way: %1").arg(m_preview.failure));
}

void ImportWizard::showColumns()
{
    const ImportColumns automatic(m_preview.header);
    m_columns->setRowCount(int(m_preview.header.size()));
    auto* page = static_cast<WizardPage*>(this->page(ColumnsPage));
    for (int row = 0; row < m_preview.header.size(); ++row) {
        m_columns->setItem(row, 0, new QTableWidgetItem(m_preview.header.at(row)));
        auto* field = new QComboBox;
        field->setAccessibleName(QStringLiteral("Field for column %1").arg(m_preview.header.at(row)));
        field->addItem(QStringLiteral("(leave out)"), -1);
        for (int known = 0; known < kImportFieldCount; ++known)
            field->addItem(ImportColumns::fieldName(ImportField(known)), known);
        const std::optional<ImportField> found = automatic.fields().at(row);
        field->setCurrentIndex(found ? field->findData(int(*found)) : 0);
        connect(field, &QComboBox::currentIndexChanged, this, [this, page] {
            updateColumnProblems();
            page->changed();
        });
        m_columns->setCellWidget(row, 1, field);
        const QString first = m_preview.rows.isEmpty() ? QString() : m_preview.rows.first().value(row);
        m_columns->setItem(row, 2, new QTableWidgetItem(first.simplified()));
    }
    updateColumnProblems();
    page->changed();
}

void ImportWizard::updateColumnProblems()
{
    const ImportColumns columns(m_preview.header, columnChoices());
    m_columnProblems->setText(columns.problems().join(QLatin1Char('\n')));
}

void ImportWizard::runCheck()
{
    m_checked = false;
    m_check = ImportReport();
    ImportOptions dryRun = options();
    dryRun.dryRun = true;
    const QString source = filePath();
    m_report->setPlainText(QStringLiteral("Checking %1\u2026").arg(QFileInfo(source).fileName()));
    static_cast<WizardPage*>(page(CheckPage))->changed();
    // A newer check (the people choice changed) replaces one still running.
    m_checking.start(
        {this, QStringLiteral("Checking %1\u2026").arg(QFileInfo(source).fileName())},
        [registerPath = m_registerPath, source, dryRun](const TaskControl& control) {
            ImportReport report;
            std::unique_ptr<Register> reg = control.open(registerPath, OpenMode::ReadWrite, &report.failure);
            if (!reg)
                return report;
            CsvImport csv(*reg);
            csv.setProgress([&control](qint64 done, qint64 total) { return control.progress(done, total); });
            return csv.run(source, dryRun);
        },
        [this](const ImportReport& report, bool cancelled) {
            const bool checked = !cancelled || report.outcome == ImportOutcome::Checked;
            m_check = checked ? report : ImportReport();
            m_checked = checked;
            m_report->setPlainText(
                checked ? report.text()
                        : QStringLiteral("The check was cancelled. Go back and forward to run it again."));
            static_cast<WizardPage*>(page(CheckPage))->changed();
        });
}

} // namespace custos
