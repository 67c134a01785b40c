#include "models/domain/PrintableText.h"

#include <algorithm>

namespace custos::PrintableText {

namespace {

constexpr char16_t kFirstStrongIsolate = 0x2068;
constexpr char16_t kPopDirectionalIsolate = 0x2069;

QString hex(char16_t c, int digits)
{
    return QString::number(c, 16).rightJustified(digits, QLatin1Char('0'));
}

QString escapeOf(char16_t c)
{
    switch (c) {
    case u'\n':
        return QStringLiteral("\\n");
    case u'\r':
        return QStringLiteral("\\r");
    case u'\t':
        return QStringLiteral("\\t");
    default:
        return c < 0x20 || c == 0x7F ? QStringLiteral("\\x") + hex(c, 2) : QStringLiteral("\\u") + hex(c, 4);
    }
}

// `text` with each character `escape` picks written as `escapeOf` says; `text` itself when there is none.
template <typename Picks, typename Escapes>
QString replaced(const QString& text, Picks escape, Escapes escapeOf)
{
    const auto picked = [&escape](QChar c) { return escape(c.unicode()); };
    auto next = std::find_if(text.cbegin(), text.cend(), picked);
    if (next == text.cend())
        return text;
    QString result;
    result.reserve(text.size() + 16);
    auto start = text.cbegin();
    while (next != text.cend()) {
        result.append(QStringView(start, next));
        result.append(escapeOf(next->unicode()));
        start = next + 1;
        next = std::find_if(start, text.cend(), picked);
    }
    result.append(QStringView(start, text.cend()));
    return result;
}

} // namespace

bool isControl(char16_t c)
{
    if (c >= 0x20 && c < 0x7F)
        return false; // printable ASCII, by far the most text
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F || c == 0x2028
        || c == 0x2029 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

QString escaped(const QString& text)
{
    return replaced(text, isControl, escapeOf);
}

QString isolated(const QString& text)
{
    if (text.isEmpty())
        return text;
    return QChar(kFirstStrongIsolate) + escaped(text) + QChar(kPopDirectionalIsolate);
}

QString escapedJson(const QString& json)
{
    return replaced(
        json, [](char16_t c) { return c >= 0x7F && isControl(c); }, [](char16_t c) { return "\\u" + hex(c, 4); });
}

} // namespace custos::PrintableText
