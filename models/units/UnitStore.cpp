#include "models/units/UnitStore.h"

#include "models/audit/AuditLog.h"
#include "models/store/Register.h"
#include "models/store/SqlValues.h"
#include "models/store/WriteTransaction.h"

#include <QSqlQuery>

namespace custos {

namespace {
const char* const kSelectUnits = "SELECT id, name, parent_id FROM units";
const char* const kInsertUnit = "INSERT INTO units (name, parent_id) VALUES (?, ?)";
const char* const kRenameUnit = "UPDATE units SET name = ? WHERE id = ? AND name = ?";
const char* const kMoveUnit = "UPDATE units SET parent_id = ? WHERE id = ? AND parent_id IS ?";

QString duplicateMessage(const QString& name)
{
    return QStringLiteral("There is already a unit called \"%1\" there. Choose another name.").arg(name);
}
} // namespace

UnitStore::UnitStore(Register& reg)
    : m_register(reg)
{
}

std::optional<UnitTree> UnitStore::tree(QString* error) const
{
    QList<BusinessUnit> units;
    QSqlQuery query(m_register.database());
    query.setForwardOnly(true);
    query.exec(QString::fromLatin1(kSelectUnits));
    while (query.next())
        units.append({query.value(0).toLongLong(), query.value(1).toString(), optionalId(query.value(2))});
    if (!readSucceeded(m_register, query, error))
        return std::nullopt;
    return UnitTree(units);
}

UnitTree UnitStore::tree() const
{
    return tree(nullptr).value_or(UnitTree());
}

bool UnitStore::checkName(const QString& name, QString* error) const
{
    if (name.trimmed().isEmpty()) {
        setError(error, QStringLiteral("A business unit needs a name."));
        return false;
    }
    if (name.contains(UnitTree::kPathSeparator) || name != name.trimmed()) {
        setError(error,
                 QStringLiteral("\"%1\" cannot be a unit name: it may not contain \" / \" (which separates units "
                                "in a path) or start or end with a space.")
                     .arg(name));
        return false;
    }
    return true;
}

std::optional<RecordId> UnitStore::add(const QString& name, std::optional<RecordId> parentId, QString* error)
{
    if (!checkName(name, error))
        return std::nullopt;
    const UnitTree units = tree();
    if (parentId && units.path(*parentId).isEmpty()) {
        setError(error, QStringLiteral("The parent unit does not exist."));
        return std::nullopt;
    }
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return std::nullopt;
    const std::optional<RecordId> id = add(name, parentId, transaction, error);
    if (!id || !transaction.commit(error))
        return std::nullopt;
    return id;
}

std::optional<RecordId>
UnitStore::add(const QString& name, std::optional<RecordId> parentId, const WriteTransaction& within, QString* error)
{
    if (!checkName(name, error))
        return std::nullopt;
    if (!m_insert) {
        m_insert.emplace(m_register.database());
        m_insert->prepare(QString::fromLatin1(kInsertUnit));
    }
    m_insert->addBindValue(name);
    m_insert->addBindValue(idValue(parentId));
    if (!m_insert->exec()) {
        setError(error, isUniqueViolation(*m_insert) ? duplicateMessage(name) : within.failure(*m_insert));
        return std::nullopt;
    }
    return m_insert->lastInsertId().toLongLong();
}

QString UnitStore::changedUnderneath(RecordId id) const
{
    if (tree().path(id).isEmpty())
        return QStringLiteral("That business unit no longer exists.");
    const QString latest = AuditLog(m_register).latestChange(QStringLiteral("units"), id);
    if (latest.isEmpty())
        return QStringLiteral("Nothing was changed: someone else changed %1 since you read it.").arg(tree().path(id));
    return QStringLiteral("Nothing was changed: since you read %1, it was changed by someone else.\n%2")
        .arg(tree().path(id), latest);
}

bool UnitStore::rename(RecordId id, const QString& from, const QString& to, QString* error)
{
    if (!checkName(to, error))
        return false;
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_register.database());
    query.prepare(QString::fromLatin1(kRenameUnit));
    query.addBindValue(to);
    query.addBindValue(id);
    query.addBindValue(from);
    if (!query.exec()) {
        setError(error, isUniqueViolation(query) ? duplicateMessage(to) : transaction.failure(query));
        return false;
    }
    if (query.numRowsAffected() != 1) {
        setError(error, changedUnderneath(id));
        return false;
    }
    return transaction.commit(error);
}

bool UnitStore::move(RecordId id,
                     std::optional<RecordId> fromParentId,
                     std::optional<RecordId> toParentId,
                     QString* error)
{
    const UnitTree units = tree();
    if (units.path(id).isEmpty() || (toParentId && units.path(*toParentId).isEmpty())) {
        setError(error, QStringLiteral("That business unit no longer exists."));
        return false;
    }
    if (toParentId && units.isInSubtree(*toParentId, id)) {
        setError(error,
                 QStringLiteral("\"%1\" cannot move under \"%2\", which is inside it.")
                     .arg(units.path(id), units.path(*toParentId)));
        return false;
    }
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_register.database());
    query.prepare(QString::fromLatin1(kMoveUnit));
    query.addBindValue(idValue(toParentId));
    query.addBindValue(id);
    query.addBindValue(idValue(fromParentId));
    if (!query.exec()) {
        setError(error, isUniqueViolation(query) ? duplicateMessage(units.path(id)) : transaction.failure(query));
        return false;
    }
    if (query.numRowsAffected() != 1) {
        setError(error, changedUnderneath(id));
        return false;
    }
    return transaction.commit(error);
}

QHash<RecordId, int> UnitStore::assetCounts() const
{
    QSqlQuery query(m_register.database());
    query.setForwardOnly(true);
    query.exec(QStringLiteral("SELECT unit_id, count(*) FROM assets GROUP BY unit_id"));
    QHash<RecordId, int> counts;
    while (query.next())
        counts.insert(query.value(0).toLongLong(), query.value(1).toInt());
    return counts;
}

bool UnitStore::remove(RecordId id, QString* error)
{
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("DELETE FROM units WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        setError(error, transaction.failure(query));
        return false;
    }
    return transaction.commit(error);
}

} // namespace custos
