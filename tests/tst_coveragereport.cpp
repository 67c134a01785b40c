#include "models/coverage/CoverageReport.h"

#include <QJsonArray>
#include <QTest>

using namespace custos;

namespace {
CoverageSummary sample()
{
    CoverageSummary summary;
    summary.total = {12, 10, 2, 9, 3, 4, 5};
    summary.units = {{1, QStringLiteral("Courts"), {12, 10, 2, 9, 3, 4, 5}},
                     {2, QStringLiteral("Courts / Listings"), {2, 1, 1, 2, 0, 0, 1}}};
    return summary;
}
} // namespace

class TestCoverageReport : public QObject
{
    Q_OBJECT

private slots:
    void jsonHasTheAgreedKeys()
    {
        const QJsonObject json = CoverageReport::toJson(sample());
        QStringList keys = json.keys();
        std::sort(keys.begin(), keys.end());
        QCOMPARE(
            keys,
            (QStringList {"assets", "classified", "complete", "overdue", "owned", "unclassified", "units", "unowned"}));
        QCOMPARE(json.value("assets").toInt(), 12);
        QCOMPARE(json.value("unowned").toInt(), 2);
        QCOMPARE(json.value("complete").toInt(), 5);
        const QJsonArray units = json.value("units").toArray();
        QCOMPARE(units.size(), 2);
        const QJsonObject listings = units[1].toObject();
        QCOMPARE(listings.value("name").toString(), QStringLiteral("Courts / Listings"));
        QCOMPARE(listings.keys().size(), 8);
        QCOMPARE(listings.value("unowned").toInt(), 1);
    }

    void tableIsAligned()
    {
        const QString table = CoverageReport::toTable(sample(), QStringLiteral("All units"));
        const QStringList lines = table.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].startsWith(QLatin1String("Business unit")));
        QVERIFY(lines[1].startsWith(QLatin1String("All units")));
        QVERIFY(lines[3].startsWith(QLatin1String("  Courts / Listings")));
        for (const QString& line : lines)
            QCOMPARE(line.size(), lines[0].size());
        // Numbers end under the end of their heading.
        const int unownedEnd = int(lines[0].indexOf(QLatin1String("Unowned")) + QStringLiteral("Unowned").size());
        QCOMPARE(lines[1].mid(unownedEnd - 1, 1), QStringLiteral("2"));
    }
};

QTEST_GUILESS_MAIN(TestCoverageReport)
#include "tst_coveragereport.moc"
