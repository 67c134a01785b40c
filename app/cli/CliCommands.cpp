#include "CliCommands.h"

#include "models/assets/AssetStore.h"
#include "models/coverage/Coverage.h"
#include "models/coverage/CoverageReport.h"
#include "models/coverage/ReportContents.h"
#include "models/csv/CsvExport.h"
#include "models/csv/CsvImport.h"
#include "models/demo/DemoRegister.h"
#include "models/domain/Counted.h"
#include "models/domain/PrintableText.h"
#include "models/people/PersonStore.h"
#include "models/store/AutomaticBackups.h"
#include "models/store/Register.h"
#include "models/units/UnitStore.h"
#include "models/verify/Backup.h"
#include "models/verify/RegisterVerifier.h"
#include "views/report/ReportPrinter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <cstdio>

using namespace custos;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

// Line by line, so that no control character in a message that quotes the register reaches the
// terminal; what a message quotes is escaped where it is quoted, line breaks included.
int fail(int code, const QString& message)
{
    QStringList lines = message.split(QLatin1Char('\n'));
    for (QString& line : lines)
        line = PrintableText::escaped(line);
    QTextStream(stderr) << "custos-cli: " << lines.join(QLatin1Char('\n')) << Qt::endl;
    return code;
}

// A register that opened but could not be read (a damaged file, say) is a file that could not be read.
int readFailed(const QString& reason)
{
    return fail(CliExit::kCannotOpen, reason);
}

std::unique_ptr<Register> openForReading(const QString& path, int* exitCode)
{
    QString error;
    std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly, &error);
    if (!reg)
        *exitCode = fail(CliExit::kCannotOpen, error);
    return reg;
}

// --unit names a unit by its path or, where that is unambiguous, its own name.
bool resolveUnit(Register& reg, const QCommandLineParser& parsed, std::optional<RecordId>* unitId, int* exitCode)
{
    if (!parsed.isSet(QStringLiteral("unit")))
        return true;
    const QString wanted = parsed.value(QStringLiteral("unit"));
    QString error;
    const std::optional<UnitTree> units = UnitStore(reg).tree(&error);
    if (!units) {
        *exitCode = readFailed(error);
        return false;
    }
    *unitId = units->find(wanted);
    if (!*unitId) {
        *exitCode = fail(CliExit::kUsage,
                         QStringLiteral("%1 has no business unit called \"%2\". Give its path, for example "
                                        "\"Courts and Tribunals / Listings\".")
                             .arg(PrintableText::escaped(reg.path()), PrintableText::escaped(wanted)));
        return false;
    }
    return true;
}

int runInit(const QString& path, const QCommandLineParser&)
{
    QString error;
    if (!Register::create(path, &error))
        return fail(CliExit::kCannotOpen, error);
    out() << "Created an empty register: " << PrintableText::escaped(path) << Qt::endl;
    return CliExit::kSuccess;
}

int runDemo(const QString& path, const QCommandLineParser& parsed)
{
    bool ok = true;
    const int assets = parsed.isSet(QStringLiteral("assets")) ? parsed.value(QStringLiteral("assets")).toInt(&ok)
                                                              : DemoRegister::kDefaultAssets;
    if (!ok || assets < 0 || assets > 10'000'000)
        return fail(CliExit::kUsage, QStringLiteral("--assets takes a whole number from 0 to 10000000."));
    const std::uint64_t seed
        = parsed.isSet(QStringLiteral("seed")) ? parsed.value(QStringLiteral("seed")).toULongLong(&ok) : 1;
    if (!ok)
        return fail(CliExit::kUsage, QStringLiteral("--seed takes a whole number."));

    QString error;
    if (!DemoRegister::createFile(path, assets, seed, QDate::currentDate(), &error))
        return fail(CliExit::kCannotOpen, error);
    out() << "Created a demo register of " << assets << " assets: " << PrintableText::escaped(path) << Qt::endl;
    return CliExit::kSuccess;
}

