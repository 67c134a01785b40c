#include "WindowTest.h"

#include <QRegularExpression>

using namespace custos;

namespace {

// One line of coverage: a unit's path (or "All units") and its counts, as worked out by hand below.
struct Expected
{
    QString path;
    CoverageCounts counts;
};

// The register below, counted by hand from DOMAIN.md's rules (assets, owned, unowned, classified,
// unclassified, overdue, complete). A unit counts its own assets and those of the units below it.
//   Corporate:          A8 (overdue), A11 (no retention)                 2 2 0 2 0 1 0
//   Corporate / Estates: no assets                                       0 0 0 0 0 0 0
//   Courts:             A7 itself, and Crime's and Listings'            7 5 2 5 2 1 2
//   Courts / Crime:     A4 (legacy, unclassified), A5 (overdue), A6 (complete)  3 3 0 2 1 1 1
//   Courts / Listings:  A1 (complete), A2 (IAO left), A3 (no IAO, not classified)  3 1 2 2 1 0 1
//   All units: A1 to A8 and A11 (A9 archived and A10 disposed are not counted)      9 7 2 7 2 2 2
const Expected kAllUnits {QStringLiteral("All units"), {9, 7, 2, 7, 2, 2, 2}};
const QList<Expected> kUnits {{QStringLiteral("Corporate"), {2, 2, 0, 2, 0, 1, 0}},
                              {QStringLiteral("Corporate / Estates"), {0, 0, 0, 0, 0, 0, 0}},
                              {QStringLiteral("Courts"), {7, 5, 2, 5, 2, 1, 2}},
                              {QStringLiteral("Courts / Crime"), {3, 3, 0, 2, 1, 1, 1}},
                              {QStringLiteral("Courts / Listings"), {3, 1, 2, 2, 1, 0, 1}}};

// The same figures as custos-cli summary --json prints them, written out in full.
const char* const kSummaryJson = R"({"assets":9,"owned":7,"unowned":2,"classified":7,"unclassified":2,
    "overdue":2,"complete":2,"units":[
    {"name":"Corporate","assets":2,"owned":2,"unowned":0,"classified":2,"unclassified":0,"overdue":1,"complete":0},
    {"name":"Corporate / Estates","assets":0,"owned":0,"unowned":0,"classified":0,"unclassified":0,"overdue":0,
     "complete":0},
    {"name":"Courts","assets":7,"owned":5,"unowned":2,"classified":5,"unclassified":2,"overdue":1,"complete":2},
    {"name":"Courts / Crime","assets":3,"owned":3,"unowned":0,"classified":2,"unclassified":1,"overdue":1,
     "complete":1},
    {"name":"Courts / Listings","assets":3,"owned":1,"unowned":2,"classified":2,"unclassified":1,"overdue":0,
     "complete":1}]})";

QList<Expected> linesOf(const CoverageSummary& summary)
{
    QList<Expected> lines;
    for (const UnitCoverage& unit : summary.units)
        lines.append({unit.path, unit.counts});
    return lines;
}

bool operator==(const Expected& a, const Expected& b)
{
    return a.path == b.path && a.counts == b.counts;
}

char* toString(const Expected& line)
{
    const QByteArray counts(QTest::toString(line.counts));
    return qstrdup(qPrintable(line.path + QStringLiteral(": ") + QString::fromUtf8(counts)));
}

QStringList references(const QList<ReportAsset>& assets)
{
    QStringList found;
    for (const ReportAsset& asset : assets)
        found << asset.reference;
    return found;
}

} // namespace

namespace custos {

// Counts in a failure message, where QCOMPARE finds them.
char* toString(const CoverageCounts& c)
{
    return qstrdup(qPrintable(QStringLiteral("%1 assets, %2 owned, %3 unowned, %4 classified, %5 unclassified, "
                                             "%6 overdue, %7 complete")
                                  .arg(c.assets)
                                  .arg(c.owned)
                                  .arg(c.unowned)
                                  .arg(c.classified)
                                  .arg(c.unclassified)
                                  .arg(c.overdue)
                                  .arg(c.complete)));
}

} // namespace custos

// Every place that shows coverage (the dashboard's figures and tiles, the report, custos-cli
// summary) against figures worked out by hand, so that a wrong rule fails here even where those
// places share it.
class TestCoverageFigures : public WindowTest
{
    Q_OBJECT

private:
    const QDate m_today = QDate::currentDate();
    RecordId m_courts = 0;

