#pragma once

#include <QString>

// Text from a register made safe to print. Names, descriptions and paths come from people and from
// imported spreadsheets, so they may hold characters a terminal acts on rather than shows (ESC
// starts a sequence that can recolour, retitle or rewrite the screen; a newline splits one record
// over two lines) and bidirectional controls that make a layout show text in another order than it
// is stored ("invoice<RLO>exe.txt" reads as "invoicetxt.exe").
namespace custos::PrintableText {

// Whether `c` is one of those characters: a C0 control (newline, carriage return and tab included),
// DEL, a C1 control, the line or paragraph separator, or a bidirectional mark, embedding, override or
// isolate (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069).
bool isControl(char16_t c);

// `text` with each of those characters written as a visible escape: \n, \r and \t; \x1b for the other
// C0 controls and DEL; \u202e for the rest. Everything else, backslashes included, stays as it is: the
// result is for reading, not for parsing back. Text with nothing to escape comes back without a copy.
QString escaped(const QString& text);

// `text` escaped, then put between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (U+2068, U+2069):
// laid out in the direction of its own first letter, it cannot reorder the text around it, and
// nothing inside it can embed, override or close the isolate. Empty text stays empty.
QString isolated(const QString& text);

// JSON text with each of those characters from DEL up written as a \u escape (QJsonDocument already
// escapes the C0 controls inside strings, and leaves only whitespace outside them): the same JSON to
// a parser, nothing a terminal acts on.
QString escapedJson(const QString& json);

} // namespace custos::PrintableText