int runSummary(const QString& path, const QCommandLineParser& parsed)
{
    int exitCode = CliExit::kSuccess;
    std::unique_ptr<Register> reg = openForReading(path, &exitCode);
    std::optional<RecordId> unitId;
    if (!reg || !resolveUnit(*reg, parsed, &unitId, &exitCode))
        return exitCode;
    QString error;
    const std::optional<CoverageSummary> summary = Coverage::compute(*reg, QDate::currentDate(), unitId, &error);
    if (!summary)
        return readFailed(error);
    const std::optional<AuditChain::Head> head = AuditChain::head(reg->database(), &error);
    if (!head)
        return readFailed(error);
    if (parsed.isSet(QStringLiteral("json"))) {
        QJsonObject json = CoverageReport::toJson(*summary);
        json.insert(QStringLiteral("audit_trail"),
                    QJsonObject {{QStringLiteral("rows"), head->length}, {QStringLiteral("head"), head->hash}});
        out() << PrintableText::escapedJson(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)))
              << Qt::endl;
    } else {
        const QString title = unitId ? UnitStore(*reg).tree().path(*unitId) : QStringLiteral("All units");
        out() << "Coverage of " << PrintableText::escaped(reg->name()) << " on "
              << QDate::currentDate().toString(Qt::ISODate) << " (active assets)\n\n"
              << CoverageReport::toTable(*summary, title) << "\nAudit trail: " << head->length << " rows; anchor "
              << (head->length > 0 ? head->anchor() : QStringLiteral("(none yet)")) << "\n";
        out().flush();
    }
    return CliExit::kSuccess;
}

int runVerify(const QString& path, const QCommandLineParser& parsed)
{
    int exitCode = CliExit::kSuccess;
    std::unique_ptr<Register> reg = openForReading(path, &exitCode);
    if (!reg)
        return exitCode;
    RegisterVerifier verifier(*reg);
    QString error;
    if (parsed.isSet(QStringLiteral("anchor")) && !verifier.setAnchor(parsed.value(QStringLiteral("anchor")), &error))
        return fail(CliExit::kUsage, error);
    const VerifyReport report = verifier.run();
    if (report.outcome == VerifyReport::Outcome::Unreadable)
        return readFailed(report.failure);
    // The faults quote what records hold: escaped line by line, like everything else printed.
    QStringList lines = report.text().split(QLatin1Char('\n'));
    for (QString& line : lines)
        line = PrintableText::escaped(line);
    out() << "Verifying " << PrintableText::escaped(path) << "\n\n" << lines.join(QLatin1Char('\n'));
    out().flush();
    return report.outcome == VerifyReport::Outcome::Intact ? CliExit::kSuccess : CliExit::kRefused;
}

// --unowned, --unclassified, --overdue and --unit, as list and export take them.
bool readGapFlags(Register& reg, const QCommandLineParser& parsed, AssetFilter* filter, int* exitCode)
{
    filter->unowned = parsed.isSet(QStringLiteral("unowned"));
    filter->unclassified = parsed.isSet(QStringLiteral("unclassified"));
    filter->overdue = parsed.isSet(QStringLiteral("overdue"));
    return resolveUnit(reg, parsed, &filter->unitId, exitCode);
}

