#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/coverage/Coverage.h"
#include "models/coverage/CoverageReport.h"
#include "models/csv/CsvExport.h"
#include "models/csv/CsvImport.h"
#include "models/demo/DemoRegister.h"
#include "models/people/PersonStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTest>

using namespace custos;

namespace {

const QDate kToday(2026, 11, 28);

QString corpusFile(const QString& name)
{
    return QStringLiteral(CUSTOS_TEST_DATA "/csv/") + name;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray summaryJson(Register& reg)
{
    return QJsonDocument(CoverageReport::toJson(Coverage::compute(reg, kToday).value())).toJson(QJsonDocument::Compact);
}

} // namespace

class TestCsvImport : public QObject
{
    Q_OBJECT

private:
    ImportReport import(TestRegister& test, const QString& path, const ImportOptions& options = {})
    {
        return CsvImport(test.reg(), kToday).run(path, options);
    }

    Asset asset(TestRegister& test, const QString& reference)
    {
        return AssetStore(test.reg(), kToday).findByReference(reference).value_or(Asset());
    }

private slots:
    // Every file of the corpus: what it imports, or where its first problem is.
    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<int>("added");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        const int written = int(ImportOutcome::Written);
        const int refused = int(ImportOutcome::Refused);
        QTest::newRow("export") << "export-demo.csv" << written << 30 << 0 << 0;
        QTest::newRow("export with BOM") << "export-bom.csv" << written << 30 << 0 << 0;
        QTest::newRow("Excel UTF-8, BOM, CRLF") << "excel-utf8-bom-crlf.csv" << written << 3 << 0 << 0;
        QTest::newRow("Windows-1252") << "excel-windows1252.csv" << written << 2 << 0 << 0;
        QTest::newRow("semicolons") << "excel-semicolon.csv" << written << 2 << 0 << 0;
        QTest::newRow("tabs") << "tab-delimited.csv" << written << 2 << 0 << 0;
        QTest::newRow("LF line ends") << "lf-only.csv" << written << 3 << 0 << 0;
        QTest::newRow("multi-line cells") << "multiline-quoted.csv" << written << 2 << 0 << 0;
        QTest::newRow("UK dates") << "uk-dates.csv" << written << 3 << 0 << 0;
        QTest::newRow("classification spellings") << "classification-spellings.csv" << written << 7 << 0 << 0;
        QTest::newRow("legacy markings") << "legacy-markings.csv" << written << 4 << 0 << 0;
        QTest::newRow("owners by name, no references") << "owner-names-only.csv" << written << 2 << 0 << 0;
        QTest::newRow("unknown columns") << "unknown-columns.csv" << written << 1 << 0 << 0;
        QTest::newRow("formula guards") << "formula-guard.csv" << written << 2 << 0 << 0;
        QTest::newRow("blank rows") << "blank-rows.csv" << written << 2 << 0 << 0;
        QTest::newRow("header only") << "header-only.csv" << written << 0 << 0 << 0;
        QTest::newRow("IAO left") << "iao-left.csv" << written << 3 << 0 << 0;
        QTest::newRow("empty") << "empty.csv" << refused << 0 << 1 << 1;
        QTest::newRow("unterminated quote") << "unterminated-quote.csv" << refused << 0 << 3 << 3;
        QTest::newRow("stray quote") << "stray-quote.csv" << refused << 0 << 2 << 2;
        QTest::newRow("ragged row") << "ragged-row.csv" << refused << 0 << 3 << 3;
        QTest::newRow("unknown classification") << "unknown-classification.csv" << refused << 0 << 4 << 4;
        QTest::newRow("duplicate references") << "duplicate-references.csv" << refused << 0 << 4 << 1;
        QTest::newRow("bad date") << "bad-date.csv" << refused << 0 << 3 << 4;
        QTest::newRow("NUL byte") << "nul-byte.csv" << refused << 0 << 3 << 2;
        QTest::newRow("empty name") << "empty-name.csv" << refused << 0 << 3 << 2;
        QTest::newRow("bad reference") << "bad-reference.csv" << refused << 0 << 2 << 1;
        QTest::newRow("review in the future") << "future-review.csv" << refused << 0 << 2 << 4;
        QTest::newRow("bad email") << "bad-email.csv" << refused << 0 << 2 << 5;
        QTest::newRow("no Name column") << "missing-name-column.csv" << refused << 0 << 0 << 0;
        QTest::newRow("workbook, not CSV") << "workbook.csv" << refused << 0 << 0 << 0;
    }

