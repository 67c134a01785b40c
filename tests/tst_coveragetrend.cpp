#include "TestRegister.h"
#include "models/coverage/CoverageTrend.h"
#include "models/demo/DemoRegister.h"

#include <QSqlError>
#include <QTest>

using namespace custos;

namespace {

// Writes one audit row as Custos would have written it at `at`: the register's history.
void record(Register& reg, const char* at, const char* action, const char* table, int id, const char* changes)
{
    QSqlQuery query(reg.database());
    query.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, record_table, record_id, changes) "
                                 "VALUES (?, 'asmith', ?, ?, ?, ?)"));
    query.addBindValue(QString::fromLatin1(at));
    query.addBindValue(QString::fromLatin1(action));
    query.addBindValue(QString::fromLatin1(table));
    query.addBindValue(id);
    query.addBindValue(QString::fromLatin1(changes));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
}

CoverageCounts counts(int assets, int owned, int classified, int overdue, int complete)
{
    return {assets, owned, assets - owned, classified, assets - classified, overdue, complete};
}

} // namespace

class TestCoverageTrend : public QObject
{
    Q_OBJECT

private slots:
    // A register with a known history: each weekly point is the coverage worked out by hand for
    // the end of that day.
    void weeklyPointsAreTheCoverageAtTheEndOfEachDay()
    {
        TestRegister test;
        Register& reg = test.reg();
        // The units as they stand now: Courts (1) with Listings (2) below it, and Prisons (3).
        QCOMPARE(test.addUnit(QStringLiteral("Courts")), 1);
        QCOMPARE(test.addUnit(QStringLiteral("Listings"), 1), 2);
        QCOMPARE(test.addUnit(QStringLiteral("Prisons")), 3);
        record(reg, "2026-03-02T09:00:00.000Z", "insert", "people", 1, R"({"name":[null,"Ann"],"has_left":[null,0]})");
        record(reg, "2026-03-02T09:00:00.000Z", "insert", "people", 2, R"({"name":[null,"Bob"],"has_left":[null,0]})");
        record(reg, "2026-03-02T10:00:00.000Z", "insert", "units", 1, R"({"name":[null,"Courts"]})");
        // Owned, classified, retention recorded, due in September: complete.
        record(
            reg,
            "2026-03-02T10:00:00.000Z",
            "insert",
            "assets",
            1,
            R"({"unit_id":[null,3],"iao_id":[null,1],"classification":[null,"OFFICIAL"],"classification_needs_review":[null,0],)"
            R"("retention":[null,"6 years"],"next_review_due":[null,"2026-09-01"],"status":[null,"Active"]})");
        // No owner, no classification, due on 15 May.
        record(reg,
               "2026-03-02T10:00:00.000Z",
               "insert",
               "assets",
               2,
               R"({"unit_id":[null,2],"classification_needs_review":[null,0],"next_review_due":[null,"2026-05-15"],)"
               R"("status":[null,"Active"]})");
        record(reg,
               "2026-04-10T12:00:00.000Z",
               "update",
               "assets",
               2,
               R"({"iao_id":[null,2],"classification":[null,"SECRET"]})");
        record(reg, "2026-05-01T08:00:00.000Z", "update", "people", 2, R"({"has_left":[0,1]})");
        // A legacy marking waiting for review.
        record(
            reg,
            "2026-05-20T08:00:00.000Z",
            "insert",
            "assets",
            3,
            R"({"unit_id":[null,1],"iao_id":[null,1],"classification":[null,"OFFICIAL"],"classification_needs_review":[null,1],)"
            R"("next_review_due":[null,"2027-01-01"],"status":[null,"Active"]})");
        record(reg, "2026-06-05T08:00:00.000Z", "update", "assets", 1, R"({"status":["Active","Archived"]})");
        // The last moment of 23 June still counts for that day's point.
        record(reg,
               "2026-06-23T23:59:59.999Z",
               "update",
               "assets",
               2,
               R"({"next_review_due":["2026-05-15","2026-12-01"]})");
        record(reg, "2026-06-29T23:59:59.000Z", "update", "assets", 3, R"({"classification_needs_review":[1,0]})");
        // After the last point: not counted.
        record(reg, "2026-07-05T08:00:00.000Z", "delete", "assets", 3, R"({"status":["Active",null]})");

        const CoverageTrend trend = CoverageTrend::compute(reg, QDate(2026, 6, 30)).value();
        QVERIFY(trend.hasHistory());
        // 3 March is the first weekly point on or after the first change (2 March).
        QCOMPARE(trend.points.size(), 18);
        QCOMPARE(trend.points.first().date, QDate(2026, 3, 3));
        QCOMPARE(trend.points.last().date, QDate(2026, 6, 30));
        QHash<QDate, CoverageCounts> at;
        for (const TrendPoint& point : trend.points) {
            QCOMPARE(point.date.dayOfWeek(), QDate(2026, 6, 30).dayOfWeek());
            at.insert(point.date, point.counts);
        }
        QCOMPARE(at.value(QDate(2026, 3, 3)), counts(2, 1, 1, 0, 1));
        QCOMPARE(at.value(QDate(2026, 4, 7)), counts(2, 1, 1, 0, 1));
        QCOMPARE(at.value(QDate(2026, 4, 14)), counts(2, 2, 2, 0, 1));
        QCOMPARE(at.value(QDate(2026, 5, 5)), counts(2, 1, 2, 0, 1));
        QCOMPARE(at.value(QDate(2026, 5, 19)), counts(2, 1, 2, 1, 1));
        QCOMPARE(at.value(QDate(2026, 5, 26)), counts(3, 2, 2, 1, 1));
        QCOMPARE(at.value(QDate(2026, 6, 9)), counts(2, 1, 1, 1, 0));
        QCOMPARE(at.value(QDate(2026, 6, 16)), counts(2, 1, 1, 1, 0));
        QCOMPARE(at.value(QDate(2026, 6, 23)), counts(2, 1, 1, 0, 0));
        QCOMPARE(at.value(QDate(2026, 6, 30)), counts(2, 1, 2, 0, 0));

        // Courts counts its own asset 3 and Listings' asset 2; Prisons asset 1.
        const CoverageTrend courts = CoverageTrend::compute(reg, QDate(2026, 6, 30), 1).value();
        QCOMPARE(courts.points.size(), 18);
        QCOMPARE(courts.points[6].date, QDate(2026, 4, 14));
        QCOMPARE(courts.points[6].counts, counts(1, 1, 1, 0, 0));
        QCOMPARE(courts.points[12].date, QDate(2026, 5, 26));
        QCOMPARE(courts.points[12].counts, counts(2, 1, 1, 1, 0));
        const CoverageTrend prisons = CoverageTrend::compute(reg, QDate(2026, 6, 30), 3).value();
        QCOMPARE(prisons.points[6].counts, counts(1, 1, 1, 0, 1));
        QCOMPARE(prisons.points.last().counts, counts(0, 0, 0, 0, 0));
    }

