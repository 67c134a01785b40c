#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/coverage/CoverageReport.h"
#include "models/coverage/DashboardFigures.h"
#include "models/demo/DemoRegister.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace custos;

namespace {

const QDate kToday(2026, 11, 28);

QJsonObject summaryJson(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(CUSTOS_CLI), arguments);
    process.waitForFinished(120000);
    QJsonObject summary = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    summary.remove(QStringLiteral("audit_trail")); // the dashboard shows coverage only
    return summary;
}

} // namespace

class TestDashboardFigures : public QObject
{
    Q_OBJECT

private:
    TestRegister m_demo;
    DashboardFigures m_figures;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(DemoRegister::fill(m_demo.reg(), 1500, 7, QDate::currentDate(), &error), qPrintable(error));
        m_figures = DashboardFigures::compute(m_demo.reg(), QDate::currentDate(), currentLogin()).value();
    }

    // The dashboard's coverage is custos-cli summary's, for the register and for each unit.
    void coverageIsSummarysOverallAndPerUnit()
    {
        const QJsonObject whole = summaryJson({QStringLiteral("summary"), m_demo.path(), QStringLiteral("--json")});
        QVERIFY(whole.value(QStringLiteral("assets")).toInt() > 0);
        QCOMPARE(CoverageReport::toJson(m_figures.coverage), whole);
        QVERIFY(m_figures.coverage.units.size() > 5);
        for (const UnitCoverage& unit : std::as_const(m_figures.coverage.units)) {
            QJsonObject ofUnit = summaryJson({QStringLiteral("summary"),
                                              m_demo.path(),
                                              QStringLiteral("--json"),
                                              QStringLiteral("--unit"),
                                              unit.path});
            ofUnit.remove(QStringLiteral("units"));
            CoverageSummary alone;
            alone.total = unit.counts;
            QJsonObject expected = CoverageReport::toJson(alone);
            expected.remove(QStringLiteral("units"));
            QCOMPARE(ofUnit, expected);
        }
    }

    // Every bar of every unit counts exactly the assets its filter lists.
    void unitBarsCountTheirFiltersAssets()
    {
        const AssetStore assets(m_demo.reg());
        for (const UnitCoverage& unit : std::as_const(m_figures.coverage.units)) {
            QCOMPARE(assets.count(DashboardFigures::unitFilter(unit.unitId, UnitBar::Owned)), unit.counts.owned);
            QCOMPARE(assets.count(DashboardFigures::unitFilter(unit.unitId, UnitBar::Unowned)), unit.counts.unowned);
            QCOMPARE(assets.count(DashboardFigures::unitFilter(unit.unitId, UnitBar::Unclassified)),
                     unit.counts.unclassified);
        }
    }

    void unitsBelowFollowTheTreeWorstFirst()
    {
        const QList<UnitCoverage> top = m_figures.unitsBelow(std::nullopt);
        QVERIFY(top.size() >= 2);
        int activeInTop = 0;
        double previous = 2.0;
        for (const UnitCoverage& unit : top) {
            QVERIFY(!m_figures.units.unit(unit.unitId)->parentId);
            activeInTop += unit.counts.assets;
            const double share = double(unit.counts.unowned + unit.counts.unclassified) / unit.counts.assets;
            QVERIFY(share <= previous);
            previous = share;
        }
        QCOMPARE(activeInTop, m_figures.coverage.total.assets);
        const QList<UnitCoverage> below = m_figures.unitsBelow(top.first().unitId);
        QVERIFY(!below.isEmpty());
        for (const UnitCoverage& unit : below)
            QCOMPARE(*m_figures.units.unit(unit.unitId)->parentId, top.first().unitId);
    }

    void classificationMixCoversEveryActiveAssetOnce()
    {
        const AssetStore assets(m_demo.reg());
        QCOMPARE(m_figures.classificationMix.size(), 6);
        QVERIFY(!m_figures.classificationMix.first().classification.isClassified());
        QVERIFY(m_figures.classificationMix.at(1).legacyMarkingToReview);
        int total = 0;
        for (const ClassificationCount& slice : std::as_const(m_figures.classificationMix)) {
            QVERIFY2(slice.assets > 0, qPrintable(slice.classification.toText()));
            QCOMPARE(assets.count(slice.filter()), slice.assets);
            total += slice.assets;
        }
        QCOMPARE(total, m_figures.coverage.total.assets);
    }

    // The pie agrees with the Unclassified tile: the legacy markings awaiting review are a slice of
    // their own, not part of the level they read across to.
    void unclassifiedSlicesAddUpToTheUnclassifiedFigure()
    {
        int unclassified = 0;
        for (const ClassificationCount& slice : std::as_const(m_figures.classificationMix)) {
            if (slice.countsAsUnclassified())
                unclassified += slice.assets;
        }
        QCOMPARE(unclassified, m_figures.coverage.total.unclassified);
        QVERIFY(m_figures.classificationMix.at(0).assets > 0);
        QVERIFY(m_figures.classificationMix.at(1).assets > 0);
        QCOMPARE(m_figures.classificationMix.at(0).assets + m_figures.classificationMix.at(1).assets,
                 AssetStore(m_demo.reg()).count({.unclassified = true}).value());
    }

    void reviewsDueMonthByMonthFromToday()
    {
        const AssetStore assets(m_demo.reg());
        const QDate today = QDate::currentDate();
        QCOMPARE(m_figures.reviewsDue.size(), 12);
        QCOMPARE(m_figures.reviewsDue.first().from, today);
        QCOMPARE(m_figures.reviewsDue.last().to.month(), today.addMonths(11).month());
        int total = 0;
        for (int i = 0; i < m_figures.reviewsDue.size(); ++i) {
            const ReviewsDue& month = m_figures.reviewsDue[i];
            if (i > 0)
                QCOMPARE(month.from, m_figures.reviewsDue[i - 1].to.addDays(1));
            QCOMPARE(month.to.day(), month.to.daysInMonth());
            QCOMPARE(assets.count(month.filter()), month.assets);
            total += month.assets;
        }
        QVERIFY(total > 0);
        // Nothing active is both overdue and due in the next twelve months.
        AssetFilter all12 {.dueFrom = today, .dueTo = m_figures.reviewsDue.last().to};
        QCOMPARE(assets.count(all12), total);
    }

    void peopleWithMostGapsComeFirst()
    {
        const AssetStore assets(m_demo.reg());
        QCOMPARE(m_figures.mostGaps.size(), DashboardFigures::kMostGapsShown);
        for (int i = 0; i < m_figures.mostGaps.size(); ++i) {
            const PersonGaps& person = m_figures.mostGaps[i];
            QCOMPARE(assets.count(person.filter()), person.assets);
            if (i > 0)
                QVERIFY(person.assets <= m_figures.mostGaps[i - 1].assets);
        }
        // Nobody left out has more than the last one shown; leavers are not shown.
        QSqlQuery query(m_demo.reg().database());
        QVERIFY(query.exec(QStringLiteral("SELECT id, has_left FROM people")));
        while (query.next()) {
            const PersonGaps person {query.value(0).toLongLong(), {}, 0};
            const bool shown = std::any_of(m_figures.mostGaps.begin(),
                                           m_figures.mostGaps.end(),
                                           [&](const PersonGaps& p) { return p.personId == person.personId; });
            if (query.value(1).toBool())
                QVERIFY(!shown && assets.count(person.filter()) == 0);
            else if (!shown)
                QVERIFY(assets.count(person.filter()) <= m_figures.mostGaps.last().assets);
        }
    }

    // Figures for one directorate count its assets and those of its units, and lead to exactly them.
    void aUnitsFiguresCountOnlyItsAssets()
    {
        const UnitCoverage directorate = m_figures.unitsBelow(std::nullopt).first();
        const DashboardFigures figures
            = DashboardFigures::compute(m_demo.reg(), QDate::currentDate(), QString(), directorate.unitId).value();
        QCOMPARE(figures.coverage.total, directorate.counts);
        const AssetStore assets(m_demo.reg());
        int mixTotal = 0;
        for (const ClassificationCount& slice : std::as_const(figures.classificationMix)) {
            QCOMPARE(assets.count(figures.inScope(slice.filter())), slice.assets);
            mixTotal += slice.assets;
        }
        QCOMPARE(mixTotal, directorate.counts.assets);
        for (const ReviewsDue& month : std::as_const(figures.reviewsDue))
            QCOMPARE(assets.count(figures.inScope(month.filter())), month.assets);
        QVERIFY(!figures.mostGaps.isEmpty());
        for (const PersonGaps& person : std::as_const(figures.mostGaps))
            QCOMPARE(assets.count(figures.inScope(person.filter())), person.assets);
        QVERIFY(figures.mine.name.isEmpty());
    }

    void myGapsCountTheirFiltersAssets()
    {
        const MyGaps& mine = m_figures.mine;
        QVERIFY(!mine.name.isEmpty());
        const AssetStore assets(m_demo.reg());
        QCOMPARE(assets.count(mine.handoverFilter()), mine.handovers);
        QCOMPARE(assets.count(mine.unclassifiedFilter()), mine.unclassified);
        QCOMPARE(assets.count(mine.overdueFilter()), mine.overdue);
        QVERIFY(mine.unclassified + mine.overdue > 0);
    }

    // A leaver's assets wait for the people of their unit (and units above it) and for their IAM.
    void handoversAreTheLeaversAssetsInMyUnitOrManagedByMe()
    {
        TestRegister test;
        const RecordId directorate = test.addUnit(QStringLiteral("Courts"));
        const RecordId listings = test.addUnit(QStringLiteral("Listings"), directorate);
        const RecordId prisons = test.addUnit(QStringLiteral("Prisons"));
        Person me;
        me.name = QStringLiteral("Ann Smith");
        me.login = QStringLiteral("asmith");
        me.unitId = directorate;
        const RecordId myId = *PersonStore(test.reg()).add(me);
        const RecordId leaver = test.addPerson(QStringLiteral("Bob Left"), QStringLiteral("b@x.gov.uk"), true);
        const RecordId stays = test.addPerson(QStringLiteral("Cat Stays"), QStringLiteral("c@x.gov.uk"));
        const auto add = [&](const QString& reference, RecordId unit, RecordId owner, std::optional<RecordId> iam) {
            Asset asset = validAsset(reference, unit);
            asset.iaoId = owner;
            asset.iamId = iam;
            QVERIFY(AssetStore(test.reg(), kToday).add(asset));
        };
        add(QStringLiteral("IA-000001"), listings, leaver, std::nullopt); // below my unit: mine
        add(QStringLiteral("IA-000002"), prisons, leaver, myId); // I manage it: mine
        add(QStringLiteral("IA-000003"), prisons, leaver, stays); // someone else's
        add(QStringLiteral("IA-000004"), listings, stays, std::nullopt); // owned: no hand-over
        const DashboardFigures figures
            = DashboardFigures::compute(test.reg(), kToday, QStringLiteral("asmith")).value();
        QCOMPARE(figures.mine.name, QStringLiteral("Ann Smith"));
        QCOMPARE(figures.mine.handovers, 2);
        const DashboardFigures stranger
            = DashboardFigures::compute(test.reg(), kToday, QStringLiteral("nobody")).value();
        QVERIFY(stranger.mine.name.isEmpty());
        QCOMPARE(stranger.mine.handovers, 0);
    }
};

QTEST_GUILESS_MAIN(TestDashboardFigures)
#include "tst_dashboardfigures.moc"
