#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace custos {

// Whether a register's tables, indexes and triggers are exactly those Custos made for its
// version. Someone who drops an audit trigger, or adds one of their own, with another SQLite
// client shows up here. The cost does not depend on how many records the register holds.
class SchemaCheck
{
public:
    // What differs from the schema of `version`, one sentence each; empty when nothing does, or
    // SQLite's reason when the schema cannot be read.
    static QStringList differences(const QSqlDatabase& db, int version);

    // Why the register looks changed outside Custos: its schema differs, or a write session was
    // left behind (a row in write_session outside a Custos write names who the audit trail
    // credits with the next change). Empty when neither.
    static QStringList problems(const QSqlDatabase& db, int version);
};

} // namespace custos
