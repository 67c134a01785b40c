#pragma once

#include <QString>
#include <QtGlobal>
#include <functional>
#include <string>

class QIODevice;

namespace custos {

// How Custos writes CSV, for every export: RFC 4180 cells in UTF-8, rows ending in CRLF.

// Appends one cell to `line`, quoted where it holds a comma, a quote or a line break. With `guard`,
// a cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
// return, after any quotes) is written after a single quote, which import takes off again.
void appendCsvCell(std::string& line, const char* text, size_t size, bool guard);
void appendCsvCell(std::string& line, const QString& text, bool guard);

// Writes a CSV file whole or not at all, owner-only from its first byte: `write` fills the file and
// returns the number of rows it wrote, or -1 with its error set. A failed or cancelled write leaves
// no file, and an existing one as it was. Returns what `write` returned.
qint64 writeCsvFile(const QString& path, const std::function<qint64(QIODevice&, QString*)>& write, QString* error);

} // namespace custos
