#pragma once

#include "models/csv/ImportOptions.h"
#include "models/csv/ImportReport.h"

#include <QDate>
#include <QStringList>
#include <functional>
#include <optional>

namespace custos {

class Register;

// Imports a CSV register, as exported by Custos or kept in a spreadsheet, in one transaction: the
// rows are matched to assets by reference (updated, or added when new; a row without a reference
// gets a new one), units and people are found or created, and the audit trail records every
// change. Any problem in any row writes nothing, unless only the valid rows are to be imported.
// The file is read once, a row at a time, so its size does not matter to memory. An import keeps a
// backup of the register as it found it among the register's automatic backups; a dry run imports
// into a private snapshot of the register instead, so it never holds the register's write lock.
class CsvImport
{
public:
    // Called every few thousand rows; false cancels the import, which then writes nothing.
    using Progress = std::function<bool(qint64 bytesRead, qint64 bytesTotal)>;

    explicit CsvImport(Register& reg, const QDate& today = QDate::currentDate());
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    ImportReport run(const QString& path, const ImportOptions& options) const;

    // The start of a file for the wizard: its format, header and first rows.
    struct Preview
    {
        CsvFormat format;
        QStringList header;
        QList<QStringList> rows;
        QString failure;
    };
    // The encoding and delimiter come from `options` where given.
    static Preview preview(const QString& path, const ImportOptions& options, int rows = 20);

private:
    Register& m_register;
    QDate m_today;
    Progress m_progress;
};

} // namespace custos
