#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/coverage/Coverage.h"
#include "models/demo/DemoRegister.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace custos;

namespace {

const QDate kToday(2026, 11, 28);

// Everything the register holds apart from when the audit rows were written.
QByteArray contentHash(Register& reg)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QSqlQuery query(reg.database());
    for (const char* sql :
         {"SELECT * FROM units ORDER BY id", "SELECT * FROM people ORDER BY id", "SELECT * FROM assets ORDER BY id"}) {
        query.exec(QLatin1String(sql));
        while (query.next()) {
            for (int i = 0; i < query.record().count(); ++i)
                hash.addData(query.value(i).toString().toUtf8() + '\x1f');
        }
    }
    return hash.result();
}

int scalar(Register& reg, const QString& sql)
{
    QSqlQuery query(reg.database());
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}

} // namespace

class TestDemoRegister : public QObject
{
    Q_OBJECT

private:
    TestRegister m_demo;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(DemoRegister::fill(m_demo.reg(), 2000, 7, kToday, &error), qPrintable(error));
    }

    void holdsExactlyTheAssetsAskedFor()
    {
        QCOMPARE(AssetStore(m_demo.reg(), kToday).count(AssetFilter {.activeOnly = false}), 2000);
        const int inactive
            = scalar(m_demo.reg(), QStringLiteral("SELECT count(*) FROM assets WHERE status <> 'Active'"));
        QVERIFY(inactive > 20 && inactive < 200);
    }

    void theSameSeedAndDayGiveTheSameRegister()
    {
        TestRegister again;
        TestRegister otherSeed;
        QString error;
        QVERIFY(DemoRegister::fill(again.reg(), 2000, 7, kToday, &error));
        QVERIFY(DemoRegister::fill(otherSeed.reg(), 2000, 8, kToday, &error));
        QCOMPARE(contentHash(again.reg()), contentHash(m_demo.reg()));
        QVERIFY(contentHash(otherSeed.reg()) != contentHash(m_demo.reg()));
    }

    void hasAboutTwelveUnitsInTwoLevels()
    {
        const UnitTree tree = UnitStore(m_demo.reg()).tree();
        QVERIFY(tree.units().size() >= 10 && tree.units().size() <= 16);
        int topLevel = 0;
        for (const BusinessUnit& unit : tree.units()) {
            topLevel += unit.parentId ? 0 : 1;
            QVERIFY(tree.path(unit.id).count(UnitTree::kPathSeparator) <= 1);
        }
        QVERIFY(topLevel >= 3 && topLevel < tree.units().size());
    }

    void hasAFewHundredPeopleSomeOfWhomHaveLeft()
    {
        const QList<Person> people = PersonStore(m_demo.reg()).all();
        QVERIFY(people.size() >= 200 && people.size() <= 400);
        const auto left = std::count_if(people.begin(), people.end(), [](const Person& p) { return p.hasLeft; });
        QVERIFY(left > 5 && left < people.size() / 5);
        const auto me
            = std::count_if(people.begin(), people.end(), [](const Person& p) { return p.login == currentLogin(); });
        QCOMPARE(me, 1);
    }

    void hasTheGapsAnSroHuntsFor()
    {
        const CoverageCounts total = Coverage::compute(m_demo.reg(), kToday).value().total;
        const double assets = total.assets;
        QVERIFY2(total.unowned / assets > 0.06 && total.unowned / assets < 0.16,
                 qPrintable(QString::number(total.unowned)));
        QVERIFY(total.unclassified / assets > 0.06 && total.unclassified / assets < 0.16);
        QVERIFY(total.overdue / assets > 0.12 && total.overdue / assets < 0.22);
        QVERIFY(total.complete > 0 && total.complete < total.assets);
        // Some of the unowned are unowned through a leaver.
        QVERIFY(scalar(m_demo.reg(),
                       QStringLiteral("SELECT count(*) FROM assets a JOIN people p ON p.id = a.iao_id "
                                      "WHERE p.has_left = 1 AND a.status = 'Active'"))
                > 10);
    }

    void hasTheMarkingsOfARealRegister()
    {
        auto count = [&](const char* where) {
            return scalar(m_demo.reg(),
                          QStringLiteral("SELECT count(*) FROM assets WHERE %1").arg(QLatin1String(where)));
        };
        QVERIFY(count("sensitive = 1") > 200);
        const int secret = count("classification = 'SECRET'");
        QVERIFY(secret > 0 && secret < 60);
        QVERIFY(count("legacy_marking IS NOT NULL AND classification_needs_review = 1") > 20);
        QCOMPARE(count("name GLOB 'Asset [0-9]*'"), 0);
        QVERIFY(count("name LIKE 'Offender case records%' OR name LIKE 'Payroll%'") > 10);
    }
};

QTEST_GUILESS_MAIN(TestDemoRegister)
#include "tst_demoregister.moc"
