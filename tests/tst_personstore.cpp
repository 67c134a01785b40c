#include "PersonStore.h"
#include "TestRegister.h"

#include <QTest>

using namespace custos;

class TestPersonStore : public QObject
{
    Q_OBJECT

private slots:
    void addsAndReadsBack()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        Person person {0,
                       QStringLiteral("Priya Patel"),
                       QStringLiteral("priya.patel@justice.gov.uk"),
                       QStringLiteral("ppatel"),
                       unit,
                       false};
        QString error;
        const auto id = PersonStore(test.reg()).add(person, &error);
        QVERIFY2(id, qPrintable(error));
        person.id = *id;
        QCOMPARE(PersonStore(test.reg()).get(*id), person);
        QCOMPARE(PersonStore(test.reg()).findByEmail(QStringLiteral("Priya.Patel@Justice.gov.uk")), person);
        QCOMPARE(PersonStore(test.reg()).all(), QList<Person> {person});
    }

    void emailsAreUniqueWhateverTheirCase()
    {
        TestRegister test;
        test.addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@justice.gov.uk"));
        QString error;
        QVERIFY(!PersonStore(test.reg())
                     .add(Person {0, QStringLiteral("Ann Smyth"), QStringLiteral("ANN@justice.gov.uk")}, &error));
        QVERIFY(error.contains(QLatin1String("already has the email address")));
        // People without an email are allowed, several of them.
        QVERIFY(PersonStore(test.reg()).add(Person {0, QStringLiteral("No Email")}, &error));
        QVERIFY(PersonStore(test.reg()).add(Person {0, QStringLiteral("Also None")}, &error));
    }

    void refusesANamelessPersonOrAMalformedEmail()
    {
        TestRegister test;
        QString error;
        QVERIFY(!PersonStore(test.reg()).add(Person {0, QStringLiteral("  ")}, &error));
        QVERIFY(error.contains(QLatin1String("needs a name")));
        QVERIFY(
            !PersonStore(test.reg()).add(Person {0, QStringLiteral("Ann"), QStringLiteral("ann at justice")}, &error));
        QVERIFY(error.contains(QLatin1String("not an email address")));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM people")).toInt(), 0);
    }

    void addsABatchAllOrNothing()
    {
        TestRegister test;
        QList<Person> people {{0, QStringLiteral("Ann"), QStringLiteral("ann@x.gov.uk")},
                              {0, QStringLiteral("Bob"), QStringLiteral("bob@x.gov.uk")},
                              {0, QStringLiteral("Ann again"), QStringLiteral("ann@x.gov.uk")}};
        QString error;
        QVERIFY(!PersonStore(test.reg()).add(people, &error));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM people")).toInt(), 0);
        people.removeLast();
        QVERIFY(PersonStore(test.reg()).add(people, &error));
        QVERIFY(people[0].id > 0 && people[1].id > people[0].id);
    }

    void updatesAndMarksLeft()
    {
        TestRegister test;
        const RecordId id = test.addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@justice.gov.uk"));
        Person person = *PersonStore(test.reg()).get(id);
        person.name = QStringLiteral("Ann Jones");
        QString error;
        QVERIFY(PersonStore(test.reg()).update(person, &error));
        QVERIFY(PersonStore(test.reg()).markLeft(id, &error));
        const Person stored = *PersonStore(test.reg()).get(id);
        QCOMPARE(stored.name, QStringLiteral("Ann Jones"));
        QVERIFY(stored.hasLeft);
        QVERIFY(!PersonStore(test.reg()).markLeft(999, &error));
        QVERIFY(error.contains(QLatin1String("no longer in the register")));
    }
};

QTEST_GUILESS_MAIN(TestPersonStore)
#include "tst_personstore.moc"
