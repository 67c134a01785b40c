#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace custos {

// The fields a CSV column can fill, in the order of the export header.
enum class ImportField {
    Reference,
    Name,
    Description,
    BusinessUnit,
    IaoName,
    IaoEmail,
    IaoStatus,
    IamName,
    IamEmail,
    Format,
    Location,
    Classification,
    LegacyMarking,
    NeedsReview,
    HandlingNotes,
    PersonalData,
    LawfulBasis,
    Retention,
    DisposalAction,
    Criticality,
    ReviewCycle,
    LastReviewed,
    NextReviewDue,
    Status,
    Created,
    Modified,
};
inline constexpr int kImportFieldCount = int(ImportField::Modified) + 1;

// Whether the export puts a single quote before a cell that a spreadsheet would run as a formula.
enum class FormulaGuard {
    // Text people type, and dates and times, which the schema stores as any text.
    Applied,
    // Values the schema's CHECK constraints (or the export itself) keep to a fixed vocabulary of
    // words and numbers (OFFICIAL, Digital, 12, Yes, Left), none of which starts with = + - @, a tab
    // or a carriage return: the guard could never apply, and the export skips the test.
    NotNeeded,
};

// One column of Custos's CSV files, for export and import alike.
struct CsvColumn
{
    static constexpr std::size_t kMaxSynonyms = 6;

    ImportField field;
    // The name in the export header, fixed by DOMAIN.md: other tools and scripts read it.
    std::string_view header;
    FormulaGuard formulaGuard;
    // Spreadsheet registers' headers beyond `header` that the import reads as this field, in
    // ImportColumns::normalised form (lower case letters and digits only).
    std::array<std::string_view, kMaxSynonyms> synonyms;
};

// Every column, one row per field in the enum's order: a new column is added here (and to the
// enum), and the check below refuses a table that has fallen out of step with the enum.
inline constexpr std::array kCsvColumns {
    CsvColumn {ImportField::Reference,
               "Reference",
               FormulaGuard::Applied,
               {"ref", "assetid", "assetref", "assetreference", "referencenumber"}},
    CsvColumn {ImportField::Name,
               "Name",
               FormulaGuard::Applied,
               {"assetname", "informationasset", "informationassetname", "asset", "title"}},
    CsvColumn {ImportField::Description, "Description", FormulaGuard::Applied, {"assetdescription"}},
    CsvColumn {ImportField::BusinessUnit,
               "Business unit",
               FormulaGuard::Applied,
               {"unit", "businessarea", "directorate", "team"}},
    CsvColumn {ImportField::IaoName,
               "IAO name",
               FormulaGuard::Applied,
               {"iao", "informationassetowner", "assetowner", "owner", "ownername"}},
    CsvColumn {ImportField::IaoEmail,
               "IAO email",
               FormulaGuard::Applied,
               {"owneremail", "assetowneremail", "iaoemailaddress"}},
    CsvColumn {ImportField::IaoStatus, "IAO status", FormulaGuard::NotNeeded, {"ownerstatus"}},
    CsvColumn {ImportField::IamName,
               "IAM name",
               FormulaGuard::Applied,
               {"iam", "informationassetmanager", "assetmanager", "custodian", "manager"}},
    CsvColumn {ImportField::IamEmail, "IAM email", FormulaGuard::Applied, {"manageremail", "custodianemail"}},
    CsvColumn {ImportField::Format, "Format", FormulaGuard::NotNeeded, {}},
    CsvColumn {
        ImportField::Location, "Location", FormulaGuard::Applied, {"locationsystem", "system", "storagelocation"}},
    CsvColumn {ImportField::Classification,
               "Classification",
               FormulaGuard::NotNeeded,
               {"protectivemarking", "securityclassification", "marking", "governmentsecurityclassification"}},
    CsvColumn {ImportField::LegacyMarking, "Legacy marking", FormulaGuard::NotNeeded, {"previousmarking"}},
    CsvColumn {ImportField::NeedsReview, "Classification needs review", FormulaGuard::NotNeeded, {}},
    CsvColumn {ImportField::HandlingNotes,
               "Handling notes",
               FormulaGuard::Applied,
               {"descriptors", "descriptor", "handlinginstructions"}},
    CsvColumn {ImportField::PersonalData,
               "Personal data",
               FormulaGuard::NotNeeded,
               {"containspersonaldata", "personaldatacategory"}},
    CsvColumn {ImportField::LawfulBasis, "Lawful basis", FormulaGuard::Applied, {"lawfulbasisforprocessing"}},
    CsvColumn {ImportField::Retention, "Retention", FormulaGuard::Applied, {"retentionperiod"}},
    CsvColumn {ImportField::DisposalAction, "Disposal action", FormulaGuard::Applied, {"disposal"}},
    CsvColumn {ImportField::Criticality, "Criticality", FormulaGuard::NotNeeded, {"businesscriticality"}},
    CsvColumn {ImportField::ReviewCycle,
               "Review cycle (months)",
               FormulaGuard::NotNeeded,
               {"reviewcycle", "reviewfrequency", "reviewfrequencymonths"}},
    CsvColumn {ImportField::LastReviewed,
               "Last reviewed",
               FormulaGuard::Applied,
               {"lastreview", "lastreviewdate", "dateoflastreview", "datelastreviewed"}},
    CsvColumn {ImportField::NextReviewDue, "Next review due", FormulaGuard::Applied, {"nextreview", "nextreviewdate"}},
    CsvColumn {ImportField::Status, "Status", FormulaGuard::NotNeeded, {"assetstatus"}},
    CsvColumn {ImportField::Created, "Created", FormulaGuard::Applied, {"createdat", "datecreated"}},
    CsvColumn {
        ImportField::Modified, "Modified", FormulaGuard::Applied, {"modifiedat", "lastmodified", "datemodified"}},
};

constexpr bool csvColumnsFollowTheEnum()
{
    if (kCsvColumns.size() != std::size_t(kImportFieldCount))
        return false;
    for (std::size_t row = 0; row < kCsvColumns.size(); ++row) {
        if (kCsvColumns[row].field != ImportField(row) || kCsvColumns[row].header.empty())
            return false;
    }
    return true;
}
static_assert(csvColumnsFollowTheEnum(), "kCsvColumns needs one row per ImportField, in the enum's order");

constexpr const CsvColumn& csvColumn(ImportField field)
{
    return kCsvColumns[std::size_t(field)];
}

} // namespace custos
