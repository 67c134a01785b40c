#include "models/assets/AssetStore.h"

#include "models/assets/AssetRecord.h"
#include "models/audit/AuditLog.h"
#include "models/domain/AssetValidator.h"
#include "models/domain/CoverageRules.h"
#include "models/domain/ReviewSchedule.h"
#include "models/store/Register.h"
#include "models/store/RowByRowWriting.h"
#include "models/store/SqlValues.h"
#include "models/store/WriteTransaction.h"

#include <QSqlQuery>

namespace custos {

namespace {

const char* const kSetStatus = "UPDATE assets SET status = ?, modified_at = ? WHERE id = ?";
const char* const kSelectCycle = "SELECT review_cycle_months FROM assets WHERE id = ?";
const char* const kRecordReview = "UPDATE assets SET last_reviewed = ?, next_review_due = ?, modified_at = ? "
                                  "WHERE id = ?";
const char* const kDeleteReviews = "DELETE FROM reviews WHERE asset_id = ?";
const char* const kDeleteAsset = "DELETE FROM assets WHERE id = ?";
// The number of the highest reference in referenceFor's format.
const char* const kHighestReference = "SELECT max(CAST(substr(reference, 4) AS INTEGER)) FROM assets "
                                      "WHERE reference GLOB 'IA-[0-9]*'";
const char* const kDeleteLatestReview = "DELETE FROM reviews WHERE id = (SELECT max(id) FROM reviews "
                                        "WHERE asset_id = ? AND reviewed_on = ?)";
const char* const kInsertReview = "INSERT INTO reviews (asset_id, reviewed_on, reviewed_by) VALUES (?, ?, ?)";
const char* const kSelectPersonLeft = "SELECT has_left FROM people WHERE id = ?";

QString failureFor(const Asset& asset, const QSqlQuery& query, const WriteTransaction& transaction)
{
    if (isUniqueViolation(query)) {
        return QStringLiteral("Reference %1 is already used by another asset. Choose a different reference.")
            .arg(asset.reference);
    }
    return QStringLiteral("Asset %1 was not saved: %2").arg(asset.reference, transaction.failure(query));
}

QString missingAsset()
{
    return QStringLiteral("One of the chosen assets is no longer in the register. Nothing was changed.");
}

// Runs `statement` once per id with `bindFirst` values in front of the id; all ids must exist.
bool updateEach(QSqlQuery& query,
                const QList<RecordId>& ids,
                const QVariantList& bindFirst,
                QString* error,
                const WriteTransaction& transaction)
{
    for (RecordId id : ids) {
        for (const QVariant& value : bindFirst)
            query.addBindValue(value);
        query.addBindValue(id);
        if (!query.exec()) {
            setError(error, transaction.failure(query));
            return false;
        }
        if (query.numRowsAffected() != 1) {
            setError(error, missingAsset());
            return false;
        }
    }
    return true;
}

} // namespace

AssetStore::AssetStore(Register& reg, const QDate& today)
    : m_register(reg)
    , m_today(today)
{
}

std::optional<Asset> AssetStore::selectOne(const QString& where, const QVariant& value) const
{
    QSqlQuery query(m_register.database());
    query.prepare(AssetRecord::selectSql() + QStringLiteral(" WHERE ") + where);
    query.addBindValue(value);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return AssetRecord::read(query);
}

std::optional<Asset> AssetStore::get(RecordId id) const
{
    return selectOne(QStringLiteral("a.id = ?"), id);
}

std::optional<Asset> AssetStore::findByReference(const QString& reference) const
{
    return selectOne(QStringLiteral("a.reference = ?"), reference);
}

bool AssetStore::forEachMatching(const AssetFilter& filter,
                                 const std::function<void(const QString&, const QString&)>& visit,
                                 QString* error) const
{
    QSqlQuery query(m_register.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT a.reference, a.name FROM %1 WHERE %2 ORDER BY a.reference")
                      .arg(QLatin1String(CoverageRules::kFrom), filter.whereClause()));
    filter.bind(query, m_today);
    query.exec();
    while (query.next())
        visit(query.value(0).toString(), query.value(1).toString());
    return readSucceeded(m_register, query, error);
}

std::optional<int> AssetStore::count(const AssetFilter& filter, QString* error) const
{
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE %2")
                      .arg(QLatin1String(CoverageRules::kFrom), filter.whereClause()));
    filter.bind(query, m_today);
    if (!query.exec() || !query.next()) {
        readSucceeded(m_register, query, error);
        return std::nullopt;
    }
    return query.value(0).toInt();
}

