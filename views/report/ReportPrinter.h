#pragma once

#include "models/coverage/ReportContents.h"

#include <QString>

class QPagedPaintDevice;

namespace custos {

// Lays an SRO's coverage report out on A4: a title page (register, date, scope), the coverage
// summary, the table by business unit, the dashboard's charts, then the unowned, unclassified and overdue assets. Every
// page carries the report's protective marking, centred in capitals, as its first and last line
// (none when plain OFFICIAL is the highest), with "Page N of M" inside the bottom one. The PDF and
// the printed copy are the same layout.
class ReportPrinter
{
public:
    // Paints the report on `device` (a PDF writer or a printer); returns the number of pages.
    static int print(const ReportContents& contents, QPagedPaintDevice& device);
    // Writes the report to a PDF file whole or not at all; the number of pages, or 0 with `error` set.
    static int writePdf(const ReportContents& contents, const QString& path, QString* error = nullptr);
};

} // namespace custos
