#include "models/domain/ReviewSchedule.h"

#include <QTest>

using namespace custos;

class TestReviewSchedule : public QObject
{
    Q_OBJECT

private slots:
    void addMonths_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<int>("months");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("31 Jan + 1, common year") << QDate(2025, 1, 31) << 1 << QDate(2025, 2, 28);
        QTest::newRow("31 Jan + 1, leap year") << QDate(2024, 1, 31) << 1 << QDate(2024, 2, 29);
        QTest::newRow("28 Feb is a month end: + 1") << QDate(2025, 2, 28) << 1 << QDate(2025, 3, 31);
        QTest::newRow("29 Feb + 12") << QDate(2024, 2, 29) << 12 << QDate(2025, 2, 28);
        QTest::newRow("28 Feb 2023 + 12 into a leap year") << QDate(2023, 2, 28) << 12 << QDate(2024, 2, 29);
        QTest::newRow("30 Apr + 1 stays a month end") << QDate(2025, 4, 30) << 1 << QDate(2025, 5, 31);
        QTest::newRow("30 Jan + 1 is clamped") << QDate(2025, 1, 30) << 1 << QDate(2025, 2, 28);
        QTest::newRow("mid-month") << QDate(2025, 3, 15) << 6 << QDate(2025, 9, 15);
        QTest::newRow("year end + 3") << QDate(2025, 12, 31) << 3 << QDate(2026, 3, 31);
        QTest::newRow("across the year + 6") << QDate(2025, 11, 15) << 6 << QDate(2026, 5, 15);
        QTest::newRow("31 Dec + 12") << QDate(2025, 12, 31) << 12 << QDate(2026, 12, 31);
        QTest::newRow("31 Aug + 6 is end of Feb") << QDate(2023, 8, 31) << 6 << QDate(2024, 2, 29);
    }

    void addMonths()
    {
        QFETCH(QDate, from);
        QFETCH(int, months);
        QFETCH(QDate, expected);
        QCOMPARE(ReviewSchedule::addMonths(from, months), expected);
    }

    void nextDueCountsFromLastReview()
    {
        QCOMPARE(ReviewSchedule::nextDue(QDate(2026, 1, 31), QDate(2020, 6, 1), 1 * 12), QDate(2027, 1, 31));
        QCOMPARE(ReviewSchedule::nextDue(QDate(2026, 1, 31), QDate(2020, 6, 1), 3), QDate(2026, 4, 30));
    }

    void nextDueCountsFromCreationWhenNeverReviewed()
    {
        QCOMPARE(ReviewSchedule::nextDue(QDate(), QDate(2026, 8, 31), 6), QDate(2027, 2, 28));
    }

    void noDatesGiveNoDueDate() { QVERIFY(!ReviewSchedule::nextDue(QDate(), QDate(), 12).isValid()); }
};

QTEST_GUILESS_MAIN(TestReviewSchedule)
#include "tst_reviewschedule.moc"
