#include "models/csv/CsvImport.h"

#include "models/csv/CsvReader.h"
#include "models/csv/RowImporter.h"
#include "models/store/Register.h"
#include "models/store/WriteTransaction.h"

#include <QFile>
#include <QLocale>

namespace custos {

namespace {

constexpr qint64 kProgressEvery = 4096;
constexpr qint64 kHeadBytes = 1 << 20;

void listIn(QString& text, const QString& title, const QStringList& items, qint64 count)
{
    if (count == 0)
        return;
    text += QStringLiteral("%1 (%2):\n").arg(title).arg(count);
    for (const QString& item : items)
        text += QStringLiteral("  ") + item + QLatin1Char('\n');
    if (count > items.size())
        text += QStringLiteral("  and %1 more\n").arg(count - items.size());
}

QString number(qint64 value)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(value);
}

QString rowCount(qint64 rows)
{
    return rows == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(number(rows));
}

} // namespace

QString ImportProblem::text() const
{
    if (column <= 0)
        return QStringLiteral("line %1: %2").arg(line).arg(reason);
    const QString where = columnName.isEmpty() ? QStringLiteral("column %1").arg(column)
                                               : QStringLiteral("column %1 (%2)").arg(column).arg(columnName);
    return QStringLiteral("line %1, %2: %3").arg(line).arg(where, reason);
}

QString ImportReport::text() const
{
    QString text = QStringLiteral("Read %1 (%2, %3 between cells%4).\n")
                       .arg(rowCount(rows),
                            CsvFormat::encodingName(format.encoding),
                            CsvFormat::delimiterName(format.delimiter),
                            format.byteOrderMark ? QStringLiteral(", byte-order mark") : QString());
    if (!unknownColumns.isEmpty())
        text += QStringLiteral("Columns not imported: %1.\n").arg(unknownColumns.join(QStringLiteral(", ")));
    const bool dryRun = outcome == ImportOutcome::Checked;
    switch (outcome) {
    case ImportOutcome::Written:
        text += QStringLiteral("Added %1 assets, updated %2, left %3 unchanged.\n")
                    .arg(number(added), number(updated), number(unchanged));
        if (skipped > 0)
            text += QStringLiteral("Left out %1 with problems, listed below.\n").arg(rowCount(skipped));
        break;
    case ImportOutcome::Checked:
        text += QStringLiteral("Dry run: would add %1 assets, update %2 and leave %3 unchanged; nothing was written.\n")
                    .arg(number(added), number(updated), number(unchanged));
        if (skipped > 0) {
            text += QStringLiteral("Problems in %1, listed below. The counts above leave those rows out; the import "
                                   "writes nothing unless only the valid rows are to be imported.\n")
                        .arg(rowCount(skipped));
        }
        break;
    case ImportOutcome::Refused:
        if (!failure.isEmpty()) {
            text += QStringLiteral("Nothing was written. %1\n").arg(failure);
            break;
        }
        text += QStringLiteral("Nothing was written: %1 with problems, listed below. Fix them in the file, or "
                               "import only the valid rows.\n")
                    .arg(rowCount(skipped));
        text += QStringLiteral("Importing only the valid rows would add %1 assets, update %2 and leave %3 unchanged.\n")
                    .arg(number(added), number(updated), number(unchanged));
        break;
    case ImportOutcome::Cancelled:
        text += QStringLiteral("The import was cancelled; nothing was written.\n");
        break;
    case ImportOutcome::Failed:
        text += QStringLiteral("Nothing was written. %1\n").arg(failure);
        break;
    }
    const bool wrote = outcome == ImportOutcome::Written || dryRun;
    if (wrote) {
        listIn(text,
               dryRun ? QStringLiteral("People to add") : QStringLiteral("People added"),
               createdPeople,
               createdPeople.size());
        listIn(text,
               dryRun ? QStringLiteral("Business units to add") : QStringLiteral("Business units added"),
               createdUnits,
               createdUnits.size());
        listIn(text,
               QStringLiteral("Marked as left (an IAO status says Left)"),
               peopleMarkedLeft,
               peopleMarkedLeft.size());
        listIn(text,
               QStringLiteral("Not in the register, so left out as IAO or IAM"),
               peopleLeftOut,
               peopleLeftOut.size());
        listIn(text,
               QStringLiteral("Legacy markings read across and flagged \"classification needs review\""),
               legacyMapped,
               legacyMappedCount);
    }
    QStringList problemLines;
    for (const ImportProblem& problem : problems)
        problemLines << problem.text();
    listIn(text, QStringLiteral("Problems"), problemLines, problemCount);
    return text;
}

CsvImport::CsvImport(Register& reg, const QDate& today)
    : m_register(reg)
    , m_today(today)
{
}

