#pragma once

#include "Asset.h"

#include <QList>
#include <QString>
#include <optional>

namespace custos {

class Register;

struct Person
{
    RecordId id = 0;
    QString name;
    QString email;
    // The operating-system login, so Custos can tell which person is "me".
    QString login;
    std::optional<RecordId> unitId;
    bool hasLeft = false;

    bool operator==(const Person&) const = default;
};

// The people who own and manage assets. A person who has left stays in the register, so the
// history still names them, but owns nothing as far as coverage is concerned.
class PersonStore
{
public:
    explicit PersonStore(Register& reg);

    QList<Person> all() const;
    std::optional<Person> get(RecordId id) const;
    std::optional<Person> findByEmail(const QString& email) const;

    // Adds every person in one transaction, filling in their ids; all or none.
    bool add(QList<Person>& people, QString* error = nullptr);
    std::optional<RecordId> add(const Person& person, QString* error = nullptr);
    bool update(const Person& person, QString* error = nullptr);
    bool markLeft(RecordId id, QString* error = nullptr);

private:
    std::optional<Person> selectOne(const QString& where, const QVariant& value) const;

    Register& m_register;
};

} // namespace custos
