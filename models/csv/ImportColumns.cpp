#include "models/csv/ImportColumns.h"

#include "models/csv/CsvExport.h"

#include <QHash>

namespace custos {

namespace {

// Spreadsheet headers beyond the export's own names, in normalised form.
const QHash<QString, ImportField>& synonyms()
{
    static const QHash<QString, ImportField> table {
        {"ref", ImportField::Reference},
        {"assetid", ImportField::Reference},
        {"assetref", ImportField::Reference},
        {"assetreference", ImportField::Reference},
        {"referencenumber", ImportField::Reference},
        {"assetname", ImportField::Name},
        {"informationasset", ImportField::Name},
        {"informationassetname", ImportField::Name},
        {"asset", ImportField::Name},
        {"title", ImportField::Name},
        {"assetdescription", ImportField::Description},
        {"unit", ImportField::BusinessUnit},
        {"businessarea", ImportField::BusinessUnit},
        {"directorate", ImportField::BusinessUnit},
        {"team", ImportField::BusinessUnit},
        {"iao", ImportField::IaoName},
        {"informationassetowner", ImportField::IaoName},
        {"assetowner", ImportField::IaoName},
        {"owner", ImportField::IaoName},
        {"ownername", ImportField::IaoName},
        {"owneremail", ImportField::IaoEmail},
        {"assetowneremail", ImportField::IaoEmail},
        {"iaoemailaddress", ImportField::IaoEmail},
        {"ownerstatus", ImportField::IaoStatus},
        {"iam", ImportField::IamName},
        {"informationassetmanager", ImportField::IamName},
        {"assetmanager", ImportField::IamName},
        {"custodian", ImportField::IamName},
        {"manager", ImportField::IamName},
        {"manageremail", ImportField::IamEmail},
        {"custodianemail", ImportField::IamEmail},
        {"locationsystem", ImportField::Location},
        {"system", ImportField::Location},
        {"storagelocation", ImportField::Location},
        {"protectivemarking", ImportField::Classification},
        {"securityclassification", ImportField::Classification},
        {"marking", ImportField::Classification},
        {"governmentsecurityclassification", ImportField::Classification},
        {"previousmarking", ImportField::LegacyMarking},
        {"descriptors", ImportField::HandlingNotes},
        {"descriptor", ImportField::HandlingNotes},
        {"handlinginstructions", ImportField::HandlingNotes},
        {"containspersonaldata", ImportField::PersonalData},
        {"personaldatacategory", ImportField::PersonalData},
        {"lawfulbasisforprocessing", ImportField::LawfulBasis},
        {"retentionperiod", ImportField::Retention},
        {"disposal", ImportField::DisposalAction},
        {"businesscriticality", ImportField::Criticality},
        {"reviewcycle", ImportField::ReviewCycle},
        {"reviewfrequency", ImportField::ReviewCycle},
        {"reviewfrequencymonths", ImportField::ReviewCycle},
        {"lastreview", ImportField::LastReviewed},
        {"lastreviewdate", ImportField::LastReviewed},
        {"dateoflastreview", ImportField::LastReviewed},
        {"datelastreviewed", ImportField::LastReviewed},
        {"nextreview", ImportField::NextReviewDue},
        {"nextreviewdate", ImportField::NextReviewDue},
        {"assetstatus", ImportField::Status},
        {"createdat", ImportField::Created},
        {"datecreated", ImportField::Created},
        {"modifiedat", ImportField::Modified},
        {"lastmodified", ImportField::Modified},
        {"datemodified", ImportField::Modified},
    };
    return table;
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
    return CsvExport::header().at(int(field));
}

std::optional<ImportField> ImportColumns::fieldNamed(const QString& name)
{
    const QString key = normalised(name);
    for (int field = 0; field < kImportFieldCount; ++field) {
        if (normalised(fieldName(ImportField(field))) == key)
            return ImportField(field);
    }
    return std::nullopt;
}

std::optional<ImportField> ImportColumns::fieldForHeader(const QString& header)
{
    if (const std::optional<ImportField> field = fieldNamed(header))
        return field;
    const auto synonym = synonyms().constFind(normalised(header));
    if (synonym == synonyms().cend())
        return std::nullopt;
    return *synonym;
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
