#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/csv/CsvColumns.h"
#include "models/csv/CsvExport.h"
#include "models/csv/ImportValues.h"
#include "models/demo/DemoRegister.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace custos;

namespace {

const QDate kToday(2026, 11, 28);

// The rows of a CSV file as Python's csv module reads them.
QList<QStringList> readWithPython(const QString& path)
{
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import csv, json, sys\n"
                                 "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                                 "    print(json.dumps(list(csv.reader(f))))\n"),
                  path});
    python.waitForFinished(30000);
    QList<QStringList> rows;
    for (const QJsonValue& row : QJsonDocument::fromJson(python.readAllStandardOutput()).array()) {
        QStringList cells;
        for (const QJsonValue& cell : row.toArray())
            cells << cell.toString();
        rows << cells;
    }
    return rows;
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestRegister> m_test;
    RecordId m_listings = 0;
    RecordId m_ann = 0;
    RecordId m_bob = 0;

    Asset add(const QString& reference, const QString& name, const QString& description = {})
    {
        Asset asset = validAsset(reference, m_listings);
        asset.name = name;
        asset.description = description;
        QString error;
        const auto id = AssetStore(m_test->reg(), kToday).add(asset, &error);
        if (!id)
            qFatal("%s", qPrintable(error));
        return *AssetStore(m_test->reg(), kToday).get(*id);
    }

    QByteArray exported(const std::optional<AssetFilter>& filter = std::nullopt, bool bom = false)
    {
        CsvExport csv(m_test->reg(), kToday);
        csv.setFilter(filter);
        csv.setByteOrderMark(bom);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        if (csv.write(buffer, &error) < 0)
            qWarning() << error;
        return buffer.data();
    }

