#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/store/Register.h"
#include "models/store/WriteTransaction.h"
#include "models/units/UnitStore.h"

#include <QTest>

using namespace custos;

class TestUnitStore : public QObject
{
    Q_OBJECT

private slots:
    void addsUnitsInTwoLevels()
    {
        TestRegister test;
        const RecordId courts = test.addUnit(QStringLiteral("Courts"));
        const RecordId listings = test.addUnit(QStringLiteral("Listings"), courts);
        const UnitTree tree = UnitStore(test.reg()).tree();
        QCOMPARE(tree.units().size(), 2);
        QCOMPARE(tree.path(listings), QStringLiteral("Courts / Listings"));
    }

    void siblingNamesAreUnique()
    {
        TestRegister test;
        const RecordId courts = test.addUnit(QStringLiteral("Courts"));
        const RecordId corporate = test.addUnit(QStringLiteral("Corporate"));
        test.addUnit(QStringLiteral("Listings"), courts);
        QString error;
        QVERIFY(!UnitStore(test.reg()).add(QStringLiteral("Courts"), std::nullopt, &error));
        QVERIFY(error.contains(QLatin1String("already a unit called \"Courts\"")));
        QVERIFY(!UnitStore(test.reg()).add(QStringLiteral("Listings"), courts, &error));
        QVERIFY2(UnitStore(test.reg()).add(QStringLiteral("Listings"), corporate, &error), qPrintable(error));
    }

    void refusesNamesThatWouldBreakAPath()
    {
        TestRegister test;
        QString error;
        QVERIFY(!UnitStore(test.reg()).add(QStringLiteral("Courts / Listings"), std::nullopt, &error));
        QVERIFY(error.contains(QLatin1String("\" / \"")));
        QVERIFY(!UnitStore(test.reg()).add(QStringLiteral(" Courts"), std::nullopt, &error));
        QVERIFY(!UnitStore(test.reg()).add(QString(), std::nullopt, &error));
        QVERIFY(!UnitStore(test.reg()).add(QStringLiteral("Orphan"), 42, &error));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM units")).toInt(), 0);
    }

    // Inside a caller's transaction the units are written with its other changes, or not at all,
    // under the same rules for names.
    void addsInsideTheCallersTransaction()
    {
        TestRegister test;
        for (const bool commit : {false, true}) {
            WriteTransaction transaction(test.reg());
            QString error;
            QVERIFY2(transaction.begin(&error), qPrintable(error));
            UnitStore store(test.reg());
            const auto courts = store.add(QStringLiteral("Courts"), std::nullopt, transaction, &error);
            QVERIFY2(courts, qPrintable(error));
            QVERIFY2(store.add(QStringLiteral("Listings"), courts, transaction, &error), qPrintable(error));
            QVERIFY(!store.add(QStringLiteral("Listings"), courts, transaction, &error));
            QVERIFY(error.contains(QLatin1String("already a unit called \"Listings\"")));
            QVERIFY(!store.add(QStringLiteral("Courts / Crown"), std::nullopt, transaction, &error));
            QVERIFY(error.contains(QLatin1String("\" / \"")));
            QVERIFY(!store.add(QStringLiteral("Orphan"), 999, transaction, &error));
            if (commit)
                QVERIFY2(transaction.commit(&error), qPrintable(error));
        }
        const UnitTree tree = UnitStore(test.reg()).tree();
        QCOMPARE(tree.units().size(), 2);
        QCOMPARE(tree.path(tree.units().last().id), QStringLiteral("Courts / Listings"));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE record_table = 'units'")).toInt(), 2);
    }

    void renames()
    {
        TestRegister test;
        const RecordId courts = test.addUnit(QStringLiteral("Courts"));
        test.addUnit(QStringLiteral("Tribunals"));
        QString error;
        QVERIFY(UnitStore(test.reg()).rename(courts, QStringLiteral("Courts"), QStringLiteral("HMCTS"), &error));
        QCOMPARE(UnitStore(test.reg()).tree().path(courts), QStringLiteral("HMCTS"));
        QVERIFY(!UnitStore(test.reg()).rename(courts, QStringLiteral("HMCTS"), QStringLiteral("Tribunals"), &error));
        QVERIFY(!UnitStore(test.reg()).rename(999, QStringLiteral("Somewhere"), QStringLiteral("Nowhere"), &error));
    }

