#pragma once

#include "models/assets/AssetFilter.h"
#include "models/domain/Asset.h"

#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace custos {

class Register;
class WriteTransaction;

// Reading and changing assets. Each change is one transaction: it happens whole, in the audit
// trail, or not at all.
class AssetStore
{
public:
    explicit AssetStore(Register& reg, const QDate& today = QDate::currentDate());

    std::optional<Asset> get(RecordId id) const;
    std::optional<Asset> findByReference(const QString& reference) const;
    // Calls `visit` with the reference and name of each asset the filter selects, in reference order;
    // false, with the reason in `error`, when the assets cannot be read (perhaps after some visits).
    bool forEachMatching(const AssetFilter& filter,
                         const std::function<void(const QString& reference, const QString& name)>& visit,
                         QString* error = nullptr) const;
    // None, with the reason in `error`, when the assets cannot be read.
    std::optional<int> count(const AssetFilter& filter, QString* error = nullptr) const;

    std::optional<RecordId> add(const Asset& asset, QString* error = nullptr);
    // Adds every asset `next` yields, until it yields none, in one transaction: all or none.
    bool addAll(const std::function<std::optional<Asset>()>& next, QString* error = nullptr);
    bool update(const Asset& asset, QString* error = nullptr);
    // Deletes an asset and its review records: only to take back an asset just added, since
    // assets that have lived are archived or disposed instead. The audit trail keeps its history.
    bool remove(RecordId id, QString* error = nullptr);
    // The reference numbered `number` in the register's own style, IA-000123: the one place that
    // spells it (the demo, the import and the editor's next reference all come here).
    static QString referenceFor(qint64 number);
    // The number of the next free reference: one past the highest IA- reference, 1 in an empty register.
    qint64 nextReferenceNumber() const;
    // The next free reference in the register's IA-000123 style.
    QString nextReference() const;
    // Writes every asset given in one transaction: all or none. An asset read at a version that
    // someone else has moved on since is not overwritten: the update fails, naming who changed it,
    // when and what, and changedSinceRead() lists them. (An asset of version 0 is not checked.)
    bool update(const QList<Asset>& assets, QString* error = nullptr);
    const QList<RecordId>& changedSinceRead() const { return m_changedSinceRead; }

    // Archive or dispose (or restore to active) several assets at once.
    bool setStatus(const QList<RecordId>& ids, AssetStatus status, QString* error = nullptr);
    // Assign an IAO (or none) to several assets at once; someone who has left cannot be assigned.
    bool assignOwner(const QList<RecordId>& ids, std::optional<RecordId> personId, QString* error = nullptr);
    bool assignManager(const QList<RecordId>& ids, std::optional<RecordId> personId, QString* error = nullptr);
    // Records a review of each asset on `date`, which moves its next review date on by its cycle.
    bool recordReview(const QList<RecordId>& ids, const QDate& date, QString* error = nullptr);
    // Takes back reviews recorded on `date`: each asset goes back to how it was (`before`) and the
    // review record goes, in one transaction.
    bool withdrawReview(const QList<Asset>& before, const QDate& date, QString* error = nullptr);

private:
    // Validates assets for writing and stamps them as modified now; nothing on a problem.
    std::optional<QList<Asset>> readyForUpdate(const QList<Asset>& assets, QString* error) const;
    // Checks, inside the write's transaction, that no asset read at a version has moved on since.
    bool unchangedSinceRead(const QList<Asset>& assets, QString* error);
    bool writeUpdates(const QList<Asset>& ready, const WriteTransaction& transaction, QString* error);
    bool assignPerson(const char* column, const QList<RecordId>& ids, std::optional<RecordId> personId, QString* error);
    std::optional<Asset> selectOne(const QString& where, const QVariant& value) const;

    Register& m_register;
    QDate m_today;
    QList<RecordId> m_changedSinceRead;
};

} // namespace custos