private slots:
    void init()
    {
        m_test = std::make_unique<TestRegister>();
        m_listings = m_test->addUnit(QStringLiteral("Listings"), m_test->addUnit(QStringLiteral("Courts")));
        m_ann = m_test->addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@justice.gov.uk"));
        m_bob = m_test->addPerson(QStringLiteral("Bob Jones"), QStringLiteral("bob@justice.gov.uk"), true);
    }

    void cleanup() { m_test.reset(); }

    void writesTheFixedHeaderWithCrlfLineEnds()
    {
        add(QStringLiteral("IA-000001"), QStringLiteral("Court listings"));
        const QByteArray csv = exported();
        QVERIFY(csv.startsWith(
            "Reference,Name,Description,Business unit,IAO name,IAO email,IAO status,IAM name,IAM email,Format,"
            "Location,Classification,Legacy marking,Classification needs review,Handling notes,Personal data,"
            "Lawful basis,Retention,Disposal action,Criticality,Review cycle (months),Last reviewed,Next review due,"
            "Status,Created,Modified\r\nIA-000001,Court listings,,Courts / Listings,"));
        QCOMPARE(csv.count("\r\n"), 2);
        QCOMPARE(csv.count('\n'), 2);
        QVERIFY(!csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(exported(std::nullopt, true)
                    .startsWith("\xEF\xBB\xBF"
                                "Reference,"));
    }

    void theHeaderIsTheColumnTablesHeaders()
    {
        QStringList fromTable;
        for (const CsvColumn& column : kCsvColumns)
            fromTable << QString::fromLatin1(column.header.data(), qsizetype(column.header.size()));
        QCOMPARE(CsvExport::header(), fromTable);
        QCOMPARE(CsvExport::header().size(), kImportFieldCount);
    }

    // A column the export leaves unguarded holds only words and numbers that no spreadsheet runs.
    void columnsWithoutTheFormulaGuardHoldOnlyFixedWords()
    {
        auto names = [](const auto& table) {
            QStringList words;
            for (const auto& [value, name] : table)
                words << QLatin1String(name);
            return words;
        };
        QStringList legacy;
        for (LegacyMarking marking : {LegacyMarking::Unclassified,
                                      LegacyMarking::Protect,
                                      LegacyMarking::Restricted,
                                      LegacyMarking::Confidential})
            legacy << legacyMarkingToText(marking);
        const QHash<ImportField, QStringList> vocabulary {
            {ImportField::IaoStatus, {QStringLiteral("Active"), QStringLiteral("Left")}},
            {ImportField::Format, names(EnumNames<AssetFormat>::table)},
            {ImportField::Classification,
             {Classification::official().toText(),
              Classification::official(true).toText(),
              Classification::secret().toText(),
              Classification::topSecret().toText()}},
            {ImportField::LegacyMarking, legacy},
            {ImportField::NeedsReview, {QStringLiteral("Yes"), QStringLiteral("No")}},
            {ImportField::PersonalData, names(EnumNames<PersonalData>::table)},
            {ImportField::Criticality, names(EnumNames<Criticality>::table)},
            {ImportField::ReviewCycle, {QStringLiteral("3"), QStringLiteral("6"), QStringLiteral("12")}},
            {ImportField::Status, names(EnumNames<AssetStatus>::table)},
        };
        for (const CsvColumn& column : kCsvColumns) {
            if (column.formulaGuard == FormulaGuard::Applied)
                continue;
            const QString header = CsvExport::header().at(int(column.field));
            QVERIFY2(vocabulary.contains(column.field), qPrintable(header + QStringLiteral(" has no fixed words")));
            for (const QString& word : vocabulary.value(column.field)) {
                const QByteArray bytes = word.toUtf8();
                QVERIFY2(!bytes.isEmpty() && !ImportValues::needsFormulaGuard(bytes.constData(), size_t(bytes.size())),
                         qPrintable(header + QStringLiteral(": ") + word));
            }
        }
    }

    // Every column of text people type is guarded against running as a formula.
    void everyFreeTextColumnIsGuarded()
    {
        const RecordId unit = m_test->addUnit(QStringLiteral("=Unit"));
        const RecordId owner = m_test->addPerson(QStringLiteral("=Owner"), QStringLiteral("=owner@justice.gov.uk"));
        const RecordId manager = m_test->addPerson(QStringLiteral("-Manager"), QStringLiteral("+iam@justice.gov.uk"));
        Asset asset = validAsset(QStringLiteral("IA-000001"), unit);
        asset.name = QStringLiteral("=Name");
        asset.description = QStringLiteral("@Description");
        asset.iaoId = owner;
        asset.iamId = manager;
        asset.location = QStringLiteral("+Location");
        asset.handlingNotes = QStringLiteral("-Handling");
        asset.lawfulBasis = QStringLiteral("=Basis");
        asset.retention = QStringLiteral("@Retention");
        asset.disposalAction = QStringLiteral("=Disposal");
        QString error;
        QVERIFY2(AssetStore(m_test->reg(), kToday).add(asset, &error), qPrintable(error));
        const QString path = m_test->dir() + QStringLiteral("/formulas.csv");
        QCOMPARE(CsvExport(m_test->reg(), kToday).writeFile(path, &error), qint64(1));
        const QStringList row = readWithPython(path).value(1);
        QCOMPARE(row.size(), kImportFieldCount);
        int checked = 0;
        for (const CsvColumn& column : kCsvColumns) {
            const QString cell = row.at(int(column.field));
            const QString value = ImportValues::withoutFormulaGuard(cell);
            if (value.isEmpty() || !QStringLiteral("=+-@").contains(value.front()))
                continue;
            QCOMPARE(cell, QLatin1Char('\'') + value);
            QCOMPARE(column.formulaGuard, FormulaGuard::Applied);
            ++checked;
        }
        QCOMPARE(checked, 12);
    }

    // The guard goes inside the quotes of a cell that needs both; checked on the bytes themselves,
    // since a round trip cannot see a guard dropped on the way out and on the way back.
    void aGuardedCellIsQuotedWithItsGuard_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<QByteArray>("cell");
        QTest::newRow("formula with quotes and commas")
            << QStringLiteral("=HYPERLINK(\"x\",\"y\")") << QByteArray("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        QTest::newRow("minus with a comma") << QStringLiteral("-1, 2") << QByteArray("\"'-1, 2\"");
        QTest::newRow("plus with a line break") << QStringLiteral("+1\n2") << QByteArray("\"'+1\n2\"");
        QTest::newRow("carriage return first") << QStringLiteral("\rcmd") << QByteArray("\"'\rcmd\"");
        QTest::newRow("carriage return and line feed first") << QStringLiteral("\r\n=1") << QByteArray("\"'\r\n=1\"");
        QTest::newRow("quote before a formula") << QStringLiteral("'=1,2") << QByteArray("\"''=1,2\"");
        QTest::newRow("at, unquoted") << QStringLiteral("@SUM(A1)") << QByteArray("'@SUM(A1)");
        QTest::newRow("tab, unquoted") << QStringLiteral("\tcmd") << QByteArray("'\tcmd");
        QTest::newRow("quoted, no formula") << QStringLiteral("a=1, \"2\"") << QByteArray("\"a=1, \"\"2\"\"\"");
    }

    void aGuardedCellIsQuotedWithItsGuard()
    {
        QFETCH(QString, description);
        QFETCH(QByteArray, cell);
        add(QStringLiteral("IA-000001"), QStringLiteral("Court listings"), description);
        const QByteArray csv = exported();
        const QByteArray row = "\r\nIA-000001,Court listings," + cell + ",Courts / Listings,";
        QVERIFY2(csv.contains(row), csv.constData());
        QCOMPARE(csv.count("IA-000001"), 1);
    }

    void writesEachFieldAsTheDomainSays()
    {
        Asset asset = add(QStringLiteral("IA-000001"), QStringLiteral("Court listings"));
        asset.iaoId = m_bob;
        asset.iamId = m_ann;
        asset.classification = Classification::official(true);
        asset.format = AssetFormat::Digital;
        asset.reviewCycleMonths = 6;
        asset.lastReviewed = QDate(2026, 5, 31);
        asset.retention = QStringLiteral("7 years");
        QString error;
        QVERIFY2(AssetStore(m_test->reg(), kToday).update(asset, &error), qPrintable(error));
        add(QStringLiteral("IA-000002"), QStringLiteral("Jury summons"));
        const QString path = m_test->dir() + QStringLiteral("/fields.csv");
        QVERIFY(CsvExport(m_test->reg(), kToday).writeFile(path, &error) == 2);
        const QList<QStringList> rows = readWithPython(path);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0], CsvExport::header());
        const QStringList first = rows[1];
        const auto at
            = [&](const char* column) { return first.value(int(CsvExport::header().indexOf(QLatin1String(column)))); };
        QCOMPARE(at("IAO name"), QStringLiteral("Bob Jones"));
        QCOMPARE(at("IAO email"), QStringLiteral("bob@justice.gov.uk"));
        QCOMPARE(at("IAO status"), QStringLiteral("Left"));
        QCOMPARE(at("IAM name"), QStringLiteral("Ann Smith"));
        QCOMPARE(at("Classification"), QStringLiteral("OFFICIAL-SENSITIVE"));
        QCOMPARE(at("Classification needs review"), QStringLiteral("No"));
        QCOMPARE(at("Format"), QStringLiteral("Digital"));
        QCOMPARE(at("Review cycle (months)"), QStringLiteral("6"));
        QCOMPARE(at("Last reviewed"), QStringLiteral("2026-05-31"));
        QCOMPARE(at("Next review due"), QStringLiteral("2026-11-30"));
        QCOMPARE(at("Status"), QStringLiteral("Active"));
        QCOMPARE(at("Created"), QStringLiteral("2026-01-31T09:00:00Z"));
        QVERIFY(at("Modified").endsWith(QLatin1Char('Z')));
        const QStringList second = rows[2];
        QCOMPARE(second.value(int(CsvExport::header().indexOf(QStringLiteral("IAO status")))), QString());
        QCOMPARE(second.value(int(CsvExport::header().indexOf(QStringLiteral("Classification")))), QString());
    }

    // Quotes, commas, line breaks, formulas, other scripts and emoji come back cell for cell.
    void pythonReadsTheSameCellsTheRegisterHolds()
    {
        const QStringList awkward {
            QStringLiteral("He said \"no\", twice"),
            QStringLiteral("Line one\r\nline two\nline three"),
            QStringLiteral("=SUM(A1:A9)"),
            QStringLiteral("+44 20 7946 0000"),
            QStringLiteral("-1 day"),
            QStringLiteral("@home"),
            QStringLiteral("\tindented"),
            QStringLiteral("Llys Ynadon – ÿ Ελλάδα 日本語 عربى 🗂️"),
            QStringLiteral("'already quoted"),
        };
        QList<Asset> stored; // as the register holds them (a name is trimmed)
        for (int i = 0; i < awkward.size(); ++i) {
            stored << add(
                QStringLiteral("IA-%1").arg(i, 6, 10, QLatin1Char('0')), awkward[i], awkward[awkward.size() - 1 - i]);
        }
        const QString path = m_test->dir() + QStringLiteral("/awkward.csv");
        QString error;
        QCOMPARE(CsvExport(m_test->reg(), kToday).writeFile(path, &error), qint64(awkward.size()));
        const QList<QStringList> rows = readWithPython(path);
        QCOMPARE(rows.size(), awkward.size() + 1);
        const auto asSpreadsheetSafe = [](const QString& value) {
            static const QString formulaStarts = QStringLiteral("=+-@\t\r");
            return !value.isEmpty() && formulaStarts.contains(value.front()) ? QLatin1Char('\'') + value : value;
        };
        for (int i = 0; i < awkward.size(); ++i) {
            QCOMPARE(rows[i + 1].value(1), asSpreadsheetSafe(stored[i].name));
            QCOMPARE(rows[i + 1].value(2), asSpreadsheetSafe(stored[i].description));
        }
        QCOMPARE(stored[5].description, QStringLiteral("+44 20 7946 0000"));
        QCOMPARE(rows[6].value(2), QStringLiteral("'+44 20 7946 0000"));
        QCOMPARE(stored[2].description, QStringLiteral("\tindented")); // descriptions keep their tab
        QCOMPARE(rows[3].value(2), QStringLiteral("'\tindented"));
    }

    void theFullExportHoldsEveryStatusAndAFilterNarrowsIt()
    {
        Asset archived = add(QStringLiteral("IA-000001"), QStringLiteral("Old payroll"));
        add(QStringLiteral("IA-000002"), QStringLiteral("Jury summons"));
        Asset owned = add(QStringLiteral("IA-000003"), QStringLiteral("Court listings"));
        QString error;
        QVERIFY(AssetStore(m_test->reg(), kToday).setStatus({archived.id}, AssetStatus::Archived, &error));
        QVERIFY(AssetStore(m_test->reg(), kToday).assignOwner({owned.id}, m_ann, &error));
        QCOMPARE(exported().count("\r\n"), 4);
        Asset secret = *AssetStore(m_test->reg(), kToday).get(archived.id);
        secret.classification = Classification::secret();
        QVERIFY(AssetStore(m_test->reg(), kToday).update(secret, &error));
        CsvExport csv(m_test->reg(), kToday);
        QCOMPARE(csv.contents().assets, 3);
        QCOMPARE(csv.contents().highest, Classification::secret()); // archived assets are exported too
        csv.setFilter(AssetFilter {.unowned = true});
        QCOMPARE(csv.contents().assets, 1);
        QCOMPARE(csv.contents().highest, Classification());
        QVERIFY(exported().contains(",Archived,"));
        const QByteArray unowned = exported(AssetFilter {.unowned = true});
        QCOMPARE(unowned.count("\r\n"), 2); // the header and IA-000002: archived assets are not gaps
        QVERIFY(unowned.contains("IA-000002,"));
    }

    void aCancelledExportLeavesNoFile()
    {
        const QString path = m_test->dir() + QStringLiteral("/many.csv");
        QString error;
        QVERIFY(DemoRegister::createFile(m_test->dir() + QStringLiteral("/many.custos"), 20000, 1, kToday, &error));
        auto reg = Register::open(m_test->dir() + QStringLiteral("/many.custos"), OpenMode::ReadOnly, &error);
        CsvExport csv(*reg, kToday);
        qint64 reported = 0;
        csv.setProgress([&](qint64 written) {
            reported = written;
            return written < 10000;
        });
        QCOMPARE(csv.writeFile(path, &error), qint64(-1));
        QVERIFY(error.contains(QLatin1String("cancelled")));
        QVERIFY(reported > 0 && reported < 20000);
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(m_test->dir()).entryList({QStringLiteral("many.csv*")}).isEmpty());

        // An existing file stays as it was.
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("before\n");
        existing.close();
        QCOMPARE(csv.writeFile(path, &error), qint64(-1));
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("before\n"));

        csv.setProgress({});
        QCOMPARE(csv.writeFile(path, &error), qint64(20000));
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
