#include "models/csv/ImportColumns.h"

#include <QHash>

namespace custos {

namespace {

QString text(std::string_view ascii)
{
    return QString::fromLatin1(ascii.data(), qsizetype(ascii.size()));
}

// Each field by its normalised export name and, when `withSynonyms`, by its synonyms too (a name
// goes before any synonym that happens to spell it).
QHash<QString, ImportField> fieldsByKey(bool withSynonyms)
{
    QHash<QString, ImportField> keys;
    for (const CsvColumn& column : kCsvColumns)
        keys.insert(ImportColumns::normalised(text(column.header)), column.field);
    for (const CsvColumn& column : kCsvColumns) {
        for (std::string_view synonym : column.synonyms) {
            if (withSynonyms && !synonym.empty() && !keys.contains(text(synonym)))
                keys.insert(text(synonym), column.field);
        }
    }
    return keys;
}

std::optional<ImportField> lookUp(const QHash<QString, ImportField>& keys, const QString& header)
{
    const auto found = keys.constFind(ImportColumns::normalised(header));
    return found == keys.cend() ? std::nullopt : std::optional<ImportField>(*found);
}

} // namespace

QString ImportColumns::normalised(const QString& header)
{
    QString key;
    for (QChar c : header) {
        if (c.isLetterOrNumber())
            key += c.toLower();
    }
    return key;
}

QString ImportColumns::fieldName(ImportField field)
{
    return text(csvColumn(field).header);
}

std::optional<ImportField> ImportColumns::fieldNamed(const QString& name)
{
    static const QHash<QString, ImportField> names = fieldsByKey(false);
    return lookUp(names, name);
}

std::optional<ImportField> ImportColumns::fieldForHeader(const QString& header)
{
    static const QHash<QString, ImportField> namesAndSynonyms = fieldsByKey(true);
    return lookUp(namesAndSynonyms, header);
}

ImportColumns::ImportColumns(const QStringList& header, const QList<ColumnChoice>& choices)
    : m_header(header)
{
    m_columnOf.fill(-1);
    for (const QString& name : header) {
        m_fields.append(fieldForHeader(name));
        m_leftOut.append(false);
    }
    for (const ColumnChoice& choice : choices) {
        const QString key = normalised(choice.header);
        bool found = false;
        for (int column = 0; column < header.size(); ++column) {
            if (normalised(header.at(column)) != key)
                continue;
            m_fields[column] = choice.field;
            m_leftOut[column] = !choice.field;
            found = true;
        }
        if (!found)
            m_problems << QStringLiteral("The file has no column \"%1\" to map.").arg(choice.header);
    }
    for (int column = 0; column < m_fields.size(); ++column) {
        const std::optional<ImportField> field = m_fields.at(column);
        if (!field)
            continue;
        int& taken = m_columnOf[size_t(*field)];
        if (taken >= 0) {
            m_problems << QStringLiteral("Columns \"%1\" and \"%2\" both give %3: map one of them to another "
                                         "field or leave it out.")
                              .arg(header.at(taken), header.at(column), fieldName(*field));
            continue;
        }
        taken = column;
    }
    for (ImportField required : {ImportField::Name, ImportField::BusinessUnit}) {
        if (!has(required)) {
            m_problems << QStringLiteral("No column gives %1, which every asset needs: map a column to it.")
                              .arg(fieldName(required));
        }
    }
}

QStringList ImportColumns::unknownColumns() const
{
    QStringList unknown;
    for (int column = 0; column < m_fields.size(); ++column) {
        if (!m_fields.at(column) && !m_leftOut.at(column))
            unknown << m_header.at(column);
    }
    return unknown;
}

} // namespace custos