std::optional<RecordId> AssetStore::add(const Asset& asset, QString* error)
{
    bool given = false;
    const bool added = addAll(
        [&]() -> std::optional<Asset> {
            if (given)
                return std::nullopt;
            given = true;
            return asset;
        },
        error);
    if (!added)
        return std::nullopt;
    return findByReference(asset.reference).value_or(Asset()).id;
}

bool AssetStore::addAll(const std::function<std::optional<Asset>()>& next, QString* error)
{
    const RowByRowWriting rowByRow(m_register.database());
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_register.database());
    query.prepare(AssetRecord::insertSql());
    const QDateTime now = nowUtc();
    while (std::optional<Asset> asset = next()) {
        if (const QStringList problems = AssetValidator::problems(*asset, m_today); !problems.isEmpty()) {
            setError(error, QStringLiteral("Asset %1 was refused: %2").arg(asset->reference, problems.join(' ')));
            return false;
        }
        if (!asset->created.isValid())
            asset->created = now;
        if (!asset->modified.isValid())
            asset->modified = asset->created;
        AssetRecord::bind(query, *asset);
        if (!query.exec()) {
            setError(error, failureFor(*asset, query, transaction));
            return false;
        }
    }
    return transaction.commit(error);
}

bool AssetStore::update(const Asset& asset, QString* error)
{
    return update(QList<Asset> {asset}, error);
}

std::optional<QList<Asset>> AssetStore::readyForUpdate(const QList<Asset>& assets, QString* error) const
{
    QList<Asset> ready;
    const QDateTime now = nowUtc();
    for (Asset asset : assets) {
        if (const QStringList problems = AssetValidator::problems(asset, m_today); !problems.isEmpty()) {
            setError(error, QStringLiteral("Asset %1 was not saved: %2").arg(asset.reference, problems.join(' ')));
            return std::nullopt;
        }
        const std::optional<Asset> stored = get(asset.id);
        if (!stored) {
            setError(error, missingAsset());
            return std::nullopt;
        }
        asset.created = stored->created;
        asset.modified = now;
        ready.append(asset);
    }
    return ready;
}

bool AssetStore::unchangedSinceRead(const QList<Asset>& assets, QString* error)
{
    m_changedSinceRead.clear();
    QStringList changes;
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("SELECT version FROM assets WHERE id = ?"));
    for (const Asset& asset : assets) {
        if (asset.version == 0)
            continue;
        query.addBindValue(asset.id);
        if (!query.exec() || !query.next()) {
            setError(error, missingAsset());
            return false;
        }
        if (query.value(0).toLongLong() == asset.version)
            continue;
        m_changedSinceRead.append(asset.id);
        const QString latest = AuditLog(m_register).latestChange(QStringLiteral("assets"), asset.id);
        changes << (latest.isEmpty() ? asset.reference : QStringLiteral("%1, by %2").arg(asset.reference, latest));
    }
    query.finish();
    if (changes.isEmpty())
        return true;
    setError(error,
             QStringLiteral("Nothing was saved: since you read %1, it was changed by someone else.\n%2")
                 .arg(changes.size() == 1 ? QStringLiteral("this asset") : QStringLiteral("these assets"),
                      changes.join(QLatin1Char('\n'))));
    return false;
}

bool AssetStore::writeUpdates(const QList<Asset>& ready, const WriteTransaction& transaction, QString* error)
{
    if (!unchangedSinceRead(ready, error))
        return false;
    QSqlQuery query(m_register.database());
    query.prepare(AssetRecord::updateSql());
    for (const Asset& asset : ready) {
        AssetRecord::bind(query, asset);
        if (!query.exec()) {
            setError(error, failureFor(asset, query, transaction));
            return false;
        }
    }
    return true;
}

bool AssetStore::update(const QList<Asset>& assets, QString* error)
{
    const std::optional<QList<Asset>> ready = readyForUpdate(assets, error);
    if (!ready)
        return false;
    const RowByRowWriting rowByRow(m_register.database());
    WriteTransaction transaction(m_register);
    return transaction.begin(error) && writeUpdates(*ready, transaction, error) && transaction.commit(error);
}

bool AssetStore::withdrawReview(const QList<Asset>& before, const QDate& date, QString* error)
{
    std::optional<QList<Asset>> ready = readyForUpdate(before, error);
    if (!ready)
        return false;
    // `before` was read before the review moved the versions on; taking the review back is not a
    // write over someone else's change.
    for (Asset& asset : *ready)
        asset.version = 0;
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error) || !writeUpdates(*ready, transaction, error))
        return false;
    QSqlQuery query(m_register.database());
    query.prepare(QString::fromLatin1(kDeleteLatestReview));
    for (const Asset& asset : before) {
        query.addBindValue(asset.id);
        query.addBindValue(dateValue(date));
        if (!query.exec()) {
            setError(error, transaction.failure(query));
            return false;
        }
    }
    return transaction.commit(error);
}

