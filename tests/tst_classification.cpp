#include "models/domain/Classification.h"

#include <QTest>

using namespace custos;

class TestClassification : public QObject
{
    Q_OBJECT

private slots:
    void notYetClassifiedIsAStateNotALevel()
    {
        const Classification none;
        QVERIFY(!none.isClassified());
        QVERIFY(!none.level().has_value());
        QCOMPARE(none.toText(), QString());
        QCOMPARE(none.rank(), 0);
    }

    void sensitiveIsAMarkingWithinOfficial()
    {
        const Classification sensitive = Classification::official(true);
        QCOMPARE(sensitive.level(), ClassificationLevel::Official);
        QVERIFY(sensitive.isSensitive());
        QCOMPARE(sensitive.toText(), QStringLiteral("OFFICIAL-SENSITIVE"));
        QVERIFY(sensitive != Classification::official());
    }

    void sensitiveIsDroppedAboveOfficial()
    {
        QVERIFY(!Classification::of(ClassificationLevel::Secret, true).isSensitive());
        QVERIFY(!Classification::of(ClassificationLevel::TopSecret, true).isSensitive());
        QVERIFY(Classification::of(ClassificationLevel::Official, true).isSensitive());
    }

    void textRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("none") << QString();
        QTest::newRow("official") << QStringLiteral("OFFICIAL");
        QTest::newRow("official-sensitive") << QStringLiteral("OFFICIAL-SENSITIVE");
        QTest::newRow("secret") << QStringLiteral("SECRET");
        QTest::newRow("top secret") << QStringLiteral("TOP SECRET");
    }

    void textRoundTrips()
    {
        QFETCH(QString, text);
        const auto parsed = Classification::fromText(text);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->toText(), text);
    }

    void unknownTextIsRefused()
    {
        QVERIFY(!Classification::fromText(QStringLiteral("RESTRICTED")).has_value());
        QVERIFY(!Classification::fromText(QStringLiteral("SECRET-SENSITIVE")).has_value());
        QVERIFY(!Classification::fromText(QStringLiteral("official")).has_value());
    }

    void ranksFromUnclassifiedToTopSecret()
    {
        QVERIFY(Classification().rank() < Classification::official().rank());
        QVERIFY(Classification::official().rank() < Classification::official(true).rank());
        QVERIFY(Classification::official(true).rank() < Classification::secret().rank());
        QVERIFY(Classification::secret().rank() < Classification::topSecret().rank());
    }

    void listsEveryClassificationLowestFirst()
    {
        QStringList texts;
        int rank = 0;
        for (const Classification& classification : Classification::allClassified()) {
            texts << classification.toText();
            QVERIFY(classification.rank() > rank);
            rank = classification.rank();
        }
        QCOMPARE(texts, (QStringList {"OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"}));
    }

    void secretAndTopSecretNeedTheSecurityAdviser()
    {
        QVERIFY(!Classification().needsSecurityAdviser());
        QVERIFY(!Classification::official(true).needsSecurityAdviser());
        QVERIFY(Classification::secret().needsSecurityAdviser());
        QVERIFY(Classification::topSecret().needsSecurityAdviser());
    }
};

QTEST_GUILESS_MAIN(TestClassification)
#include "tst_classification.moc"
