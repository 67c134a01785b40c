#include "models/store/SchemaCheck.h"

#include "models/store/AuditChain.h"
#include "models/store/Migrations.h"

#include <QAtomicInteger>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>

namespace custos {

namespace {

// Each schema object by "type name", with its table and the SQL SQLite keeps for it. SQLite's
// own statistics tables are left out: its query planner may add them.
using SchemaObjects = QMap<QString, QString>;

const char* const kReadSchema = R"sql(
SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite\_stat%' ESCAPE '\'
)sql";

std::optional<SchemaObjects> readSchema(const QSqlDatabase& db, QString* error)
{
    QSqlQuery query(db);
    if (!query.exec(QString::fromUtf8(kReadSchema))) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    SchemaObjects objects;
    while (query.next()) {
        objects.insert(query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString(),
                       query.value(2).toString() + QLatin1Char('\n') + query.value(3).toString());
    }
    return objects;
}

// The schema Custos makes for `version`, built once per process in a database in memory.
SchemaObjects expectedSchema(int version)
{
    static QMutex mutex;
    static QHash<int, SchemaObjects> built;
    const QMutexLocker lock(&mutex);
    if (const auto found = built.constFind(version); found != built.constEnd())
        return *found;
    static QAtomicInteger<int> counter;
    const QString connectionName = QStringLiteral("custos-expected-schema-%1").arg(counter.fetchAndAddRelaxed(1));
    SchemaObjects objects;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(QStringLiteral(":memory:"));
        db.open();
        AuditChain::install(db);
        std::vector<Migration> steps;
        for (const Migration& step : Migrations::all()) {
            if (step.version <= version)
                steps.push_back(step);
        }
        QString error;
        if (Migrations::upgrade(db, steps, &error))
            objects = readSchema(db, &error).value_or(SchemaObjects());
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    built.insert(version, objects);
    return objects;
}

QString describe(const QString& key)
{
    return key.section(QLatin1Char(' '), 0, 0) + QLatin1Char(' ') + key.section(QLatin1Char(' '), 1);
}

} // namespace

QStringList SchemaCheck::differences(const QSqlDatabase& db, int version)
{
    QString error;
    const std::optional<SchemaObjects> actual = readSchema(db, &error);
    if (!actual)
        return {QStringLiteral("The schema could not be read: %1").arg(error)};
    const SchemaObjects expected = expectedSchema(version);
    QStringList found;
    for (auto object = expected.constBegin(); object != expected.constEnd(); ++object) {
        const auto other = actual->constFind(object.key());
        if (other == actual->constEnd())
            found << QStringLiteral("The %1 is missing.").arg(describe(object.key()));
        else if (*other != object.value())
            found << QStringLiteral("The %1 is not the one Custos made.").arg(describe(object.key()));
    }
    for (auto object = actual->constBegin(); object != actual->constEnd(); ++object) {
        if (!expected.contains(object.key()))
            found << QStringLiteral("The %1 was added outside Custos.").arg(describe(object.key()));
    }
    return found;
}

QStringList SchemaCheck::problems(const QSqlDatabase& db, int version)
{
    QStringList found = differences(db, version);
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT actor FROM write_session")) && query.next()) {
        found << QStringLiteral("A write session naming \"%1\" was left open outside Custos.")
                     .arg(query.value(0).toString());
    }
    return found;
}

} // namespace custos
