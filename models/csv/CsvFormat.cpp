#include "models/csv/CsvFormat.h"

#include <QStringDecoder>
#include <array>

namespace custos {

namespace {

// Bytes 0x80 to 0x9F of Windows-1252; the five it leaves undefined keep their Latin-1 code.
constexpr std::array<char16_t, 32> kHighControls {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

const QByteArray kByteOrderMark("\xEF\xBB\xBF");

// Whether `bytes` are UTF-8, allowing the last character to be cut off by the end of the sample.
bool isUtf8(const QByteArray& bytes)
{
    qsizetype end = bytes.size();
    // Step back over a character the sample may have cut in two.
    for (qsizetype back = 1; back <= 3 && back <= end; ++back) {
        const auto byte = static_cast<unsigned char>(bytes.at(end - back));
        if ((byte & 0xC0) == 0xC0) {
            end -= back;
            break;
        }
        if ((byte & 0x80) == 0)
            break;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    (void)decoder(QByteArrayView(bytes.constData(), end)).operator QString();
    return !decoder.hasError();
}

char mostUsedDelimiter(const QByteArray& head)
{
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    bool quoted = false;
    for (char c : head) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++commas;
        else if (!quoted && c == ';')
            ++semicolons;
        else if (!quoted && c == '\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return ';';
    if (tabs > commas && tabs > semicolons)
        return '\t';
    return ',';
}

} // namespace

CsvFormat CsvFormat::detect(const QByteArray& head)
{
    CsvFormat format;
    format.byteOrderMark = head.startsWith(kByteOrderMark);
    const QByteArray body = format.byteOrderMark ? head.mid(kByteOrderMark.size()) : head;
    format.encoding = format.byteOrderMark || isUtf8(body) ? Encoding::Utf8 : Encoding::Windows1252;
    format.delimiter = mostUsedDelimiter(body);
    return format;
}

QString CsvFormat::encodingName(Encoding encoding)
{
    return encoding == Encoding::Utf8 ? QStringLiteral("UTF-8") : QStringLiteral("Windows-1252");
}

QString CsvFormat::delimiterName(char delimiter)
{
    switch (delimiter) {
    case ',':
        return QStringLiteral("comma");
    case ';':
        return QStringLiteral("semicolon");
    case '\t':
        return QStringLiteral("tab");
    default:
        return QStringLiteral("\"%1\"").arg(QLatin1Char(delimiter));
    }
}

QString fromWindows1252(const char* bytes, qsizetype size)
{
    QString text(size, Qt::Uninitialized);
    QChar* out = text.data();
    for (qsizetype i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        out[i] = byte >= 0x80 && byte < 0xA0 ? QChar(kHighControls[byte - 0x80]) : QChar(byte);
    }
    return text;
}

} // namespace custos