int runList(const QString& path, const QCommandLineParser& parsed)
{
    int exitCode = CliExit::kSuccess;
    std::unique_ptr<Register> reg = openForReading(path, &exitCode);
    AssetFilter filter;
    if (!reg || !readGapFlags(*reg, parsed, &filter, &exitCode))
        return exitCode;
    filter.search = parsed.value(QStringLiteral("search"));
    QString error;
    if (parsed.isSet(QStringLiteral("owner"))) {
        const QString email = parsed.value(QStringLiteral("owner"));
        const std::optional<Person> owner = PersonStore(*reg).findByEmail(email, &error);
        if (!owner && !error.isEmpty())
            return readFailed(error);
        if (!owner)
            return fail(CliExit::kUsage,
                        QStringLiteral("%1 has nobody with the email %2.")
                            .arg(PrintableText::escaped(path), PrintableText::escaped(email)));
        filter.ownerId = owner->id;
    }
    // Plain stdio: a million lines go out without building one large string. Escaped, so that each
    // asset stays one line and its text reaches the terminal as text.
    const bool read = AssetStore(*reg).forEachMatching(
        filter,
        [](const QString& reference, const QString& name) {
            const QByteArray line
                = PrintableText::escaped(reference).toUtf8() + '\t' + PrintableText::escaped(name).toUtf8() + '\n';
            std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stdout);
        },
        &error);
    if (!read)
        return readFailed(error);
    return std::fflush(stdout) == 0 ? CliExit::kSuccess : fail(CliExit::kRefused, QStringLiteral("could not write"));
}

int runExport(const QString& path, const QCommandLineParser& parsed)
{
    int exitCode = CliExit::kSuccess;
    std::unique_ptr<Register> reg = openForReading(path, &exitCode);
    AssetFilter filter;
    if (!reg || !readGapFlags(*reg, parsed, &filter, &exitCode))
        return exitCode;
    CsvExport csv(*reg);
    // Without a flag, every asset of any status; with one, the active assets list shows.
    if (filter != AssetFilter())
        csv.setFilter(filter);
    csv.setByteOrderMark(parsed.isSet(QStringLiteral("bom")));
    QString error;
    const QString target = parsed.positionalArguments().at(1);
    const qint64 written = csv.writeFile(target, &error);
    if (written < 0)
        return fail(CliExit::kCannotOpen, error);
    out() << QStringLiteral("Exported %1 to %2")
                 .arg(counted(written, QStringLiteral("asset"), QStringLiteral("assets")),
                      PrintableText::escaped(target))
          << Qt::endl;
    return CliExit::kSuccess;
}

// --map "Header=field" (or "Header=" to leave a column out), as many as needed.
bool readColumnChoices(const QCommandLineParser& parsed, QList<ColumnChoice>* choices, int* exitCode)
{
    for (const QString& map : parsed.values(QStringLiteral("map"))) {
        const qsizetype equals = map.lastIndexOf(QLatin1Char('='));
        const QString fieldName = map.mid(equals + 1).trimmed();
        const std::optional<ImportField> field = ImportColumns::fieldNamed(fieldName);
        if (equals <= 0 || (!field && !fieldName.isEmpty())) {
            QStringList names;
            for (int known = 0; known < kImportFieldCount; ++known)
                names << ImportColumns::fieldName(ImportField(known));
            *exitCode = fail(CliExit::kUsage,
                             QStringLiteral("--map \"%1\" is not HEADER=FIELD. FIELD is one of: %2; or nothing, to "
                                            "leave the column out.")
                                 .arg(PrintableText::escaped(map), names.join(QStringLiteral(", "))));
            return false;
        }
        choices->append({map.left(equals).trimmed(), field});
    }
    return true;
}

// Says once, on standard error, that a command that writes is waiting its turn.
class StderrWaiter : public BusyWaiter
{
public:
    void started(const QString& registerPath, int limitMs) override
    {
        QTextStream(stderr) << "custos-cli: " << registerPath << " is being changed by someone else; waiting up to "
                            << limitMs / 1000 << " s (--wait)" << Qt::endl;
    }
    bool keepWaiting(int) override { return true; }
    void finished() override { }
};

// --wait SECONDS: how long a command that writes waits while someone else changes the register.
bool readWait(const QCommandLineParser& parsed, int* seconds, int* exitCode)
{
    constexpr int kDefaultSeconds = 60;
    constexpr int kMostSeconds = 24 * 60 * 60;
    bool ok = true;
    *seconds = parsed.isSet(QStringLiteral("wait")) ? parsed.value(QStringLiteral("wait")).toInt(&ok) : kDefaultSeconds;
    if (ok && *seconds >= 0 && *seconds <= kMostSeconds)
        return true;
    *exitCode = fail(CliExit::kUsage,
                     QStringLiteral("--wait takes a whole number of seconds from 0 to %1.").arg(kMostSeconds));
    return false;
}

