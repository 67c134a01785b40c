#include "models/csv/CsvReader.h"

#include <QIODevice>
#include <QStringDecoder>
#include <cstring>

namespace custos {

namespace {

constexpr qint64 kBlockBytes = 1 << 16;

int noSpaces(unsigned char)
{
    return 0;
}

bool isAscii(const char* bytes, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i) {
        if (static_cast<unsigned char>(bytes[i]) >= 0x80)
            return false;
    }
    return true;
}

} // namespace

CsvReader::CsvReader(QIODevice& in, const CsvFormat& format)
    : m_in(in)
    , m_format(format)
{
    csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI);
    csv_set_delim(&m_parser, static_cast<unsigned char>(format.delimiter));
    // libcsv would trim spaces and tabs around unquoted cells; a register keeps them.
    csv_set_space_func(&m_parser, noSpaces);
    if (format.byteOrderMark && m_in.peek(3) == QByteArray("\xEF\xBB\xBF"))
        m_bytesRead = m_in.read(3).size();
}

CsvReader::~CsvReader()
{
    csv_free(&m_parser);
}

void CsvReader::fail(qint64 line, const QString& reason)
{
    if (!m_problem)
        m_problem = CsvProblem {line, int(m_cells.size()) + 1, reason};
}

void CsvReader::onCell(void* bytes, size_t size, void* reader)
{
    static_cast<CsvReader*>(reader)->addCell(static_cast<const char*>(bytes), qsizetype(size));
}

void CsvReader::onRowEnd(int, void* reader)
{
    auto* self = static_cast<CsvReader*>(reader);
    if (self->m_problem)
        return;
    const bool blank = std::all_of(
        self->m_cells.cbegin(), self->m_cells.cend(), [](const QString& cell) { return cell.trimmed().isEmpty(); });
    if (!blank)
        self->m_rows.push_back({self->m_rowLine, std::move(self->m_cells)});
    self->m_cells = QStringList();
    self->m_rowLine = 0;
}

void CsvReader::addCell(const char* bytes, qsizetype size)
{
    if (m_problem)
        return;
    const qint64 line = m_rowLine ? m_rowLine : m_linesDone + 1;
    if (m_rowLine == 0)
        m_rowLine = line;
    if (std::memchr(bytes, 0, size_t(size))) {
        fail(line, QStringLiteral("the cell holds a NUL byte, which a CSV file never has: save the sheet as CSV"));
        return;
    }
    if (size > kMaxCellBytes) {
        fail(line, QStringLiteral("the cell is longer than 1 MiB: is a closing quote missing?"));
        return;
    }
    if (m_format.encoding == CsvFormat::Encoding::Windows1252) {
        m_cells.append(fromWindows1252(bytes, size));
        return;
    }
    if (isAscii(bytes, size)) {
        m_cells.append(QString::fromLatin1(bytes, size));
        return;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(QByteArrayView(bytes, size));
    if (decoder.hasError()) {
        fail(line,
             QStringLiteral("the cell is not UTF-8 text, though the start of the file is: import the file "
                            "as Windows-1252, or save it from the spreadsheet as \"CSV UTF-8\""));
        return;
    }
    m_cells.append(std::move(text));
}

// Parses one stretch of bytes that holds at most one line break, at its end, so that every cell
// and row libcsv reports during the call belongs to the current line.
bool CsvReader::parse(const char* bytes, qsizetype size)
{
    const auto parsed = qsizetype(csv_parse(&m_parser, bytes, size_t(size), onCell, onRowEnd, this));
    if (m_problem)
        return false;
    if (parsed != size) {
        fail(m_linesDone + 1,
             QStringLiteral("a quote is out of place: quote the whole cell and double any quote inside it"));
        return false;
    }
    if (qsizetype(m_parser.entry_pos) > kMaxCellBytes) {
        fail(m_rowLine ? m_rowLine : m_linesDone + 1,
             QStringLiteral("the cell is longer than 1 MiB: is a closing quote missing?"));
        return false;
    }
    if (m_rowLine == 0 && m_parser.entry_pos > 0)
        m_rowLine = m_linesDone + 1;
    if (size > 0 && bytes[size - 1] == '\n')
        ++m_linesDone;
    return true;
}

bool CsvReader::readBlock()
{
    m_block.resize(kBlockBytes);
    const qint64 got = m_in.read(m_block.data(), kBlockBytes);
    if (got < 0) {
        fail(m_linesDone + 1, QStringLiteral("the file could not be read: %1").arg(m_in.errorString()));
        return false;
    }
    m_bytesRead += got;
    const char* start = m_block.constData();
    const char* end = start + got;
    while (start < end) {
        const auto* lineEnd = static_cast<const char*>(std::memchr(start, '\n', size_t(end - start)));
        const char* stop = lineEnd ? lineEnd + 1 : end;
        if (!parse(start, stop - start))
            return false;
        start = stop;
    }
    if (got == 0) {
        m_atEnd = true;
        if (csv_fini(&m_parser, onCell, onRowEnd, this) != 0 && !m_problem) {
            fail(m_rowLine ? m_rowLine : m_linesDone + 1,
                 QStringLiteral("a quoted cell starts here and is never closed: add the closing quote"));
        }
        return !m_problem;
    }
    return true;
}

bool CsvReader::next(CsvRecord& record)
{
    while (m_rows.empty() && !m_atEnd && !m_problem) {
        if (!readBlock())
            break;
    }
    // Rows before a problem are read; the problem is reported after them.
    if (m_rows.empty())
        return false;
    record = std::move(m_rows.front());
    m_rows.pop_front();
    return true;
}

} // namespace custos
