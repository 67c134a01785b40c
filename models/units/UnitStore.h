#pragma once

#include "models/units/UnitTree.h"

#include <QSqlQuery>
#include <QString>
#include <optional>

namespace custos {

class Register;
class WriteTransaction;

// Business units: add, rename and move (under another unit, or to the top).
class UnitStore
{
public:
    explicit UnitStore(Register& reg);

    // The units, or none with the reason in `error` when they cannot be read.
    std::optional<UnitTree> tree(QString* error) const;
    // An empty tree when the units cannot be read, for callers with nowhere to say why.
    UnitTree tree() const;
    // How many assets, of any status, each unit holds itself (not counting the units below it).
    QHash<RecordId, int> assetCounts() const;
    std::optional<RecordId> add(const QString& name, std::optional<RecordId> parentId, QString* error = nullptr);
    // Adds a unit inside a transaction the caller holds open (an import's), to commit or roll back
    // with the rest of its changes; the parent must be in the register. The statement is prepared
    // once per store, so a caller adding many units keeps one store.
    std::optional<RecordId> add(const QString& name,
                                std::optional<RecordId> parentId,
                                const WriteTransaction& within,
                                QString* error = nullptr);
    // Renames a unit from the name the caller read, and moves it from the parent the caller read:
    // refused, naming who changed the unit and when, if someone else has since.
    bool rename(RecordId id, const QString& from, const QString& to, QString* error = nullptr);
    bool move(RecordId id,
              std::optional<RecordId> fromParentId,
              std::optional<RecordId> toParentId,
              QString* error = nullptr);
    // Deletes a unit that holds no assets, people or units: only to take back a unit just added.
    bool remove(RecordId id, QString* error = nullptr);

private:
    bool checkName(const QString& name, QString* error) const;
    // Why a rename or move found the unit other than the caller read it.
    QString changedUnderneath(RecordId id) const;

    Register& m_register;
    std::optional<QSqlQuery> m_insert;
};

} // namespace custos
