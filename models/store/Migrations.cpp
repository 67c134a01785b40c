#include "models/store/Migrations.h"

#include "models/store/AuditChain.h"
#include "models/store/Schema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace custos {

const std::vector<Migration>& Migrations::all()
{
    static const std::vector<Migration> steps {
        {1, Schema::version1()},
        {2, Schema::version2()},
        {3, Schema::version3()},
        {4, Schema::version4Start(), chainExistingAuditRows, Schema::version4Finish()},
        {5, Schema::version5()},
        {6, Schema::version6()},
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
    if (std::none_of(steps.begin(), steps.end(), [from](const Migration& step) { return step.version > from; }))
        return true;
    // Every missing step in one transaction: an upgrade interrupted between two steps would
    // otherwise leave a register at a version between the one it had and the latest.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    for (const Migration& step : steps) {
        if (step.version <= from)
            continue;
        auto run = [&](const QStringList& statements) {
            for (const QString& statement : statements) {
                if (!query.exec(statement)) {
                    if (error) {
                        *error = QStringLiteral("Upgrading to schema version %1 failed: %2")
                                     .arg(step.version)
                                     .arg(query.lastError().text());
                    }
                    return false;
                }
            }
            return true;
        };
        QString dataError;
        const bool upgraded = run(step.statements) && (!step.data || step.data(db, &dataError))
            && run(step.finalStatements) && run({QStringLiteral("PRAGMA user_version = %1").arg(step.version)});
        if (!upgraded) {
            if (error && !dataError.isEmpty())
                *error = QStringLiteral("Upgrading to schema version %1 failed: %2").arg(step.version).arg(dataError);
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
    return true;
}

bool Migrations::chainExistingAuditRows(QSqlDatabase& db, QString* error)
{
    constexpr int kBatch = 10000;
    QSqlQuery read(db);
    QSqlQuery write(db);
    read.setForwardOnly(true);
    read.prepare(QStringLiteral("SELECT id, at, actor, action, record_table, record_id, changes FROM audit_log "
                                "WHERE id > ? ORDER BY id LIMIT %1")
                     .arg(kBatch));
    write.prepare(QStringLiteral("UPDATE audit_log SET hash = ? WHERE id = ?"));
    QByteArray previous;
    qint64 after = 0;
    for (;;) {
        read.addBindValue(after);
        if (!read.exec()) {
            *error = read.lastError().text();
            return false;
        }
        std::vector<std::pair<qint64, QByteArray>> hashes;
        while (read.next()) {
            const AuditChain::Row row {read.value(0).toLongLong(),
                                       read.value(1).toString().toUtf8(),
                                       read.value(2).toString().toUtf8(),
                                       read.value(3).toString().toUtf8(),
                                       read.value(4).toString().toUtf8(),
                                       read.value(5).toLongLong(),
                                       read.value(6).toString().toUtf8()};
            previous = AuditChain::hash(previous, row);
            hashes.emplace_back(row.id, previous);
        }
        read.finish();
        if (hashes.empty())
            return true;
        for (const auto& [id, hash] : hashes) {
            write.addBindValue(hash);
            write.addBindValue(id);
            if (!write.exec()) {
                *error = write.lastError().text();
                return false;
            }
        }
        after = hashes.back().first;
    }
}

} // namespace custos
