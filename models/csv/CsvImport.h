#pragma once

#include "models/csv/CsvFormat.h"
#include "models/csv/ImportColumns.h"

#include <QDate>
#include <QStringList>
#include <functional>
#include <optional>

namespace custos {

class Register;

struct ImportOptions
{
    // Read from the file when not given.
    std::optional<CsvFormat::Encoding> encoding;
    std::optional<char> delimiter;
    // The user's mapping of headers to fields, over the automatic one.
    QList<ColumnChoice> columnChoices;
    // Check and count everything, then leave the register as it was.
    bool dryRun = false;
    // Import the rows without problems even when others have some (which the report lists).
    bool validRowsOnly = false;
    // An IAO or IAM the register does not know is added as a person; otherwise the asset is left
    // without one (unowned, for an IAO).
    bool createUnknownPeople = true;
};

// A row the import cannot take, and why: line (where the row starts) and column count from 1;
// column 0 is the whole row.
struct ImportProblem
{
    qint64 line = 0;
    int column = 0;
    QString columnName;
    QString reason;

    QString text() const;
};

enum class ImportOutcome {
    Written, // the rows are in the register
    Checked, // a dry run, with or without problems: nothing written
    Refused, // problems in the file: nothing written
    Cancelled, // stopped by the user: nothing written
    Failed, // the file or the register could not be used: nothing written
};

struct ImportReport
{
    // At most this many problems and legacy mappings are kept for the report; all are counted.
    static constexpr int kMaxListed = 1000;

    ImportOutcome outcome = ImportOutcome::Failed;
    // Why the import failed or was refused as a whole (no file, no Name column, a write error).
    QString failure;
    CsvFormat format;
    QStringList header;
    QStringList unknownColumns;
    qint64 rows = 0;
    qint64 added = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    // Rows with problems, which a "valid rows only" import leaves out.
    qint64 skipped = 0;
    QList<ImportProblem> problems;
    qint64 problemCount = 0;
    QStringList createdPeople;
    QStringList createdUnits;
    QStringList peopleMarkedLeft;
    // IAOs and IAMs the register does not know, left out because people were not to be created.
    QStringList peopleLeftOut;
    // "IA-000012: PROTECT read as OFFICIAL", for each asset whose legacy marking was mapped.
    QStringList legacyMapped;
    qint64 legacyMappedCount = 0;

    // The report in words, for the command line and the wizard.
    QString text() const;
};

// Imports a CSV register, as exported by Custos or kept in a spreadsheet, in one transaction: the
// rows are matched to assets by reference (updated, or added when new; a row without a reference
// gets a new one), units and people are found or created, and the audit trail records every
// change. Any problem in any row writes nothing, unless only the valid rows are to be imported.
// The file is read once, a row at a time, so its size does not matter to memory.
class CsvImport
{
public:
    // Called every few thousand rows; false cancels the import, which then writes nothing.
    using Progress = std::function<bool(qint64 bytesRead, qint64 bytesTotal)>;

    explicit CsvImport(Register& reg, const QDate& today = QDate::currentDate());
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    ImportReport run(const QString& path, const ImportOptions& options) const;

    // The start of a file for the wizard: its format, header and first rows.
    struct Preview
    {
        CsvFormat format;
        QStringList header;
        QList<QStringList> rows;
        QString failure;
    };
    // The encoding and delimiter come from `options` where given.
    static Preview preview(const QString& path, const ImportOptions& options, int rows = 20);

private:
    Register& m_register;
    QDate m_today;
    Progress m_progress;
};

} // namespace custos