    // Dates are whole months from today, far from any boundary: the command line counts on the
    // day it runs. Unless said, an asset was created three years ago and reviewed last month on a
    // 12-month cycle, so it is not overdue.
    void buildRegister(const QString& path)
    {
        QString error;
        std::unique_ptr<Register> reg = Register::create(path, &error);
        QVERIFY2(reg, qPrintable(error));
        UnitStore units(*reg);
        m_courts = units.add(QStringLiteral("Courts"), std::nullopt).value();
        const RecordId listings = units.add(QStringLiteral("Listings"), m_courts).value();
        const RecordId crime = units.add(QStringLiteral("Crime"), m_courts).value();
        const RecordId corporate = units.add(QStringLiteral("Corporate"), std::nullopt).value();
        units.add(QStringLiteral("Estates"), corporate).value();
        PersonStore people(*reg);
        const auto person = [&people](const QString& name, bool hasLeft) {
            Person p;
            p.name = name;
            p.email = name.toLower() + QStringLiteral("@justice.gov.uk");
            p.hasLeft = hasLeft;
            return people.add(p).value();
        };
        const RecordId ann = person(QStringLiteral("Ann"), false);
        const RecordId bob = person(QStringLiteral("Bob"), true);
        const RecordId cat = person(QStringLiteral("Cat"), false);

        auto asset = [this](const QString& reference,
                            RecordId unit,
                            std::optional<RecordId> iao,
                            Classification classification,
                            const QString& retention) {
            Asset a = validAsset(reference, unit);
            a.created = QDateTime(m_today.addYears(-3), QTime(9, 0), Qt::UTC);
            a.lastReviewed = m_today.addMonths(-1);
            a.iaoId = iao;
            a.classification = classification;
            a.retention = retention;
            return a;
        };
        QList<Asset> assets {
            asset("A1", listings, ann, Classification::official(), "6 years"),
            asset("A2", listings, bob, Classification::official(), "6 years"),
            asset("A3", listings, std::nullopt, Classification(), "6 years"),
            asset("A4", crime, ann, Classification::official(), "6 years"),
            asset("A5", crime, cat, Classification::secret(), "6 years"),
            asset("A6", crime, cat, Classification::official(true), "6 years"),
            asset("A7", m_courts, ann, Classification::official(), ""),
            asset("A8", corporate, cat, Classification::official(), "6 years"),
            asset("A9", listings, std::nullopt, Classification(), ""),
            asset("A10", corporate, std::nullopt, Classification(), ""),
            asset("A11", corporate, ann, Classification::topSecret(), "   "),
        };
        // A4: RESTRICTED read across to OFFICIAL, awaiting review.
        assets[3].legacyMarking = LegacyMarking::Restricted;
        assets[3].classificationNeedsReview = true;
        // A5: last reviewed two years ago, so due a year ago.
        assets[4].lastReviewed = m_today.addYears(-2);
        // A8: never reviewed, created 13 months ago on a 6-month cycle: due 7 months ago.
        assets[7].lastReviewed = QDate();
        assets[7].created = QDateTime(m_today.addMonths(-13), QTime(9, 0), Qt::UTC);
        assets[7].reviewCycleMonths = 6;
        assets[8].status = AssetStatus::Archived;
        assets[9].status = AssetStatus::Disposed;
        for (const Asset& a : assets)
            QVERIFY2(AssetStore(*reg, m_today).add(a, &error), qPrintable(a.reference + QLatin1Char(' ') + error));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_demo = m_dir.filePath(QStringLiteral("worked.custos"));
        buildRegister(m_demo);
    }

    void dashboardFiguresAreTheHandWorkedOnes()
    {
        std::unique_ptr<Register> reg = Register::open(m_demo, OpenMode::ReadOnly);
        const DashboardFigures figures = DashboardFigures::compute(*reg, m_today, QString()).value();
        QCOMPARE(figures.coverage.total, kAllUnits.counts);
        QCOMPARE(linesOf(figures.coverage), kUnits);
        const DashboardFigures courts = DashboardFigures::compute(*reg, m_today, QString(), m_courts).value();
        QCOMPARE(courts.coverage.total, kUnits.at(2).counts);
        QCOMPARE(linesOf(courts.coverage), kUnits.mid(2));
    }

    // By hand: A3 not yet classified; A4 RESTRICTED read across, to review; OFFICIAL A1, A2, A7, A8;
    // OFFICIAL-SENSITIVE A6; SECRET A5; TOP SECRET A11. The first two are the unclassified 2.
    void classificationSlicesAreTheHandWorkedOnes()
    {
        std::unique_ptr<Register> reg = Register::open(m_demo, OpenMode::ReadOnly);
        const DashboardFigures figures = DashboardFigures::compute(*reg, m_today, QString()).value();
        const QList<std::pair<QStringList, int>> expected {{{}, 1},
                                                           {{QStringLiteral("A4")}, 1},
                                                           {{}, 4},
                                                           {{QStringLiteral("A6")}, 1},
                                                           {{QStringLiteral("A5")}, 1},
                                                           {{QStringLiteral("A11")}, 1}};
        QCOMPARE(figures.classificationMix.size(), expected.size());
        int unclassified = 0;
        const AssetStore assets(*reg, m_today);
        for (int i = 0; i < expected.size(); ++i) {
            const ClassificationCount& slice = figures.classificationMix.at(i);
            QCOMPARE(slice.assets, expected.at(i).second);
            QCOMPARE(assets.count(slice.filter()).value(), slice.assets);
            if (slice.countsAsUnclassified())
                unclassified += slice.assets;
        }
        QVERIFY(figures.classificationMix.at(1).legacyMarkingToReview);
        QCOMPARE(figures.classificationMix.at(2).classification, Classification::official());
        QCOMPARE(unclassified, kAllUnits.counts.unclassified);
        // Within Courts / Crime (A4, A5, A6): only A4 is to review.
        const std::optional<RecordId> crime = figures.units.find(QStringLiteral("Courts / Crime"));
        const DashboardFigures inCrime = DashboardFigures::compute(*reg, m_today, QString(), crime).value();
        QCOMPARE(inCrime.classificationMix.at(0).assets, 0);
        QCOMPARE(inCrime.classificationMix.at(1).assets, 1);
        QCOMPARE(inCrime.classificationMix.at(2).assets, 0);
    }

