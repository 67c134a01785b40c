#include "models/csv/CsvExport.h"

#include "models/csv/CsvColumns.h"
#include "models/csv/CsvWriter.h"
#include "models/csv/ExportCells.h"
#include "models/domain/CoverageRules.h"
#include "models/people/PersonStore.h"
#include "models/store/Register.h"
#include "models/store/SqlValues.h"
#include "models/store/SqliteHandle.h"
#include "models/units/UnitStore.h"

#include <QHash>
#include <QIODevice>
#include <QSqlQuery>
#include <sqlite3.h>
#include <string>
#include <utility>

namespace custos {

namespace {

constexpr qint64 kProgressEvery = 8192;
constexpr qsizetype kFlushAt = 1 << 16;

// Columns of each row, in the order the header needs them.
const char* const kSelect = "SELECT a.reference, a.name, a.description, a.unit_id, a.iao_id, a.iam_id, a.format, "
                            "a.location, a.classification, a.sensitive, a.legacy_marking, "
                            "a.classification_needs_review, a.handling_notes, a.personal_data, a.lawful_basis, "
                            "a.retention, a.disposal_action, a.criticality, a.review_cycle_months, a.last_reviewed, "
                            "a.next_review_due, a.status, a.created_at, a.modified_at FROM ";
namespace Column {
enum {
    Reference,
    Name,
    Description,
    UnitId,
    IaoId,
    IamId,
    Format,
    Location,
    Level,
    Sensitive,
    Legacy,
    NeedsReview,
    Handling,
    PersonalData,
    LawfulBasis,
    Retention,
    Disposal,
    Criticality,
    Cycle,
    LastReviewed,
    NextDue,
    Status,
    Created,
    Modified
};
}

struct PersonCells
{
    QByteArray name;
    QByteArray email;
    bool hasLeft = false;
};

bool bindParameters(sqlite3_stmt* statement, const QVariantMap& values)
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        const int index = sqlite3_bind_parameter_index(statement, it.key().toUtf8().constData());
        if (index == 0)
            continue;
        const int result = it.value().typeId() == QMetaType::QString
            ? sqlite3_bind_text(statement, index, it.value().toString().toUtf8().constData(), -1, SQLITE_TRANSIENT)
            : sqlite3_bind_int64(statement, index, it.value().toLongLong());
        if (result != SQLITE_OK)
            return false;
    }
    return true;
}

constexpr bool guarded(ImportField field)
{
    return csvColumn(field).formulaGuard == FormulaGuard::Applied;
}

} // namespace

CsvExport::CsvExport(Register& reg, const QDate& today)
    : m_register(reg)
    , m_today(today)
{
}

const QStringList& CsvExport::header()
{
    static const QStringList names = [] {
        QStringList header;
        for (const CsvColumn& column : kCsvColumns)
            header << QString::fromLatin1(column.header.data(), qsizetype(column.header.size()));
        return header;
    }();
    return names;
}

CsvExport::Contents CsvExport::contents() const
{
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("SELECT count(*), max(%1) FROM %2 WHERE %3")
                      .arg(QLatin1String(CoverageRules::kClassificationRank),
                           QLatin1String(CoverageRules::kFrom),
                           m_filter ? m_filter->whereClause() : QStringLiteral("1 = 1")));
    if (m_filter)
        m_filter->bind(query, m_today);
    if (!query.exec() || !query.next())
        return {};
    static const QList<Classification> byRank {Classification(),
                                               Classification::official(),
                                               Classification::official(true),
                                               Classification::secret(),
                                               Classification::topSecret()};
    return {query.value(0).toLongLong(), byRank.value(query.value(1).toInt())};
}

