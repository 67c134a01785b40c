#pragma once

#include "models/csv/ImportReport.h"
#include "models/domain/Asset.h"
#include "models/units/UnitStore.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace custos {

class Register;
class WriteTransaction;

// A business unit named by a row: found (its id), or a path whose missing units are still to be
// added (id 0). An empty path is a cell that names no unit.
struct UnitCell
{
    RecordId id = 0;
    QStringList path;
};

// The business units of an import: found by path ("Courts / Listings", in any case) or by a name
// only one unit has, among the register's units and those the import has added already. Missing
// units are added through UnitStore, inside the import's transaction, and listed in the report.
class ImportUnits
{
public:
    ImportUnits(Register& reg, const WriteTransaction& transaction, ImportReport& report);

    // Reads the register's units; false, with `error` set, when they cannot be read.
    bool load(QString* error);
    // The unit a Business unit cell names, its parts split at "/" and trimmed.
    UnitCell find(const QString& cell) const;
    // The id of the unit at `path`, adding it and any unit above it that is missing; none, with
    // `error` set, when the register refuses.
    std::optional<RecordId> add(const QStringList& path, QString* error);

private:
    UnitStore m_store;
    const WriteTransaction& m_transaction;
    ImportReport& m_report;

    QHash<QString, RecordId> m_byPath;
    QHash<QString, QList<RecordId>> m_byName;
};

} // namespace custos
