#include "PersonStore.h"

#include "Register.h"
#include "SqlValues.h"
#include "WriteTransaction.h"

#include <QSqlQuery>

namespace custos {

namespace {
const char* const kSelectPeople = "SELECT id, name, email, login, unit_id, has_left FROM people";
const char* const kInsertPerson = "INSERT INTO people (name, email, login, unit_id, has_left) VALUES (?, ?, ?, ?, ?)";
const char* const kUpdatePerson = "UPDATE people SET name = ?, email = ?, login = ?, unit_id = ?, has_left = ? "
                                  "WHERE id = ?";

Person personFrom(const QSqlQuery& query)
{
    return {query.value(0).toLongLong(),
            query.value(1).toString(),
            query.value(2).toString(),
            query.value(3).toString(),
            optionalId(query.value(4)),
            query.value(5).toBool()};
}

void bindPerson(QSqlQuery& query, const Person& person)
{
    query.addBindValue(person.name.trimmed());
    query.addBindValue(textOrNull(person.email.trimmed()));
    query.addBindValue(textOrNull(person.login.trimmed()));
    query.addBindValue(idValue(person.unitId));
    query.addBindValue(person.hasLeft ? 1 : 0);
}

QString problemWith(const Person& person)
{
    if (person.name.trimmed().isEmpty())
        return QStringLiteral("A person needs a name.");
    const QString email = person.email.trimmed();
    if (!email.isEmpty() && (!email.contains(QLatin1Char('@')) || email.contains(QLatin1Char(' '))))
        return QStringLiteral("\"%1\" is not an email address.").arg(email);
    return {};
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

QList<Person> PersonStore::all() const
{
    QList<Person> people;
    QSqlQuery query(m_register.database());
    query.setForwardOnly(true);
    query.exec(QString::fromLatin1(kSelectPeople) + QStringLiteral(" ORDER BY name, id"));
    while (query.next())
        people.append(personFrom(query));
    return people;
}

std::optional<Person> PersonStore::selectOne(const QString& where, const QVariant& value) const
{
    QSqlQuery query(m_register.database());
    query.prepare(QString::fromLatin1(kSelectPeople) + QStringLiteral(" WHERE ") + where);
    query.addBindValue(value);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return personFrom(query);
}

std::optional<Person> PersonStore::get(RecordId id) const
{
    return selectOne(QStringLiteral("id = ?"), id);
}

std::optional<Person> PersonStore::findByEmail(const QString& email) const
{
    return selectOne(QStringLiteral("lower(email) = lower(?)"), email.trimmed());
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
    QSqlQuery query(m_register.database());
    query.prepare(QString::fromLatin1(kInsertPerson));
    QList<RecordId> ids;
    for (const Person& person : people) {
        bindPerson(query, person);
        if (!query.exec()) {
            setError(error, failureFor(person, query, transaction));
            return false;
        }
        ids.append(query.lastInsertId().toLongLong());
    }
    if (!transaction.commit(error))
        return false;
    for (int i = 0; i < people.size(); ++i)
        people[i].id = ids[i];
    return true;
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
    if (!query.exec()) {
        setError(error, failureFor(person, query, transaction));
        return false;
    }
    if (query.numRowsAffected() != 1) {
        setError(error, QStringLiteral("That person is no longer in the register."));
        return false;
    }
    return transaction.commit(error);
}

bool PersonStore::markLeft(RecordId id, QString* error)
{
    std::optional<Person> person = get(id);
    if (!person) {
        setError(error, QStringLiteral("That person is no longer in the register."));
        return false;
    }
    person->hasLeft = true;
    return update(*person, error);
}

} // namespace custos