qint64 CsvExport::write(QIODevice& out, QString* error) const
{
    sqlite3* db = sqliteHandle(m_register.database());
    if (!db) {
        setError(error, QStringLiteral("The register's database cannot be read directly."));
        return -1;
    }
    // Without its units and people an export would have blank columns that look like gaps.
    const std::optional<UnitTree> units = UnitStore(m_register).tree(error);
    const std::optional<QList<Person>> everyone = units ? PersonStore(m_register).all(error) : std::nullopt;
    if (!everyone)
        return -1;
    QHash<RecordId, QByteArray> unitPaths;
    for (const BusinessUnit& unit : units->units())
        unitPaths.insert(unit.id, units->path(unit.id).toUtf8());
    QHash<RecordId, PersonCells> people;
    for (const Person& person : *everyone)
        people.insert(person.id, {person.name.toUtf8(), person.email.toUtf8(), person.hasLeft});

    const QString where = m_filter ? m_filter->whereClause() : QStringLiteral("1 = 1");
    const QByteArray sql = (QLatin1String(kSelect) + QLatin1String(CoverageRules::kFrom) + QStringLiteral(" WHERE ")
                            + where + QStringLiteral(" ORDER BY a.reference"))
                               .toUtf8();
    auto readFailed = [&] {
        setError(error, readFailure(m_register, QString::fromUtf8(sqlite3_errmsg(db))));
        return -1;
    };
    sqlite3_stmt* prepared = nullptr;
    const int prepare = sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &prepared, nullptr);
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> finalizer(prepared, &sqlite3_finalize);
    sqlite3_stmt* statement = prepared;
    if (prepare != SQLITE_OK || (m_filter && !bindParameters(statement, m_filter->parameters(m_today))))
        return readFailed();

    std::string buffer;
    buffer.reserve(kFlushAt + 4096);
    auto flush = [&] {
        if (out.write(buffer.data(), qint64(buffer.size())) != qint64(buffer.size())) {
            setError(error, QStringLiteral("Writing the export failed: %1").arg(out.errorString()));
            return false;
        }
        buffer.clear();
        return true;
    };
    if (m_byteOrderMark)
        buffer.append("\xEF\xBB\xBF");
    for (const QString& name : header()) {
        if (name != header().first())
            buffer += ',';
        buffer += name.toStdString();
    }
    buffer.append("\r\n");

    // Whether a cell is guarded is its column's, from kCsvColumns, known when this compiles: no lookup per cell.
    auto text = [statement](int column, bool guard, std::string& line) {
        const auto* value = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        appendCsvCell(line, value ? value : "", size_t(sqlite3_column_bytes(statement, column)), guard);
    };
    auto stored = [statement](int column) {
        const auto* value = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        return value ? std::string_view(value, size_t(sqlite3_column_bytes(statement, column))) : std::string_view();
    };
    auto literal = [](std::string& line, const QByteArray& value, bool guard) {
        appendCsvCell(line, value.constData(), size_t(value.size()), guard);
    };
    // The IAO's or IAM's cells, or none where the asset has nobody in that role.
    auto person = [&](int column) -> const PersonCells* {
        return sqlite3_column_type(statement, column) == SQLITE_NULL ? nullptr
                                                                     : &people[sqlite3_column_int64(statement, column)];
    };
    auto writePerson = [&](const PersonCells* cells, bool guardName, bool guardEmail) {
        literal(buffer, cells ? cells->name : QByteArray(), guardName);
        buffer += ',';
        literal(buffer, cells ? cells->email : QByteArray(), guardEmail);
        buffer += ',';
    };
    // The last twelve cells: the query's column and whether the cell is guarded.
    static constexpr std::pair<int, bool> kLastColumns[] {{Column::Handling, guarded(ImportField::HandlingNotes)},
                                                          {Column::PersonalData, guarded(ImportField::PersonalData)},
                                                          {Column::LawfulBasis, guarded(ImportField::LawfulBasis)},
                                                          {Column::Retention, guarded(ImportField::Retention)},
                                                          {Column::Disposal, guarded(ImportField::DisposalAction)},
                                                          {Column::Criticality, guarded(ImportField::Criticality)},
                                                          {Column::Cycle, guarded(ImportField::ReviewCycle)},
                                                          {Column::LastReviewed, guarded(ImportField::LastReviewed)},
                                                          {Column::NextDue, guarded(ImportField::NextReviewDue)},
                                                          {Column::Status, guarded(ImportField::Status)},
                                                          {Column::Created, guarded(ImportField::Created)},
                                                          {Column::Modified, guarded(ImportField::Modified)}};
    static_assert(kImportFieldCount == 26, "each row below writes 26 cells: give a new column of kCsvColumns its cell");
    qint64 written = 0;
    int result = SQLITE_ROW;
    while ((result = sqlite3_step(statement)) == SQLITE_ROW) {
        text(Column::Reference, guarded(ImportField::Reference), buffer);
        buffer += ',';
        text(Column::Name, guarded(ImportField::Name), buffer);
        buffer += ',';
        text(Column::Description, guarded(ImportField::Description), buffer);
        buffer += ',';
        literal(buffer,
                unitPaths.value(sqlite3_column_int64(statement, Column::UnitId)),
                guarded(ImportField::BusinessUnit));
        buffer += ',';
        const PersonCells* owner = person(Column::IaoId);
        writePerson(owner, guarded(ImportField::IaoName), guarded(ImportField::IaoEmail));
        buffer.append(ExportCells::personStatus(owner != nullptr, owner && owner->hasLeft));
        buffer += ',';
        writePerson(person(Column::IamId), guarded(ImportField::IamName), guarded(ImportField::IamEmail));
        text(Column::Format, guarded(ImportField::Format), buffer);
        buffer += ',';
        text(Column::Location, guarded(ImportField::Location), buffer);
        buffer += ',';
        static_assert(!guarded(ImportField::Classification), "a classification cell is written as it is");
        buffer.append(
            ExportCells::classification(stored(Column::Level), sqlite3_column_int(statement, Column::Sensitive)));
        buffer += ',';
        text(Column::Legacy, guarded(ImportField::LegacyMarking), buffer);
        buffer += ',';
        buffer.append(ExportCells::yesNo(sqlite3_column_int(statement, Column::NeedsReview)));
        for (const auto& [column, guard] : kLastColumns) {
            buffer += ',';
            text(column, guard, buffer);
        }
        buffer.append("\r\n");
        ++written;
        if (buffer.size() >= kFlushAt && !flush())
            return -1;
        if (written % kProgressEvery == 0 && m_progress && !m_progress(written)) {
            setError(error, QStringLiteral("The export was cancelled."));
            return -1;
        }
    }
    if (result != SQLITE_DONE)
        return readFailed();
    if (!flush())
        return -1;
    if (m_progress)
        m_progress(written);
    return written;
}

qint64 CsvExport::writeFile(const QString& path, QString* error) const
{
    return writeCsvFile(
        path, [this](QIODevice& out, QString* writeError) { return write(out, writeError); }, error);
}

} // namespace custos
