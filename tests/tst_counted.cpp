#include "models/csv/ImportReport.h"
#include "models/domain/Counted.h"

#include <QTest>

using namespace custos;

class TestCounted : public QObject
{
    Q_OBJECT

private slots:
    void aCountTakesItsNounInTheRightNumber_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << qint64(0) << QStringLiteral("0 assets");
        QTest::newRow("one") << qint64(1) << QStringLiteral("1 asset");
        QTest::newRow("two") << qint64(2) << QStringLiteral("2 assets");
        QTest::newRow("thousands") << qint64(1873) << QStringLiteral("1,873 assets");
    }

    void aCountTakesItsNounInTheRightNumber()
    {
        QFETCH(qint64, count);
        QFETCH(QString, expected);
        QCOMPARE(counted(count, QStringLiteral("asset"), QStringLiteral("assets")), expected);
    }

    void anImportOfOneAssetSaysSo()
    {
        ImportReport report;
        report.outcome = ImportOutcome::Written;
        report.rows = 1;
        report.added = 1;
        QVERIFY2(report.text().contains(QLatin1String("Added 1 asset, updated 0")), qPrintable(report.text()));
        report.outcome = ImportOutcome::Checked;
        QVERIFY2(report.text().contains(QLatin1String("would add 1 asset, update 0")), qPrintable(report.text()));
    }
};

QTEST_GUILESS_MAIN(TestCounted)
#include "tst_counted.moc"
