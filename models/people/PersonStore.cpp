#include "models/people/PersonStore.h"

#include "models/audit/AuditLog.h"
#include "models/store/Register.h"
#include "models/store/SqlValues.h"
#include "models/store/WriteTransaction.h"

#include <QSqlQuery>

namespace custos {

namespace {
const char* const kSelectPeople = "SELECT id, name, email, login, unit_id, has_left, version FROM people";
const char* const kInsertPerson = "INSERT INTO people (name, email, login, unit_id, has_left) VALUES (?, ?, ?, ?, ?)";
const char* const kUpdatePerson = "UPDATE people SET name = ?, email = ?, login = ?, unit_id = ?, has_left = ? "
                                  "WHERE id = ? AND (? = 0 OR version = ?)";

Person personFrom(const QSqlQuery& query)
{
    return {query.value(0).toLongLong(),
            query.value(1).toString(),
            query.value(2).toString(),
            query.value(3).toString(),
            optionalId(query.value(4)),
            query.value(5).toBool(),
            query.value(6).toLongLong()};
}

void bindPerson(QSqlQuery& query, const Person& person)
{
    query.addBindValue(person.name.trimmed());
    query.addBindValue(textOrNull(person.email.trimmed()));
    query.addBindValue(textOrNull(person.login.trimmed()));
    query.addBindValue(idValue(person.unitId));
    query.addBindValue(person.hasLeft ? 1 : 0);
}

QString failureFor(const Person& person, const QSqlQuery& query, const WriteTransaction& transaction)
{
    if (isUniqueViolation(query))
        return QStringLiteral("Another person already has the email address %1.").arg(person.email.trimmed());
    return transaction.failure(query);
}
} // namespace

PersonStore::PersonStore(Register& reg)
    : m_register(reg)
{
}

bool PersonStore::isEmailAddress(const QString& email)
{
    return email.contains(QLatin1Char('@')) && !email.contains(QLatin1Char(' '));
}

QString PersonStore::problemWith(const Person& person)
{
    if (person.name.trimmed().isEmpty())
        return QStringLiteral("A person needs a name.");
    const QString email = person.email.trimmed();
    if (!email.isEmpty() && !isEmailAddress(email))
        return QStringLiteral("\"%1\" is not an email address.").arg(email);
    return {};
}

std::optional<QList<Person>> PersonStore::all(QString* error) const
{
    QList<Person> people;
    QSqlQuery query(m_register.database());
    query.setForwardOnly(true);
    query.exec(QString::fromLatin1(kSelectPeople) + QStringLiteral(" ORDER BY name, id"));
    while (query.next())
        people.append(personFrom(query));
    if (!readSucceeded(m_register, query, error))
        return std::nullopt;
    return people;
}

QList<Person> PersonStore::all() const
{
    return all(nullptr).value_or(QList<Person>());
}

std::optional<Person> PersonStore::selectOne(const QString& where, const QVariant& value, QString* error) const
{
    QSqlQuery query(m_register.database());
    query.prepare(QString::fromLatin1(kSelectPeople) + QStringLiteral(" WHERE ") + where);
    query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        readSucceeded(m_register, query, error);
        return std::nullopt;
    }
    return personFrom(query);
}

std::optional<Person> PersonStore::get(RecordId id) const
{
    return selectOne(QStringLiteral("id = ?"), id);
}

std::optional<Person> PersonStore::findByEmail(const QString& email, QString* error) const
{
    return selectOne(QStringLiteral("lower(email) = lower(?)"), email.trimmed(), error);
}

bool PersonStore::add(QList<Person>& people, QString* error)
{
    for (const Person& person : people) {
        if (const QString problem = problemWith(person); !problem.isEmpty()) {
            setError(error, problem);
            return false;
        }
    }
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QList<RecordId> ids;
    for (const Person& person : people) {
        const std::optional<RecordId> id = add(person, transaction, error);
        if (!id)
            return false;
        ids.append(*id);
    }
    if (!transaction.commit(error))
        return false;
    for (int i = 0; i < people.size(); ++i)
        people[i].id = ids[i];
    return true;
}

std::optional<RecordId> PersonStore::add(const Person& person, const WriteTransaction& within, QString* error)
{
    if (const QString problem = problemWith(person); !problem.isEmpty()) {
        setError(error, problem);
        return std::nullopt;
    }
    if (!m_insert) {
        m_insert.emplace(m_register.database());
        m_insert->prepare(QString::fromLatin1(kInsertPerson));
    }
    bindPerson(*m_insert, person);
    if (!m_insert->exec()) {
        setError(error, failureFor(person, *m_insert, within));
        return std::nullopt;
    }
    return m_insert->lastInsertId().toLongLong();
}

std::optional<RecordId> PersonStore::add(const Person& person, QString* error)
{
    QList<Person> one {person};
    if (!add(one, error))
        return std::nullopt;
    return one.first().id;
}

