#include "models/coverage/CoverageTrend.h"

#include "models/store/Register.h"
#include "models/store/SqlValues.h"
#include "models/store/SqliteHandle.h"
#include "models/units/UnitStore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <memory>
#include <sqlite3.h>
#include <vector>

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

CoverageCounts countAt(const std::vector<AssetState>& assets,
                       const QHash<RecordId, bool>& hasLeft,
                       const UnitsInScope& scope,
                       qint64 day)
{
    CoverageCounts counts;
    for (const AssetState& asset : assets) {
        if (!asset.exists || !asset.active || !scope.contains(asset.unitId))
            continue;
        const bool owned = asset.iaoId != 0 && !hasLeft.value(asset.iaoId, true);
        const bool classified = asset.classified && !asset.needsReview;
        const bool overdue = asset.nextReviewDue < day;
        ++counts.assets;
        counts.owned += owned;
        counts.unowned += !owned;
        counts.classified += classified;
        counts.unclassified += !classified;
        counts.overdue += overdue;
        counts.complete += owned && classified && !overdue && asset.retentionRecorded;
    }
    return counts;
}

} // namespace

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
    QList<QDate> days;
    for (int week = kWeeks; week >= 0; --week)
        days.append(today.addDays(-7 * week));

    QList<QByteArray> dayEnds; // a change at or after this time comes after the day's point
    for (const QDate& day : days)
        dayEnds.append(day.addDays(1).toString(Qt::ISODate).toLatin1());

    std::vector<AssetState> assets;
    QHash<RecordId, bool> hasLeft;
    CoverageTrend trend;
    // Read with SQLite itself: a million changes through QVariant and UTF-16 took several times as long.
    sqlite3_stmt* prepared = nullptr;
    // SQLite picks the few columns out of each change: far quicker than a whole JSON document each.
    const QByteArray sql = QByteArray("SELECT at, action, record_table, record_id, json_extract(changes, ")
        + kColumnPaths + ") FROM audit_log WHERE record_table IN ('assets', 'people') ORDER BY at, id";
    sqlite3* db = sqliteHandle(reg.database());
    const int prepare = sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &prepared, nullptr);
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(prepared, &sqlite3_finalize);
    if (prepare != SQLITE_OK) {
        setError(error, readFailure(reg, QString::fromUtf8(sqlite3_errmsg(db))));
        return std::nullopt;
    }
    QDate firstChange;
    int next = 0; // the next point to take
    int step = SQLITE_ROW;
    for (qint64 rows = 0; next < days.size() && (step = sqlite3_step(prepared)) == SQLITE_ROW; ++rows) {
        if (keepGoing && rows % 10000 == 0 && !keepGoing())
            return CoverageTrend();
        const auto* at = reinterpret_cast<const char*>(sqlite3_column_text(prepared, 0));
        if (!firstChange.isValid())
            firstChange = QDate::fromString(QString::fromLatin1(at, 10), Qt::ISODate);
        // A point is the state at the end of its day: take every point whose day ended before this change.
        while (next < days.size() && qstrcmp(at, dayEnds[next]) >= 0) {
            trend.points.append({days[next], countAt(assets, hasLeft, units, days[next].toJulianDay())});
            ++next;
        }
        if (next == days.size())
            break;
        const char action = *reinterpret_cast<const char*>(sqlite3_column_text(prepared, 1));
        const bool person = *reinterpret_cast<const char*>(sqlite3_column_text(prepared, 2)) == 'p';
        const RecordId id = sqlite3_column_int64(prepared, 3);
        const auto* changed = reinterpret_cast<const char*>(sqlite3_column_blob(prepared, 4));
        const QJsonArray changes
            = QJsonDocument::fromJson(QByteArray::fromRawData(changed, sqlite3_column_bytes(prepared, 4))).array();
        if (person) {
            if (action == 'd')
                hasLeft.remove(id);
            else if (const QJsonValue left = changes.at(HasLeft); left.isArray())
                hasLeft.insert(id, left.toArray().at(1).toInteger() != 0);
            continue;
        }
        if (id >= qint64(assets.size()))
            assets.resize(id + 1);
        apply(assets[id], action, changes);
    }
    // The points after a failed step would count a register only partly replayed.
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        setError(error, readFailure(reg, QString::fromUtf8(sqlite3_errmsg(db))));
        return std::nullopt;
    }
    for (; next < days.size(); ++next)
        trend.points.append({days[next], countAt(assets, hasLeft, units, days[next].toJulianDay())});

    // Before the first change there was no register to measure.
    if (firstChange.isValid()) {
        trend.points.removeIf([&](const TrendPoint& point) { return point.date < firstChange; });
    } else {
        trend.points.clear();
    }
    return trend;
}

} // namespace custos
