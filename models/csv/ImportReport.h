#pragma once

#include "models/csv/CsvFormat.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace custos {

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

    // The report in words, for the command line and the wizard; what it quotes from the file is
    // escaped (PrintableText), so each item stays on its line and nothing in it acts on a terminal.
    QString text() const;
};

} // namespace custos
