#pragma once

#include "models/csv/ImportReport.h"
#include "models/domain/Asset.h"
#include "models/people/PersonStore.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace custos {

class Register;
class WriteTransaction;

// What a row's name and email cells say of a person: someone the register has, someone to add,
// nobody (both cells empty, or an unknown person left out), or a problem with the cells.
struct PersonCell
{
    std::optional<RecordId> id;
    QString name;
    QString email;
    bool toAdd = false;
    // Why the cells cannot be taken, and whether the email cell (else the name cell) is at fault.
    QString problem;
    bool problemInEmail = false;
};

// The IAOs and IAMs of an import: found by email, else by exact name, among the register's people
// and those the import has added already. Unknown people are added through PersonStore, inside the
// import's transaction, or left out when the options say so; people whose IAO status says Left are
// marked left at the end. What it adds, marks and leaves out goes into the report.
class ImportPeople
{
public:
    ImportPeople(Register& reg, const WriteTransaction& transaction, bool addUnknown, ImportReport& report);

    // Reads the register's people; false, with `error` set, when they cannot be read.
    bool load(QString* error);
    // The person a row's name and email cells name, checked by PersonStore's rules.
    PersonCell find(const QString& name, const QString& email);
    // The id of a person to add, added now unless an earlier row added them; none, with `error`
    // set, when the register refuses.
    std::optional<RecordId> add(const PersonCell& cell, QString* error);
    // Someone an IAO status cell says has left: marked left by finish() unless they have already.
    void hasLeft(RecordId id);
    // Marks the leavers left and completes the report's lists; false, with `error` set, when the
    // register refuses.
    bool finish(QString* error);

private:
    PersonStore m_store;
    const WriteTransaction& m_transaction;
    bool m_addUnknown;
    ImportReport& m_report;

    QHash<QString, RecordId> m_byEmail;
    QHash<QString, QList<RecordId>> m_byName;
    QSet<RecordId> m_leavers;
    QSet<RecordId> m_toMarkLeft;
    QSet<QString> m_leftOut;
};

} // namespace custos
