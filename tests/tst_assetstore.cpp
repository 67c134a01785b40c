#include "TestRegister.h"
#include "models/assets/AssetStore.h"

#include <QTest>

using namespace custos;

namespace {
const QDate kToday(2026, 11, 28);
}

class TestAssetStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestRegister> m_test;
    RecordId m_unit = 0;
    RecordId m_ann = 0;
    RecordId m_bob = 0;

    AssetStore store() { return AssetStore(m_test->reg(), kToday); }
    int count(const QString& sql) { return m_test->scalar(sql).toInt(); }

    RecordId add(const QString& reference)
    {
        QString error;
        const auto id = store().add(validAsset(reference, m_unit), &error);
        if (!id)
            qFatal("add: %s", qPrintable(error));
        return *id;
    }

private slots:
    void init()
    {
        m_test = std::make_unique<TestRegister>();
        m_unit = m_test->addUnit(QStringLiteral("Courts"));
        m_ann = m_test->addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@justice.gov.uk"));
        m_bob = m_test->addPerson(QStringLiteral("Bob Jones"), QStringLiteral("bob@justice.gov.uk"));
    }

    void cleanup() { m_test.reset(); }

    void storesEveryField()
    {
        Asset asset = validAsset(QStringLiteral("IA-000042"), m_unit);
        asset.description = QStringLiteral("Line one\nLine two, with \"quotes\" – and ünïcödé");
        asset.iaoId = m_ann;
        asset.iamId = m_bob;
        asset.format = AssetFormat::Hybrid;
        asset.location = QStringLiteral("Basement store B");
        asset.classification = Classification::official(true);
        asset.legacyMarking = LegacyMarking::Confidential;
        asset.classificationNeedsReview = true;
        asset.handlingNotes = QStringLiteral("PERSONAL");
        asset.personalData = PersonalData::CriminalOffence;
        asset.lawfulBasis = QStringLiteral("Part 3 DPA 2018");
        asset.retention = QStringLiteral("Permanent");
        asset.disposalAction = QStringLiteral("Transfer to The National Archives");
        asset.criticality = Criticality::Vital;
        asset.reviewCycleMonths = 6;
        asset.lastReviewed = QDate(2026, 8, 31);
        asset.status = AssetStatus::Active;
        asset.created = QDateTime(QDate(2020, 2, 29), QTime(8, 30, 15), Qt::UTC);
        asset.modified = QDateTime(QDate(2026, 8, 31), QTime(17, 0), Qt::UTC);
        QString error;
        const auto id = store().add(asset, &error);
        QVERIFY2(id, qPrintable(error));
        asset.id = *id;
        asset.version = 1; // a new record's
        QCOMPARE(store().get(*id), asset);
        QCOMPARE(store().findByReference(QStringLiteral("IA-000042")), asset);
        QCOMPARE(m_test->scalar(QStringLiteral("SELECT next_review_due FROM assets")).toString(),
                 QStringLiteral("2027-02-28"));
    }

    void stampsCreationWhenNotGiven()
    {
        Asset asset = validAsset(QStringLiteral("IA-000001"), m_unit);
        asset.created = QDateTime();
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        QString error;
        const auto id = store().add(asset, &error);
        QVERIFY2(id, qPrintable(error));
        const Asset stored = *store().get(*id);
        QVERIFY(stored.created >= before);
        QCOMPARE(stored.modified, stored.created);
    }

    void refusesADuplicateReference()
    {
        add(QStringLiteral("IA-000001"));
        QString error;
        QVERIFY(!store().add(validAsset(QStringLiteral("IA-000001"), m_unit), &error));
        QVERIFY(error.contains(QLatin1String("IA-000001 is already used")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM assets")), 1);
    }

    void refusesAnInvalidAssetNamingIt()
    {
        Asset asset = validAsset(QStringLiteral("IA-000001"), m_unit);
        asset.name.clear();
        QString error;
        QVERIFY(!store().add(asset, &error));
        QVERIFY(error.contains(QLatin1String("IA-000001")));
        QVERIFY(error.contains(QLatin1String("Name is required")));
    }

    void refusesAnUnknownUnit()
    {
        QString error;
        QVERIFY(!store().add(validAsset(QStringLiteral("IA-000001"), 999), &error));
        QVERIFY(error.contains(QLatin1String("FOREIGN KEY")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM assets")), 0);
    }

    void addAllIsAllOrNothing()
    {
        int made = 0;
        QString error;
        const bool added = store().addAll(
            [&]() -> std::optional<Asset> {
                ++made;
                if (made == 4)
                    return validAsset(QStringLiteral("IA-000001"), m_unit); // a duplicate
                if (made > 5)
                    return std::nullopt;
                return validAsset(QStringLiteral("IA-00000%1").arg(made), m_unit);
            },
            &error);
        QVERIFY(!added);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM assets")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE record_table = 'assets'")), 0);
    }

    void updateKeepsCreationAndStampsModification()
    {
        const RecordId id = add(QStringLiteral("IA-000001"));
        Asset asset = *store().get(id);
        asset.name = QStringLiteral("Payroll");
        asset.reviewCycleMonths = 3;
        asset.created = QDateTime(QDate(1999, 1, 1), QTime(0, 0), Qt::UTC);
        QString error;
        QVERIFY2(store().update(asset, &error), qPrintable(error));
        const Asset stored = *store().get(id);
        QCOMPARE(stored.name, QStringLiteral("Payroll"));
        QCOMPARE(stored.created, QDateTime(QDate(2026, 1, 31), QTime(9, 0), Qt::UTC));
        QVERIFY(stored.modified > stored.created);
        QCOMPARE(m_test->scalar(QStringLiteral("SELECT next_review_due FROM assets")).toString(),
                 QStringLiteral("2026-04-30"));
    }

    void updatesSeveralAllOrNothing()
    {
        const RecordId a = add(QStringLiteral("IA-000001"));
        const RecordId b = add(QStringLiteral("IA-000002"));
        Asset first = *store().get(a);
        Asset second = *store().get(b);
        first.retention = QStringLiteral("6 years");
        second.retention = QStringLiteral("6 years");
        second.reference = QStringLiteral("IA-000001"); // clashes with the first
        QString error;
        QVERIFY(!store().update({first, second}, &error));
        QVERIFY(error.contains(QLatin1String("already used")));
        QCOMPARE(store().get(a)->retention, QString());
        second.reference = QStringLiteral("IA-000002");
        QVERIFY2(store().update({first, second}, &error), qPrintable(error));
        QCOMPARE(store().get(a)->retention, QStringLiteral("6 years"));
        QCOMPARE(store().get(b)->retention, QStringLiteral("6 years"));
    }

    void suggestsTheNextReference()
    {
        QCOMPARE(store().nextReference(), QStringLiteral("IA-000001"));
        add(QStringLiteral("IA-000009"));
        add(QStringLiteral("IA-000010"));
        add(QStringLiteral("HMCTS-99999"));
        QCOMPARE(store().nextReference(), QStringLiteral("IA-000011"));
    }

    void removesAnAssetJustAddedKeepingItsHistory()
    {
        const RecordId a = add(QStringLiteral("IA-000001"));
        QString error;
        QVERIFY(store().recordReview({a}, kToday, &error));
        QVERIFY2(store().remove(a, &error), qPrintable(error));
        QVERIFY(!store().get(a));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM reviews")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE record_table = 'assets' "
                                      "AND action = 'delete'")),
                 1);
        QVERIFY(!store().remove(a, &error));
    }

    void archivesAndDisposesSeveralAtOnce()
    {
        const RecordId a = add(QStringLiteral("IA-000001"));
        const RecordId b = add(QStringLiteral("IA-000002"));
        const RecordId c = add(QStringLiteral("IA-000003"));
        QString error;
        QVERIFY(store().setStatus({a, b}, AssetStatus::Archived, &error));
        QVERIFY(store().setStatus({c}, AssetStatus::Disposed, &error));
        QCOMPARE(store().get(a)->status, AssetStatus::Archived);
        QCOMPARE(store().get(b)->status, AssetStatus::Archived);
        QCOMPARE(store().get(c)->status, AssetStatus::Disposed);
        QCOMPARE(store().count(AssetFilter {}), 0);
        QCOMPARE(store().count(AssetFilter {.activeOnly = false}), 3);
    }

    void assignsAnOwnerToManyInOneTransaction()
    {
        const RecordId a = add(QStringLiteral("IA-000001"));
        const RecordId b = add(QStringLiteral("IA-000002"));
        QString error;
        QVERIFY(store().assignOwner({a, b}, m_ann, &error));
        QCOMPARE(store().get(a)->iaoId, m_ann);
        QCOMPARE(store().get(b)->iaoId, m_ann);
        QVERIFY(store().assignManager({a}, m_bob, &error));
        QCOMPARE(store().get(a)->iamId, m_bob);

        // One missing asset: nothing changes.
        QVERIFY(!store().assignOwner({a, 999, b}, m_bob, &error));
        QVERIFY(error.contains(QLatin1String("Nothing was changed")));
        QCOMPARE(store().get(a)->iaoId, m_ann);

        QVERIFY(store().assignOwner({a}, std::nullopt, &error));
        QVERIFY(!store().get(a)->iaoId.has_value());
    }

    void someoneWhoHasLeftCannotBeGivenAssets()
    {
        const RecordId a = add(QStringLiteral("IA-000001"));
        QString error;
        QVERIFY(PersonStore(m_test->reg()).leave(m_bob, std::nullopt, &error));
        QVERIFY(!store().assignOwner({a}, m_bob, &error));
        QVERIFY(error.contains(QLatin1String("has left")));
        QVERIFY(!store().get(a)->iaoId.has_value());
    }

    void recordsAReviewAndMovesTheNextDueDate()
    {
        const RecordId a = add(QStringLiteral("IA-000001"));
        Asset quarterly = validAsset(QStringLiteral("IA-000002"), m_unit);
        quarterly.reviewCycleMonths = 3;
        QString error;
        const RecordId b = *store().add(quarterly, &error);
        QVERIFY(store().recordReview({a, b}, QDate(2026, 8, 31), &error));
        QCOMPARE(store().get(a)->lastReviewed, QDate(2026, 8, 31));
        QCOMPARE(m_test->scalar(QStringLiteral("SELECT next_review_due FROM assets WHERE id = %1").arg(a)).toString(),
                 QStringLiteral("2027-08-31"));
        QCOMPARE(m_test->scalar(QStringLiteral("SELECT next_review_due FROM assets WHERE id = %1").arg(b)).toString(),
                 QStringLiteral("2026-11-30"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM reviews")), 2);
        QCOMPARE(m_test->scalar(QStringLiteral("SELECT reviewed_by FROM reviews LIMIT 1")).toString(),
                 m_test->reg().actor());
    }

    void withdrawsAReviewLeavingTheAssetAsItWas()
    {
        const RecordId a = add(QStringLiteral("IA-000001"));
        QString error;
        QVERIFY(store().recordReview({a}, QDate(2026, 6, 30), &error));
        const Asset before = *store().get(a);
        QVERIFY(store().recordReview({a}, kToday, &error));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM reviews")), 2);
        QVERIFY2(store().withdrawReview({before}, kToday, &error), qPrintable(error));
        QCOMPARE(store().get(a)->lastReviewed, QDate(2026, 6, 30));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM reviews")), 1);
        QCOMPARE(m_test->scalar(QStringLiteral("SELECT reviewed_on FROM reviews")).toString(),
                 QStringLiteral("2026-06-30"));
        QCOMPARE(m_test->scalar(QStringLiteral("SELECT next_review_due FROM assets")).toString(),
                 QStringLiteral("2027-06-30"));
    }

    void refusesAReviewInTheFuture()
    {
        const RecordId a = add(QStringLiteral("IA-000001"));
        QString error;
        QVERIFY(!store().recordReview({a}, kToday.addDays(1), &error));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM reviews")), 0);
    }

    void listsMatchingAssetsInReferenceOrder()
    {
        add(QStringLiteral("IA-000003"));
        add(QStringLiteral("IA-000001"));
        add(QStringLiteral("IA-000002"));
        QStringList references;
        store().forEachMatching(AssetFilter {}, [&](const QString& reference, const QString& name) {
            references << reference;
            QCOMPARE(name, QStringLiteral("Offender case records"));
        });
        QCOMPARE(references,
                 (QStringList {QStringLiteral("IA-000001"), QStringLiteral("IA-000002"), QStringLiteral("IA-000003")}));
    }

    // Two writers, each with a connection of its own, read the same asset; the second to save is
    // refused with the first's change named, and saves only when it chooses to overwrite.
    void aSaveOverSomeoneElsesChangeIsRefused()
    {
        const RecordId id = add(QStringLiteral("IA-000001"));
        QString error;
        auto other = Register::open(m_test->path(), OpenMode::ReadWrite, &error);
        QVERIFY2(other, qPrintable(error));
        other->setActor(QStringLiteral("b.jones"));
        Asset mine = *store().get(id);
        Asset theirs = *AssetStore(*other, kToday).get(id);
        theirs.name = QStringLiteral("Their name");
        QVERIFY2(AssetStore(*other, kToday).update(theirs, &error), qPrintable(error));

        mine.location = QStringLiteral("My location");
        AssetStore writer = store();
        QVERIFY(!writer.update(mine, &error));
        QCOMPARE(writer.changedSinceRead(), QList<RecordId> {id});
        QVERIFY2(error.contains(QLatin1String("b.jones")) && error.contains(QLatin1String("Name:"))
                     && error.contains(QLatin1String("IA-000001")),
                 qPrintable(error));
        QCOMPARE(store().get(id)->name, QStringLiteral("Their name"));
        QCOMPARE(store().get(id)->location, QString());

        // The deliberate overwrite: at the version now stored.
        mine.version = store().get(id)->version;
        QVERIFY2(store().update(mine, &error), qPrintable(error));
        QCOMPARE(store().get(id)->location, QStringLiteral("My location"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE record_table = 'assets' AND action = "
                                      "'update' AND actor = 'b.jones'")),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE record_table = 'assets' AND action = "
                                      "'update' AND changes LIKE '%location%'")),
                 1);
    }

    // A bulk edit over assets of which one changed meanwhile writes none of them.
    void aBulkEditOverAChangedAssetWritesNothing()
    {
        QList<Asset> read;
        for (const char* reference : {"IA-000001", "IA-000002", "IA-000003"})
            read << *store().get(add(QLatin1String(reference)));
        Asset changed = read[1];
        changed.retention = QStringLiteral("7 years");
        QString error;
        QVERIFY2(store().update(changed, &error), qPrintable(error));
        for (Asset& asset : read)
            asset.iaoId = m_ann;
        AssetStore writer = store();
        QVERIFY(!writer.update(read, &error));
        QCOMPARE(writer.changedSinceRead(), QList<RecordId> {read[1].id});
        QVERIFY2(error.contains(QLatin1String("IA-000002")) && !error.contains(QLatin1String("IA-000001")),
                 qPrintable(error));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM assets WHERE iao_id IS NOT NULL")), 0);
    }

    // Every update moves the version on, whoever makes it (a review, a status change, an import).
    void everyUpdateMovesTheVersionOn()
    {
        const RecordId id = add(QStringLiteral("IA-000001"));
        const qint64 first = store().get(id)->version;
        QString error;
        QVERIFY2(store().recordReview({id}, kToday, &error), qPrintable(error));
        QVERIFY2(store().setStatus({id}, AssetStatus::Archived, &error), qPrintable(error));
        QCOMPARE(store().get(id)->version, first + 2);
    }
};

QTEST_GUILESS_MAIN(TestAssetStore)
#include "tst_assetstore.moc"
