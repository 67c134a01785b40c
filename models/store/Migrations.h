#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <vector>

namespace custos {

// One numbered step of the register's schema. Step N takes a register of version N-1 to N.
struct Migration
{
    int version;
    QStringList statements;
};

// The register's schema history. The version lives in `PRAGMA user_version`; each step runs in
// one transaction together with the version bump, so a failed or interrupted upgrade leaves the
// file at its old version, unchanged.
class Migrations
{
public:
    static const std::vector<Migration>& all();
    static int latestVersion();

    static int version(const QSqlDatabase& db);
    static bool upgrade(QSqlDatabase& db, const std::vector<Migration>& steps, QString* error);
};

} // namespace custos