void waitTurnsFor(Register& reg, int seconds)
{
    reg.setBusyTimeoutMs(seconds * 1000);
    reg.setBusyWaiter(std::make_unique<StderrWaiter>());
}

int runImport(const QString& path, const QCommandLineParser& parsed)
{
    ImportOptions options;
    int exitCode = CliExit::kSuccess;
    if (!readColumnChoices(parsed, &options.columnChoices, &exitCode))
        return exitCode;
    int waitSeconds = 0;
    if (!readWait(parsed, &waitSeconds, &exitCode))
        return exitCode;
    options.dryRun = parsed.isSet(QStringLiteral("dry-run"));
    options.validRowsOnly = parsed.isSet(QStringLiteral("valid-rows-only"));
    options.createUnknownPeople = !parsed.isSet(QStringLiteral("leave-unknown-people"));
    const QString source = parsed.positionalArguments().at(1);
    if (parsed.isSet(QStringLiteral("encoding"))) {
        const QString name = parsed.value(QStringLiteral("encoding")).toLower();
        if (name != QLatin1String("utf-8") && name != QLatin1String("windows-1252"))
            return fail(CliExit::kUsage, QStringLiteral("--encoding is utf-8 or windows-1252."));
        options.encoding
            = name == QLatin1String("utf-8") ? CsvFormat::Encoding::Utf8 : CsvFormat::Encoding::Windows1252;
    }
    QString error;
    std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadWrite, &error);
    if (!reg)
        return fail(CliExit::kCannotOpen, error);
    if (reg->isReadOnly())
        return fail(CliExit::kCannotOpen, reg->readOnlyReason());
    waitTurnsFor(*reg, waitSeconds);
    const ImportReport report = CsvImport(*reg).run(source, options);
    // A dry run that found problems refuses the data as the import itself would.
    const bool refusedRows = report.problemCount > 0 && !options.validRowsOnly;
    switch (report.outcome) {
    case ImportOutcome::Written:
    case ImportOutcome::Checked:
        if (refusedRows) {
            QTextStream(stderr) << report.text();
            return CliExit::kRefused;
        }
        out() << report.text();
        out().flush();
        return CliExit::kSuccess;
    case ImportOutcome::Failed:
        QTextStream(stderr) << report.text();
        return CliExit::kCannotOpen;
    default:
        QTextStream(stderr) << report.text();
        return CliExit::kRefused;
    }
}

int runReport(const QString& path, const QCommandLineParser& parsed)
{
    int exitCode = CliExit::kSuccess;
    std::unique_ptr<Register> reg = openForReading(path, &exitCode);
    std::optional<RecordId> unitId;
    if (!reg || !resolveUnit(*reg, parsed, &unitId, &exitCode))
        return exitCode;
    QString error;
    const std::optional<ReportContents> contents = ReportContents::gather(*reg, QDate::currentDate(), unitId, &error);
    if (!contents)
        return readFailed(error);
    const QString target = parsed.positionalArguments().at(1);
    const int pages = ReportPrinter::writePdf(*contents, target, &error);
    if (pages == 0)
        return fail(CliExit::kCannotOpen, error);
    out() << QStringLiteral("Wrote a report of %1 pages to %2, %3")
                 .arg(pages)
                 .arg(PrintableText::escaped(target),
                      contents->marking().isEmpty() ? QStringLiteral("with no marking (OFFICIAL)")
                                                    : QStringLiteral("marked %1").arg(contents->marking()))
          << Qt::endl;
    return CliExit::kSuccess;
}

