#include "DamagedRegister.h"
#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/coverage/Coverage.h"
#include "models/coverage/DashboardFigures.h"
#include "models/coverage/ReportContents.h"
#include "models/demo/DemoRegister.h"

#include <QTest>

using namespace custos;

// A register small enough to work out every number by hand (see the comments on each asset).
class TestCoverage : public QObject
{
    Q_OBJECT

private:
    const QDate m_today {2026, 11, 28};
    std::unique_ptr<TestRegister> m_test;
    RecordId m_courts = 0, m_listings = 0, m_crime = 0, m_corporate = 0;
    RecordId m_ann = 0;

    void add(Asset asset)
    {
        QString error;
        if (!AssetStore(m_test->reg(), m_today).add(asset, &error))
            qFatal("%s", qPrintable(error));
    }

    static CoverageCounts
    counts(int assets, int owned, int unowned, int classified, int unclassified, int overdue, int complete)
    {
        return {assets, owned, unowned, classified, unclassified, overdue, complete};
    }

private slots:
    void init()
    {
        m_test = std::make_unique<TestRegister>();
        m_courts = m_test->addUnit(QStringLiteral("Courts"));
        m_listings = m_test->addUnit(QStringLiteral("Listings"), m_courts);
        m_crime = m_test->addUnit(QStringLiteral("Crime"), m_courts);
        m_corporate = m_test->addUnit(QStringLiteral("Corporate"));
        m_ann = m_test->addPerson(QStringLiteral("Ann"), QStringLiteral("ann@justice.gov.uk"));
        const RecordId bob = m_test->addPerson(QStringLiteral("Bob"), QStringLiteral("bob@justice.gov.uk"), true);
        const RecordId cat = m_test->addPerson(QStringLiteral("Cat"), QStringLiteral("cat@justice.gov.uk"));

        // Created 31 Jan 2026 with a 12-month cycle unless said: due 31 Jan 2027, not overdue.
        auto asset = [](const QString& reference,
                        RecordId unit,
                        std::optional<RecordId> iao,
                        Classification c,
                        const QString& retention) {
            Asset a = validAsset(reference, unit);
            a.iaoId = iao;
            a.classification = c;
            a.retention = retention;
            return a;
        };
        // A1 Listings: owned, classified, retention: complete.
        add(asset("A1", m_listings, m_ann, Classification::official(), "6 years"));
        // A2 Listings: its IAO has left, so unowned.
        add(asset("A2", m_listings, bob, Classification::official(), "6 years"));
        // A3 Listings: no IAO, not yet classified.
        add(asset("A3", m_listings, std::nullopt, Classification(), "6 years"));
        // A4 Crime: RESTRICTED mapped to OFFICIAL and awaiting review: unclassified.
        Asset a4 = asset("A4", m_crime, m_ann, Classification::official(), "6 years");
        a4.legacyMarking = LegacyMarking::Restricted;
        a4.classificationNeedsReview = true;
        add(a4);
        // A5 Crime: reviewed 27 Nov 2025, due 27 Nov 2026: overdue yesterday.
        Asset a5 = asset("A5", m_crime, cat, Classification::secret(), "6 years");
        a5.lastReviewed = QDate(2025, 11, 27);
        add(a5);
        // A6 Crime: reviewed 28 Nov 2025, due today: not overdue; complete.
        Asset a6 = asset("A6", m_crime, cat, Classification::official(true), "6 years");
        a6.lastReviewed = QDate(2025, 11, 28);
        add(a6);
        // A7 Courts itself: no retention recorded, so not complete.
        add(asset("A7", m_courts, m_ann, Classification::official(), ""));
        // A8 Corporate: never reviewed, created 31 May 2025 on a 6-month cycle: due 30 Nov 2025, overdue.
        Asset a8 = asset("A8", m_corporate, cat, Classification::official(), "6 years");
        a8.created = QDateTime(QDate(2025, 5, 31), QTime(12, 0), Qt::UTC);
        a8.reviewCycleMonths = 6;
        add(a8);
        // A9 archived and A10 disposed: not counted at all.
        Asset a9 = asset("A9", m_listings, std::nullopt, Classification(), "");
        a9.status = AssetStatus::Archived;
        add(a9);
        Asset a10 = asset("A10", m_corporate, std::nullopt, Classification(), "");
        a10.status = AssetStatus::Disposed;
        add(a10);
        // A11 Corporate: retention of blanks is no retention.
        add(asset("A11", m_corporate, m_ann, Classification::topSecret(), "   "));
    }

    void cleanup() { m_test.reset(); }

    void countsTheWholeRegister()
    {
        const CoverageSummary summary = Coverage::compute(m_test->reg(), m_today).value();
        QCOMPARE(summary.total, counts(9, 7, 2, 7, 2, 2, 2));
    }

