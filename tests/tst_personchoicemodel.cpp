#include "TestRegister.h"
#include "models/itemmodels/PersonChoiceModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace custos;

// What a person picker offers: who has not left and matches what is typed, with their details.
class TestPersonChoiceModel : public QObject
{
    Q_OBJECT

    TestRegister m_test;
    RecordId m_listings = 0;
    RecordId m_samCourts = 0;
    RecordId m_samPrisons = 0;
    RecordId m_ann = 0;
    RecordId m_bob = 0;

    static QStringList shown(const PersonChoiceModel& model)
    {
        QStringList rows;
        for (int row = 0; row < model.rowCount(); ++row)
            rows << model.index(row, 0).data().toString();
        return rows;
    }

private slots:
    void initTestCase()
    {
        const RecordId courts = m_test.addUnit(QStringLiteral("Courts"));
        m_listings = m_test.addUnit(QStringLiteral("Listings"), courts);
        const RecordId prisons = m_test.addUnit(QStringLiteral("Prisons"));
        m_ann = m_test.addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann.smith@justice.gov.uk"));
        m_bob = m_test.addPerson(QStringLiteral("Bob Leaver"), QStringLiteral("bob@justice.gov.uk"), true);
        m_samCourts = m_test.addPerson(
            QStringLiteral("Sam Jones"), QStringLiteral("sam.jones@justice.gov.uk"), false, m_listings);
        m_samPrisons = m_test.addPerson(
            QStringLiteral("sam jones"), QStringLiteral("samuel.jones@prisons.gov.uk"), false, prisons);
    }

    void offersEveryoneWhoHasNotLeftAfterNone()
    {
        PersonChoiceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(PersonStore(m_test.reg()).all(), UnitStore(m_test.reg()).tree());
        QCOMPARE(shown(model),
                 QStringList({QStringLiteral("None"),
                              QStringLiteral("Ann Smith \u2014 ann.smith@justice.gov.uk"),
                              QStringLiteral("Sam Jones \u2014 sam.jones@justice.gov.uk \u00B7 Courts / Listings"),
                              QStringLiteral("sam jones \u2014 samuel.jones@prisons.gov.uk \u00B7 Prisons")}));
        QVERIFY(!model.index(0, 0).data(PersonChoiceModel::IdRole).isValid());
        QCOMPARE(model.index(1, 0).data(PersonChoiceModel::IdRole).toLongLong(), m_ann);
        model.setNoneText(QStringLiteral("Nobody yet"));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Nobody yet"));
    }

    void matchesAnyPartOfTheNameOrEmailInAnyCase()
    {
        PersonChoiceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(PersonStore(m_test.reg()).all(), UnitStore(m_test.reg()).tree());
        model.setQuery(QStringLiteral("  JONES "));
        QCOMPARE(model.rowCount(), 2); // no "None" once something is typed
        QCOMPARE(model.index(0, 0).data(PersonChoiceModel::IdRole).toLongLong(), m_samCourts);
        model.setQuery(QStringLiteral("Prisons.GOV"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(PersonChoiceModel::IdRole).toLongLong(), m_samPrisons);
        model.setQuery(QStringLiteral("listings")); // the unit is shown, not searched
        QCOMPARE(model.rowCount(), 0);
        model.setQuery(QStringLiteral("bob"));
        QCOMPARE(model.rowCount(), 0);
    }

    void offersAKeptLeaverMarkedAsLeftAndNeverTheExcluded()
    {
        PersonChoiceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(PersonStore(m_test.reg()).all(), UnitStore(m_test.reg()).tree());
        model.setKept(m_bob);
        model.setQuery(QStringLiteral("bob"));
        QCOMPARE(shown(model), QStringList {QStringLiteral("Bob Leaver (left) \u2014 bob@justice.gov.uk")});
        model.setExcluded(m_ann);
        model.setQuery(QStringLiteral("ann"));
        QCOMPARE(model.rowCount(), 0);
    }

    void countsNamesakesInAnyCaseAmongThoseOffered()
    {
        PersonChoiceModel model;
        model.setPeople(PersonStore(m_test.reg()).all(), UnitStore(m_test.reg()).tree());
        QCOMPARE(model.namesakesOf(*model.person(m_samCourts)), 2);
        QCOMPARE(model.namesakesOf(*model.person(m_ann)), 1);
        model.setExcluded(m_samPrisons);
        QCOMPARE(model.namesakesOf(*model.person(m_samCourts)), 1);
        QCOMPARE(PersonChoiceModel::detailsOf(*model.person(m_samCourts), UnitStore(m_test.reg()).tree()),
                 QStringLiteral("sam.jones@justice.gov.uk \u00B7 Courts / Listings"));
    }
};

QTEST_GUILESS_MAIN(TestPersonChoiceModel)
#include "tst_personchoicemodel.moc"
