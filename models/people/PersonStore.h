#pragma once

#include "models/domain/Asset.h"

#include <QList>
#include <QSqlQuery>
#include <QString>
#include <optional>

namespace custos {

class Register;
class WriteTransaction;

struct Person
{
    RecordId id = 0;
    QString name;
    QString email;
    // The operating-system login, so Custos can tell which person is "me".
    QString login;
    std::optional<RecordId> unitId;
    bool hasLeft = false;
    // As read from the register; an update of a person someone else changed since is refused.
    // 0 (a person built in code) writes without the check.
    qint64 version = 0;

    bool operator==(const Person&) const = default;
    // Whether the name or email holds `text` anywhere, in any case: how people are searched for.
    bool matches(const QString& text) const
    {
        return name.contains(text, Qt::CaseInsensitive) || email.contains(text, Qt::CaseInsensitive);
    }
    bool sameFieldsAs(const Person& other) const
    {
        Person copy = *this;
        copy.version = other.version;
        return copy == other;
    }
};

// What a person's leaving changed, so it can be taken back: the assets whose IAO or IAM they were
// and who took them over (none: the assets stay with the leaver and count as unowned).
struct Departure
{
    RecordId personId = 0;
    std::optional<RecordId> successorId;
    QList<RecordId> owned;
    QList<RecordId> managed;
};

// The people who own and manage assets. A person who has left stays in the register, so the
// history still names them, but owns nothing as far as coverage is concerned.
class PersonStore
{
public:
    explicit PersonStore(Register& reg);

    // Everyone, or nobody with the reason in `error` when the people cannot be read.
    std::optional<QList<Person>> all(QString* error) const;
    // Nobody when the people cannot be read, for callers with nowhere to say why.
    QList<Person> all() const;
    std::optional<Person> get(RecordId id) const;
    // None when nobody has the email, or when the people cannot be read (with the reason in `error`).
    std::optional<Person> findByEmail(const QString& email, QString* error = nullptr) const;

    // The one email rule, for every way a person comes in: an address has an @ and no spaces.
    static bool isEmailAddress(const QString& email);
    // Why `person` cannot be written (no name, an email that is not an address), or nothing.
    static QString problemWith(const Person& person);

    // Adds every person in one transaction, filling in their ids; all or none.
    bool add(QList<Person>& people, QString* error = nullptr);
    std::optional<RecordId> add(const Person& person, QString* error = nullptr);
    // Adds a person inside a transaction the caller holds open (an import's), to commit or roll
    // back with the rest of its changes. The statement is prepared once per store, so a caller
    // adding many people keeps one store.
    std::optional<RecordId> add(const Person& person, const WriteTransaction& within, QString* error = nullptr);
    // Refused, naming who changed the person and when, if someone else has since it was read.
    bool update(const Person& person, QString* error = nullptr);
    // Deletes a person nobody refers to: only to take back a person just added.
    bool remove(RecordId id, QString* error = nullptr);

    // How many assets, of any status, the person owns or manages.
    int assetCount(RecordId id) const;
    // Marks the person as left and, in the same transaction, hands every asset they own or manage
    // to `successorId`, who must not have left; without one the assets stay with the leaver.
    std::optional<Departure> leave(RecordId id, std::optional<RecordId> successorId, QString* error = nullptr);
    // Takes a departure back: the person is current again and has their assets back.
    bool undoLeave(const Departure& departure, QString* error = nullptr);
    // Marks the person as left inside a transaction the caller holds open, handing nothing over:
    // their assets stay with them and count as unowned.
    bool markLeft(RecordId id, const WriteTransaction& within, QString* error = nullptr);

private:
    std::optional<Person> selectOne(const QString& where, const QVariant& value, QString* error = nullptr) const;
    std::optional<QList<RecordId>> assetIds(const char* column, RecordId personId, QString* error) const;

    Register& m_register;
    std::optional<QSqlQuery> m_insert;
};

} // namespace custos
