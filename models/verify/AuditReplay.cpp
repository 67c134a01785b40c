#include "models/verify/AuditReplay.h"

#include "models/store/Schema.h"
#include "models/store/SqliteStatement.h"

#include <QHash>

namespace custos {

namespace {

const char* const kCheck = "Replay of the audit trail";
constexpr qint64 kProgressEvery = 65536;

// Each audit row of one table, one recorded field a line, in record order then trail order: the
// index on (record_table, record_id) gives that order without sorting.
const char* const kTrail = R"sql(
SELECT a.record_id, a.id, a.action, j.key, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]')
FROM audit_log AS a LEFT JOIN json_each(a.changes) AS j
WHERE a.record_table = ?1 ORDER BY a.record_id, a.id
)sql";

// A record's fields as text, empty for nothing recorded: the trail leaves blank fields out.
using Fields = QHash<QByteArray, QByteArray>;

QString noun(const QString& table)
{
    if (table == QLatin1String("units"))
        return QStringLiteral("Business unit");
    if (table == QLatin1String("people"))
        return QStringLiteral("Person");
    return QStringLiteral("Asset");
}

QString shown(const QByteArray& value)
{
    const QString text = QString::fromUtf8(value);
    return QLatin1Char('"') + (text.size() > 60 ? text.left(57) + QStringLiteral("...") : text) + QLatin1Char('"');
}

// The record as a person finds it: its reference or name, and its id.
QString label(const QString& table, qint64 id, const Fields& fields)
{
    const QByteArray name = fields.value(table == QLatin1String("assets") ? "reference" : "name");
    return QStringLiteral("%1 %2(record %3)")
        .arg(noun(table), name.isEmpty() ? QString() : QString::fromUtf8(name) + QLatin1Char(' '))
        .arg(id);
}

// One record's history as its audit rows tell it.
struct ReplayedRecord
{
    Fields fields;
    bool exists = false;
};

struct AuditChange
{
    QByteArray before;
    QByteArray after;
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
    bool trailLeft = trail.next();
    bool recordsLeft = records.next();
    while ((trailLeft || recordsLeft) && faults < kMaxFaults) {
        const qint64 id = trailLeft && recordsLeft ? std::min(trail.integer(0), records.integer(0))
            : trailLeft                            ? trail.integer(0)
                                                   : records.integer(0);
        ReplayedRecord record;
        while (trailLeft && trail.integer(0) == id) {
            const qint64 auditId = trail.integer(1);
            const QByteArray action = trail.text(2);
            QHash<QByteArray, AuditChange> changes;
            while (trailLeft && trail.integer(1) == auditId) {
                if (!trail.isNull(3))
                    changes.insert(trail.text(3), {trail.text(4), trail.text(5)});
                trailLeft = trail.next();
            }
            if (action == "insert") {
                if (record.exists)
                    fault(QStringLiteral("Audit row %1 adds %2 again.")
                              .arg(auditId)
                              .arg(label(table, id, record.fields)));
                record = {{}, true};
                for (auto change = changes.cbegin(); change != changes.cend(); ++change)
                    record.fields.insert(change.key(), change->after);
            } else if (action == "update") {
                if (!record.exists) {
                    fault(QStringLiteral("Audit row %1 changes %2, which the trail before it does not hold.")
                              .arg(auditId)
                              .arg(label(table, id, record.fields)));
                }
                record.exists = true;
                for (auto change = changes.cbegin(); change != changes.cend(); ++change) {
                    const QByteArray held = record.fields.value(change.key());
                    if (held != change->before) {
                        fault(QStringLiteral("Audit row %1 records %2's %3 changing from %4, but the trail before "
                                             "it leaves it %5.")
                                  .arg(auditId)
                                  .arg(label(table, id, record.fields),
                                       QString::fromUtf8(change.key()),
                                       shown(change->before),
                                       shown(held)));
                    }
                    record.fields.insert(change.key(), change->after);
                }
            } else if (action == "delete") {
                if (!record.exists) {
                    fault(QStringLiteral("Audit row %1 deletes %2, which the trail before it does not hold.")
                              .arg(auditId)
                              .arg(label(table, id, record.fields)));
                }
                record = {};
            }
            if (++*rowsRead % kProgressEvery == 0 && !progress(*rowsRead))
                return false;
        }
        if (recordsLeft && records.integer(0) == id) {
            Fields actual;
            for (int column = 0; column < columns.size(); ++column)
                actual.insert(columns.at(column).toUtf8(), records.text(column + 1));
            if (!record.exists) {
                fault(QStringLiteral("%1 is in the register, but the audit trail never recorded it being added.")
                          .arg(label(table, id, actual)));
            } else {
                for (const QString& column : columns) {
                    const QByteArray name = column.toUtf8();
                    if (actual.value(name) != record.fields.value(name)) {
                        fault(QStringLiteral("%1: %2 is %3 in the register, but the audit trail gives %4.")
                                  .arg(label(table, id, actual),
                                       column,
                                       shown(actual.value(name)),
                                       shown(record.fields.value(name))));
                        break;
                    }
                }
            }
            recordsLeft = records.next();
        } else if (record.exists) {
            fault(QStringLiteral("%1 is in the audit trail, but not in the register: it was removed without a "
                                 "trace.")
                      .arg(label(table, id, record.fields)));
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
