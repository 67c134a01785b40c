#pragma once

#include "models/assets/AssetFilter.h"

#include <QDate>
#include <QStringList>
#include <functional>
#include <optional>

class QIODevice;

namespace custos {

class Register;

// Writes assets as CSV (through CsvWriter: RFC 4180, CRLF, UTF-8) under the fixed header
// of DOMAIN.md, in reference order. A cell that a spreadsheet would run as a formula (starting
// with =, +, -, @, a tab or a carriage return) is written after a single quote, as is one that
// starts with quotes and then one of those, so that import can take exactly one quote off again. Rows are read
// straight from SQLite and written as they come, so a million assets take no more memory than ten.
class CsvExport
{
public:
    // Called every few thousand rows with the number written so far; false cancels the export.
    using Progress = std::function<bool(qint64 written)>;

    CsvExport(Register& reg, const QDate& today = QDate::currentDate());

    // The full export holds every asset, archived and disposed too; a filter selects as the
    // window and custos-cli list do.
    void setFilter(const std::optional<AssetFilter>& filter) { m_filter = filter; }
    // Starts the file with a UTF-8 byte-order mark, which Excel needs to read it as UTF-8.
    void setByteOrderMark(bool bom) { m_byteOrderMark = bom; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // Writes to `out`; returns the number of assets written, or -1 with `error` set.
    qint64 write(QIODevice& out, QString* error = nullptr) const;
    // Writes to a file whole or not at all: a failed or cancelled export leaves no file (and an
    // existing one as it was).
    qint64 writeFile(const QString& path, QString* error = nullptr) const;

    // How many assets the export will hold and the highest classification among them, which
    // the file must be handled at.
    struct Contents
    {
        qint64 assets = 0;
        Classification highest;
    };
    Contents contents() const;

    // The fixed header of DOMAIN.md, the names of kCsvColumns in order.
    static const QStringList& header();

private:
    Register& m_register;
    QDate m_today;
    std::optional<AssetFilter> m_filter;
    bool m_byteOrderMark = false;
    Progress m_progress;
};

} // namespace custos
