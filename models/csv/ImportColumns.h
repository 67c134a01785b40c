#pragma once

#include "models/csv/CsvColumns.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace custos {

// The user's own reading of a header: the column goes to `field`, or is left out when there is none.
struct ColumnChoice
{
    QString header;
    std::optional<ImportField> field;
};

// Which field each column of a file fills. Headers match case- and space-insensitively, by the
// export's names and the usual synonyms of spreadsheet registers ("Asset Owner", "Protective
// Marking", "Ref"), both from kCsvColumns; what matches nothing is listed, never dropped silently.
class ImportColumns
{
public:
    ImportColumns(const QStringList& header, const QList<ColumnChoice>& choices = {});

    // The field of each column of the file, in file order.
    const QList<std::optional<ImportField>>& fields() const { return m_fields; }
    // The column (from 0) that fills `field`, or -1.
    int columnOf(ImportField field) const { return m_columnOf[size_t(field)]; }
    bool has(ImportField field) const { return columnOf(field) >= 0; }
    const QStringList& header() const { return m_header; }
    // Headers that match no field and were not left out by a choice.
    QStringList unknownColumns() const;
    // What stops the import: a required field without a column, two columns for one field, or a
    // choice that names a header the file does not have.
    const QStringList& problems() const { return m_problems; }

    // The field's name, as in the export header ("IAO email").
    static QString fieldName(ImportField field);
    // A field by its export name, case- and space-insensitively.
    static std::optional<ImportField> fieldNamed(const QString& name);
    // A header's field by name or synonym.
    static std::optional<ImportField> fieldForHeader(const QString& header);
    // Lower case, letters and digits only: "IAO E-mail " and "iao email" are the same header.
    static QString normalised(const QString& header);

private:
    QStringList m_header;
    QList<std::optional<ImportField>> m_fields;
    std::array<int, kImportFieldCount> m_columnOf {};
    QList<bool> m_leftOut;
    QStringList m_problems;
};

} // namespace custos
