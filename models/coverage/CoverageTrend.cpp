#include "models/coverage/CoverageTrend.h"

#include "models/store/Register.h"
#include "models/store/SqlValues.h"
#include "models/store/SqliteHandle.h"
#include "models/units/UnitStore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <functional>
#include <sqlite3.h>

namespace custos {

namespace {

// What coverage needs to know of an asset.
struct AssetState
{
    bool exists = false;
    bool active = false;
    RecordId unitId = 0;
    RecordId iaoId = 0; // 0 for none
    bool classified = false;
    bool needsReview = false;
    bool retentionRecorded = false;
    qint64 nextReviewDue = 0; // Julian day
};

qint64 julianDay(const QJsonValue& isoDate)
{
    return QDate::fromString(isoDate.toString().left(10), Qt::ISODate).toJulianDay();
}

// The columns coverage needs, in the order the query extracts their [old, new] pairs.
enum Column { Status, UnitId, IaoId, Classification, NeedsReview, Retention, NextReviewDue, HasLeft };
const char* const kColumnPaths = "'$.status', '$.unit_id', '$.iao_id', '$.classification', "
                                 "'$.classification_needs_review', '$.retention', '$.next_review_due', '$.has_left'";

// Applies one audit row's changes (per Column, [old, new] or null when unchanged) to an asset.
void apply(AssetState& asset, char action, const QJsonArray& changes)
{
    if (action == 'd') {
        asset = AssetState();
        return;
    }
    if (action == 'i')
        asset = AssetState {.exists = true};
    const auto changed = [&changes](Column column, const auto& use) {
        if (const QJsonValue pair = changes.at(column); pair.isArray())
            use(pair.toArray().at(1));
    };
    changed(Status, [&](const QJsonValue& v) { asset.active = v.toString() == QLatin1String("Active"); });
    changed(UnitId, [&](const QJsonValue& v) { asset.unitId = v.toInteger(); });
    changed(IaoId, [&](const QJsonValue& v) { asset.iaoId = v.isNull() ? 0 : v.toInteger(); });
    changed(Classification, [&](const QJsonValue& v) { asset.classified = !v.toString().isEmpty(); });
    changed(NeedsReview, [&](const QJsonValue& v) { asset.needsReview = v.toInteger() != 0; });
    changed(Retention, [&](const QJsonValue& v) { asset.retentionRecorded = !v.toString().trimmed().isEmpty(); });
    changed(NextReviewDue, [&](const QJsonValue& v) { asset.nextReviewDue = julianDay(v); });
}

// Which units count: all, or those of the scope's subtree.
struct UnitsInScope
{
    bool all = true;
    QSet<RecordId> units;
    bool contains(RecordId unitId) const { return all || units.contains(unitId); }
};

// The trend's points: their days, and the first point each change is part of.
class Points
{
public:
    explicit Points(const QDate& today)
    {
        for (int week = CoverageTrend::kWeeks; week >= 0; --week) {
            const QDate day = today.addDays(-7 * week);
            m_days.append(day);
            m_julianDays.append(day.toJulianDay());
            m_dayEnds.append(day.addDays(1).toString(Qt::ISODate).toLatin1());
        }
    }
    int size() const { return int(m_days.size()); }
    const QDate& day(int point) const { return m_days.at(point); }
    qint64 julianDay(int point) const { return m_julianDays.at(point); }
    // A point is the state at the end of its day: a change is part of every point whose day ends
    // after it. size() for a change after the last point.
    int firstPointAfter(const char* at) const
    {
        const auto end
            = std::upper_bound(m_dayEnds.cbegin(), m_dayEnds.cend(), at, [](const char* a, const QByteArray& b) {
                  return qstrcmp(a, b) < 0;
              });
        return int(end - m_dayEnds.cbegin());
    }

private:
    QList<QDate> m_days;
    QList<qint64> m_julianDays;
    QList<QByteArray> m_dayEnds;
};

// Whether each person had left, point by point: someone not yet added, or deleted, counts as left.
class Leavers
{
public:
    // (the first point it is part of, has left), in the order of the changes.
    using Changes = QList<std::pair<int, bool>>;

    void record(RecordId person, int firstPoint, char action, const QJsonArray& changes)
    {
        if (action == 'd') {
            m_changes[person].append({firstPoint, true});
        } else if (const QJsonValue left = changes.at(HasLeft); left.isArray()) {
            m_changes[person].append({firstPoint, left.toArray().at(1).toInteger() != 0});
        }
    }
    // The person's changes, or null for someone never added.
    const Changes* of(RecordId person) const
    {
        const auto found = m_changes.constFind(person);
        return found == m_changes.cend() ? nullptr : &*found;
    }
    static bool hadLeft(const Changes* changes, int point)
    {
        if (!changes)
            return true;
        bool left = true;
        for (const auto& [from, hasLeft] : *changes) {
            if (from <= point)
                left = hasLeft;
        }
        return left;
    }

private:
    QHash<RecordId, Changes> m_changes;
};

// One statement's rows, read with SQLite itself: a million changes through QVariant and UTF-16
// took several times as long. SQLite picks the few columns out of each change, far quicker than
// a whole JSON document each.
class AuditRows
{
public:
    AuditRows(sqlite3* db, const char* table)
    {
        const QByteArray sql = QByteArray("SELECT at, action, record_id, json_extract(changes, ") + kColumnPaths
            + ") FROM audit_log WHERE record_table = '" + table + "' ORDER BY record_id, id";
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_statement, nullptr) != SQLITE_OK)
            m_step = SQLITE_ERROR;
    }
    ~AuditRows() { sqlite3_finalize(m_statement); }
    AuditRows(const AuditRows&) = delete;
    AuditRows& operator=(const AuditRows&) = delete;

