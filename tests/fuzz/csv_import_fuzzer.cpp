// libFuzzer target for the CSV reader and the column and value mapping of the import: any bytes
// must read as rows or as a problem with a line and column, never crash or overrun.
#include "models/csv/CsvReader.h"
#include "models/csv/ImportColumns.h"
#include "models/csv/ImportValues.h"

#include <QBuffer>
#include <cstdint>
#include <cstdlib>

using namespace custos;

namespace {

void readCell(ImportField field, const QString& text)
{
    switch (field) {
    case ImportField::Classification:
        (void)ImportValues::classification(text);
        break;
    case ImportField::LastReviewed:
    case ImportField::NextReviewDue:
        (void)ImportValues::date(text);
        break;
    case ImportField::Created:
    case ImportField::Modified:
        (void)ImportValues::timestamp(text);
        break;
    case ImportField::ReviewCycle:
        (void)ImportValues::reviewCycle(text);
        break;
    case ImportField::NeedsReview:
        (void)ImportValues::yesNo(text);
        break;
    case ImportField::IaoStatus:
        (void)ImportValues::hasLeft(text);
        break;
    case ImportField::Format:
        (void)ImportValues::format(text);
        break;
    case ImportField::PersonalData:
        (void)ImportValues::personalData(text);
        break;
    case ImportField::Criticality:
        (void)ImportValues::criticality(text);
        break;
    case ImportField::Status:
        (void)ImportValues::status(text);
        break;
    default:
        (void)ImportValues::withoutFormulaGuard(text);
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const CsvFormat format = CsvFormat::detect(bytes.left(1 << 20));
    CsvReader reader(buffer, format);
    CsvRecord record;
    if (!reader.next(record))
        return 0;
    const ImportColumns columns(record.cells);
    qint64 lastLine = record.line;
    while (reader.next(record)) {
        if (record.line < lastLine || record.line < 1)
            std::abort();
        lastLine = record.line;
        for (int column = 0; column < record.cells.size() && column < columns.fields().size(); ++column) {
            if (const std::optional<ImportField> field = columns.fields().at(column))
                readCell(*field, record.cells.at(column));
        }
    }
    if (reader.problem() && (reader.problem()->line < 1 || reader.problem()->column < 1))
        std::abort();
    return 0;
}
