#include "CsvImport.h"

#include "AssetRecord.h"
#include "AssetStore.h"
#include "AssetValidator.h"
#include "CsvReader.h"
#include "ImportValues.h"
#include "PersonStore.h"
#include "Register.h"
#include "SqlValues.h"
#include "UnitStore.h"
#include "WriteTransaction.h"

#include <QFile>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <vector>

namespace custos {

namespace {

constexpr qint64 kProgressEvery = 4096;
constexpr qint64 kHeadBytes = 1 << 20;
constexpr int kImportCacheSize = -65536; // KiB

// A person named by a row: found in the register, still to be added, or nobody.
struct PersonCell
{
    std::optional<RecordId> id;
    QString name;
    QString email;
    bool toCreate = false;
};

// A business unit named by a row: found, or a path whose missing units are still to be added.
struct UnitCell
{
    RecordId id = 0;
    QStringList path;
};

QString unitKey(const QStringList& path)
{
    return path.join(UnitTree::kPathSeparator).toLower();
}

// Reads the rows into the register inside one write transaction; the caller commits or not.
class Importer
{
public:
    Importer(Register& reg,
             const QDate& today,
             const ImportOptions& options,
             const ImportColumns& columns,
             ImportReport& report)
        : m_register(reg)
        , m_today(today)
        , m_options(options)
        , m_columns(columns)
        , m_report(report)
        , m_now(nowUtc())
    {
    }

    ~Importer()
    {
        QSqlQuery(m_register.database()).exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_cacheSizeBefore));
    }

    void prepare();
    // False when the register refused a write, which ends the import.
    bool importRow(const CsvRecord& record);
    bool markLeavers();
    QString writeFailure() const { return m_writeFailure; }

private:
    QString cell(ImportField field) const;
    bool has(ImportField field) const { return m_columns.has(field); }
    void problem(int column, const QString& reason);
    void problemIn(ImportField field, const QString& reason) { problem(m_columns.columnOf(field), reason); }
    template <typename Value>
    std::optional<Value> read(ImportField field, std::optional<Value> (*parse)(const QString&), const char* expected);

    void readFields(Asset& asset);
    void readClassification(Asset& asset);
    std::optional<Asset> existing(const QString& reference);
    std::optional<PersonCell> person(ImportField nameField, ImportField emailField);
    std::optional<UnitCell> unit();
    RecordId createdPerson(PersonCell& cell);
    RecordId createdUnit(const QStringList& path);
    bool write(Asset& asset, const std::optional<Asset>& before);
    void duplicate(const QString& reference, RecordId id);
    bool failed(const QSqlQuery& query);

    Register& m_register;
    QDate m_today;
    const ImportOptions& m_options;
    const ImportColumns& m_columns;
    ImportReport& m_report;
    QDateTime m_now;

    const QStringList* m_cells = nullptr;
    qint64 m_line = 0;
    bool m_rowHasProblem = false;
    std::optional<LegacyMarking> m_mappedLegacy;

    QHash<QString, RecordId> m_peopleByEmail;
    QHash<QString, QList<RecordId>> m_peopleByName;
    QHash<RecordId, QString> m_personNames;
    QSet<RecordId> m_leavers;
    QSet<RecordId> m_toMarkLeft;
    QSet<QString> m_peopleLeftOut;
    QHash<QString, RecordId> m_unitsByPath;
    QHash<QString, QList<RecordId>> m_unitsByName;

    qint64 m_assetsAtStart = 0;
    RecordId m_highestIdAtStart = 0;
    qint64 m_nextReference = 1;
    // The line of each asset this import added, by id, to name the first of two rows that share a reference.
    std::vector<qint64> m_addedLines;
    QHash<RecordId, qint64> m_updatedLines;
    QSqlQuery m_select;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_insertPerson;
    QSqlQuery m_insertUnit;
    QString m_writeFailure;
    int m_cacheSizeBefore = kImportCacheSize;
};

QString Importer::cell(ImportField field) const
{
    const int column = m_columns.columnOf(field);
    return column < 0 ? QString() : ImportValues::withoutFormulaGuard(m_cells->at(column));
}

