#pragma once

#include <QByteArray>
#include <QString>

namespace custos {

// How a CSV file is written: its character encoding, whether it starts with a UTF-8 byte-order
// mark, and the character between cells. Excel writes UTF-8 (with a mark) or Windows-1252, and
// uses a semicolon where the comma is the decimal separator.
struct CsvFormat
{
    enum class Encoding { Utf8, Windows1252 };

    Encoding encoding = Encoding::Utf8;
    bool byteOrderMark = false;
    char delimiter = ',';

    // Reads the format from the start of a file: the mark, whether the bytes are valid UTF-8 (else
    // Windows-1252), and which of comma, semicolon and tab the first line uses most outside quotes.
    static CsvFormat detect(const QByteArray& head);

    static QString encodingName(Encoding encoding);
    static QString delimiterName(char delimiter);

    bool operator==(const CsvFormat&) const = default;
};

// Windows-1252 text to Unicode: Latin-1 except for the printable characters Microsoft put at
// 0x80 to 0x9F (curly quotes, dashes, the euro sign).
QString fromWindows1252(const char* bytes, qsizetype size);

} // namespace custos