    void corpus()
    {
        QFETCH(QString, file);
        QFETCH(int, outcome);
        QFETCH(int, added);
        QFETCH(int, line);
        QFETCH(int, column);
        TestRegister test;
        const ImportReport report = import(test, corpusFile(file));
        QCOMPARE(int(report.outcome), outcome);
        if (outcome == int(ImportOutcome::Written))
            QCOMPARE(report.added, added);
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM assets")).toInt(), added);
        if (outcome == int(ImportOutcome::Refused)) {
            QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);
            QVERIFY(!report.text().isEmpty());
        }
        if (line == 0) {
            QCOMPARE(report.problems.isEmpty(), true);
            QCOMPARE(report.failure.isEmpty(), outcome == int(ImportOutcome::Written));
            return;
        }
        QVERIFY(!report.problems.isEmpty());
        QCOMPARE(report.problems.first().line, qint64(line));
        QCOMPARE(report.problems.first().column, column);
    }

    void aCellOverOneMebibyteIsRefused()
    {
        TestRegister test;
        const QString path = test.dir() + QStringLiteral("/big-cell.csv");
        writeFile(path,
                  "Reference,Name,Description,Business unit\r\nBIG-1,Big,\"" + QByteArray(5 << 20, 'x') + "\",Ops\r\n");
        const ImportReport report = import(test, path);
        QCOMPARE(report.outcome, ImportOutcome::Refused);
        QCOMPARE(report.problems.first().line, 2);
        QCOMPARE(report.problems.first().column, 3);
        QVERIFY(report.problems.first().reason.contains(QStringLiteral("1 MiB")));
    }

    void invalidUtf8AfterTheSampleNamesItsLine()
    {
        TestRegister test;
        const QString path = test.dir() + QStringLiteral("/late.csv");
        QByteArray bytes = "Reference,Name,Business unit\n";
        for (int row = 1; row <= 30000; ++row)
            bytes += "R-" + QByteArray::number(row) + ",Plain ASCII asset name,Operations\n";
        bytes += "R-LATE,Caf\xE9,Operations\n";
        writeFile(path, bytes);
        const ImportReport report = import(test, path);
        QCOMPARE(report.outcome, ImportOutcome::Refused);
        QCOMPARE(report.problems.first().line, 30002);
        QCOMPARE(report.problems.first().column, 2);
        QVERIFY(report.problems.first().reason.contains(QStringLiteral("Windows-1252")));

        ImportOptions options;
        options.encoding = CsvFormat::Encoding::Windows1252;
        QCOMPARE(import(test, path, options).outcome, ImportOutcome::Written);
        QCOMPARE(asset(test, QStringLiteral("R-LATE")).name, QStringLiteral("Café"));
    }

    void valuesAreReadAsPeopleTypeThem()
    {
        TestRegister test;
        for (const char* file : {"excel-windows1252.csv",
                                 "uk-dates.csv",
                                 "classification-spellings.csv",
                                 "formula-guard.csv",
                                 "multiline-quoted.csv",
                                 "excel-utf8-bom-crlf.csv",
                                 "excel-semicolon.csv"})
            QCOMPARE(import(test, corpusFile(QLatin1String(file))).outcome, ImportOutcome::Written);

        QCOMPARE(asset(test, QStringLiteral("W-1")).description,
                 QStringLiteral("Contracts worth £2m – the ‘big’ ones"));
        QCOMPARE(asset(test, QStringLiteral("D-1")).lastReviewed, QDate(2025, 1, 31));
        QCOMPARE(asset(test, QStringLiteral("D-2")).lastReviewed, QDate(2024, 2, 1));
        QCOMPARE(asset(test, QStringLiteral("D-1")).created, QDateTime(QDate(2020, 5, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(asset(test, QStringLiteral("D-2")).created, QDateTime(QDate(2019, 3, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(asset(test, QStringLiteral("C-1")).classification, Classification::official(true));
        QCOMPARE(asset(test, QStringLiteral("C-2")).classification, Classification::official(true));
        QCOMPARE(asset(test, QStringLiteral("C-3")).classification, Classification::official());
        QCOMPARE(asset(test, QStringLiteral("C-4")).classification, Classification::topSecret());
        QCOMPARE(asset(test, QStringLiteral("C-6")).classification, Classification());
        QCOMPARE(asset(test, QStringLiteral("C-7")).handlingNotes, QStringLiteral("PERSONAL"));
        QCOMPARE(asset(test, QStringLiteral("F-1")).name, QStringLiteral("=SUM(A1:A9)"));
        QCOMPARE(asset(test, QStringLiteral("F-1")).description, QStringLiteral("-5 days"));
        QCOMPARE(asset(test, QStringLiteral("F-2")).name, QStringLiteral("'=kept quote"));
        QCOMPARE(asset(test, QStringLiteral("F-2")).description, QStringLiteral("'plain"));
        QCOMPARE(asset(test, QStringLiteral("M-1")).description,
                 QStringLiteral("First line\r\nsecond line, with a comma\r\nand \"quotes\" inside"));
        QCOMPARE(asset(test, QStringLiteral("S-2")).name, QStringLiteral("Grants; closed"));
        const Asset payroll = asset(test, QStringLiteral("HR-001"));
        QCOMPARE(payroll.retention, QStringLiteral("7 years"));
        QCOMPARE(UnitStore(test.reg()).tree().path(payroll.unitId), QStringLiteral("Corporate / HR"));
        QCOMPARE(PersonStore(test.reg()).get(*payroll.iaoId)->email, QStringLiteral("ann.smith@example.gov.uk"));
        // "Corporate / HR" was added by the Windows-1252 file and found again by the Excel one.
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM units WHERE name = 'HR'")).toInt(), 1);
    }

    void legacyMarkingsAreMappedAndFlagged()
    {
        TestRegister test;
        const ImportReport report = import(test, corpusFile(QStringLiteral("legacy-markings.csv")));
        QCOMPARE(report.legacyMappedCount, 4);
        QVERIFY(report.legacyMapped.first().contains(QStringLiteral("G-1")));
        const Asset confidential = asset(test, QStringLiteral("G-3"));
        QCOMPARE(confidential.classification, Classification::official(true));
        QCOMPARE(confidential.legacyMarking, LegacyMarking::Confidential);
        QVERIFY(confidential.classificationNeedsReview);
        QCOMPARE(Coverage::compute(test.reg(), kToday).value().total.unclassified, 4);
    }

    void anIaoStatusOfLeftMarksThePersonLeft()
    {
        TestRegister test;
        const ImportReport report = import(test, corpusFile(QStringLiteral("iao-left.csv")));
        QCOMPARE(report.peopleMarkedLeft, QStringList {QStringLiteral("Hana Ito")});
        QVERIFY(PersonStore(test.reg()).findByEmail(QStringLiteral("hana.ito@example.gov.uk"))->hasLeft);
        QVERIFY(!PersonStore(test.reg()).findByEmail(QStringLiteral("ian.kerr@example.gov.uk"))->hasLeft);
        QCOMPARE(Coverage::compute(test.reg(), kToday).value().total.unowned, 2);
    }

    void peopleAreFoundByEmailThenByExactName()
    {
        TestRegister test;
        const RecordId eve = test.addPerson(QStringLiteral("Eve Adams"), QStringLiteral("eve@example.gov.uk"));
        test.addUnit(QStringLiteral("Operations"));
        const ImportReport report = import(test, corpusFile(QStringLiteral("owner-names-only.csv")));
        QCOMPARE(report.outcome, ImportOutcome::Written);
        QCOMPARE(report.createdPeople, QStringList {QStringLiteral("Frank Obi")});
        QVERIFY(report.createdUnits.isEmpty());
        QCOMPARE(asset(test, QStringLiteral("IA-000001")).iaoId, eve);
        QCOMPARE(asset(test, QStringLiteral("IA-000002")).iaoId, eve);
        QVERIFY(!asset(test, QStringLiteral("IA-000002")).iamId);
    }

    void peopleAreAddedByThePersonStoresRules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::newRow("name and email") << "Gus Hill"
                                        << "gus.hill@example.gov.uk";
        QTest::newRow("email only") << ""
                                    << "gus.hill@example.gov.uk";
        QTest::newRow("name only") << "Gus Hill"
                                   << "";
        QTest::newRow("no @") << "Gus Hill"
                              << "gus at example";
        QTest::newRow("a space") << "Gus Hill"
                                 << "gus hill@example.gov.uk";
        QTest::newRow("nothing before the @, with a name") << "Gus Hill"
                                                           << "@example.gov.uk";
        QTest::newRow("nothing before the @, no name") << ""
                                                       << "@example.gov.uk";
    }

    // A row's IAO is taken exactly when PersonStore would add them (named, when the row gives no
    // name, by the email's local part); one it would refuse is a problem of the row, in its email
    // cell, never a failed write.
    void peopleAreAddedByThePersonStoresRules()
    {
        QFETCH(QString, name);
        QFETCH(QString, email);
        TestRegister test;
        const QString path = test.dir() + QStringLiteral("/person.csv");
        writeFile(path,
                  "Reference,Name,Business unit,IAO name,IAO email\nJ-1,Fine,Operations," + name.toUtf8() + ","
                      + email.toUtf8() + "\n");
        const ImportReport report = import(test, path);

        TestRegister other;
        const Person person {0, name.isEmpty() ? email.section(QLatin1Char('@'), 0, 0) : name, email};
        const bool storeAdds = PersonStore(other.reg()).add(person).has_value();
        QCOMPARE(report.outcome, storeAdds ? ImportOutcome::Written : ImportOutcome::Refused);
        if (storeAdds) {
            QCOMPARE(PersonStore(test.reg()).get(*asset(test, QStringLiteral("J-1")).iaoId)->name, person.name);
        } else {
            QCOMPARE(report.problems.size(), 1);
            QCOMPARE(report.problems.first().line, 2);
            QCOMPARE(report.problems.first().column, 5);
        }
    }

    void unknownPeopleCanBeLeftOut()
    {
        TestRegister test;
        ImportOptions options;
        options.createUnknownPeople = false;
        const ImportReport report = import(test, corpusFile(QStringLiteral("owner-names-only.csv")), options);
        QCOMPARE(report.added, 2);
        QVERIFY(report.createdPeople.isEmpty());
        QCOMPARE(report.peopleLeftOut, (QStringList {QStringLiteral("Eve Adams"), QStringLiteral("Frank Obi")}));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM people")).toInt(), 0);
        QCOMPARE(Coverage::compute(test.reg(), kToday).value().total.unowned, 2);
    }

    void unknownColumnsAreListedAndCanBeMapped()
    {
        TestRegister test;
        const ImportReport report = import(test, corpusFile(QStringLiteral("unknown-columns.csv")));
        QCOMPARE(report.unknownColumns, (QStringList {QStringLiteral("Notes"), QStringLiteral("Cost centre")}));

        ImportOptions options;
        options.columnChoices
            = {{QStringLiteral("notes"), ImportField::HandlingNotes}, {QStringLiteral("Cost Centre"), std::nullopt}};
        const ImportReport mapped = import(test, corpusFile(QStringLiteral("unknown-columns.csv")), options);
        QVERIFY(mapped.unknownColumns.isEmpty());
        QCOMPARE(mapped.updated, 1);
        QCOMPARE(asset(test, QStringLiteral("U-1")).handlingNotes, QStringLiteral("check with fleet team"));
    }

    void rowsMatchAssetsByReference()
    {
        TestRegister test;
        QCOMPARE(import(test, corpusFile(QStringLiteral("lf-only.csv"))).added, 3);
        const Asset before = asset(test, QStringLiteral("L-2"));
        const int auditBefore = test.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
        const QString path = test.dir() + QStringLiteral("/changes.csv");
        writeFile(path,
                  "Reference,Name,Business unit\n"
                  "L-1,Library loans,Knowledge\n"
                  "L-2,Library stock (renamed),Knowledge\n"
                  "L-4,Reading room bookings,Knowledge\n"
                  ",Without a reference,Knowledge\n");
        const ImportReport report = import(test, path);
        QCOMPARE(report.outcome, ImportOutcome::Written);
        QCOMPARE(report.unchanged, 1);
        QCOMPARE(report.updated, 1);
        QCOMPARE(report.added, 2);
        const Asset after = asset(test, QStringLiteral("L-2"));
        QCOMPARE(after.name, QStringLiteral("Library stock (renamed)"));
        QCOMPARE(after.created, before.created);
        QCOMPARE(asset(test, QStringLiteral("IA-000001")).name, QStringLiteral("Without a reference"));
        // One entry for the renamed asset and one for each added one: the unchanged row writes nothing.
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), auditBefore + 3);
        QVERIFY(test.scalar(QStringLiteral("SELECT changes FROM audit_log WHERE action = 'update'"))
                    .toString()
                    .contains(QStringLiteral("Library stock (renamed)")));
    }

    // Rows without a reference are numbered on from the register's highest IA- reference.
    void rowsWithoutAReferenceGetTheNextInTheRegistersStyle()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Knowledge"));
        for (const char* reference : {"IA-000041", "HR-900"}) {
            QString error;
            QVERIFY2(AssetStore(test.reg(), kToday).add(validAsset(QLatin1String(reference), unit), &error),
                     qPrintable(error));
        }
        const QString path = test.dir() + QStringLiteral("/unnumbered.csv");
        writeFile(path, "Name,Business unit\nFirst,Knowledge\nSecond,Knowledge\n");
        QCOMPARE(import(test, path).added, 2);
        QCOMPARE(AssetStore::referenceFor(42), QStringLiteral("IA-000042"));
        QCOMPARE(asset(test, AssetStore::referenceFor(42)).name, QStringLiteral("First"));
        QCOMPARE(asset(test, AssetStore::referenceFor(43)).name, QStringLiteral("Second"));
        QCOMPARE(AssetStore(test.reg(), kToday).nextReference(), AssetStore::referenceFor(44));
    }

    void aDryRunCountsAndWritesNothing()
    {
        TestRegister test;
        ImportOptions options;
        options.dryRun = true;
        const ImportReport report = import(test, corpusFile(QStringLiteral("excel-utf8-bom-crlf.csv")), options);
        QCOMPARE(report.outcome, ImportOutcome::Checked);
        QCOMPARE(report.added, 3);
        QCOMPARE(report.createdPeople.size(), 2);
        QCOMPARE(report.createdUnits.size(), 3);
        for (const char* table : {"assets", "people", "units", "audit_log"})
            QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toInt(), 0);
    }

    void validRowsOnlyImportsTheRestAndListsTheProblems()
    {
        TestRegister test;
        ImportOptions options;
        options.validRowsOnly = true;
        const ImportReport report = import(test, corpusFile(QStringLiteral("unknown-classification.csv")), options);
        QCOMPARE(report.outcome, ImportOutcome::Written);
        QCOMPARE(report.added, 2);
        QCOMPARE(report.skipped, 1);
        QCOMPARE(report.problems.first().line, 4);
        QVERIFY(report.text().contains(QStringLiteral("line 4, column 4 (Classification)")));
    }

    void aCancelledImportWritesNothing()
    {
        TestRegister test;
        const QString path = test.dir() + QStringLiteral("/many.csv");
        QByteArray bytes = "Reference,Name,Business unit\n";
        for (int row = 1; row <= 10000; ++row)
            bytes += "C-" + QByteArray::number(row) + ",Asset,Operations\n";
        writeFile(path, bytes);
        CsvImport csv(test.reg(), kToday);
        int calls = 0;
        csv.setProgress([&calls](qint64 read, qint64 total) {
            Q_ASSERT(read <= total);
            return ++calls < 2;
        });
        QCOMPARE(csv.run(path, {}).outcome, ImportOutcome::Cancelled);
        QCOMPARE(calls, 2);
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM assets")).toInt(), 0);
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM units")).toInt(), 0);
    }

    // Each row's statement keeps the pages it changes in a journal of its own; kept in memory, it
    // never becomes a temporary file that every later row writes to.
    void aLongImportKeepsItsStatementJournalsInMemory()
    {
        TestRegister original;
        QVERIFY(DemoRegister::fill(original.reg(), 5000, 5, kToday));
        const QString path = original.dir() + QStringLiteral("/many.csv");
        QVERIFY(CsvExport(original.reg(), kToday).writeFile(path) > 0);

        TestRegister target;
        CsvImport csv(target.reg(), kToday);
        QStringList temporaryFiles;
        csv.setProgress([&temporaryFiles](qint64, qint64) {
            for (const QFileInfo& fd :
                 QDir(QStringLiteral("/proc/self/fd")).entryInfoList(QDir::AllEntries | QDir::System)) {
                if (fd.symLinkTarget().contains(QStringLiteral("etilqs_")))
                    temporaryFiles << fd.symLinkTarget();
            }
            return true;
        });
        QCOMPARE(csv.run(path, {}).outcome, ImportOutcome::Written);
        QCOMPARE(temporaryFiles, QStringList());
        QCOMPARE(target.scalar(QStringLiteral("SELECT count(*) FROM assets")).toInt(), 5000);
        // The connection's own settings come back.
        QCOMPARE(target.scalar(QStringLiteral("PRAGMA temp_store")).toInt(), 0);
        QCOMPARE(target.scalar(QStringLiteral("PRAGMA cache_size")).toInt(), -2000);
    }

    // Export, import into an empty register, export again: the same bytes and the same coverage.
    void roundTrip_data()
    {
        QTest::addColumn<bool>("awkward");
        QTest::newRow("demo register") << false;
        QTest::newRow("awkward text") << true;
    }

    void roundTrip()
    {
        QFETCH(bool, awkward);
        TestRegister original;
        if (awkward)
            addAwkwardAssets(original);
        else
            QVERIFY(DemoRegister::fill(original.reg(), 400, 3, kToday));
        const QString first = original.dir() + QStringLiteral("/first.csv");
        QVERIFY(CsvExport(original.reg(), kToday).writeFile(first) > 0);

        TestRegister copy;
        const ImportReport report = import(copy, first);
        QCOMPARE(report.outcome, ImportOutcome::Written);
        const QString second = copy.dir() + QStringLiteral("/second.csv");
        QVERIFY(CsvExport(copy.reg(), kToday).writeFile(second) > 0);
        QCOMPARE(readFile(second), readFile(first));
        QCOMPARE(summaryJson(copy.reg()), summaryJson(original.reg()));
    }

private:
    void addAwkwardAssets(TestRegister& test)
    {
        const RecordId unit = test.addUnit(QStringLiteral("Cafés, \"Ltd\" & Co"));
        const RecordId below = test.addUnit(QStringLiteral("Ελληνικά 日本語"), unit);
        const RecordId owner = test.addPerson(QStringLiteral("O'Brien, Seán"), QStringLiteral("sean@example.gov.uk"));
        const RecordId leaver = test.addPerson(QStringLiteral("=Leaver"), QStringLiteral("left@example.gov.uk"), true);
        const QStringList texts {
            QStringLiteral("He said \"hello\", then left"),
            QStringLiteral("=1+2"),
            QStringLiteral("-minus"),
            QStringLiteral("+plus"),
            QStringLiteral("@mention"),
            QStringLiteral("'=already quoted"),
            QStringLiteral("''quotes'"),
            QStringLiteral("\tstarts with a tab"),
            QStringLiteral("line one\r\nline two\nline three"),
            QStringLiteral("العربية"),
            QStringLiteral("emoji 🎉🇬🇧"),
            QStringLiteral("semi;colon\ttab, comma"),
            QStringLiteral("  spaces around  "),
        };
        int number = 0;
        for (const QString& text : texts) {
            ++number;
            Asset asset = validAsset(QStringLiteral("AWK-%1").arg(number), number % 2 ? unit : below);
            asset.name = QStringLiteral("Name %1 %2").arg(number).arg(text);
            asset.description = text;
            asset.location = text;
            asset.handlingNotes = text;
            asset.retention = number % 3 ? text : QString();
            asset.iaoId = number % 3 ? std::optional<RecordId>(owner)
                                     : (number % 2 ? std::optional<RecordId>(leaver) : std::nullopt);
            asset.iamId = number % 4 ? std::optional<RecordId>(leaver) : std::nullopt;
            asset.classification = number % 2 ? Classification::official(true) : Classification();
            asset.legacyMarking = number % 5 ? std::nullopt : std::optional<LegacyMarking>(LegacyMarking::Restricted);
            asset.lastReviewed = number % 2 ? QDate(2025, 12, 31) : QDate();
            asset.status = number % 7 ? AssetStatus::Active : AssetStatus::Archived;
            QString error;
            if (!AssetStore(test.reg(), kToday).add(asset, &error))
                qFatal("%s", qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