void Importer::problem(int column, const QString& reason)
{
    if (!m_rowHasProblem)
        ++m_report.skipped;
    m_rowHasProblem = true;
    ++m_report.problemCount;
    if (m_report.problems.size() < ImportReport::kMaxListed)
        m_report.problems.append({m_line, column + 1, m_columns.header().value(column), reason});
}

template <typename Value>
std::optional<Value>
Importer::read(ImportField field, std::optional<Value> (*parse)(const QString&), const char* expected)
{
    const QString text = cell(field);
    std::optional<Value> value = parse(text);
    if (!value)
        problemIn(field, QStringLiteral("\"%1\" is not %2").arg(text, QLatin1String(expected)));
    return value;
}

void Importer::prepare()
{
    QSqlDatabase db = m_register.database();
    QSqlQuery query(db);
    // A larger page cache for the length of the import: the indexes and audit trail of a big file
    // otherwise spill to the write-ahead log again and again (100,000 rows: 15.6 s, with it 13.2 s).
    if (query.exec(QStringLiteral("PRAGMA cache_size")) && query.next())
        m_cacheSizeBefore = query.value(0).toInt();
    query.exec(QStringLiteral("PRAGMA cache_size = %1").arg(kImportCacheSize));
    if (query.exec(QStringLiteral("SELECT count(*), coalesce(max(id), 0) FROM assets")) && query.next()) {
        m_assetsAtStart = query.value(0).toLongLong();
        m_highestIdAtStart = query.value(1).toLongLong();
    }
    m_nextReference = AssetStore(m_register).nextReference().mid(3).toLongLong();
    for (const Person& person : PersonStore(m_register).all()) {
        if (!person.email.isEmpty())
            m_peopleByEmail.insert(person.email.toLower(), person.id);
        m_peopleByName[person.name].append(person.id);
        m_personNames.insert(person.id, person.name);
        if (person.hasLeft)
            m_leavers.insert(person.id);
    }
    const UnitTree tree = UnitStore(m_register).tree();
    for (const BusinessUnit& unit : tree.units()) {
        m_unitsByPath.insert(tree.path(unit.id).toLower(), unit.id);
        m_unitsByName[unit.name.toLower()].append(unit.id);
    }
    m_select = QSqlQuery(db);
    m_select.prepare(AssetRecord::selectSql() + QStringLiteral(" WHERE a.reference = ?"));
    m_insert = QSqlQuery(db);
    m_insert.prepare(AssetRecord::insertSql());
    m_update = QSqlQuery(db);
    m_update.prepare(AssetRecord::updateSql());
    m_insertPerson = QSqlQuery(db);
    m_insertPerson.prepare(QStringLiteral("INSERT INTO people (name, email) VALUES (?, ?)"));
    m_insertUnit = QSqlQuery(db);
    m_insertUnit.prepare(QStringLiteral("INSERT INTO units (name, parent_id) VALUES (?, ?)"));
}

std::optional<Asset> Importer::existing(const QString& reference)
{
    m_select.addBindValue(reference);
    if (!m_select.exec() || !m_select.next())
        return std::nullopt;
    Asset asset = AssetRecord::read(m_select);
    m_select.finish();
    return asset;
}

std::optional<PersonCell> Importer::person(ImportField nameField, ImportField emailField)
{
    PersonCell found {std::nullopt, cell(nameField).trimmed(), cell(emailField).trimmed(), false};
    if (!found.email.isEmpty()) {
        if (!found.email.contains(QLatin1Char('@')) || found.email.contains(QLatin1Char(' '))) {
            problemIn(emailField, QStringLiteral("\"%1\" is not an email address").arg(found.email));
            return std::nullopt;
        }
        if (const auto id = m_peopleByEmail.constFind(found.email.toLower()); id != m_peopleByEmail.cend())
            found.id = *id;
        if (found.name.isEmpty())
            found.name = found.email.section(QLatin1Char('@'), 0, 0);
    } else if (!found.name.isEmpty()) {
        const QList<RecordId> named = m_peopleByName.value(found.name);
        if (named.size() > 1) {
            problemIn(nameField,
                      QStringLiteral("%1 people are called \"%2\": give an email address to say which")
                          .arg(named.size())
                          .arg(found.name));
            return std::nullopt;
        }
        if (named.size() == 1)
            found.id = named.first();
    } else {
        return found;
    }
    if (found.id)
        return found;
    if (m_options.createUnknownPeople) {
        found.toCreate = true;
        return found;
    }
    m_peopleLeftOut.insert(found.email.isEmpty() ? found.name : QStringLiteral("%1 <%2>").arg(found.name, found.email));
    return PersonCell();
}