    void dashboardTilesShowTheHandWorkedFigures()
    {
        QVERIFY(openWindow());
        auto* dashboard = m_window->findChild<DashboardPage*>(QStringLiteral("dashboardPage"));
        QTRY_VERIFY(!dashboard->isRefreshing());
        const QList<std::pair<const char*, int>> tiles {{"tileActive", 9},
                                                        {"tileOwned", 7},
                                                        {"tileClassified", 7},
                                                        {"tileOnTime", 7},
                                                        {"tileComplete", 2},
                                                        {"tileUnowned", 2},
                                                        {"tileUnclassified", 2},
                                                        {"tileOverdue", 2}};
        for (const auto& [name, expected] : tiles) {
            const QString text = dashboard->findChild<QToolButton*>(QLatin1String(name))->text();
            QVERIFY2(text.startsWith(QString::number(expected) + QLatin1Char('\n')), qPrintable(name + (": " + text)));
        }
        closeWindow();
    }

    void reportContentsAreTheHandWorkedOnes()
    {
        std::unique_ptr<Register> reg = Register::open(m_demo, OpenMode::ReadOnly);
        const ReportContents contents = ReportContents::gather(*reg, m_today).value();
        QCOMPARE(contents.figures.coverage.total, kAllUnits.counts);
        QCOMPARE(linesOf(contents.figures.coverage), kUnits);
        QCOMPARE(references(contents.unowned), QStringList({"A2", "A3"}));
        QCOMPARE(references(contents.unclassified), QStringList({"A3", "A4"}));
        QCOMPARE(references(contents.overdue), QStringList({"A5", "A8"}));
        QCOMPARE(contents.marking(), QStringLiteral("SECRET")); // A5, overdue
    }

    // The printed table by business unit: assets, owned, unowned, unclassified, overdue, complete.
    void theReportPrintsTheHandWorkedFigures()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("worked.pdf"));
        QProcess cli;
        cli.start(QStringLiteral(CUSTOS_CLI), {QStringLiteral("report"), m_demo, pdf});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 0);
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(60000));
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
        for (const Expected& unit : kUnits) {
            const CoverageCounts& c = unit.counts;
            const QString row = QStringLiteral("^\\s*%1\\s+%2\\s+%3\\s+%4\\s+%5\\s+%6\\s+%7\\s*$")
                                    .arg(QRegularExpression::escape(unit.path))
                                    .arg(c.assets)
                                    .arg(c.owned)
                                    .arg(c.unowned)
                                    .arg(c.unclassified)
                                    .arg(c.overdue)
                                    .arg(c.complete);
            QVERIFY2(QRegularExpression(row, QRegularExpression::MultilineOption).match(text).hasMatch(),
                     qPrintable(row));
        }
        for (const auto& [measure, count] :
             {std::pair {"Active assets", 9}, std::pair {"Unowned", 2}, std::pair {"Overdue for review", 2}}) {
            const QString row = QStringLiteral("^\\s*%1\\s+%2\\s").arg(QLatin1String(measure)).arg(count);
            QVERIFY2(QRegularExpression(row, QRegularExpression::MultilineOption).match(text).hasMatch(),
                     qPrintable(row));
        }
    }

    void summaryJsonIsTheHandWorkedOne()
    {
        QProcess cli;
        cli.start(QStringLiteral(CUSTOS_CLI), {QStringLiteral("summary"), m_demo, QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        QJsonParseError error;
        const QJsonObject expected = QJsonDocument::fromJson(kSummaryJson, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QJsonObject summary = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QVERIFY(summary.take(QStringLiteral("audit_trail")).toObject().value(QStringLiteral("rows")).toInt() > 0);
        QCOMPARE(summary, expected);

        cli.start(QStringLiteral(CUSTOS_CLI),
                  {QStringLiteral("summary"), m_demo, QStringLiteral("--json"), QStringLiteral("--unit"), "Crime"});
        QVERIFY(cli.waitForFinished(60000));
        const QJsonObject crime = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(crime.value(QStringLiteral("assets")).toInt(), 3);
        QCOMPARE(crime.value(QStringLiteral("unclassified")).toInt(), 1);
        QCOMPARE(crime.value(QStringLiteral("overdue")).toInt(), 1);
        QCOMPARE(crime.value(QStringLiteral("complete")).toInt(), 1);
    }
};

QTEST_MAIN(TestCoverageFigures)
#include "tst_coveragefigures.moc"
