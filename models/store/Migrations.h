#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace custos {

// One numbered step of the register's schema. Step N takes a register of version N-1 to N: its
// statements, then (where the step rewrites existing rows) its data step, then its final statements.
struct Migration
{
    int version;
    QStringList statements;
    std::function<bool(QSqlDatabase&, QString*)> data = {};
    QStringList finalStatements = {};
};

// The register's schema history. The version lives in `PRAGMA user_version`; the missing steps
// run in one transaction together with their version bumps, so a failed or interrupted upgrade
// leaves the file at its old version, unchanged.
class Migrations
{
public:
    static const std::vector<Migration>& all();
    static int latestVersion();

    static int version(const QSqlDatabase& db);
    static bool upgrade(QSqlDatabase& db, const std::vector<Migration>& steps, QString* error);

    // Hashes the audit rows that version 4 found, in order, into a chain.
    static bool chainExistingAuditRows(QSqlDatabase& db, QString* error);
};

} // namespace custos