std::optional<UnitCell> Importer::unit()
{
    QStringList path = cell(ImportField::BusinessUnit).split(UnitTree::kPathSeparator.trimmed());
    for (QString& part : path)
        part = part.trimmed();
    path.removeAll(QString());
    if (path.isEmpty()) {
        problemIn(ImportField::BusinessUnit, QStringLiteral("the business unit is empty: every asset needs one"));
        return std::nullopt;
    }
    if (const auto id = m_unitsByPath.constFind(unitKey(path)); id != m_unitsByPath.cend())
        return UnitCell {*id, path};
    // A unit's own name will do where only one unit has it.
    if (path.size() == 1) {
        const QList<RecordId> named = m_unitsByName.value(path.first().toLower());
        if (named.size() == 1)
            return UnitCell {named.first(), path};
    }
    return UnitCell {0, path};
}

RecordId Importer::createdPerson(PersonCell& cell)
{
    // An earlier row of this import may have added them already.
    if (const auto id = m_peopleByEmail.constFind(cell.email.toLower());
        !cell.email.isEmpty() && id != m_peopleByEmail.cend())
        return *id;
    if (const QList<RecordId> named = m_peopleByName.value(cell.name); cell.email.isEmpty() && named.size() == 1)
        return named.first();
    m_insertPerson.addBindValue(cell.name);
    m_insertPerson.addBindValue(textOrNull(cell.email));
    if (!m_insertPerson.exec()) {
        failed(m_insertPerson);
        return 0;
    }
    const RecordId id = m_insertPerson.lastInsertId().toLongLong();
    if (!cell.email.isEmpty())
        m_peopleByEmail.insert(cell.email.toLower(), id);
    m_peopleByName[cell.name].append(id);
    m_personNames.insert(id, cell.name);
    m_report.createdPeople << (cell.email.isEmpty() ? cell.name : QStringLiteral("%1 <%2>").arg(cell.name, cell.email));
    return id;
}

RecordId Importer::createdUnit(const QStringList& path)
{
    RecordId parent = 0;
    for (int depth = 1; depth <= path.size(); ++depth) {
        const QStringList upTo = path.mid(0, depth);
        if (const auto id = m_unitsByPath.constFind(unitKey(upTo)); id != m_unitsByPath.cend()) {
            parent = *id;
            continue;
        }
        m_insertUnit.addBindValue(path.at(depth - 1));
        m_insertUnit.addBindValue(parent ? QVariant(parent) : QVariant(QMetaType::fromType<qint64>()));
        if (!m_insertUnit.exec()) {
            failed(m_insertUnit);
            return 0;
        }
        parent = m_insertUnit.lastInsertId().toLongLong();
        m_unitsByPath.insert(unitKey(upTo), parent);
        m_unitsByName[path.at(depth - 1).toLower()].append(parent);
        m_report.createdUnits << upTo.join(UnitTree::kPathSeparator);
    }
    return parent;
}

bool Importer::failed(const QSqlQuery& query)
{
    if (m_writeFailure.isEmpty())
        m_writeFailure = QStringLiteral("%1 refused a write: %2").arg(m_register.path(), query.lastError().text());
    return false;
}