    void movesUnderAnotherUnitOrToTheTop()
    {
        TestRegister test;
        const RecordId courts = test.addUnit(QStringLiteral("Courts"));
        const RecordId corporate = test.addUnit(QStringLiteral("Corporate"));
        const RecordId listings = test.addUnit(QStringLiteral("Listings"), courts);
        QString error;
        QVERIFY(UnitStore(test.reg()).move(listings, courts, corporate, &error));
        QCOMPARE(UnitStore(test.reg()).tree().path(listings), QStringLiteral("Corporate / Listings"));
        QVERIFY(UnitStore(test.reg()).move(listings, corporate, std::nullopt, &error));
        QCOMPARE(UnitStore(test.reg()).tree().path(listings), QStringLiteral("Listings"));
    }

    // A second writer renames or moves a unit as it read it; the first writer's change since is
    // named, and stands.
    void aRenameOrMoveOverSomeoneElsesChangeIsRefused()
    {
        TestRegister test;
        const RecordId courts = test.addUnit(QStringLiteral("Courts"));
        const RecordId corporate = test.addUnit(QStringLiteral("Corporate"));
        QString error;
        auto other = Register::open(test.path(), OpenMode::ReadWrite, &error);
        QVERIFY2(other, qPrintable(error));
        other->setActor(QStringLiteral("b.jones"));
        QVERIFY(UnitStore(*other).rename(courts, QStringLiteral("Courts"), QStringLiteral("HMCTS"), &error));
        QVERIFY(!UnitStore(test.reg()).rename(courts, QStringLiteral("Courts"), QStringLiteral("Tribunals"), &error));
        QVERIFY2(error.contains(QLatin1String("b.jones")) && error.contains(QLatin1String("HMCTS")), qPrintable(error));
        QCOMPARE(UnitStore(test.reg()).tree().path(courts), QStringLiteral("HMCTS"));

        QVERIFY(UnitStore(*other).move(courts, std::nullopt, corporate, &error));
        QVERIFY(!UnitStore(test.reg()).move(courts, std::nullopt, std::nullopt, &error));
        QVERIFY2(error.contains(QLatin1String("b.jones")), qPrintable(error));
        QCOMPARE(UnitStore(test.reg()).tree().path(courts), QStringLiteral("Corporate / HMCTS"));
    }

    void refusesToMoveAUnitInsideItself()
    {
        TestRegister test;
        const RecordId courts = test.addUnit(QStringLiteral("Courts"));
        const RecordId listings = test.addUnit(QStringLiteral("Listings"), courts);
        QString error;
        QVERIFY(!UnitStore(test.reg()).move(courts, std::nullopt, listings, &error));
        QVERIFY(error.contains(QLatin1String("inside it")));
        QVERIFY(!UnitStore(test.reg()).move(courts, std::nullopt, courts, &error));
        QCOMPARE(UnitStore(test.reg()).tree().path(listings), QStringLiteral("Courts / Listings"));
    }

    void countsAssetsAndRemovesOnlyAUnitNothingRefersTo()
    {
        TestRegister test;
        const RecordId courts = test.addUnit(QStringLiteral("Courts"));
        const RecordId listings = test.addUnit(QStringLiteral("Listings"), courts);
        QString error;
        QVERIFY(!UnitStore(test.reg()).remove(courts, &error));
        QVERIFY(AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-1"), listings), &error));
        QVERIFY(AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-2"), listings), &error));
        QCOMPARE(UnitStore(test.reg()).assetCounts(), (QHash<RecordId, int> {{listings, 2}}));
        QVERIFY(!UnitStore(test.reg()).remove(listings, &error));
        QVERIFY(AssetStore(test.reg()).remove(AssetStore(test.reg()).findByReference(QStringLiteral("IA-1"))->id));
        QVERIFY(AssetStore(test.reg()).remove(AssetStore(test.reg()).findByReference(QStringLiteral("IA-2"))->id));
        QCOMPARE(UnitStore(test.reg()).tree().units().size(), 2);
        QVERIFY2(UnitStore(test.reg()).remove(listings, &error), qPrintable(error));
        QCOMPARE(UnitStore(test.reg()).tree().units().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestUnitStore)
#include "tst_unitstore.moc"
