#pragma once

#include "models/csv/CsvFormat.h"
#include "models/csv/ImportColumns.h"

#include <QList>
#include <optional>

namespace custos {

// How an import is to read its file and what it may write.
struct ImportOptions
{
    // Read from the file when not given.
    std::optional<CsvFormat::Encoding> encoding;
    std::optional<char> delimiter;
    // The user's mapping of headers to fields, over the automatic one.
    QList<ColumnChoice> columnChoices;
    // Check and count everything, then leave the register as it was.
    bool dryRun = false;
    // Import the rows without problems even when others have some (which the report lists).
    bool validRowsOnly = false;
    // An IAO or IAM the register does not know is added as a person; otherwise the asset is left
    // without one (unowned, for an IAO).
    bool createUnknownPeople = true;
};

} // namespace custos
