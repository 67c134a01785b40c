#include "models/csv/CsvImport.h"

#include "models/csv/CsvReader.h"
#include "models/csv/RowImporter.h"
#include "models/store/AutomaticBackups.h"
#include "models/store/Register.h"
#include "models/store/RegisterSnapshot.h"
#include "models/store/RowByRowWriting.h"
#include "models/store/WriteTransaction.h"

#include <QFile>

namespace custos {

namespace {

constexpr qint64 kProgressEvery = 4096;
constexpr qint64 kHeadBytes = 1 << 20;

} // namespace

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
    std::unique_ptr<RegisterSnapshot> snapshot;
    auto stop = [&](ImportOutcome outcome, const QString& failure = QString()) {
        report.outcome = outcome;
        report.failure = failure;
        // A dry run's problems name the register the person chose, not its snapshot.
        if (snapshot)
            report.failure.replace(snapshot->reg().path(), m_register.path());
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

    const qint64 total = csv.file.size();
    QString error;
    // A dry run imports into a private snapshot and leaves the register free for other writers
    // while it reads the file; its progress stays at the start until the snapshot is taken.
    if (options.dryRun) {
        bool cancelled = false;
        snapshot = RegisterSnapshot::take(
            m_register,
            [&](qint64, qint64) {
                cancelled = m_progress && !m_progress(0, total);
                return !cancelled;
            },
            &error);
        if (!snapshot)
            return stop(cancelled ? ImportOutcome::Cancelled : ImportOutcome::Failed, error);
    }
    Register& target = snapshot ? snapshot->reg() : m_register;
    const RowByRowWriting rowByRow(target.database());
    WriteTransaction transaction(target);
    if (!transaction.begin(&error))
        return stop(ImportOutcome::Failed, error);
    // Holding the write lock, so that the backup is the register just as the import found it.
    if (!options.dryRun && AutomaticBackups::keep(m_register.path(), AutomaticBackups::kBeforeImport, &error).isEmpty())
        return stop(ImportOutcome::Failed, error + QStringLiteral(" Nothing was imported."));
    RowImporter importer(target, transaction, m_today, options, columns, report);
    if (!importer.prepare())
        return stop(ImportOutcome::Failed, importer.failure());
    CsvRecord record;
    qint64 sinceProgress = 0;
    while (csv.reader->next(record)) {
        if (!importer.importRow(record))
            return stop(ImportOutcome::Failed, importer.failure());
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
    if (!importer.finish())
        return stop(ImportOutcome::Failed, importer.failure());
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
