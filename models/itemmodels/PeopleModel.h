#pragma once

#include "models/people/PersonStore.h"
#include "models/units/UnitTree.h"

#include <QAbstractTableModel>
#include <QHash>

namespace custos {

// The register's people with their business unit and how many assets each owns and manages:
// everyone, or those whose name, email or unit holds the search text, leavers shown or not.
class PeopleModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Email, Login, BusinessUnit, OwnerOf, ManagerOf, Status, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit PeopleModel(Register& reg, QObject* parent = nullptr);

    // Reads the people and their asset counts again, after the register has changed.
    void reload();
    // Shows only the people whose name, email or business unit holds `text`, in any case.
    void setSearch(const QString& text);
    void setShowLeavers(bool show);
    // Everyone in the register, shown or not.
    int totalCount() const { return int(m_everyone.size()); }
    const Person& person(int row) const { return m_people.at(row); }
    int rowOf(RecordId id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QHash<RecordId, int> countAssetsBy(const char* column) const;
    bool isShown(const Person& person) const;
    void refilter();

    Register& m_register;
    QList<Person> m_everyone;
    QList<Person> m_people; // those shown
    QString m_search;
    bool m_showLeavers = true;
    UnitTree m_units;
    QHash<RecordId, int> m_owned;
    QHash<RecordId, int> m_managed;
};

} // namespace custos
