#include "models/verify/AuditReplay.h"

#include "models/store/Schema.h"
#include "models/store/SqliteStatement.h"
#include "models/verify/AuditChanges.h"

#include <cstring>
#include <vector>

namespace custos {

namespace {

const char* const kCheck = "Replay of the audit trail";
constexpr qint64 kProgressEvery = 65536;

// Each audit row of one table in record order, then trail order: the index on (record_table,
// record_id) gives that order without sorting.
const char* const kTrail = R"sql(
SELECT record_id, id, action, changes FROM audit_log WHERE record_table = ?1 ORDER BY record_id, id
)sql";

QString noun(const QString& table)
{
    if (table == QLatin1String("units"))
        return QStringLiteral("Business unit");
    if (table == QLatin1String("people"))
        return QStringLiteral("Person");
    return QStringLiteral("Asset");
}

QString shown(QByteArrayView value)
{
    const QString text = QString::fromUtf8(value);
    return QLatin1Char('"') + (text.size() > 60 ? text.left(57) + QStringLiteral("...") : text) + QLatin1Char('"');
}

// Copies without allocating once `target` has grown to hold such values.
void copyInto(QByteArray& target, QByteArrayView source)
{
    target.resize(source.size());
    if (!source.isEmpty())
        std::memcpy(target.data(), source.data(), std::size_t(source.size()));
}

// One record's fields as its audit rows tell them, in the order of the table's audited columns;
// empty for nothing recorded, as the trail leaves blank fields out.
struct ReplayedRecord
{
    std::vector<QByteArray> fields;
    bool exists = false;

    void clear()
    {
        for (QByteArray& field : fields)
            field.resize(0);
        exists = false;
    }
};

} // namespace

AuditReplay::AuditReplay(sqlite3* db)
    : m_db(db)
{
}

bool AuditReplay::run(VerifyReport& report, const std::function<bool(qint64)>& progress) const
{
    const qsizetype faultsBefore = report.faults.size();
    qint64 rowsRead = 0;
    for (const QString& table : Schema::auditedTables()) {
        if (!replayTable(table, report, &rowsRead, progress))
            return false;
    }
    if (report.faults.size() == faultsBefore) {
        report.passed << QStringLiteral("%1: it gives exactly today's business units, people and assets.")
                             .arg(QString::fromLatin1(kCheck));
    }
    return true;
}

bool AuditReplay::replayTable(const QString& table,
                              VerifyReport& report,
                              qint64* rowsRead,
                              const std::function<bool(qint64)>& progress) const
{
    const QString check = QString::fromLatin1(kCheck);
    const QStringList& columns = Schema::auditedColumns(table);
    std::vector<QByteArray> names;
    for (const QString& column : columns)
        names.push_back(column.toUtf8());
    const int nameColumn
        = int(columns.indexOf(table == QLatin1String("assets") ? QStringLiteral("reference") : QStringLiteral("name")));
    auto columnOf = [&names](QByteArrayView key) {
        for (std::size_t column = 0; column < names.size(); ++column) {
            if (names[column] == key)
                return int(column);
        }
        return -1;
    };
    // The record as a person finds it: its reference or name, and its id.
    auto label = [&](qint64 id, QByteArrayView name) {
        return QStringLiteral("%1 %2(record %3)")
            .arg(noun(table), name.isEmpty() ? QString() : QString::fromUtf8(name) + QLatin1Char(' '))
            .arg(id);
    };

    SqliteStatement trail(m_db, kTrail);
    trail.bind(1, table.toUtf8());
    SqliteStatement records(
        m_db,
        QStringLiteral("SELECT id, %1 FROM %2 ORDER BY id").arg(columns.join(QStringLiteral(", ")), table).toUtf8());
    int faults = 0;
    auto fault = [&](const QString& message) {
        if (faults++ < kMaxFaults)
            report.fault(check, message);
    };
    ReplayedRecord record;
    record.fields.resize(names.size());
    bool trailLeft = trail.next();
    bool recordsLeft = records.next();
    while ((trailLeft || recordsLeft) && faults < kMaxFaults) {
        const qint64 id = trailLeft && recordsLeft ? std::min(trail.integer(0), records.integer(0))
            : trailLeft                            ? trail.integer(0)
                                                   : records.integer(0);
        record.clear();
        while (trailLeft && trail.integer(0) == id) {
            const qint64 auditId = trail.integer(1);
            const QByteArray action = trail.text(2);
            const bool insert = action == "insert";
            if (insert && record.exists)
                fault(QStringLiteral("Audit row %1 adds %2 again.")
                          .arg(auditId)
                          .arg(label(id, record.fields[nameColumn])));
            if (!insert && !record.exists) {
                fault(QStringLiteral("Audit row %1 %2 %3, which the trail before it does not hold.")
                          .arg(auditId)
                          .arg(action == "delete" ? QStringLiteral("deletes") : QStringLiteral("changes"),
                               label(id, {})));
            }
            if (insert)
                record.clear();
            AuditChanges changes(trail.view(3));
            while (changes.next()) {
                const int column = columnOf(changes.field());
                if (column < 0) {
                    fault(QStringLiteral("Audit row %1 records a field %2 that %3 do not have.")
                              .arg(auditId)
                              .arg(shown(changes.field()), table));
                    continue;
                }
                if (!insert && changes.before() != record.fields[column]) {
                    fault(QStringLiteral("Audit row %1 records %2's %3 changing from %4, but the trail before it "
                                         "leaves it %5.")
                              .arg(auditId)
                              .arg(label(id, record.fields[nameColumn]),
                                   columns.at(column),
                                   shown(changes.before()),
                                   shown(record.fields[column])));
                }
                copyInto(record.fields[column], changes.after());
            }
            if (!changes.isValid()) {
                fault(QStringLiteral("Audit row %1's changes are not in the form Custos writes them: %2")
                          .arg(auditId)
                          .arg(shown(trail.view(3))));
            }
            trailLeft = trail.next();
            if (action == "delete")
                record.clear();
            else
                record.exists = true;
            if (++*rowsRead % kProgressEvery == 0 && !progress(*rowsRead))
                return false;
        }
        if (recordsLeft && records.integer(0) == id) {
            if (!record.exists) {
                fault(QStringLiteral("%1 is in the register, but the audit trail never recorded it being added.")
                          .arg(label(id, records.view(nameColumn + 1))));
            } else {
                for (std::size_t column = 0; column < names.size(); ++column) {
                    const QByteArrayView actual = records.view(int(column) + 1);
                    if (actual != record.fields[column]) {
                        fault(QStringLiteral("%1: %2 is %3 in the register, but the audit trail gives %4.")
                                  .arg(label(id, records.view(nameColumn + 1)),
                                       columns.at(column),
                                       shown(actual),
                                       shown(record.fields[column])));
                        break;
                    }
                }
            }
            recordsLeft = records.next();
        } else if (record.exists) {
            fault(QStringLiteral("%1 is in the audit trail, but not in the register: it was removed without a "
                                 "trace.")
                      .arg(label(id, record.fields[nameColumn])));
        }
    }
    if (faults >= kMaxFaults)
        report.fault(check,
                     QStringLiteral("The replay of %1 stopped after %2 differences.").arg(table).arg(kMaxFaults));
    for (const SqliteStatement* statement : {&trail, &records}) {
        if (!statement->error().isEmpty())
            report.fault(check, QStringLiteral("The %1 could not be read: %2").arg(table, statement->error()));
    }
    return true;
}

} // namespace custos
