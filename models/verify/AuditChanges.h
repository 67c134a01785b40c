#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace custos {

// Reads an audit row's changes, {"field":[old,new],...} as the triggers write them with SQLite's
// JSON functions, one field at a time and without building a document: verify reads millions.
class AuditChanges
{
public:
    explicit AuditChanges(QByteArrayView json);

    // The next field and its old and new values as text (strings unescaped, numbers as written,
    // null as empty), valid until the next call; false at the end, or when the text is not of
    // that form, which isValid() then tells.
    bool next();
    QByteArrayView field() const { return m_field; }
    QByteArrayView before() const { return m_before; }
    QByteArrayView after() const { return m_after; }
    bool isValid() const { return m_valid; }

private:
    bool expect(char c);
    // One JSON value into `out`: a view into the text, or into `buffer` when it had escapes.
    bool value(QByteArrayView* out, QByteArray& buffer);
    bool string(QByteArrayView* out, QByteArray& buffer);

    QByteArrayView m_json;
    qsizetype m_at = 0;
    bool m_valid = true;
    bool m_started = false;
    QByteArrayView m_field;
    QByteArrayView m_before;
    QByteArrayView m_after;
    QByteArray m_fieldBuffer;
    QByteArray m_beforeBuffer;
    QByteArray m_afterBuffer;
};

} // namespace custos