QCommandLineOption waitOption()
{
    return {QStringLiteral("wait"),
            QStringLiteral("While someone else changes the register, wait up to SECONDS for them (default 60)."),
            QStringLiteral("SECONDS")};
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', 1) + QStringLiteral(" MB");
}

int runBackup(const QString& path, const QCommandLineParser& parsed)
{
    int exitCode = CliExit::kSuccess;
    std::unique_ptr<Register> reg = openForReading(path, &exitCode);
    if (!reg)
        return exitCode;
    const QString target = parsed.positionalArguments().at(1);
    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!backUpRegister(*reg, target, {}, &error))
        return fail(CliExit::kCannotOpen, error);
    out() << QStringLiteral("Backed up %1 to %2: %3 in %4 s.")
                 .arg(path, target, megabytes(QFileInfo(target).size()))
                 .arg(double(clock.elapsed()) / 1000, 0, 'f', 1)
          << Qt::endl;
    return CliExit::kSuccess;
}

// restore BACKUP REGISTER: the backup comes first, as with cp.
int runRestore(const QString& backup, const QCommandLineParser& parsed)
{
    const QString path = parsed.positionalArguments().at(1);
    int exitCode = CliExit::kSuccess;
    int waitSeconds = 0;
    if (!readWait(parsed, &waitSeconds, &exitCode))
        return exitCode;
    if (!QFileInfo::exists(backup)) {
        return fail(CliExit::kCannotOpen,
                    QStringLiteral("%1 does not exist. Give the backup to restore; Custos keeps its own backups of %2 "
                                   "in %3.")
                        .arg(backup, path, AutomaticBackups::folderFor(path)));
    }
    QString error;
    RestoreResult result = RestoreResult::Failed;
    QString kept;
    if (!QFileInfo::exists(path)) {
        result = restoreBackupAsNew(backup, path, {}, &error);
    } else {
        std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadWrite, &error);
        if (!reg)
            return fail(CliExit::kCannotOpen, error);
        waitTurnsFor(*reg, waitSeconds);
        result = restoreBackup(backup, *reg, {}, &kept, &error);
    }
    if (result != RestoreResult::Restored)
        return fail(result == RestoreResult::BackupRefused ? CliExit::kRefused : CliExit::kCannotOpen, error);
    if (kept.isEmpty())
        out() << QStringLiteral("Restored %1 from %2, as a new register.").arg(path, backup) << Qt::endl;
    else
        out() << QStringLiteral("Restored %1 from %2. The register as it was is kept as %3.").arg(path, backup, kept)
              << Qt::endl;
    return CliExit::kSuccess;
}

} // namespace

