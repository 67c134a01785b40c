#include "models/domain/LegacyMarking.h"

#include <QTest>

using namespace custos;

class TestLegacyMarking : public QObject
{
    Q_OBJECT

private slots:
    void mapsToCurrentScheme_data()
    {
        QTest::addColumn<QString>("legacy");
        QTest::addColumn<QString>("current");
        QTest::newRow("unclassified") << QStringLiteral("UNCLASSIFIED") << QStringLiteral("OFFICIAL");
        QTest::newRow("protect") << QStringLiteral("PROTECT") << QStringLiteral("OFFICIAL");
        QTest::newRow("restricted") << QStringLiteral("RESTRICTED") << QStringLiteral("OFFICIAL");
        QTest::newRow("confidential") << QStringLiteral("CONFIDENTIAL") << QStringLiteral("OFFICIAL-SENSITIVE");
    }

    void mapsToCurrentScheme()
    {
        QFETCH(QString, legacy);
        QFETCH(QString, current);
        const auto marking = legacyMarkingFromText(legacy);
        QVERIFY(marking.has_value());
        QCOMPARE(mappedClassification(*marking).toText(), current);
        QCOMPARE(legacyMarkingToText(*marking), legacy);
    }

    void readsAsPeopleTypeThem()
    {
        QCOMPARE(legacyMarkingFromText(QStringLiteral(" restricted ")), LegacyMarking::Restricted);
        QCOMPARE(legacyMarkingFromText(QStringLiteral("Protect")), LegacyMarking::Protect);
    }

    void currentMarkingsAreNotLegacy()
    {
        QVERIFY(!legacyMarkingFromText(QStringLiteral("OFFICIAL")).has_value());
        QVERIFY(!legacyMarkingFromText(QStringLiteral("SECRET")).has_value());
        QVERIFY(!legacyMarkingFromText(QString()).has_value());
    }
};

QTEST_GUILESS_MAIN(TestLegacyMarking)
#include "tst_legacymarking.moc"
