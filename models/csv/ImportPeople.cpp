#include "models/csv/ImportPeople.h"

namespace custos {

namespace {

QString nameAndEmail(const QString& name, const QString& email)
{
    return email.isEmpty() ? name : QStringLiteral("%1 <%2>").arg(name, email);
}

} // namespace

ImportPeople::ImportPeople(Register& reg, const WriteTransaction& transaction, bool addUnknown, ImportReport& report)
    : m_store(reg)
    , m_transaction(transaction)
    , m_addUnknown(addUnknown)
    , m_report(report)
{
}

bool ImportPeople::load(QString* error)
{
    const std::optional<QList<Person>> everyone = m_store.all(error);
    if (!everyone)
        return false;
    for (const Person& person : *everyone) {
        if (!person.email.isEmpty())
            m_byEmail.insert(person.email.toLower(), person.id);
        m_byName[person.name].append(person.id);
        if (person.hasLeft)
            m_leavers.insert(person.id);
    }
    return true;
}

PersonCell ImportPeople::find(const QString& name, const QString& email)
{
    PersonCell found {std::nullopt, name.trimmed(), email.trimmed()};
    if (!found.email.isEmpty()) {
        if (!PersonStore::isEmailAddress(found.email)) {
            found.problem = QStringLiteral("\"%1\" is not an email address").arg(found.email);
            found.problemInEmail = true;
            return found;
        }
        if (const auto id = m_byEmail.constFind(found.email.toLower()); id != m_byEmail.cend())
            found.id = *id;
        if (found.name.isEmpty())
            found.name = found.email.section(QLatin1Char('@'), 0, 0);
    } else if (!found.name.isEmpty()) {
        const QList<RecordId> named = m_byName.value(found.name);
        if (named.size() > 1) {
            found.problem = QStringLiteral("%1 people are called \"%2\": give an email address to say which")
                                .arg(named.size())
                                .arg(found.name);
            return found;
        }
        if (named.size() == 1)
            found.id = named.first();
    } else {
        return found;
    }
    if (found.id)
        return found;
    if (!m_addUnknown) {
        m_leftOut.insert(nameAndEmail(found.name, found.email));
        return PersonCell();
    }
    // Checked now, so that a person the store would refuse is a problem of the row, not a failed write.
    found.problem = PersonStore::problemWith(Person {0, found.name, found.email});
    found.problemInEmail = !found.email.isEmpty();
    found.toAdd = found.problem.isEmpty();
    return found;
}

std::optional<RecordId> ImportPeople::add(const PersonCell& cell, QString* error)
{
    // An earlier row of this import may have added them already.
    if (const auto id = m_byEmail.constFind(cell.email.toLower()); !cell.email.isEmpty() && id != m_byEmail.cend())
        return *id;
    if (const QList<RecordId> named = m_byName.value(cell.name); cell.email.isEmpty() && named.size() == 1)
        return named.first();
    const std::optional<RecordId> id = m_store.add(Person {0, cell.name, cell.email}, m_transaction, error);
    if (!id)
        return std::nullopt;
    if (!cell.email.isEmpty())
        m_byEmail.insert(cell.email.toLower(), *id);
    m_byName[cell.name].append(*id);
    m_report.createdPeople << nameAndEmail(cell.name, cell.email);
    return id;
}

void ImportPeople::hasLeft(RecordId id)
{
    if (!m_leavers.contains(id))
        m_toMarkLeft.insert(id);
}

bool ImportPeople::finish(QString* error)
{
    for (RecordId id : std::as_const(m_toMarkLeft)) {
        if (!m_store.markLeft(id, m_transaction, error))
            return false;
        m_report.peopleMarkedLeft << m_store.get(id).value_or(Person()).name;
    }
    m_report.peopleMarkedLeft.sort();
    m_report.peopleLeftOut = QStringList(m_leftOut.cbegin(), m_leftOut.cend());
    m_report.peopleLeftOut.sort();
    return true;
}

} // namespace custos
