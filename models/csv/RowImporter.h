#pragma once

#include "models/csv/CsvReader.h"
#include "models/csv/ImportColumns.h"
#include "models/csv/ImportOptions.h"
#include "models/csv/ImportReport.h"
#include "models/domain/Asset.h"
#include "models/store/SqlValues.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <vector>

namespace custos {

class Register;

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

// Reads the rows of an import into the register inside the caller's write transaction, one at a
// time: finds or adds units and people, matches assets by reference, and counts and reports into
// the ImportReport. The caller commits or not.
class RowImporter
{
public:
    RowImporter(Register& reg,
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

    ~RowImporter();

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
    int m_cacheSizeBefore = -2000;
};

} // namespace custos
