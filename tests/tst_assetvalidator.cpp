#include "models/domain/AssetValidator.h"

#include <QTest>
#include <QTimeZone>

using namespace custos;

namespace {
const QDate kToday(2026, 11, 28);

Asset valid()
{
    Asset asset;
    asset.reference = QStringLiteral("IA-000123");
    asset.name = QStringLiteral("Payroll");
    asset.unitId = 1;
    return asset;
}
} // namespace

class TestAssetValidator : public QObject
{
    Q_OBJECT

private slots:
    void acceptsAWholeAsset() { QCOMPARE(AssetValidator::problems(valid(), kToday), QStringList()); }

    void references_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<bool>("wellFormed");
        QTest::newRow("register style") << QStringLiteral("IA-000123") << true;
        QTest::newRow("other department") << QStringLiteral("HMCTS/042.b_1") << true;
        QTest::newRow("digits") << QStringLiteral("12345") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << QStringLiteral("IA 000123") << false;
        QTest::newRow("leading dash") << QStringLiteral("-IA1") << false;
        QTest::newRow("formula") << QStringLiteral("=SUM(A1)") << false;
        QTest::newRow("too long") << QString(41, QLatin1Char('A')) << false;
        QTest::newRow("forty") << QString(40, QLatin1Char('A')) << true;
    }

    void references()
    {
        QFETCH(QString, reference);
        QFETCH(bool, wellFormed);
        QCOMPARE(AssetValidator::isWellFormedReference(reference), wellFormed);
        Asset asset = valid();
        asset.reference = reference;
        QCOMPARE(AssetValidator::problems(asset, kToday).isEmpty(), wellFormed);
    }

    void nameIsRequired()
    {
        Asset asset = valid();
        asset.name = QStringLiteral("   ");
        QCOMPARE(AssetValidator::problems(asset, kToday), QStringList {QStringLiteral("Name is required.")});
    }

    void businessUnitIsRequired()
    {
        Asset asset = valid();
        asset.unitId = 0;
        QCOMPARE(AssetValidator::problems(asset, kToday), QStringList {QStringLiteral("Business unit is required.")});
    }

    void reviewCycleIsThreeSixOrTwelve()
    {
        Asset asset = valid();
        for (int months : {3, 6, 12}) {
            asset.reviewCycleMonths = months;
            QVERIFY(AssetValidator::problems(asset, kToday).isEmpty());
        }
        asset.reviewCycleMonths = 24;
        QCOMPARE(AssetValidator::problems(asset, kToday).size(), 1);
        QVERIFY(AssetValidator::problems(asset, kToday).first().contains(QLatin1String("24")));
    }

    void lastReviewedCannotBeInTheFuture()
    {
        Asset asset = valid();
        asset.lastReviewed = kToday;
        QVERIFY(AssetValidator::problems(asset, kToday).isEmpty());
        asset.lastReviewed = kToday.addDays(1);
        QCOMPARE(AssetValidator::problems(asset, kToday).size(), 1);
    }

    // A time that becomes year 10000 in UTC (as an import's offset can make it) is refused, not
    // stored as nothing.
    void datesStayWithinFourDigitYears()
    {
        Asset asset = valid();
        asset.created = QDateTime(QDate(9999, 12, 31), QTime(23, 30), QTimeZone(-5 * 3600));
        QCOMPARE(AssetValidator::problems(asset, kToday),
                 QStringList {QStringLiteral("Created (10000) is outside the years 1 to 9998.")});
        asset = valid();
        asset.lastReviewed = QDate(9999, 1, 1);
        QVERIFY(AssetValidator::problems(asset, QDate(9999, 6, 1))
                    .contains(QStringLiteral("Last reviewed (9999) is outside the years 1 to 9998.")));
    }

    void onlyAClassifiedAssetCanAwaitClassificationReview()
    {
        Asset asset = valid();
        asset.classificationNeedsReview = true;
        QCOMPARE(AssetValidator::problems(asset, kToday).size(), 1);
        asset.classification = Classification::official();
        QVERIFY(AssetValidator::problems(asset, kToday).isEmpty());
    }

    void reportsEveryProblemAtOnce()
    {
        Asset asset;
        asset.reviewCycleMonths = 1;
        QCOMPARE(AssetValidator::problems(asset, kToday).size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestAssetValidator)
#include "tst_assetvalidator.moc"
