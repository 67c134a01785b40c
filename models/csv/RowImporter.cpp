#include "models/csv/RowImporter.h"

#include "models/assets/AssetRecord.h"
#include "models/assets/AssetStore.h"
#include "models/csv/ImportValues.h"
#include "models/domain/AssetValidator.h"
#include "models/people/PersonStore.h"
#include "models/store/Register.h"
#include "models/store/SqlValues.h"
#include "models/units/UnitStore.h"

#include <QSqlError>

namespace custos {

namespace {

constexpr int kImportCacheSize = -65536; // KiB

QString unitKey(const QStringList& path)
{
    return path.join(UnitTree::kPathSeparator).toLower();
}

} // namespace

RowImporter::~RowImporter()
{
    // The connection goes back to its own page cache.
    QSqlQuery(m_register.database()).exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_cacheSizeBefore));
}

QString RowImporter::cell(ImportField field) const
{
    const int column = m_columns.columnOf(field);
    return column < 0 ? QString() : ImportValues::withoutFormulaGuard(m_cells->at(column));
}

void RowImporter::problem(int column, const QString& reason)
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
RowImporter::read(ImportField field, std::optional<Value> (*parse)(const QString&), const char* expected)
{
    const QString text = cell(field);
    std::optional<Value> value = parse(text);
    if (!value)
        problemIn(field, QStringLiteral("\"%1\" is not %2").arg(text, QLatin1String(expected)));
    return value;
}

void RowImporter::prepare()
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
    m_nextReference = AssetStore(m_register).nextReferenceNumber();
    for (const Person& person : PersonStore(m_register).all()) {
        if (!person.email.isEmpty())
            m_peopleByEmail.insert(person.email.toLower(), person.id);
        m_peopleByName[person.name].append(person.id);
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

std::optional<Asset> RowImporter::existing(const QString& reference)
{
    m_select.addBindValue(reference);
    if (!m_select.exec() || !m_select.next())
        return std::nullopt;
    Asset asset = AssetRecord::read(m_select);
    m_select.finish();
    return asset;
}

std::optional<PersonCell> RowImporter::person(ImportField nameField, ImportField emailField)
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

std::optional<UnitCell> RowImporter::unit()
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

RecordId RowImporter::createdPerson(PersonCell& cell)
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
    m_report.createdPeople << (cell.email.isEmpty() ? cell.name : QStringLiteral("%1 <%2>").arg(cell.name, cell.email));
    return id;
}

RecordId RowImporter::createdUnit(const QStringList& path)
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

bool RowImporter::failed(const QSqlQuery& query)
{
    if (m_writeFailure.isEmpty())
        m_writeFailure = QStringLiteral("%1 refused a write: %2").arg(m_register.path(), query.lastError().text());
    return false;
}

void RowImporter::readClassification(Asset& asset)
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

void RowImporter::readFields(Asset& asset)
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

bool RowImporter::importRow(const CsvRecord& record)
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

void RowImporter::duplicate(const QString& reference, RecordId id)
{
    const qint64 earlier
        = id > m_highestIdAtStart ? m_addedLines.at(size_t(id - m_highestIdAtStart - 1)) : m_updatedLines.value(id);
    problemIn(ImportField::Reference, QStringLiteral("reference %1 is also on line %2").arg(reference).arg(earlier));
}

bool RowImporter::write(Asset& asset, const std::optional<Asset>& before)
{
    const bool adding = !before;
    if (adding && asset.reference.isEmpty())
        asset.reference = AssetStore::referenceFor(m_nextReference++);
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

bool RowImporter::markLeavers()
{
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("UPDATE people SET has_left = 1 WHERE id = ?"));
    for (RecordId id : std::as_const(m_toMarkLeft)) {
        query.addBindValue(id);
        if (!query.exec())
            return failed(query);
        m_report.peopleMarkedLeft << PersonStore(m_register).get(id).value_or(Person()).name;
    }
    m_report.peopleMarkedLeft.sort();
    m_report.peopleLeftOut = QStringList(m_peopleLeftOut.cbegin(), m_peopleLeftOut.cend());
    m_report.peopleLeftOut.sort();
    return true;
}

} // namespace custos