void Importer::readClassification(Asset& asset)
{
    m_mappedLegacy.reset();
    if (has(ImportField::Classification)) {
        if (const auto read = this->read(ImportField::Classification,
                                         &ImportValues::classification,
                                         "a classification: use OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET, "
                                         "a legacy marking (UNCLASSIFIED, PROTECT, RESTRICTED, CONFIDENTIAL) or "
                                         "nothing for not yet classified")) {
            asset.classification = read->classification;
            m_mappedLegacy = read->legacyMarking;
            asset.legacyMarking = read->legacyMarking;
            asset.classificationNeedsReview = read->legacyMarking.has_value();
            if (!read->descriptor.isEmpty() && !asset.handlingNotes.contains(read->descriptor, Qt::CaseInsensitive))
                asset.handlingNotes
                    = QStringList {asset.handlingNotes, read->descriptor}.join(QLatin1Char(' ')).trimmed();
        }
    }
    if (has(ImportField::LegacyMarking) && !cell(ImportField::LegacyMarking).trimmed().isEmpty()) {
        asset.legacyMarking = read(ImportField::LegacyMarking,
                                   &legacyMarkingFromText,
                                   "a legacy marking: use UNCLASSIFIED, PROTECT, RESTRICTED or CONFIDENTIAL");
    } else if (has(ImportField::LegacyMarking)) {
        asset.legacyMarking = m_mappedLegacy;
    }
    if (has(ImportField::NeedsReview)) {
        const std::optional<bool> flagged = read(ImportField::NeedsReview, &ImportValues::yesNo, "Yes or No");
        asset.classificationNeedsReview = flagged.value_or(false) || m_mappedLegacy.has_value();
        if (asset.classificationNeedsReview && !asset.classification.isClassified())
            problemIn(ImportField::NeedsReview,
                      QStringLiteral("only a classified asset can need its classification reviewed"));
    }
}

void Importer::readFields(Asset& asset)
{
    auto textOf = [this](ImportField field, QString& target) {
        if (has(field))
            target = cell(field);
    };
    if (has(ImportField::Name)) {
        asset.name = cell(ImportField::Name);
        if (asset.name.trimmed().isEmpty())
            problemIn(ImportField::Name, QStringLiteral("the name is empty: every asset needs one"));
    }
    textOf(ImportField::Description, asset.description);
    textOf(ImportField::Location, asset.location);
    // Handling notes first: a descriptor in the classification cell is added to them.
    textOf(ImportField::HandlingNotes, asset.handlingNotes);
    textOf(ImportField::LawfulBasis, asset.lawfulBasis);
    textOf(ImportField::Retention, asset.retention);
    textOf(ImportField::DisposalAction, asset.disposalAction);
    if (has(ImportField::Format)) {
        asset.format = cell(ImportField::Format).trimmed().isEmpty()
            ? std::nullopt
            : read(ImportField::Format, &ImportValues::format, "a format: use Digital, Paper or Hybrid");
    }
    readClassification(asset);
    if (has(ImportField::PersonalData)) {
        asset.personalData = read(ImportField::PersonalData,
                                  &ImportValues::personalData,
                                  "a kind of personal data: use None, Personal, Special category or Criminal offence")
                                 .value_or(PersonalData::None);
    }
    if (has(ImportField::Criticality)) {
        asset.criticality = read(ImportField::Criticality,
                                 &ImportValues::criticality,
                                 "a criticality: use Low, Medium, High, Vital or nothing")
                                .value_or(std::nullopt);
    }
    if (has(ImportField::ReviewCycle)) {
        asset.reviewCycleMonths
            = read(ImportField::ReviewCycle, &ImportValues::reviewCycle, "a review cycle: use 3, 6 or 12 (months)")
                  .value_or(12);
    }
    if (has(ImportField::LastReviewed)) {
        asset.lastReviewed
            = read(ImportField::LastReviewed, &ImportValues::date, "a date: use 2025-01-31 or 31/01/2025")
                  .value_or(QDate());
        if (asset.lastReviewed > m_today)
            problemIn(ImportField::LastReviewed, QStringLiteral("the last review date is in the future"));
    }
    if (has(ImportField::Status)) {
        asset.status = read(ImportField::Status, &ImportValues::status, "a status: use Active, Archived or Disposed")
                           .value_or(AssetStatus::Active);
    }
}

