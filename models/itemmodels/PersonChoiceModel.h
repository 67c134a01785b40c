#pragma once

#include "models/people/PersonStore.h"
#include "models/units/UnitTree.h"

#include <QAbstractListModel>
#include <optional>

namespace custos {

// The people a picker offers, one a row: everyone who has not left and whose name or email holds
// what was typed, each shown with their email and business unit beside the name. A person who has
// left is offered only when kept (an asset's IAO who has left since), marked as left. While
// nothing is typed, "none" comes first.
class PersonChoiceModel : public QAbstractListModel
{
    Q_OBJECT

public:
    // The person's id; none on the "none" row.
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit PersonChoiceModel(QObject* parent = nullptr);

    void setPeople(const QList<Person>& people, const UnitTree& units);
    // What choosing nobody is called: "None" unless set.
    void setNoneText(const QString& text);
    void setQuery(const QString& query);
    // Someone offered although they have left, marked as left; or nobody.
    void setKept(std::optional<RecordId> id);
    // Someone never offered (a leaver cannot take over their own assets); or nobody.
    void setExcluded(std::optional<RecordId> id);

    // Anyone in the register, offered or not; null for an id it does not hold.
    const Person* person(RecordId id) const;
    // The name, marked " (left)" for a leaver.
    static QString nameOf(const Person& person);
    // The email and business unit shown beside the name, either left out when there is none.
    static QString detailsOf(const Person& person, const UnitTree& units);
    QString detailsOf(const Person& person) const { return detailsOf(person, m_units); }
    // How many people on offer, whatever is typed, have this person's name (in any case).
    int namesakesOf(const Person& person) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    bool isOffered(const Person& person) const;
    void refilter();

    QList<Person> m_everyone;
    UnitTree m_units;
    // Indexes into m_everyone of the people shown, after the "none" row when it shows.
    QList<int> m_shown;
    bool m_noneShown = true;
    QString m_noneText;
    QString m_query;
    std::optional<RecordId> m_kept;
    std::optional<RecordId> m_excluded;
};

} // namespace custos