namespace {

// Opens the file and reads its format and header; a failure leaves `header` empty and says why.
struct OpenedCsv
{
    QFile file;
    CsvFormat format;
    std::unique_ptr<CsvReader> reader;
    QStringList header;
    std::optional<ImportProblem> problem;
    QString failure;
    ImportOutcome outcome = ImportOutcome::Refused;

    OpenedCsv(const QString& path, const ImportOptions& options)
        : file(path)
    {
        if (const QString conflict = openRegisterFileConflict(path); !conflict.isEmpty()) {
            failure = conflict;
            outcome = ImportOutcome::Failed;
            return;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            failure = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
            outcome = ImportOutcome::Failed;
            return;
        }
        const QByteArray head = file.peek(kHeadBytes);
        if (head.startsWith("PK\x03\x04")) {
            failure = QStringLiteral("%1 is a spreadsheet workbook, not a CSV file: save it from the spreadsheet as "
                                     "\"CSV UTF-8\" and import that file.")
                          .arg(path);
            return;
        }
        format = CsvFormat::detect(head);
        format.encoding = options.encoding.value_or(format.encoding);
        format.delimiter = options.delimiter.value_or(format.delimiter);
        reader = std::make_unique<CsvReader>(file, format);
        CsvRecord first;
        if (!reader->next(first)) {
            problem = reader->problem()
                ? readProblem()
                : ImportProblem {1, 1, {}, QStringLiteral("the file is empty: it has no header row")};
            return;
        }
        for (QString cell : first.cells) {
            cell.remove(QChar(0xFEFF));
            header << cell.trimmed();
        }
    }

    // The reader's problem, with the header of its column once there is one.
    ImportProblem readProblem() const
    {
        const CsvProblem& read = *reader->problem();
        return {read.line, read.column, header.value(read.column - 1), read.reason};
    }
};

} // namespace

ImportReport CsvImport::run(const QString& path, const ImportOptions& options) const
{
    ImportReport report;
    OpenedCsv csv(path, options);
    report.format = csv.format;
    report.header = csv.header;
    auto stop = [&report](ImportOutcome outcome, const QString& failure = QString()) {
        report.outcome = outcome;
        report.failure = failure;
        return report;
    };
    auto fileProblem = [&report](const ImportProblem& problem) {
        ++report.problemCount;
        report.problems.append(problem);
    };
    if (csv.header.isEmpty()) {
        if (csv.problem)
            fileProblem(*csv.problem);
        return stop(csv.outcome,
                    csv.problem ? QStringLiteral("The file has no header row: fix the problem below.") : csv.failure);
    }
    const ImportColumns columns(csv.header, options.columnChoices);
    report.unknownColumns = columns.unknownColumns();
    if (!columns.problems().isEmpty())
        return stop(ImportOutcome::Refused, columns.problems().join(QLatin1Char(' ')));

    WriteTransaction transaction(m_register);
    QString error;
    if (!transaction.begin(&error))
        return stop(ImportOutcome::Failed, error);
    RowImporter importer(m_register, m_today, options, columns, report);
    importer.prepare();
    const qint64 total = csv.file.size();
    CsvRecord record;
    qint64 sinceProgress = 0;
    while (csv.reader->next(record)) {
        if (!importer.importRow(record))
            return stop(ImportOutcome::Failed, importer.writeFailure());
        if (++sinceProgress == kProgressEvery) {
            sinceProgress = 0;
            if (m_progress && !m_progress(csv.reader->bytesRead(), total))
                return stop(ImportOutcome::Cancelled);
        }
    }
    if (csv.reader->problem()) {
        fileProblem(csv.readProblem());
        return stop(ImportOutcome::Refused,
                    QStringLiteral("The file cannot be read past line %1: fix the problem below.")
                        .arg(csv.reader->problem()->line));
    }
    if (!importer.markLeavers())
        return stop(ImportOutcome::Failed, importer.writeFailure());
    if (m_progress)
        m_progress(total, total);
    if (options.dryRun)
        return stop(ImportOutcome::Checked);
    if (report.problemCount > 0 && !options.validRowsOnly)
        return stop(ImportOutcome::Refused);
    if (!transaction.commit(&error))
        return stop(ImportOutcome::Failed, error);
    return stop(ImportOutcome::Written);
}

CsvImport::Preview CsvImport::preview(const QString& path, const ImportOptions& options, int rows)
{
    OpenedCsv csv(path, options);
    Preview preview {csv.format, csv.header, {}, csv.failure};
    if (csv.problem)
        preview.failure = csv.problem->text();
    if (csv.header.isEmpty())
        return preview;
    CsvRecord record;
    while (preview.rows.size() < rows && csv.reader->next(record))
        preview.rows.append(record.cells);
    if (csv.reader->problem())
        preview.failure = csv.readProblem().text();
    return preview;
}

} // namespace custos
