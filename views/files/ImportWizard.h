#pragma once

#include "models/csv/CsvImport.h"
#include "views/window/BackgroundTask.h"

#include <QWizard>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace custos {

// File → Import CSV…: choose the file, check the encoding and delimiter Custos detected, map its
// columns to fields, then see a dry run's report (what would be added, updated, left unchanged,
// and every problem by line and column) before Import. The dry run runs in the background on a
// connection of its own behind a progress dialog with Cancel; Import waits for it.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum Page { FilePage, FormatPage, ColumnsPage, CheckPage };

    ImportWizard(const QString& registerPath, const QString& folder, QWidget* parent = nullptr);

    QString filePath() const;
    // The options the user chose, for the import itself.
    ImportOptions options() const;
    // The dry run's report for those options (empty before the check page, and while it runs).
    const ImportReport& check() const { return m_check; }
    bool isChecking() const { return m_checking.isRunning(); }

    // A path the file page starts with, for tests and drag and drop.
    void setFilePath(const QString& path);

protected:
    void initializePage(int id) override;
    bool validateCurrentPage() override;

private:
    QWizardPage* buildFilePage();
    QWizardPage* buildFormatPage();
    QWizardPage* buildColumnsPage();
    QWizardPage* buildCheckPage();
    void showPreview();
    void showColumns();
    void updateColumnProblems();
    void runCheck();
    QList<ColumnChoice> columnChoices() const;

    QString m_registerPath;
    QString m_folder;
    QLineEdit* m_file = nullptr;
    QComboBox* m_encoding = nullptr;
    QComboBox* m_delimiter = nullptr;
    QTableWidget* m_rawRows = nullptr;
    QLabel* m_formatProblem = nullptr;
    QTableWidget* m_columns = nullptr;
    QLabel* m_columnProblems = nullptr;
    QCheckBox* m_createPeople = nullptr;
    QCheckBox* m_validRowsOnly = nullptr;
    QPlainTextEdit* m_report = nullptr;
    CsvImport::Preview m_preview;
    ImportReport m_check;
    bool m_checked = false;
    BackgroundTask m_checking;
};

} // namespace custos
