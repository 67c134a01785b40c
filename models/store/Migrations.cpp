#include "models/store/Migrations.h"

#include "models/store/Schema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace custos {

const std::vector<Migration>& Migrations::all()
{
    static const std::vector<Migration> steps {
        {1, Schema::version1()},
        {2, Schema::version2()},
        {3, Schema::version3()},
    };
    return steps;
}

int Migrations::latestVersion()
{
    return all().back().version;
}

int Migrations::version(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool Migrations::upgrade(QSqlDatabase& db, const std::vector<Migration>& steps, QString* error)
{
    const int from = version(db);
    for (const Migration& step : steps) {
        if (step.version <= from)
            continue;
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            if (error)
                *error = query.lastError().text();
            return false;
        }
        QStringList statements = step.statements;
        statements << QStringLiteral("PRAGMA user_version = %1").arg(step.version);
        for (const QString& statement : statements) {
            if (!query.exec(statement)) {
                if (error) {
                    *error = QStringLiteral("Upgrading to schema version %1 failed: %2")
                                 .arg(step.version)
                                 .arg(query.lastError().text());
                }
                query.exec(QStringLiteral("ROLLBACK"));
                return false;
            }
        }
        if (!query.exec(QStringLiteral("COMMIT"))) {
            if (error)
                *error = query.lastError().text();
            query.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    return true;
}

} // namespace custos
