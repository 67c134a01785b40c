#pragma once

#include <QSqlDatabase>

struct sqlite3;

namespace custos {

// The SQLite connection behind a Qt SQL connection, for the few places that need SQLite itself
// (interrupting a query, reading a million rows without a QVariant per value); null if none.
sqlite3* sqliteHandle(const QSqlDatabase& db);

} // namespace custos
