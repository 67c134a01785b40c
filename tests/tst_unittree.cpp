#include "models/units/UnitTree.h"

#include <QTest>

using namespace custos;

namespace {
// Courts(1) > Listings(2), Crime(3) > Youth(5); Corporate(4) > Listings(6)
UnitTree sample()
{
    return UnitTree({{1, QStringLiteral("Courts"), std::nullopt},
                     {2, QStringLiteral("Listings"), 1},
                     {3, QStringLiteral("Crime"), 1},
                     {4, QStringLiteral("Corporate"), std::nullopt},
                     {5, QStringLiteral("Youth"), 3},
                     {6, QStringLiteral("Listings"), 4}});
}
} // namespace

class TestUnitTree : public QObject
{
    Q_OBJECT

private slots:
    void pathsJoinNamesFromTheTop()
    {
        const UnitTree tree = sample();
        QCOMPARE(tree.path(1), QStringLiteral("Courts"));
        QCOMPARE(tree.path(5), QStringLiteral("Courts / Crime / Youth"));
        QCOMPARE(tree.path(99), QString());
    }

    void findsAUnitById()
    {
        QCOMPARE(sample().unit(5)->name, QStringLiteral("Youth"));
        QCOMPARE(sample().unit(5)->parentId, RecordId(3));
        QVERIFY(!sample().unit(99));
    }

    void ordersByPath() { QCOMPARE(sample().idsByPath(), (QList<RecordId> {4, 6, 1, 3, 5, 2})); }

    void subtreeHoldsTheUnitAndEveryUnitBelow()
    {
        const UnitTree tree = sample();
        QList<RecordId> below = tree.subtree(1);
        std::sort(below.begin(), below.end());
        QCOMPARE(below, (QList<RecordId> {1, 2, 3, 5}));
        QCOMPARE(tree.subtree(2), QList<RecordId> {2});
        QVERIFY(tree.isInSubtree(5, 1));
        QVERIFY(!tree.isInSubtree(1, 5));
    }

    void findsByPathOrUnambiguousName()
    {
        const UnitTree tree = sample();
        QCOMPARE(tree.find(QStringLiteral("Corporate / Listings")), RecordId(6));
        QCOMPARE(tree.find(QStringLiteral("Youth")), RecordId(5));
        QVERIFY(!tree.find(QStringLiteral("Listings")).has_value()); // two units have that name
        QVERIFY(!tree.find(QStringLiteral("Nowhere")).has_value());
    }

    void aCycleInADamagedFileDoesNotHang()
    {
        const UnitTree tree({{1, QStringLiteral("A"), 2}, {2, QStringLiteral("B"), 1}});
        QVERIFY(!tree.path(1).isEmpty());
        QVERIFY(tree.subtree(1).size() <= 3);
    }
};

QTEST_GUILESS_MAIN(TestUnitTree)
#include "tst_unittree.moc"