bool PersonStore::update(const Person& person, QString* error)
{
    if (const QString problem = problemWith(person); !problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_register.database());
    query.prepare(QString::fromLatin1(kUpdatePerson));
    bindPerson(query, person);
    query.addBindValue(person.id);
    query.addBindValue(person.version);
    query.addBindValue(person.version);
    if (!query.exec()) {
        setError(error, failureFor(person, query, transaction));
        return false;
    }
    if (query.numRowsAffected() != 1) {
        const QString latest = AuditLog(m_register).latestChange(QStringLiteral("people"), person.id);
        setError(error,
                 !get(person.id) || latest.isEmpty()
                     ? QStringLiteral("That person is no longer in the register.")
                     : QStringLiteral("Nothing was saved: since you read %1, they were changed by someone else.\n%2")
                           .arg(person.name, latest));
        return false;
    }
    return transaction.commit(error);
}

bool PersonStore::remove(RecordId id, QString* error)
{
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("DELETE FROM people WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        setError(error, transaction.failure(query));
        return false;
    }
    return transaction.commit(error);
}

int PersonStore::assetCount(RecordId id) const
{
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("SELECT count(*) FROM assets WHERE iao_id = ? OR iam_id = ?"));
    query.addBindValue(id);
    query.addBindValue(id);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

std::optional<QList<RecordId>> PersonStore::assetIds(const char* column, RecordId personId, QString* error) const
{
    QSqlQuery query(m_register.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id FROM assets WHERE %1 = ? ORDER BY id").arg(QLatin1String(column)));
    query.addBindValue(personId);
    query.exec();
    QList<RecordId> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    if (!readSucceeded(m_register, query, error))
        return std::nullopt;
    return ids;
}

std::optional<Departure> PersonStore::leave(RecordId id, std::optional<RecordId> successorId, QString* error)
{
    const std::optional<Person> person = get(id);
    if (!person || person->hasLeft) {
        setError(error, QStringLiteral("That person is no longer a current member of the register."));
        return std::nullopt;
    }
    if (successorId) {
        const std::optional<Person> successor = get(*successorId);
        if (*successorId == id || !successor || successor->hasLeft) {
            setError(error, QStringLiteral("Assets can only be handed over to someone else who has not left."));
            return std::nullopt;
        }
    }
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return std::nullopt;
    // A departure missing some assets could not be taken back whole.
    const std::optional<QList<RecordId>> owned = assetIds("iao_id", id, error);
    const std::optional<QList<RecordId>> managed = owned ? assetIds("iam_id", id, error) : std::nullopt;
    if (!managed)
        return std::nullopt;
    const Departure departure {id, successorId, *owned, *managed};
    if (!markLeft(id, transaction, error))
        return std::nullopt;
    if (successorId) {
        QSqlQuery query(m_register.database());
        const QString now = timestampText(nowUtc());
        for (const char* column : {"iao_id", "iam_id"}) {
            query.prepare(
                QStringLiteral("UPDATE assets SET %1 = ?, modified_at = ? WHERE %1 = ?").arg(QLatin1String(column)));
            query.addBindValue(*successorId);
            query.addBindValue(now);
            query.addBindValue(id);
            if (!query.exec()) {
                setError(error, transaction.failure(query));
                return std::nullopt;
            }
        }
    }
    if (!transaction.commit(error))
        return std::nullopt;
    return departure;
}

bool PersonStore::markLeft(RecordId id, const WriteTransaction& within, QString* error)
{
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("UPDATE people SET has_left = 1 WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        setError(error, within.failure(query));
        return false;
    }
    if (query.numRowsAffected() != 1) {
        setError(error, QStringLiteral("That person is no longer in the register."));
        return false;
    }
    return true;
}

bool PersonStore::undoLeave(const Departure& departure, QString* error)
{
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("UPDATE people SET has_left = 0 WHERE id = ?"));
    query.addBindValue(departure.personId);
    bool ok = query.exec();
    if (departure.successorId) {
        const QString now = timestampText(nowUtc());
        const QList<std::pair<const char*, QList<RecordId>>> roles {{"iao_id", departure.owned},
                                                                    {"iam_id", departure.managed}};
        for (const auto& [column, ids] : roles) {
            query.prepare(QStringLiteral("UPDATE assets SET %1 = ?, modified_at = ? WHERE id = ? AND %1 = ?")
                              .arg(QLatin1String(column)));
            for (const RecordId assetId : ids) {
                query.addBindValue(departure.personId);
                query.addBindValue(now);
                query.addBindValue(assetId);
                query.addBindValue(*departure.successorId);
                ok = ok && query.exec();
            }
        }
    }
    if (!ok) {
        setError(error, transaction.failure(query));
        return false;
    }
    return transaction.commit(error);
}

} // namespace custos