    bool next() { return m_step == SQLITE_ROW && (m_step = sqlite3_step(m_statement)) == SQLITE_ROW; }
    // After next() returned false: whether the rows ran out rather than failed.
    bool finished() const { return m_step == SQLITE_DONE; }
    const char* at() const { return reinterpret_cast<const char*>(sqlite3_column_text(m_statement, 0)); }
    char action() const { return *reinterpret_cast<const char*>(sqlite3_column_text(m_statement, 1)); }
    RecordId recordId() const { return sqlite3_column_int64(m_statement, 2); }
    QJsonArray changes() const
    {
        const auto* json = reinterpret_cast<const char*>(sqlite3_column_blob(m_statement, 3));
        return QJsonDocument::fromJson(QByteArray::fromRawData(json, sqlite3_column_bytes(m_statement, 3))).array();
    }

private:
    sqlite3_stmt* m_statement = nullptr;
    int m_step = SQLITE_ROW;
};

// Reads the changes in one snapshot of the register, whichever writer commits meanwhile.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(sqlite3* db)
        : m_db(db)
    {
        sqlite3_exec(m_db, "SAVEPOINT coverage_trend", nullptr, nullptr, nullptr);
    }
    ~ReadSnapshot() { sqlite3_exec(m_db, "RELEASE coverage_trend", nullptr, nullptr, nullptr); }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    sqlite3* m_db;
};

} // namespace

// Asset by asset, in the order of the audit trail's index, so that only one asset's state is held
// at a time: a million assets' states at once took 40 MB beside the window's own rows. People's
// changes come first, as each point's leavers.
std::optional<CoverageTrend> CoverageTrend::compute(Register& reg,
                                                    const QDate& today,
                                                    std::optional<RecordId> scope,
                                                    const std::function<bool()>& keepGoing,
                                                    QString* error)
{
    UnitsInScope units;
    if (scope) {
        const std::optional<UnitTree> tree = UnitStore(reg).tree(error);
        if (!tree)
            return std::nullopt;
        const QList<RecordId> subtree = tree->subtree(*scope);
        units = {false, QSet<RecordId>(subtree.begin(), subtree.end())};
    }
    const Points points(today);
    QList<CoverageCounts> counts(points.size());
    Leavers leavers;
    QByteArray firstChange; // the earliest change's time
    sqlite3* db = sqliteHandle(reg.database());
    const ReadSnapshot snapshot(db);
    qint64 rows = 0;
    bool stopped = false;
    const auto readAll = [&](const char* table, const std::function<void(const AuditRows&, int)>& use) {
        AuditRows changes(db, table);
        while (changes.next()) {
            if (keepGoing && rows++ % 10000 == 0 && !keepGoing()) {
                stopped = true;
                return false;
            }
            if (firstChange.isEmpty() || qstrcmp(changes.at(), firstChange) < 0)
                firstChange = changes.at();
            use(changes, points.firstPointAfter(changes.at()));
        }
        if (!changes.finished())
            setError(error, readFailure(reg, QString::fromUtf8(sqlite3_errmsg(db))));
        return changes.finished();
    };

    if (!readAll("people", [&](const AuditRows& change, int firstPoint) {
            leavers.record(change.recordId(), firstPoint, change.action(), change.changes());
        }))
        return stopped ? std::optional(CoverageTrend()) : std::nullopt;

    // Counts an asset, as it was, in the points from `from` up to `to`.
    const auto count = [&](const AssetState& asset, int from, int to) {
        if (!asset.exists || !asset.active || !units.contains(asset.unitId))
            return;
        const bool classified = asset.classified && !asset.needsReview;
        const Leavers::Changes* iao = asset.iaoId != 0 ? leavers.of(asset.iaoId) : nullptr;
        for (int point = from; point < to; ++point) {
            CoverageCounts& at = counts[point];
            const bool owned = iao && !Leavers::hadLeft(iao, point);
            const bool overdue = asset.nextReviewDue < points.julianDay(point);
            ++at.assets;
            at.owned += owned;
            at.unowned += !owned;
            at.classified += classified;
            at.unclassified += !classified;
            at.overdue += overdue;
            at.complete += owned && classified && !overdue && asset.retentionRecorded;
        }
    };
    RecordId current = 0;
    AssetState asset;
    int counted = 0; // the asset's points up to here are counted
    const bool read = readAll("assets", [&](const AuditRows& change, int firstPoint) {
        if (change.recordId() != current) {
            count(asset, counted, points.size());
            current = change.recordId();
            asset = AssetState();
            counted = 0;
        }
        if (firstPoint > counted) {
            count(asset, counted, firstPoint);
            counted = firstPoint;
        }
        apply(asset, change.action(), change.changes());
    });
    if (!read)
        return stopped ? std::optional(CoverageTrend()) : std::nullopt;
    count(asset, counted, points.size());

    // Before the first change there was no register to measure.
    CoverageTrend trend;
    const QDate first = QDate::fromString(QString::fromLatin1(firstChange.left(10)), Qt::ISODate);
    for (int point = 0; point < points.size(); ++point) {
        if (first.isValid() && points.day(point) >= first)
            trend.points.append({points.day(point), counts.at(point)});
    }
    return trend;
}

} // namespace custos
