#include "models/verify/AuditChanges.h"

namespace custos {

namespace {

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray& out, char32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

} // namespace

AuditChanges::AuditChanges(QByteArrayView json)
    : m_json(json)
{
}

bool AuditChanges::expect(char c)
{
    if (m_at < m_json.size() && m_json[m_at] == c) {
        ++m_at;
        return true;
    }
    m_valid = false;
    return false;
}

bool AuditChanges::next()
{
    if (!m_valid)
        return false;
    if (!m_started) {
        m_started = true;
        if (!expect('{'))
            return false;
        if (m_at < m_json.size() && m_json[m_at] == '}') {
            ++m_at;
            m_valid = m_at == m_json.size();
            return false;
        }
    } else if (m_at < m_json.size() && m_json[m_at] == '}') {
        ++m_at;
        m_valid = m_at == m_json.size();
        return false;
    } else if (!expect(',')) {
        return false;
    }
    return string(&m_field, m_fieldBuffer) && expect(':') && expect('[') && value(&m_before, m_beforeBuffer)
        && expect(',') && value(&m_after, m_afterBuffer) && expect(']');
}

bool AuditChanges::value(QByteArrayView* out, QByteArray& buffer)
{
    if (m_at < m_json.size() && m_json[m_at] == '"')
        return string(out, buffer);
    const qsizetype start = m_at;
    while (m_at < m_json.size() && m_json[m_at] != ',' && m_json[m_at] != ']')
        ++m_at;
    const QByteArrayView literal = m_json.sliced(start, m_at - start);
    if (literal == "null") {
        *out = {};
        return true;
    }
    // A number: digits, sign, point and exponent only.
    if (literal.isEmpty()) {
        m_valid = false;
        return false;
    }
    for (const char c : literal) {
        if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
            m_valid = false;
            return false;
        }
    }
    *out = literal;
    return true;
}

bool AuditChanges::string(QByteArrayView* out, QByteArray& buffer)
{
    if (!expect('"'))
        return false;
    const qsizetype start = m_at;
    while (m_at < m_json.size() && m_json[m_at] != '"' && m_json[m_at] != '\\')
        ++m_at;
    if (m_at < m_json.size() && m_json[m_at] == '"') {
        *out = m_json.sliced(start, m_at - start);
        ++m_at;
        return true;
    }
    // Escapes: unescape into the buffer.
    buffer.resize(0);
    buffer.append(m_json.sliced(start, m_at - start));
    while (m_at < m_json.size() && m_json[m_at] != '"') {
        const char c = m_json[m_at++];
        if (c != '\\') {
            buffer += c;
            continue;
        }
        if (m_at >= m_json.size())
            break;
        const char escaped = m_json[m_at++];
        switch (escaped) {
        case '"':
        case '\\':
        case '/':
            buffer += escaped;
            break;
        case 'b':
            buffer += '\b';
            break;
        case 'f':
            buffer += '\f';
            break;
        case 'n':
            buffer += '\n';
            break;
        case 'r':
            buffer += '\r';
            break;
        case 't':
            buffer += '\t';
            break;
        case 'u': {
            auto readUnit = [this](char32_t* unit) {
                if (m_at + 4 > m_json.size())
                    return false;
                *unit = 0;
                for (int digit = 0; digit < 4; ++digit) {
                    const int value = hexDigit(m_json[m_at++]);
                    if (value < 0)
                        return false;
                    *unit = (*unit << 4) | char32_t(value);
                }
                return true;
            };
            char32_t code = 0;
            if (!readUnit(&code)) {
                m_valid = false;
                return false;
            }
            if (code >= 0xD800 && code < 0xDC00 && m_at + 1 < m_json.size() && m_json[m_at] == '\\'
                && m_json[m_at + 1] == 'u') {
                m_at += 2;
                char32_t low = 0;
                if (!readUnit(&low)) {
                    m_valid = false;
                    return false;
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(buffer, code);
            break;
        }
        default:
            m_valid = false;
            return false;
        }
    }
    if (!expect('"'))
        return false;
    *out = buffer;
    return true;
}

} // namespace custos