bool AssetStore::remove(RecordId id, QString* error)
{
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_register.database());
    for (const char* statement : {kDeleteReviews, kDeleteAsset}) {
        query.prepare(QString::fromLatin1(statement));
        query.addBindValue(id);
        if (!query.exec()) {
            setError(error, transaction.failure(query));
            return false;
        }
    }
    if (query.numRowsAffected() != 1) {
        setError(error, missingAsset());
        return false;
    }
    return transaction.commit(error);
}

QString AssetStore::referenceFor(qint64 number)
{
    // kHighestReference reads this format back: "IA-" then the number.
    return QStringLiteral("IA-%1").arg(number, 6, 10, QLatin1Char('0'));
}

qint64 AssetStore::nextReferenceNumber() const
{
    QSqlQuery query(m_register.database());
    const qint64 highest
        = query.exec(QString::fromLatin1(kHighestReference)) && query.next() ? query.value(0).toLongLong() : 0;
    return highest + 1;
}

QString AssetStore::nextReference() const
{
    return referenceFor(nextReferenceNumber());
}

bool AssetStore::setStatus(const QList<RecordId>& ids, AssetStatus status, QString* error)
{
    const RowByRowWriting rowByRow(m_register.database());
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_register.database());
    query.prepare(QString::fromLatin1(kSetStatus));
    if (!updateEach(query, ids, {enumToText(status), timestampText(nowUtc())}, error, transaction))
        return false;
    return transaction.commit(error);
}

bool AssetStore::assignPerson(const char* column,
                              const QList<RecordId>& ids,
                              std::optional<RecordId> personId,
                              QString* error)
{
    if (personId) {
        QSqlQuery person(m_register.database());
        person.prepare(QString::fromLatin1(kSelectPersonLeft));
        person.addBindValue(*personId);
        if (!person.exec() || !person.next()) {
            setError(error, QStringLiteral("That person is no longer in the register. Nothing was changed."));
            return false;
        }
        if (person.value(0).toBool()) {
            setError(error, QStringLiteral("That person has left, so cannot be given assets. Nothing was changed."));
            return false;
        }
    }
    const RowByRowWriting rowByRow(m_register.database());
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_register.database());
    query.prepare(QStringLiteral("UPDATE assets SET %1 = ?, modified_at = ? WHERE id = ?").arg(QLatin1String(column)));
    if (!updateEach(query, ids, {idValue(personId), timestampText(nowUtc())}, error, transaction))
        return false;
    return transaction.commit(error);
}

bool AssetStore::assignOwner(const QList<RecordId>& ids, std::optional<RecordId> personId, QString* error)
{
    return assignPerson("iao_id", ids, personId, error);
}

bool AssetStore::assignManager(const QList<RecordId>& ids, std::optional<RecordId> personId, QString* error)
{
    return assignPerson("iam_id", ids, personId, error);
}

bool AssetStore::recordReview(const QList<RecordId>& ids, const QDate& date, QString* error)
{
    if (!date.isValid() || date > m_today) {
        setError(error, QStringLiteral("A review can only be recorded for today or a day before."));
        return false;
    }
    const RowByRowWriting rowByRow(m_register.database());
    WriteTransaction transaction(m_register);
    if (!transaction.begin(error))
        return false;
    QSqlQuery cycle(m_register.database());
    cycle.prepare(QString::fromLatin1(kSelectCycle));
    QSqlQuery update(m_register.database());
    update.prepare(QString::fromLatin1(kRecordReview));
    QSqlQuery review(m_register.database());
    review.prepare(QString::fromLatin1(kInsertReview));
    const QString now = timestampText(nowUtc());
    for (RecordId id : ids) {
        cycle.addBindValue(id);
        if (!cycle.exec() || !cycle.next()) {
            setError(error, missingAsset());
            return false;
        }
        const QDate nextDue = ReviewSchedule::addMonths(date, cycle.value(0).toInt());
        cycle.finish();
        if (!updateEach(update, {id}, {dateValue(date), dateValue(nextDue), now}, error, transaction))
            return false;
        review.addBindValue(id);
        review.addBindValue(dateValue(date));
        review.addBindValue(m_register.actor());
        if (!review.exec()) {
            setError(error, transaction.failure(review));
            return false;
        }
    }
    return transaction.commit(error);
}

} // namespace custos
