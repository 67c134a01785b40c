#pragma once

#include "models/csv/CsvFormat.h"

#include <QStringList>
#include <csv.h>
#include <deque>
#include <optional>

class QIODevice;

namespace custos {

// One row of a CSV file and the line it starts on (a quoted cell may run over several lines).
struct CsvRecord
{
    qint64 line = 0;
    QStringList cells;
};

// Why a file cannot be read as CSV, and where: line and column count from 1.
struct CsvProblem
{
    qint64 line = 0;
    int column = 0;
    QString reason;
};

// Reads CSV records one at a time with libcsv (RFC 4180: quoted cells with delimiters, doubled
// quotes and line breaks; CRLF or LF), decoding cells from the file's encoding. Cells keep their
// spaces. Rows with no text in any cell (blank lines, Excel's ",,,," rows) are skipped. Memory
// stays at one block of the file and one row, however large the file.
class CsvReader
{
public:
    // A longer cell is refused: it is almost always a quote that was never closed.
    static constexpr qsizetype kMaxCellBytes = 1 << 20;

    CsvReader(QIODevice& in, const CsvFormat& format);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    // The next row; false at the end of the file or at a problem, which problem() then gives.
    bool next(CsvRecord& record);
    const std::optional<CsvProblem>& problem() const { return m_problem; }
    // How far into the file the reader is, for progress.
    qint64 bytesRead() const { return m_bytesRead; }

private:
    static void onCell(void* bytes, size_t size, void* reader);
    static void onRowEnd(int terminator, void* reader);
    void addCell(const char* bytes, qsizetype size);
    bool readBlock();
    bool parse(const char* bytes, qsizetype size);
    void fail(qint64 line, const QString& reason);

    QIODevice& m_in;
    CsvFormat m_format;
    csv_parser m_parser {};
    QByteArray m_block;
    qint64 m_bytesRead = 0;
    qint64 m_linesDone = 0; // line breaks parsed so far
    qint64 m_rowLine = 0; // where the row being read starts; 0 between rows
    QStringList m_cells;
    std::deque<CsvRecord> m_rows;
    std::optional<CsvProblem> m_problem;
    bool m_atEnd = false;
};

} // namespace custos