    void countsEachUnitWithTheUnitsBelowIt()
    {
        const CoverageSummary summary = Coverage::compute(m_test->reg(), m_today).value();
        QCOMPARE(summary.units.size(), 4);
        QCOMPARE(summary.units[0].path, QStringLiteral("Corporate"));
        QCOMPARE(summary.units[0].counts, counts(2, 2, 0, 2, 0, 1, 0));
        QCOMPARE(summary.units[1].path, QStringLiteral("Courts"));
        QCOMPARE(summary.units[1].counts, counts(7, 5, 2, 5, 2, 1, 2));
        QCOMPARE(summary.units[2].path, QStringLiteral("Courts / Crime"));
        QCOMPARE(summary.units[2].counts, counts(3, 3, 0, 2, 1, 1, 1));
        QCOMPARE(summary.units[3].path, QStringLiteral("Courts / Listings"));
        QCOMPARE(summary.units[3].counts, counts(3, 1, 2, 2, 1, 0, 1));
    }

    void countsOneUnitAndTheUnitsBelowIt()
    {
        const CoverageSummary courts = Coverage::compute(m_test->reg(), m_today, m_courts).value();
        QCOMPARE(courts.total, counts(7, 5, 2, 5, 2, 1, 2));
        QCOMPARE(courts.units.size(), 3);
        const CoverageSummary crime = Coverage::compute(m_test->reg(), m_today, m_crime).value();
        QCOMPARE(crime.total, counts(3, 3, 0, 2, 1, 1, 1));
        QCOMPARE(crime.units.size(), 1);
    }

    void anOwnerLeavingMakesTheirAssetsUnowned()
    {
        QString error;
        QVERIFY(PersonStore(m_test->reg()).leave(m_ann, std::nullopt, &error));
        // Ann owned A1, A4, A7 and A11; A1 was complete.
        QCOMPARE(Coverage::compute(m_test->reg(), m_today).value().total, counts(9, 3, 6, 7, 2, 2, 1));
    }

    void overdueMovesWithToday()
    {
        // On 27 Nov 2026 A5 is due today, so not yet overdue; A5 becomes complete.
        QCOMPARE(Coverage::compute(m_test->reg(), m_today.addDays(-1)).value().total, counts(9, 7, 2, 7, 2, 1, 3));
    }

    void listFiltersAgreeWithTheCounts()
    {
        AssetStore store(m_test->reg(), m_today);
        QCOMPARE(store.count(AssetFilter {}), 9);
        QCOMPARE(store.count(AssetFilter {.unowned = true}), 2);
        QCOMPARE(store.count(AssetFilter {.unclassified = true}), 2);
        QCOMPARE(store.count(AssetFilter {.overdue = true}), 2);
        QCOMPARE(store.count(AssetFilter {.unowned = true, .unclassified = true}), 1); // A3
        QCOMPARE(store.count(AssetFilter {.unitId = m_courts}), 7);
        QCOMPARE(store.count(AssetFilter {.overdue = true, .unitId = m_crime}), 1);
        QCOMPARE(store.count(AssetFilter {.ownerId = m_ann}), 4);
        QCOMPARE(store.count(AssetFilter {.activeOnly = false}), 11);
    }

    // A register that opens but cannot be read gives the reason, naming the file, never zeros.
    void aDamagedRegisterIsAnErrorNotZeros()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("damaged.custos"));
        QString error;
        QVERIFY2(DemoRegister::createFile(path, 2000, 1, m_today, &error), qPrintable(error));
        const QString damage = damageAssetsTable(path);
        QVERIFY2(damage.isEmpty(), qPrintable(damage));
        const std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly, &error);
        QVERIFY2(reg, qPrintable(error));

        const auto failsWithReason = [&](bool failed) {
            const bool named = error.contains(path) && error.contains(QLatin1String("malformed"));
            error.clear();
            return failed && named;
        };
        QVERIFY(failsWithReason(!Coverage::compute(*reg, m_today, std::nullopt, &error)));
        QVERIFY(failsWithReason(!DashboardFigures::compute(*reg, m_today, QString(), std::nullopt, &error)));
        QVERIFY(failsWithReason(!ReportContents::gather(*reg, m_today, std::nullopt, &error)));
        const AssetStore store(*reg, m_today);
        QVERIFY(failsWithReason(!store.count(AssetFilter {.unowned = true}, &error)));
        QVERIFY(failsWithReason(!store.forEachMatching(
            AssetFilter {}, [](const QString&, const QString&) {}, &error)));
    }
};

QTEST_GUILESS_MAIN(TestCoverage)
#include "tst_coverage.moc"
