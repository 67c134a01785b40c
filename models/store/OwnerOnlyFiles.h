#pragma once

#include <QString>

namespace custos {

// Everything Custos writes (registers, backups, exports, reports, temporary files) is readable and
// writable by its owner alone, whatever the umask: a register's contents are often classified.

// Creates `path` as a new, empty file with owner-only permissions from its first moment; refuses a
// file that exists. Only for a path nothing has open: the descriptor is closed again at once.
bool createOwnerOnlyFile(const QString& path, QString* error);

} // namespace custos
