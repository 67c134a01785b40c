#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/itemmodels/PeopleModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace custos;

class TestPeopleModel : public QObject
{
    Q_OBJECT

private slots:
    void listsPeopleWithTheirUnitAndAssetCounts()
    {
        TestRegister test;
        const RecordId courts = test.addUnit(QStringLiteral("Courts"));
        const RecordId listings = test.addUnit(QStringLiteral("Listings"), courts);
        const RecordId bob = test.addPerson(QStringLiteral("Bob Jones"), QStringLiteral("bob@x.gov.uk"));
        const RecordId ann = test.addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@x.gov.uk"), true);
        Person bobWithUnit = *PersonStore(test.reg()).get(bob);
        bobWithUnit.unitId = listings;
        bobWithUnit.login = QStringLiteral("bjones");
        QString error;
        QVERIFY(PersonStore(test.reg()).update(bobWithUnit, &error));
        for (int i = 0; i < 3; ++i) {
            Asset asset = validAsset(QStringLiteral("IA-%1").arg(i), courts);
            asset.iaoId = bob;
            asset.iamId = i == 0 ? ann : bob;
            QVERIFY2(AssetStore(test.reg()).add(asset, &error), qPrintable(error));
        }

        PeopleModel model(test.reg());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        const int bobRow = model.rowOf(bob);
        QCOMPARE(bobRow, 1); // by name: Ann first
        auto cell = [&](int row, PeopleModel::Column column) { return model.index(row, column).data(); };
        QCOMPARE(cell(bobRow, PeopleModel::Login).toString(), QStringLiteral("bjones"));
        QCOMPARE(cell(bobRow, PeopleModel::BusinessUnit).toString(), QStringLiteral("Courts / Listings"));
        QCOMPARE(cell(bobRow, PeopleModel::OwnerOf).toInt(), 3);
        QCOMPARE(cell(bobRow, PeopleModel::ManagerOf).toInt(), 2);
        QCOMPARE(cell(bobRow, PeopleModel::Status).toString(), QStringLiteral("Current"));
        QCOMPARE(cell(0, PeopleModel::ManagerOf).toInt(), 1);
        QCOMPARE(cell(0, PeopleModel::Status).toString(), QStringLiteral("Left"));
        QCOMPARE(model.index(bobRow, 0).data(PeopleModel::IdRole).toLongLong(), bob);

        QVERIFY(PersonStore(test.reg()).leave(bob, std::nullopt, &error));
        model.reload();
        QCOMPARE(cell(bobRow, PeopleModel::Status).toString(), QStringLiteral("Left"));
    }

    void searchesNameEmailAndUnitAndHidesLeaversWhenAsked()
    {
        TestRegister test;
        const RecordId courts = test.addUnit(QStringLiteral("Courts"));
        const RecordId listings = test.addUnit(QStringLiteral("Listings"), courts);
        const RecordId bob
            = test.addPerson(QStringLiteral("Bob Jones"), QStringLiteral("bob@x.gov.uk"), false, listings);
        const RecordId ann = test.addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@y.gov.uk"), true);
        PeopleModel model(test.reg());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSearch(QStringLiteral(" JONES"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.person(0).id, bob);
        model.setSearch(QStringLiteral("y.GOV"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.person(0).id, ann);
        model.setSearch(QStringLiteral("courts / list"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(bob), 0);
        model.setSearch(QString());
        model.setShowLeavers(false);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(ann), -1);
        QCOMPARE(model.totalCount(), 2);
        model.reload();
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPeopleModel)
#include "tst_peoplemodel.moc"
