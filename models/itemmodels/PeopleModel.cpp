#include "models/itemmodels/PeopleModel.h"

#include "models/store/Register.h"
#include "models/units/UnitStore.h"

#include <QSqlQuery>
#include <algorithm>
#include <iterator>

namespace custos {

PeopleModel::PeopleModel(Register& reg, QObject* parent)
    : QAbstractTableModel(parent)
    , m_register(reg)
{
    reload();
}

void PeopleModel::reload()
{
    m_everyone = PersonStore(m_register).all();
    m_units = UnitStore(m_register).tree();
    m_owned = countAssetsBy("iao_id");
    m_managed = countAssetsBy("iam_id");
    refilter();
}

void PeopleModel::setSearch(const QString& text)
{
    m_search = text.trimmed();
    refilter();
}

void PeopleModel::setShowLeavers(bool show)
{
    m_showLeavers = show;
    refilter();
}

bool PeopleModel::isShown(const Person& person) const
{
    if (person.hasLeft && !m_showLeavers)
        return false;
    return person.matches(m_search)
        || (person.unitId && m_units.path(*person.unitId).contains(m_search, Qt::CaseInsensitive));
}

void PeopleModel::refilter()
{
    beginResetModel();
    m_people.clear();
    std::copy_if(m_everyone.cbegin(), m_everyone.cend(), std::back_inserter(m_people), [this](const Person& person) {
        return isShown(person);
    });
    endResetModel();
}

QHash<RecordId, int> PeopleModel::countAssetsBy(const char* column) const
{
    QSqlQuery query(m_register.database());
    query.setForwardOnly(true);
    query.exec(
        QStringLiteral("SELECT %1, count(*) FROM assets WHERE %1 IS NOT NULL GROUP BY %1").arg(QLatin1String(column)));
    QHash<RecordId, int> counts;
    while (query.next())
        counts.insert(query.value(0).toLongLong(), query.value(1).toInt());
    return counts;
}

int PeopleModel::rowOf(RecordId id) const
{
    for (int row = 0; row < m_people.size(); ++row) {
        if (m_people[row].id == id)
            return row;
    }
    return -1;
}

int PeopleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_people.size());
}

int PeopleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeopleModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Person& person = m_people.at(index.row());
    if (role == IdRole)
        return person.id;
    if (role == Qt::TextAlignmentRole && (index.column() == OwnerOf || index.column() == ManagerOf))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return person.name;
    case Email:
        return person.email;
    case Login:
        return person.login;
    case BusinessUnit:
        return person.unitId ? m_units.path(*person.unitId) : QString();
    case OwnerOf:
        return m_owned.value(person.id);
    case ManagerOf:
        return m_managed.value(person.id);
    case Status:
        return person.hasLeft ? QStringLiteral("Left") : QStringLiteral("Current");
    }
    return {};
}

QVariant PeopleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const QStringList titles {QStringLiteral("Name"),
                                     QStringLiteral("Email"),
                                     QStringLiteral("Login"),
                                     QStringLiteral("Business unit"),
                                     QStringLiteral("IAO of"),
                                     QStringLiteral("IAM of"),
                                     QStringLiteral("Status")};
    return titles.value(section);
}

} // namespace custos
