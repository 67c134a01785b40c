#include "models/csv/CsvColumns.h"
#include "models/csv/ImportColumns.h"

#include <QTest>

using namespace custos;

// Which field each column of a file fills, by the names and synonyms of kCsvColumns.
class TestImportColumns : public QObject
{
    Q_OBJECT

private slots:
    void headersMatchBySynonymCaseAndSpace_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("field");
        QTest::newRow("Information Asset Owner") << "Information Asset Owner" << int(ImportField::IaoName);
        QTest::newRow("asset owner") << "asset owner" << int(ImportField::IaoName);
        QTest::newRow("IAO") << " IAO " << int(ImportField::IaoName);
        QTest::newRow("Owner") << "Owner" << int(ImportField::IaoName);
        QTest::newRow("Protective Marking") << "Protective Marking" << int(ImportField::Classification);
        QTest::newRow("Security Classification") << "SECURITY CLASSIFICATION" << int(ImportField::Classification);
        QTest::newRow("Asset ID") << "Asset ID" << int(ImportField::Reference);
        QTest::newRow("Ref") << "ref" << int(ImportField::Reference);
        QTest::newRow("Asset Name") << "AssetName" << int(ImportField::Name);
        QTest::newRow("Owner Email") << "Owner E-mail" << int(ImportField::IaoEmail);
        QTest::newRow("Date of last review") << "Date of last review" << int(ImportField::LastReviewed);
        QTest::newRow("Last Review Date") << "Last Review Date" << int(ImportField::LastReviewed);
        QTest::newRow("Retention Period") << "Retention Period" << int(ImportField::Retention);
        QTest::newRow("Review cycle (months)") << "review cycle (months)" << int(ImportField::ReviewCycle);
        QTest::newRow("unknown") << "Cost centre" << -1;
    }

    void headersMatchBySynonymCaseAndSpace()
    {
        QFETCH(QString, header);
        QFETCH(int, field);
        const std::optional<ImportField> found = ImportColumns::fieldForHeader(header);
        QCOMPARE(found ? int(*found) : -1, field);
    }

    // Every name and synonym of kCsvColumns reads as its own field, and only names count for --map.
    void everyColumnsHeaderAndSynonymsMapBackToIt()
    {
        int synonyms = 0;
        for (const CsvColumn& column : kCsvColumns) {
            const QString header = QString::fromLatin1(column.header.data(), qsizetype(column.header.size()));
            QCOMPARE(ImportColumns::fieldName(column.field), header);
            QCOMPARE(ImportColumns::fieldNamed(header.toUpper()), column.field);
            QCOMPARE(ImportColumns::fieldForHeader(header), column.field);
            for (std::string_view synonym : column.synonyms) {
                if (synonym.empty())
                    continue;
                const QString text = QString::fromLatin1(synonym.data(), qsizetype(synonym.size()));
                QCOMPARE(ImportColumns::normalised(text), text);
                QCOMPARE(ImportColumns::fieldForHeader(text), column.field);
                QCOMPARE(ImportColumns::fieldNamed(text), std::nullopt);
                ++synonyms;
            }
        }
        QVERIFY(synonyms >= 63); // the synonyms the import read before kCsvColumns, none lost
    }

    void twoColumnsForOneFieldAreRefused()
    {
        const ImportColumns columns({QStringLiteral("Name"), QStringLiteral("Asset Name"), QStringLiteral("Unit")});
        QCOMPARE(columns.problems().size(), 1);
        QVERIFY(columns.problems().first().contains(QStringLiteral("Asset Name")));
    }
};

QTEST_GUILESS_MAIN(TestImportColumns)
#include "tst_importcolumns.moc"