bool Importer::importRow(const CsvRecord& record)
{
    ++m_report.rows;
    m_line = record.line;
    m_rowHasProblem = false;
    m_cells = &record.cells;
    const qsizetype expected = m_columns.header().size();
    if (record.cells.size() != expected) {
        problem(
            int(std::min(record.cells.size(), expected)),
            record.cells.size() < expected
                ? QStringLiteral("the row has %1 cells where the header has %2").arg(record.cells.size()).arg(expected)
                : QStringLiteral("the row has %1 cells where the header has %2: is a delimiter in an unquoted cell?")
                      .arg(record.cells.size())
                      .arg(expected));
        return true;
    }

    const QString reference = cell(ImportField::Reference).trimmed();
    if (!reference.isEmpty() && !AssetValidator::isWellFormedReference(reference)) {
        problemIn(ImportField::Reference,
                  QStringLiteral("\"%1\" is not a reference: use up to 40 letters, digits and - _ . /, starting "
                                 "with a letter or digit")
                      .arg(reference));
        return true;
    }
    // Only a register that had assets before can have one to update.
    const std::optional<Asset> before
        = m_assetsAtStart > 0 && !reference.isEmpty() ? existing(reference) : std::nullopt;
    if (before && (before->id > m_highestIdAtStart || m_updatedLines.contains(before->id))) {
        duplicate(reference, before->id);
        return true;
    }
    Asset asset = before.value_or(Asset());
    asset.reference = reference;
    readFields(asset);
    std::optional<UnitCell> unitCell = has(ImportField::BusinessUnit) ? unit() : std::nullopt;
    std::optional<PersonCell> owner;
    std::optional<PersonCell> manager;
    if (has(ImportField::IaoName) || has(ImportField::IaoEmail))
        owner = person(ImportField::IaoName, ImportField::IaoEmail);
    if (has(ImportField::IamName) || has(ImportField::IamEmail))
        manager = person(ImportField::IamName, ImportField::IamEmail);
    const bool ownerLeft = has(ImportField::IaoStatus)
        && read(ImportField::IaoStatus, &ImportValues::hasLeft, "an IAO status: use Active or Left").value_or(false);
    if (!before && has(ImportField::Created)) {
        asset.created = read(ImportField::Created, &ImportValues::timestamp, "a time: use 2025-01-31T09:30:00Z")
                            .value_or(QDateTime());
    }
    if (!before && has(ImportField::Modified)) {
        asset.modified = read(ImportField::Modified, &ImportValues::timestamp, "a time: use 2025-01-31T09:30:00Z")
                             .value_or(QDateTime());
    }
    if (m_rowHasProblem)
        return true;

    if (unitCell)
        asset.unitId = unitCell->id ? unitCell->id : createdUnit(unitCell->path);
    for (auto [cellOf, role] : {std::pair {&owner, &asset.iaoId}, std::pair {&manager, &asset.iamId}}) {
        if (!*cellOf)
            continue;
        *role = (*cellOf)->toCreate ? std::optional<RecordId>(createdPerson(**cellOf)) : (*cellOf)->id;
    }
    if (!m_writeFailure.isEmpty())
        return false;
    if (ownerLeft && asset.iaoId && !m_leavers.contains(*asset.iaoId))
        m_toMarkLeft.insert(*asset.iaoId);
    if (m_mappedLegacy) {
        ++m_report.legacyMappedCount;
        if (m_report.legacyMapped.size() < ImportReport::kMaxListed) {
            m_report.legacyMapped << QStringLiteral("line %1 (%2): %3 read as %4")
                                         .arg(m_line)
                                         .arg(asset.reference.isEmpty() ? QStringLiteral("new") : asset.reference,
                                              legacyMarkingToText(*m_mappedLegacy),
                                              asset.classification.toText());
        }
    }
    if (before && asset == *before) {
        ++m_report.unchanged;
        m_updatedLines.insert(before->id, m_line);
        return true;
    }
    return write(asset, before);
}

void Importer::duplicate(const QString& reference, RecordId id)
{
    const qint64 earlier
        = id > m_highestIdAtStart ? m_addedLines.at(size_t(id - m_highestIdAtStart - 1)) : m_updatedLines.value(id);
    problemIn(ImportField::Reference, QStringLiteral("reference %1 is also on line %2").arg(reference).arg(earlier));
}

