#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/people/PersonStore.h"
#include "models/store/WriteTransaction.h"

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
        person.version = 1; // every person starts at version 1
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

    void oneEmailRule_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("address");
        QTest::newRow("address") << "ann.smith@justice.gov.uk" << true;
        QTest::newRow("no @") << "ann.smith at justice.gov.uk" << false;
        QTest::newRow("a space") << "ann smith@justice.gov.uk" << false;
        QTest::newRow("nothing") << "" << false;
    }

    // The rule isEmailAddress states is the one add() applies (an empty email is no email).
    void oneEmailRule()
    {
        QFETCH(QString, email);
        QFETCH(bool, address);
        QCOMPARE(PersonStore::isEmailAddress(email), address);
        TestRegister test;
        QString error;
        const bool added = PersonStore(test.reg()).add(Person {0, QStringLiteral("Ann"), email}, &error).has_value();
        QCOMPARE(added, address || email.isEmpty());
        QCOMPARE(PersonStore::problemWith(Person {0, QStringLiteral("Ann"), email}), added ? QString() : error);
    }

    // Inside a caller's transaction the people are written with its other changes, or not at all.
    void addsAndMarksLeftInsideTheCallersTransaction()
    {
        TestRegister test;
        for (const bool commit : {false, true}) {
            WriteTransaction transaction(test.reg());
            QString error;
            QVERIFY2(transaction.begin(&error), qPrintable(error));
            PersonStore store(test.reg());
            const auto ann = store.add(Person {0, QStringLiteral("Ann"), QStringLiteral("ann@x.gov.uk")}, transaction);
            const auto bob = store.add(Person {0, QStringLiteral("Bob")}, transaction, &error);
            QVERIFY(ann && bob && *bob > *ann);
            QVERIFY(!store.add(
                Person {0, QStringLiteral("Ann again"), QStringLiteral("ANN@x.gov.uk")}, transaction, &error));
            QVERIFY(error.contains(QLatin1String("already has the email address")));
            QVERIFY(!store.add(Person {0, QStringLiteral("Cat"), QStringLiteral("cat at x")}, transaction, &error));
            QVERIFY(error.contains(QLatin1String("not an email address")));
            QVERIFY2(store.markLeft(*ann, transaction, &error), qPrintable(error));
            QVERIFY(!store.markLeft(999, transaction, &error));
            if (commit)
                QVERIFY2(transaction.commit(&error), qPrintable(error));
        }
        const QList<Person> people = PersonStore(test.reg()).all();
        QCOMPARE(people.size(), 2);
        QVERIFY(people.first().hasLeft); // Ann
        QVERIFY(!people.last().hasLeft);
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE record_table = 'people'")).toInt(),
                 3);
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
        QVERIFY(PersonStore(test.reg()).leave(id, std::nullopt, &error));
        const Person stored = *PersonStore(test.reg()).get(id);
        QCOMPARE(stored.name, QStringLiteral("Ann Jones"));
        QVERIFY(stored.hasLeft);
        QVERIFY(!PersonStore(test.reg()).leave(999, std::nullopt, &error));
        QVERIFY(error.contains(QLatin1String("no longer a current member")));
        QVERIFY(!PersonStore(test.reg()).leave(id, std::nullopt, &error));
    }

    // Two writers read the same person; the second to save is refused with the first's change
    // named, and saves once it writes at the version now stored.
    void anUpdateOverSomeoneElsesChangeIsRefused()
    {
        TestRegister test;
        const RecordId id = test.addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@justice.gov.uk"));
        QString error;
        auto other = Register::open(test.path(), OpenMode::ReadWrite, &error);
        QVERIFY2(other, qPrintable(error));
        other->setActor(QStringLiteral("b.jones"));
        Person mine = *PersonStore(test.reg()).get(id);
        Person theirs = *PersonStore(*other).get(id);
        theirs.name = QStringLiteral("Ann Jones");
        QVERIFY2(PersonStore(*other).update(theirs, &error), qPrintable(error));
        QCOMPARE(PersonStore(test.reg()).get(id)->version, mine.version + 1);

        mine.login = QStringLiteral("asmith");
        QVERIFY(!PersonStore(test.reg()).update(mine, &error));
        QVERIFY2(error.contains(QLatin1String("b.jones")) && error.contains(QLatin1String("Ann Jones")),
                 qPrintable(error));
        Person stored = *PersonStore(test.reg()).get(id);
        QCOMPARE(stored.name, QStringLiteral("Ann Jones"));
        QCOMPARE(stored.login, QString());

        mine.version = stored.version;
        QVERIFY2(PersonStore(test.reg()).update(mine, &error), qPrintable(error));
        QCOMPARE(PersonStore(test.reg()).get(id)->login, QStringLiteral("asmith"));
    }

    void leavingHandsOverEverythingOwnedOrManagedAndUndoes()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        const RecordId ann = test.addPerson(QStringLiteral("Ann"), QStringLiteral("ann@x.gov.uk"));
        const RecordId bob = test.addPerson(QStringLiteral("Bob"), QStringLiteral("bob@x.gov.uk"));
        const RecordId cat = test.addPerson(QStringLiteral("Cat"), QStringLiteral("cat@x.gov.uk"));
        QList<Asset> assets;
        for (const auto& [owner, manager] : QList<std::pair<RecordId, RecordId>> {{bob, ann}, {bob, bob}, {ann, bob}}) {
            Asset asset = validAsset(QStringLiteral("IA-%1").arg(assets.size()), unit);
            asset.iaoId = owner;
            asset.iamId = manager;
            assets.append(asset);
        }
        assets[2].status = AssetStatus::Archived;
        QString error;
        for (const Asset& asset : assets)
            QVERIFY2(AssetStore(test.reg()).add(asset, &error), qPrintable(error));
        const QString before
            = test.scalar(QStringLiteral("SELECT group_concat(iao_id || ':' || iam_id) FROM assets")).toString();
        QCOMPARE(PersonStore(test.reg()).assetCount(bob), 3);

        const auto departure = PersonStore(test.reg()).leave(bob, cat, &error);
        QVERIFY2(departure, qPrintable(error));
        QCOMPARE(departure->owned.size(), 2);
        QCOMPARE(departure->managed.size(), 2);
        QCOMPARE(test.scalar(QStringLiteral("SELECT group_concat(iao_id || ':' || iam_id) FROM assets")).toString(),
                 QStringLiteral("%1:%2,%1:%1,%2:%1").arg(cat).arg(ann));
        QVERIFY(PersonStore(test.reg()).get(bob)->hasLeft);
        QCOMPARE(PersonStore(test.reg()).assetCount(bob), 0);

        QVERIFY2(PersonStore(test.reg()).undoLeave(*departure, &error), qPrintable(error));
        QCOMPARE(test.scalar(QStringLiteral("SELECT group_concat(iao_id || ':' || iam_id) FROM assets")).toString(),
                 before);
        QVERIFY(!PersonStore(test.reg()).get(bob)->hasLeft);
    }

    void leavingWithoutASuccessorLeavesTheAssetsUnowned()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        const RecordId bob = test.addPerson(QStringLiteral("Bob"), QStringLiteral("bob@x.gov.uk"));
        Asset asset = validAsset(QStringLiteral("IA-1"), unit);
        asset.iaoId = bob;
        QString error;
        QVERIFY(AssetStore(test.reg()).add(asset, &error));
        QCOMPARE(AssetStore(test.reg()).count(AssetFilter {.unowned = true}), 0);
        QVERIFY(PersonStore(test.reg()).leave(bob, std::nullopt, &error));
        QCOMPARE(AssetStore(test.reg()).count(AssetFilter {.unowned = true}), 1);
        QCOMPARE(test.scalar(QStringLiteral("SELECT iao_id FROM assets")).toLongLong(), bob);
    }

    void refusesToHandOverToALeaverOrToTheLeaver()
    {
        TestRegister test;
        const RecordId ann = test.addPerson(QStringLiteral("Ann"), QStringLiteral("ann@x.gov.uk"));
        const RecordId bob = test.addPerson(QStringLiteral("Bob"), QStringLiteral("bob@x.gov.uk"), true);
        QString error;
        QVERIFY(!PersonStore(test.reg()).leave(ann, bob, &error));
        QVERIFY(error.contains(QLatin1String("someone else who has not left")));
        QVERIFY(!PersonStore(test.reg()).leave(ann, ann, &error));
        QVERIFY(!PersonStore(test.reg()).get(ann)->hasLeft);
    }

    void removesOnlySomeoneNobodyRefersTo()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        const RecordId ann = test.addPerson(QStringLiteral("Ann"), QStringLiteral("ann@x.gov.uk"));
        const RecordId bob = test.addPerson(QStringLiteral("Bob"), QStringLiteral("bob@x.gov.uk"));
        Asset asset = validAsset(QStringLiteral("IA-1"), unit);
        asset.iaoId = ann;
        QString error;
        QVERIFY(AssetStore(test.reg()).add(asset, &error));
        QVERIFY(!PersonStore(test.reg()).remove(ann, &error));
        QVERIFY(PersonStore(test.reg()).get(ann));
        QVERIFY2(PersonStore(test.reg()).remove(bob, &error), qPrintable(error));
        QVERIFY(!PersonStore(test.reg()).get(bob));
    }
};

QTEST_GUILESS_MAIN(TestPersonStore)
#include "tst_personstore.moc"
