#pragma once

#include "models/audit/AuditFilter.h"

#include <QStringList>
#include <functional>

class QIODevice;

namespace custos {

class Register;

// Writes the audit trail's entries that a filter selects as CSV, newest first, through the cell
// writer of every Custos export (CsvWriter: RFC 4180, UTF-8, CRLF, formula-guarded cells). One row
// per entry: when (ISO 8601 UTC), who (the person's name, else the login), the login, what was
// done, the record and every field the entry records.
class AuditCsvExport
{
public:
    // Called every batch of rows with the number written so far; false cancels the export.
    using Progress = std::function<bool(qint64 written)>;

    AuditCsvExport(Register& reg, const AuditFilter& filter);

    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // Writes to `out`; returns the number of entries written, or -1 with `error` set.
    qint64 write(QIODevice& out, QString* error = nullptr) const;
    // Writes to a file whole or not at all.
    qint64 writeFile(const QString& path, QString* error = nullptr) const;

    static const QStringList& header();

private:
    Register& m_register;
    AuditFilter m_filter;
    Progress m_progress;
};

} // namespace custos