bool Importer::write(Asset& asset, const std::optional<Asset>& before)
{
    const bool adding = !before;
    if (adding && asset.reference.isEmpty())
        asset.reference = QStringLiteral("IA-%1").arg(m_nextReference++, 6, 10, QLatin1Char('0'));
    if (adding && !asset.created.isValid())
        asset.created = m_now;
    if (adding && !asset.modified.isValid())
        asset.modified = asset.created;
    if (!adding)
        asset.modified = m_now;
    if (const QStringList problems = AssetValidator::problems(asset, m_today); !problems.isEmpty()) {
        problem(-1, problems.join(QLatin1Char(' ')));
        return true;
    }
    QSqlQuery& query = adding ? m_insert : m_update;
    AssetRecord::bind(query, asset);
    if (!adding)
        query.addBindValue(asset.id);
    if (query.exec()) {
        if (adding) {
            ++m_report.added;
            m_addedLines.push_back(m_line);
        } else {
            ++m_report.updated;
            m_updatedLines.insert(asset.id, m_line);
        }
        return true;
    }
    if (!adding || !isUniqueViolation(query))
        return failed(query);
    // Two rows of the file share a reference: the first was added, so this one is refused.
    const std::optional<Asset> first = existing(asset.reference);
    if (!first)
        return failed(query);
    duplicate(asset.reference, first->id);
    return true;
}

bool Importer::markLeavers()
{
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("UPDATE people SET has_left = 1 WHERE id = ?"));
    for (RecordId id : std::as_const(m_toMarkLeft)) {
        query.addBindValue(id);
        if (!query.exec())
            return failed(query);
        m_report.peopleMarkedLeft << m_personNames.value(id);
    }
    m_report.peopleMarkedLeft.sort();
    m_report.peopleLeftOut = QStringList(m_peopleLeftOut.cbegin(), m_peopleLeftOut.cend());
    m_report.peopleLeftOut.sort();
    return true;
}

} // namespace

namespace {

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
        if (skipped > 0)
            text += QStringLiteral("Problems in %1, listed below.\n").arg(rowCount(skipped));
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

    OpenedCsv(const QString& path, const std::optional<CsvFormat>& given)
        : file(path)
    {
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
        format = given.value_or(CsvFormat::detect(head));
        reader = std::make_unique<CsvReader>(file, format);
        CsvRecord first;
        if (!reader->next(first)) {
            problem = reader->problem()
                ? ImportProblem {reader->problem()->line, reader->problem()->column, {}, reader->problem()->reason}
                : ImportProblem {1, 1, {}, QStringLiteral("the file is empty: it has no header row")};
            return;
        }
        for (QString cell : first.cells) {
            cell.remove(QChar(0xFEFF));
            header << cell.trimmed();
        }
    }
};

} // namespace

ImportReport CsvImport::run(const QString& path, const ImportOptions& options) const
{
    ImportReport report;
    OpenedCsv csv(path, options.format);
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
    Importer importer(m_register, m_today, options, columns, report);
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
    if (const std::optional<CsvProblem>& problem = csv.reader->problem()) {
        const QString columnName = csv.header.value(problem->column - 1);
        fileProblem({problem->line, problem->column, columnName, problem->reason});
        return stop(ImportOutcome::Refused,
                    QStringLiteral("The file cannot be read past line %1: fix the problem below.").arg(problem->line));
    }
    if (!importer.markLeavers())
        return stop(ImportOutcome::Failed, importer.writeFailure());
    if (m_progress)
        m_progress(total, total);
    if (report.problemCount > 0 && !options.validRowsOnly)
        return stop(ImportOutcome::Refused);
    if (options.dryRun)
        return stop(ImportOutcome::Checked);
    if (!transaction.commit(&error))
        return stop(ImportOutcome::Failed, error);
    return stop(ImportOutcome::Written);
}

CsvImport::Preview CsvImport::preview(const QString& path, const std::optional<CsvFormat>& format, int rows)
{
    OpenedCsv csv(path, format);
    Preview preview {csv.format, csv.header, {}, csv.failure};
    if (csv.problem)
        preview.failure = csv.problem->text();
    if (csv.header.isEmpty())
        return preview;
    CsvRecord record;
    while (preview.rows.size() < rows && csv.reader->next(record))
        preview.rows.append(record.cells);
    if (csv.reader->problem())
        preview.failure = ImportProblem {csv.reader->problem()->line,
                                         csv.reader->problem()->column,
                                         {},
                                         csv.reader->problem()->reason}
                              .text();
    return preview;
}

} // namespace custos
