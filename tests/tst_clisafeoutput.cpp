#include "TestRegister.h"
#include "models/assets/AssetStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace custos;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(CUSTOS_CLI), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(),
            process.readAllStandardError()};
}

// The first character in `bytes` (read as UTF-8) that a terminal acts on or that reorders text, other
// than those in `allowed`, written out for the failure message; empty when there is none. Listed here
// rather than taken from PrintableText, so that a character it forgot fails this test.
QString firstControl(const QByteArray& bytes, const QString& allowed = QStringLiteral("\n"))
{
    const QString text = QString::fromUtf8(bytes);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
            || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        if (control && !allowed.contains(QChar(c)))
            return QStringLiteral("U+%1 at %2 in: %3").arg(int(c), 4, 16, QLatin1Char('0')).arg(i).arg(text);
    }
    return {};
}

const QString kTitleSequence = QStringLiteral("\x1b]0;owned\x07");
const QString kUnitName = QStringLiteral("Estates\x1b[31m\u202E");

} // namespace

// custos-cli prints what people and spreadsheets put in a register: escape sequences that recolour,
// retitle or clear a terminal, line breaks, right-to-left overrides. Everything it prints shows them
// as escapes, one asset a line, and no control character reaches the terminal.
class TestCliSafeOutput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_register;

private slots:
    void initTestCase()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(kUnitName);
        const RecordId owner = test.addPerson(QStringLiteral("Ann\x1b[8m"), QStringLiteral("ann@justice.gov.uk"));
        const QStringList names {kTitleSequence + QStringLiteral("Payroll"),
                                 QStringLiteral("Court\nlistings\r\n\tarchive"),
                                 QStringLiteral("invoice\u202Eexe.txt"),
                                 QStringLiteral("\x1b[2J\x1b[31mRed\u009b0m\x7f"),
                                 QStringLiteral("Staff \u2067files\u2069 \u200f2026\u2028end")};
        for (int i = 0; i < names.size(); ++i) {
            Asset asset = validAsset(QStringLiteral("IA-00000%1").arg(i + 1), unit);
            asset.name = names.at(i);
            asset.iaoId = owner;
            QString error;
            QVERIFY2(AssetStore(test.reg()).add(asset, &error), qPrintable(error));
        }
        test.close();
        m_register = m_dir.filePath(QStringLiteral("hostile.custos"));
        QVERIFY(QFile::copy(test.path(), m_register));
    }

    void listPrintsOneLineAnAssetWithEscapes()
    {
        const Run run = cli({QStringLiteral("list"), m_register});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QString::fromUtf8(run.out),
                 QStringLiteral("IA-000001\t\\x1b]0;owned\\x07Payroll\n"
                                "IA-000002\tCourt\\nlistings\\r\\n\\tarchive\n"
                                "IA-000003\tinvoice\\u202eexe.txt\n"
                                "IA-000004\t\\x1b[2J\\x1b[31mRed\\u009b0m\\x7f\n"
                                "IA-000005\tStaff \\u2067files\\u2069 \\u200f2026\\u2028end\n"));
        QCOMPARE(run.out.count('\n'), 5);
        const QString control = firstControl(run.out, QStringLiteral("\t\n"));
        QVERIFY2(control.isEmpty(), qPrintable(control));
    }

    void summaryTableEscapesUnitNames()
    {
        const Run run = cli({QStringLiteral("summary"), m_register});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("\n  Estates\\x1b[31m\\u202e    "), run.out.constData());
        const QString control = firstControl(run.out);
        QVERIFY2(control.isEmpty(), qPrintable(control));
    }

    // JSON is for programs: it keeps the names exactly, in JSON's own escapes.
    void summaryJsonKeepsNamesInJsonEscapes()
    {
        const Run run = cli({QStringLiteral("summary"), m_register, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QString control = firstControl(run.out);
        QVERIFY2(control.isEmpty(), qPrintable(control));
        const QJsonArray units = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("units")).toArray();
        QCOMPARE(units.size(), 1);
        QCOMPARE(units.first().toObject().value(QStringLiteral("name")).toString(), kUnitName);
    }

    // A message that quotes what was typed or read quotes it escaped.
    void errorsQuoteEscaped()
    {
        Run run
            = cli({QStringLiteral("list"), m_register, QStringLiteral("--unit"), QStringLiteral("No\x1b[2J\nwhere")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("\"No\\x1b[2J\\nwhere\""), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QString control = firstControl(run.err);
        QVERIFY2(control.isEmpty(), qPrintable(control));

        run = cli({QStringLiteral("list"), m_register, QStringLiteral("--owner"), kTitleSequence});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("email \\x1b]0;owned\\x07."), run.err.constData());
        control = firstControl(run.err);
        QVERIFY2(control.isEmpty(), qPrintable(control));

        run = cli({QStringLiteral("frob\x1b[5m")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("\"frob\\x1b[5m\""), run.err.constData());
        control = firstControl(run.err);
        QVERIFY2(control.isEmpty(), qPrintable(control));
    }

    // The import's report lists units, people and columns from the file, and its problems quote
    // cells: all escaped, one item a line.
    void importReportEscapesWhatTheFileHolds()
    {
        const QString csv = m_dir.filePath(QStringLiteral("hostile.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Name,Business unit,IAO name,Classification,Notes\x1b[5m\r\n"
                   "Payroll,\"Courts\x1b]0;t\x07\nB\",\"Bob\xe2\x80\xae\",OFFICIAL,x\r\n"
                   "Rota,Courts,,\"\x1b[31mTOP\nSECRET\",y\r\n");
        file.close();
        const Run dryRun = cli({QStringLiteral("import"), m_register, csv, QStringLiteral("--dry-run")});
        QCOMPARE(dryRun.exitCode, 2);
        const QString report = QString::fromUtf8(dryRun.err);
        QVERIFY2(report.contains(QLatin1String("Columns not imported: Notes\\x1b[5m.\n")), qPrintable(report));
        QVERIFY2(report.contains(QLatin1String("\n  Courts\\x1b]0;t\\x07\\nB\n")), qPrintable(report));
        QVERIFY2(report.contains(QLatin1String("Bob\\u202e")), qPrintable(report));
        QVERIFY2(report.contains(QLatin1String("\"\\x1b[31mTOP\\nSECRET\"")), qPrintable(report));
        const QString control = firstControl(dryRun.err);
        QVERIFY2(control.isEmpty(), qPrintable(control));
    }
};

QTEST_GUILESS_MAIN(TestCliSafeOutput)
#include "tst_clisafeoutput.moc"
