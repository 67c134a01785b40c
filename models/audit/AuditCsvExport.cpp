#include "models/audit/AuditCsvExport.h"

#include "models/audit/AuditLog.h"
#include "models/csv/CsvWriter.h"
#include "models/store/SqlValues.h"

#include <QIODevice>
#include <string>

namespace custos {

namespace {
// Entries read and written at a time: the memory a batch takes, whatever the trail's length.
constexpr int kBatch = 2000;
} // namespace

AuditCsvExport::AuditCsvExport(Register& reg, const AuditFilter& filter)
    : m_register(reg)
    , m_filter(filter)
{
}

const QStringList& AuditCsvExport::header()
{
    static const QStringList names {QStringLiteral("When"),
                                    QStringLiteral("Who"),
                                    QStringLiteral("Login"),
                                    QStringLiteral("Action"),
                                    QStringLiteral("Record"),
                                    QStringLiteral("Changes")};
    return names;
}

qint64 AuditCsvExport::write(QIODevice& out, QString* error) const
{
    const AuditLog log(m_register);
    std::string buffer = header().join(QLatin1Char(',')).toStdString() + "\r\n";
    qint64 written = 0;
    std::optional<RecordId> before;
    for (;;) {
        const QList<AuditEntry> entries = log.page(m_filter, before, kBatch);
        for (const AuditEntry& entry : entries) {
            const QStringList cells {entry.at.toUTC().toString(Qt::ISODate),
                                     entry.who(),
                                     entry.actor,
                                     entry.actionText(),
                                     entry.record,
                                     entry.changesText(QStringLiteral("; "))};
            for (const QString& cell : cells) {
                if (&cell != &cells.first())
                    buffer += ',';
                appendCsvCell(buffer, cell, true);
            }
            buffer += "\r\n";
        }
        if (out.write(buffer.data(), qint64(buffer.size())) != qint64(buffer.size())) {
            setError(error, QStringLiteral("Writing the export failed: %1").arg(out.errorString()));
            return -1;
        }
        buffer.clear();
        written += entries.size();
        if (m_progress && !m_progress(written)) {
            setError(error, QStringLiteral("The export was cancelled."));
            return -1;
        }
        if (entries.size() < kBatch)
            return written;
        before = entries.last().id;
    }
}

qint64 AuditCsvExport::writeFile(const QString& path, QString* error) const
{
    return writeCsvFile(
        path, [this](QIODevice& out, QString* writeError) { return write(out, writeError); }, error);
}

} // namespace custos
