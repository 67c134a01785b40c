#pragma once

#include "models/csv/CsvReader.h"
#include "models/csv/ImportColumns.h"
#include "models/csv/ImportOptions.h"
#include "models/csv/ImportPeople.h"
#include "models/csv/ImportReport.h"
#include "models/csv/ImportUnits.h"
#include "models/domain/Asset.h"
#include "models/store/SqlValues.h"

#include <QHash>
#include <QSqlQuery>
#include <vector>

namespace custos {

class Register;
class WriteTransaction;

// Reads the rows of an import into the register inside the caller's write transaction, one at a
// time: reads each row's fields, finds or adds its unit and people (through ImportUnits and
// ImportPeople), matches assets by reference, and counts and reports into the ImportReport. The
// caller commits or not.
class RowImporter
{
public:
    RowImporter(Register& reg,
                const WriteTransaction& transaction,
                const QDate& today,
                const ImportOptions& options,
                const ImportColumns& columns,
                ImportReport& report);

    // False when the register cannot be read, which ends the import.
    bool prepare();
    // False when the register refused a write, which ends the import.
    bool importRow(const CsvRecord& record);
    // Marks the leavers and completes the report; false when the register refused a write.
    bool finish();
    // Why prepare(), importRow() or finish() returned false.
    QString failure() const { return m_failure; }

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
    bool fillUnitAndPeople(Asset& asset,
                           const std::optional<UnitCell>& unitCell,
                           const std::optional<PersonCell>& owner,
                           const std::optional<PersonCell>& manager);
    bool write(Asset& asset, const std::optional<Asset>& before);
    void duplicate(const QString& reference, RecordId id);
    bool failed(const QSqlQuery& query);

    Register& m_register;
    QDate m_today;
    const ImportColumns& m_columns;
    ImportReport& m_report;
    QDateTime m_now;
    ImportPeople m_people;
    ImportUnits m_units;

    const QStringList* m_cells = nullptr;
    qint64 m_line = 0;
    bool m_rowHasProblem = false;
    std::optional<LegacyMarking> m_mappedLegacy;

    qint64 m_assetsAtStart = 0;
    RecordId m_highestIdAtStart = 0;
    qint64 m_nextReference = 1;
    // The line of each asset this import added, by id, to name the first of two rows that share a reference.
    std::vector<qint64> m_addedLines;
    QHash<RecordId, qint64> m_updatedLines;
    QSqlQuery m_select;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QString m_failure;
};

} // namespace custos
