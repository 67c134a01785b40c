#include "models/itemmodels/PersonChoiceModel.h"

#include <algorithm>

namespace custos {

PersonChoiceModel::PersonChoiceModel(QObject* parent)
    : QAbstractListModel(parent)
    , m_noneText(QStringLiteral("None"))
{
}

void PersonChoiceModel::setPeople(const QList<Person>& people, const UnitTree& units)
{
    m_everyone = people;
    m_units = units;
    refilter();
}

void PersonChoiceModel::setNoneText(const QString& text)
{
    m_noneText = text;
    refilter();
}

void PersonChoiceModel::setQuery(const QString& query)
{
    m_query = query.trimmed();
    refilter();
}

void PersonChoiceModel::setKept(std::optional<RecordId> id)
{
    m_kept = id;
    refilter();
}

void PersonChoiceModel::setExcluded(std::optional<RecordId> id)
{
    m_excluded = id;
    refilter();
}

bool PersonChoiceModel::isOffered(const Person& person) const
{
    return person.id != m_excluded && (!person.hasLeft || person.id == m_kept);
}

void PersonChoiceModel::refilter()
{
    beginResetModel();
    m_noneShown = m_query.isEmpty();
    m_shown.clear();
    for (int i = 0; i < m_everyone.size(); ++i) {
        if (isOffered(m_everyone[i]) && m_everyone[i].matches(m_query))
            m_shown.append(i);
    }
    endResetModel();
}

const Person* PersonChoiceModel::person(RecordId id) const
{
    for (const Person& person : m_everyone) {
        if (person.id == id)
            return &person;
    }
    return nullptr;
}

QString PersonChoiceModel::nameOf(const Person& person)
{
    return person.hasLeft ? person.name + QStringLiteral(" (left)") : person.name;
}

QString PersonChoiceModel::detailsOf(const Person& person, const UnitTree& units)
{
    QStringList details;
    if (!person.email.isEmpty())
        details << person.email;
    if (person.unitId)
        details << units.path(*person.unitId);
    return details.join(QStringLiteral(" \u00B7 "));
}

int PersonChoiceModel::namesakesOf(const Person& person) const
{
    return int(std::count_if(m_everyone.cbegin(), m_everyone.cend(), [&](const Person& other) {
        return isOffered(other) && other.name.compare(person.name, Qt::CaseInsensitive) == 0;
    }));
}

int PersonChoiceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size()) + (m_noneShown ? 1 : 0);
}

QVariant PersonChoiceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row() - (m_noneShown ? 1 : 0);
    if (row < 0)
        return role == Qt::DisplayRole ? QVariant(m_noneText) : QVariant();
    const Person& person = m_everyone.at(m_shown.at(row));
    switch (role) {
    case IdRole:
        return person.id;
    case Qt::DisplayRole: {
        const QString details = detailsOf(person);
        return details.isEmpty() ? nameOf(person) : QStringLiteral("%1 \u2014 %2").arg(nameOf(person), details);
    }
    default:
        return {};
    }
}

} // namespace custos