    // Made today (as the demo register is): one point, equal to today's coverage, and no history.
    void aNewRegisterHasNoHistoryAndItsPointIsTodaysCoverage()
    {
        TestRegister test;
        const QDate today = QDateTime::currentDateTimeUtc().date();
        QVERIFY(DemoRegister::fill(test.reg(), 400, 3, today));
        const CoverageTrend trend = CoverageTrend::compute(test.reg(), today).value();
        QVERIFY(!trend.hasHistory());
        QCOMPARE(trend.points.size(), 1);
        QCOMPARE(trend.points.first().counts, Coverage::compute(test.reg(), today).value().total);
    }

    void anEmptyRegisterHasNoPoints()
    {
        TestRegister test;
        QVERIFY(CoverageTrend::compute(test.reg(), QDate(2026, 6, 30)).value().points.isEmpty());
    }

    void stoppingReturnsNoPoints()
    {
        TestRegister test;
        QVERIFY(DemoRegister::fill(test.reg(), 50, 3, QDateTime::currentDateTimeUtc().date()));
        const auto stop = [] { return false; };
        QVERIFY(CoverageTrend::compute(test.reg(), QDateTime::currentDateTimeUtc().date(), std::nullopt, stop)
                    ->points.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCoverageTrend)
#include "tst_coveragetrend.moc"
