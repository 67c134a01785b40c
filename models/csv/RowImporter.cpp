#include "models/csv/RowImporter.h"

#include "models/assets/AssetRecord.h"
#include "models/assets/AssetStore.h"
#include "models/csv/ImportValues.h"
#include "models/domain/AssetValidator.h"
#include "models/store/Register.h"
#include "models/store/SqlValues.h"

#include <QSqlError>

namespace custos {

RowImporter::RowImporter(Register& reg,
                         const WriteTransaction& transaction,
                         const QDate& today,
                         const ImportOptions& options,
                         const ImportColumns& columns,
                         ImportReport& report)
    : m_register(reg)
    , m_today(today)
    , m_columns(columns)
    , m_report(report)
    , m_now(nowUtc())
    , m_people(reg, transaction, options.createUnknownPeople, report)
    , m_units(reg, transaction, report)
{
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

bool RowImporter::prepare()
{
    QSqlDatabase db = m_register.database();
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT count(*), coalesce(max(id), 0) FROM assets")) && query.next()) {
        m_assetsAtStart = query.value(0).toLongLong();
        m_highestIdAtStart = query.value(1).toLongLong();
    }
    m_nextReference = AssetStore(m_register).nextReferenceNumber();
    if (!m_people.load(&m_failure) || !m_units.load(&m_failure))
        return false;
    m_select = QSqlQuery(db);
    m_select.prepare(AssetRecord::selectSql() + QStringLiteral(" WHERE a.reference = ?"));
    m_insert = QSqlQuery(db);
    m_insert.prepare(AssetRecord::insertSql());
    m_update = QSqlQuery(db);
    m_update.prepare(AssetRecord::updateSql());
    return true;
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
    PersonCell found = m_people.find(cell(nameField), cell(emailField));
    if (found.problem.isEmpty())
        return found;
    problemIn(found.problemInEmail ? emailField : nameField, found.problem);
    return std::nullopt;
}

std::optional<UnitCell> RowImporter::unit()
{
    UnitCell found = m_units.find(cell(ImportField::BusinessUnit));
    if (!found.path.isEmpty())
        return found;
    problemIn(ImportField::BusinessUnit, QStringLiteral("the business unit is empty: every asset needs one"));
    return std::nullopt;
}

bool RowImporter::fillUnitAndPeople(Asset& asset,
                                    const std::optional<UnitCell>& unitCell,
                                    const std::optional<PersonCell>& owner,
                                    const std::optional<PersonCell>& manager)
{
    if (unitCell) {
        const std::optional<RecordId> id
            = unitCell->id ? std::optional<RecordId>(unitCell->id) : m_units.add(unitCell->path, &m_failure);
        if (!id)
            return false;
        asset.unitId = *id;
    }
    for (auto [cellOf, role] : {std::pair {&owner, &asset.iaoId}, std::pair {&manager, &asset.iamId}}) {
        if (!*cellOf)
            continue;
        *role = (*cellOf)->toAdd ? m_people.add(**cellOf, &m_failure) : (*cellOf)->id;
        if ((*cellOf)->toAdd && !*role)
            return false;
    }
    return true;
}

bool RowImporter::failed(const QSqlQuery& query)
{
    if (m_failure.isEmpty())
        m_failure = QStringLiteral("%1 refused a write: %2").arg(m_register.path(), query.lastError().text());
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

    if (!fillUnitAndPeople(asset, unitCell, owner, manager))
        return false;
    if (ownerLeft && asset.iaoId)
        m_people.hasLeft(*asset.iaoId);
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

bool RowImporter::finish()
{
    return m_people.finish(&m_failure);
}

} // namespace custos
