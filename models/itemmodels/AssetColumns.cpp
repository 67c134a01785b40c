#include "models/itemmodels/AssetColumns.h"

#include "models/csv/ExportCells.h"

#include <array>
#include <utility>

namespace custos {

namespace {

// Each column beside its field, in the columns' order.
constexpr std::array<std::pair<AssetColumn, ImportField>, int(AssetColumn::Count)> kFields {{
    {AssetColumn::Reference, ImportField::Reference},
    {AssetColumn::Name, ImportField::Name},
    {AssetColumn::BusinessUnit, ImportField::BusinessUnit},
    {AssetColumn::Owner, ImportField::IaoName},
    {AssetColumn::Classification, ImportField::Classification},
    {AssetColumn::NextReviewDue, ImportField::NextReviewDue},
    {AssetColumn::Status, ImportField::Status},
    {AssetColumn::Description, ImportField::Description},
    {AssetColumn::OwnerEmail, ImportField::IaoEmail},
    {AssetColumn::OwnerStatus, ImportField::IaoStatus},
    {AssetColumn::ManagerName, ImportField::IamName},
    {AssetColumn::ManagerEmail, ImportField::IamEmail},
    {AssetColumn::Format, ImportField::Format},
    {AssetColumn::Location, ImportField::Location},
    {AssetColumn::LegacyMarking, ImportField::LegacyMarking},
    {AssetColumn::NeedsReview, ImportField::NeedsReview},
    {AssetColumn::HandlingNotes, ImportField::HandlingNotes},
    {AssetColumn::PersonalData, ImportField::PersonalData},
    {AssetColumn::LawfulBasis, ImportField::LawfulBasis},
    {AssetColumn::Retention, ImportField::Retention},
    {AssetColumn::DisposalAction, ImportField::DisposalAction},
    {AssetColumn::Criticality, ImportField::Criticality},
    {AssetColumn::ReviewCycle, ImportField::ReviewCycle},
    {AssetColumn::LastReviewed, ImportField::LastReviewed},
    {AssetColumn::Created, ImportField::Created},
    {AssetColumn::Modified, ImportField::Modified},
}};

// One column for every field of the export header, and one field for every column.
constexpr bool everyFieldIsOneColumn()
{
    if (kFields.size() != std::size_t(kImportFieldCount))
        return false;
    std::array<int, kImportFieldCount> columnsOfField {};
    for (std::size_t row = 0; row < kFields.size(); ++row) {
        if (kFields[row].first != AssetColumn(row))
            return false;
        ++columnsOfField[std::size_t(kFields[row].second)];
    }
    for (int count : columnsOfField) {
        if (count != 1)
            return false;
    }
    return true;
}
static_assert(everyFieldIsOneColumn(), "kFields needs one row per AssetColumn, in order, and each ImportField once");

QString exported(std::string_view cell)
{
    return QString::fromLatin1(cell.data(), qsizetype(cell.size()));
}

} // namespace

ImportField exportField(AssetColumn column)
{
    return kFields.at(std::size_t(column)).second;
}

AssetColumn assetColumn(ImportField field)
{
    for (const auto& [column, candidate] : kFields) {
        if (candidate == field)
            return column;
    }
    return AssetColumn::Reference; // unreachable: every field has its column
}

QString assetColumnTitle(AssetColumn column)
{
    const std::string_view header = csvColumn(exportField(column)).header;
    return QString::fromLatin1(header.data(), qsizetype(header.size()));
}

QList<AssetColumn> assetColumnsInExportOrder()
{
    QList<AssetColumn> columns;
    for (const CsvColumn& csv : kCsvColumns)
        columns << assetColumn(csv.field);
    return columns;
}

QString assetCellText(const AssetRow& row, AssetColumn column)
{
    switch (column) {
    case AssetColumn::Reference:
        return row.reference;
    case AssetColumn::Name:
        return row.name;
    case AssetColumn::BusinessUnit:
        return row.unitPath;
    case AssetColumn::Owner:
        if (row.ownerName.isEmpty())
            return QStringLiteral("None");
        return row.unowned ? row.ownerName + QStringLiteral(" (left)") : row.ownerName;
    case AssetColumn::Classification:
        if (!row.classification.isClassified())
            return QStringLiteral("Not yet classified");
        return row.classificationNeedsReview ? row.classification.toText() + QStringLiteral(" (to review)")
                                             : row.classification.toText();
    case AssetColumn::NextReviewDue:
        return row.nextReviewDue.toString(Qt::ISODate);
    case AssetColumn::Status:
        return row.status;
    case AssetColumn::Description:
        return row.description;
    case AssetColumn::OwnerEmail:
        return row.ownerEmail;
    case AssetColumn::OwnerStatus:
        // A person's name is never empty (the schema checks it), so an empty name is no IAO.
        return exported(ExportCells::personStatus(!row.ownerName.isEmpty(), row.ownerHasLeft));
    case AssetColumn::ManagerName:
        return row.managerName;
    case AssetColumn::ManagerEmail:
        return row.managerEmail;
    case AssetColumn::Format:
        return row.format;
    case AssetColumn::Location:
        return row.location;
    case AssetColumn::LegacyMarking:
        return row.legacyMarking;
    case AssetColumn::NeedsReview:
        return exported(ExportCells::yesNo(row.classificationNeedsReview));
    case AssetColumn::HandlingNotes:
        return row.handlingNotes;
    case AssetColumn::PersonalData:
        return row.personalData;
    case AssetColumn::LawfulBasis:
        return row.lawfulBasis;
    case AssetColumn::Retention:
        return row.retention;
    case AssetColumn::DisposalAction:
        return row.disposalAction;
    case AssetColumn::Criticality:
        return row.criticality;
    case AssetColumn::ReviewCycle:
        // 0 only in the blank row of an asset deleted since its page was read.
        return row.reviewCycleMonths > 0 ? QString::number(row.reviewCycleMonths) : QString();
    case AssetColumn::LastReviewed:
        return row.lastReviewed;
    case AssetColumn::Created:
        return row.created;
    case AssetColumn::Modified:
        return row.modified;
    case AssetColumn::Count:
        break;
    }
    return {};
}

} // namespace custos