const QList<CliCommand>& cliCommands()
{
    static const QList<CliCommand> commands {
        {QStringLiteral("init"), QStringLiteral("init REGISTER"), {}, runInit},
        {QStringLiteral("demo"),
         QStringLiteral("demo REGISTER [--assets N] [--seed S]"),
         {{QStringLiteral("assets"), QStringLiteral("Number of assets in all (default 2000)."), QStringLiteral("N")},
          {QStringLiteral("seed"),
           QStringLiteral("Seed; the same seed and day give the same register."),
           QStringLiteral("S")}},
         runDemo},
        {QStringLiteral("summary"),
         QStringLiteral("summary REGISTER [--json] [--unit NAME]"),
         {{QStringLiteral("json"), QStringLiteral("Print one JSON object.")},
          {QStringLiteral("unit"), QStringLiteral("Only this unit and those below it."), QStringLiteral("NAME")}},
         runSummary},
        {QStringLiteral("verify"),
         QStringLiteral("verify REGISTER [--anchor ROW:HASH]"),
         {{QStringLiteral("anchor"),
           QStringLiteral("A row and hash of the audit trail kept from an earlier summary or report; the trail "
                          "must still hold it."),
           QStringLiteral("ROW:HASH")}},
         runVerify},
        {QStringLiteral("list"),
         QStringLiteral("list REGISTER [--unowned] [--unclassified] [--overdue] [--owner EMAIL] [--unit NAME] "
                        "[--search WORDS]"),
         {{QStringLiteral("unowned"), QStringLiteral("No IAO, or the IAO has left.")},
          {QStringLiteral("unclassified"), QStringLiteral("Not yet classified, or a legacy marking to review.")},
          {QStringLiteral("overdue"), QStringLiteral("Next review due before today.")},
          {QStringLiteral("owner"), QStringLiteral("Owned by the person with this email."), QStringLiteral("EMAIL")},
          {QStringLiteral("unit"), QStringLiteral("In this unit or one below it."), QStringLiteral("NAME")},
          {QStringLiteral("search"),
           QStringLiteral("Every word in the reference, name, description, location, IAO, IAM or business unit, "
                          "as the window's search; \"words in quotes\" together."),
           QStringLiteral("WORDS")}},
         runList},
        {QStringLiteral("export"),
         QStringLiteral("export REGISTER OUT.csv [--bom] [--unowned] [--unclassified] [--overdue] [--unit NAME]"),
         {{QStringLiteral("bom"), QStringLiteral("Start with a UTF-8 byte-order mark, for Excel.")},
          {QStringLiteral("unowned"), QStringLiteral("Only active assets with no IAO, or whose IAO has left.")},
          {QStringLiteral("unclassified"), QStringLiteral("Only active assets not yet classified.")},
          {QStringLiteral("overdue"), QStringLiteral("Only active assets overdue for review.")},
          {QStringLiteral("unit"),
           QStringLiteral("Only active assets in this unit or one below it."),
           QStringLiteral("NAME")}},
         runExport,
         2},
        {QStringLiteral("import"),
         QStringLiteral("import REGISTER IN.csv [--dry-run] [--valid-rows-only] [--leave-unknown-people] "
                        "[--encoding utf-8|windows-1252] [--map \"HEADER=FIELD\" ...] [--wait SECONDS]"),
         {{QStringLiteral("dry-run"), QStringLiteral("Check the file and say what would change; write nothing.")},
          {QStringLiteral("valid-rows-only"),
           QStringLiteral("Import the rows without problems even if others have some.")},
          {QStringLiteral("leave-unknown-people"),
           QStringLiteral("Leave an IAO or IAM the register does not know out, instead of adding them.")},
          {QStringLiteral("encoding"),
           QStringLiteral("The file's encoding, when not the one detected."),
           QStringLiteral("NAME")},
          {QStringLiteral("map"),
           QStringLiteral("Read the column HEADER as FIELD (an export header name), or leave it out with HEADER=."),
           QStringLiteral("HEADER=FIELD")},
          waitOption()},
         runImport,
         2},
        {QStringLiteral("report"),
         QStringLiteral("report REGISTER OUT.pdf [--unit NAME]"),
         {{QStringLiteral("unit"), QStringLiteral("Only this unit and those below it."), QStringLiteral("NAME")}},
         runReport,
         2},
        {QStringLiteral("backup"), QStringLiteral("backup REGISTER OUT.custos"), {}, runBackup, 2},
        {QStringLiteral("restore"),
         QStringLiteral("restore BACKUP REGISTER [--wait SECONDS]"),
         {waitOption()},
         runRestore,
         2},
    };
    return commands;
}

QString cliUsage()
{
    QString usage = QStringLiteral("Custos information asset register, command line.\n\nUsage:\n");
    for (const CliCommand& command : cliCommands())
        usage += QStringLiteral("  custos-cli ") + command.synopsis + QLatin1Char('\n');
    usage += QStringLiteral("  custos-cli --version | --help\n\n"
                            "summary and list count active assets; archived and disposed assets are left out.\n"
                            "Exit codes: 0 success, 1 usage error, 2 data refused (nothing written) or, for\n"
                            "verify, a register damaged or changed outside Custos,\n"
                            "3 register or file could not be opened, read or written.\n");
    return usage;
}
