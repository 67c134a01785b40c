#include "DamagedRegister.h"
#include "TestRegister.h"
#include "models/assets/AssetStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

// summary --json without the audit trail's head, which differs between registers of the same assets.
QJsonObject coverageOnly(QJsonObject summary)
{
    summary.remove(QStringLiteral("audit_trail"));
    return summary;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(CUSTOS_CLI), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

int lineCount(const QString& text)
{
    return int(text.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size());
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    QJsonObject m_summary;

    Run list(const QStringList& flags) { return cli(QStringList {QStringLiteral("list"), m_demo} + flags); }

    // A new, empty register in the test folder, made by custos-cli init.
    QString emptyRegister(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        const Run init = cli({QStringLiteral("init"), path});
        if (init.exitCode != 0)
            qFatal("custos-cli init %s failed", qPrintable(path));
        return path;
    }

private slots:
    void initTestCase()
    {
        m_demo = m_dir.filePath(QStringLiteral("demo.custos"));
        const Run demo = cli({QStringLiteral("demo"),
                              m_demo,
                              QStringLiteral("--assets"),
                              QStringLiteral("1500"),
                              QStringLiteral("--seed"),
                              QStringLiteral("3")});
        QCOMPARE(demo.exitCode, 0);
        QVERIFY(demo.out.contains(m_demo));
        const Run summary = cli({QStringLiteral("summary"), m_demo, QStringLiteral("--json")});
        QCOMPARE(summary.exitCode, 0);
        QJsonParseError error;
        m_summary = QJsonDocument::fromJson(summary.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
    }

    void versionAndHelp()
    {
        const Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QLatin1String("custos-cli ")));
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* command : {"init REGISTER", "demo REGISTER", "summary REGISTER", "list REGISTER"})
            QVERIFY(help.out.contains(QLatin1String(command)));
    }

    void usageErrorsExitWithOne_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("nothing") << QStringList();
        QTest::newRow("unknown command") << QStringList {"frobnicate", "x.custos"};
        QTest::newRow("unknown option") << QStringList {"summary", "x.custos", "--colour"};
        QTest::newRow("no register") << QStringList {"summary"};
        QTest::newRow("two registers") << QStringList {"list", "a.custos", "b.custos"};
        QTest::newRow("bad asset count") << QStringList {"demo", "x.custos", "--assets", "lots"};
        QTest::newRow("negative asset count") << QStringList {"demo", "x.custos", "--assets", "-5"};
        QTest::newRow("option without value") << QStringList {"list", "x.custos", "--owner"};
        QTest::newRow("export without a target") << QStringList {"export", "x.custos"};
    }

    void usageErrorsExitWithOne()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(QStringLiteral("x.custos")));
    }

    void unknownUnitOrOwnerIsAUsageError()
    {
        Run run = list({QStringLiteral("--unit"), QStringLiteral("Nowhere")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(m_demo));
        run = list({QStringLiteral("--owner"), QStringLiteral("nobody@example.org")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QLatin1String("nobody@example.org")));
    }

    void initCreatesAnEmptyRegisterOnce()
    {
        const QString path = m_dir.filePath(QStringLiteral("new.custos"));
        Run run = cli({QStringLiteral("init"), path});
        QCOMPARE(run.exitCode, 0);
        run = cli({QStringLiteral("summary"), path, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value("assets").toInt(), 0);
        run = cli({QStringLiteral("init"), path});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains(path));
    }

    void aFileThatIsNotARegisterExitsWithThree()
    {
        const QString path = m_dir.filePath(QStringLiteral("register.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Reference,Name\n");
        file.close();
        for (const QString& command : {QStringLiteral("summary"), QStringLiteral("list")}) {
            const Run run = cli({command, path});
            QCOMPARE(run.exitCode, 3);
            QVERIFY(run.err.contains(path));
            QVERIFY(run.err.contains(QLatin1String("not a Custos register")));
        }
        const Run missing = cli({QStringLiteral("summary"), m_dir.filePath(QStringLiteral("missing.custos"))});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(missing.err.contains(QLatin1String("missing.custos")));
    }

    // A register that opens but cannot be read is an error with its reason, never a coverage of zero.
    void aDamagedRegisterExitsWithThree()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.custos"));
        QCOMPARE(cli({QStringLiteral("demo"), path, QStringLiteral("--assets"), QStringLiteral("2000")}).exitCode, 0);
        const QString damage = damageAssetsTable(path);
        QVERIFY2(damage.isEmpty(), qPrintable(damage));
        const QString csv = m_dir.filePath(QStringLiteral("damaged.csv"));
        const QString pdf = m_dir.filePath(QStringLiteral("damaged.pdf"));
        const QList<QStringList> commands {{QStringLiteral("summary"), path},
                                           {QStringLiteral("summary"), path, QStringLiteral("--json")},
                                           {QStringLiteral("list"), path, QStringLiteral("--unowned")},
                                           {QStringLiteral("export"), path, csv},
                                           {QStringLiteral("report"), path, pdf}};
        for (const QStringList& command : commands) {
            const Run run = cli(command);
            QVERIFY2(run.exitCode == 3,
                     qPrintable(command.join(' ') + QStringLiteral(" exited with ") + QString::number(run.exitCode)
                                + QLatin1Char('\n') + run.out));
            QVERIFY2(run.err.contains(path) && run.err.contains(QLatin1String("could not be read")),
                     qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
        QVERIFY(!QFile::exists(csv));
        QVERIFY(!QFile::exists(pdf));
    }

    void summaryJsonHasTheAgreedKeys()
    {
        for (const char* key : {"assets", "owned", "unowned", "classified", "unclassified", "overdue", "complete"})
            QVERIFY2(m_summary.value(QLatin1String(key)).isDouble(), key);
        const QJsonArray units = m_summary.value("units").toArray();
        QVERIFY(units.size() >= 10);
        for (const QJsonValue& unit : units) {
            QCOMPARE(unit.toObject().keys().size(), 8);
            QVERIFY(!unit.toObject().value("name").toString().isEmpty());
        }
        QVERIFY(units.first().toObject().value("name").toString().count(QLatin1String(" / ")) <= 1);
        QCOMPARE(m_summary.value("owned").toInt() + m_summary.value("unowned").toInt(),
                 m_summary.value("assets").toInt());
        const QJsonObject trail = m_summary.value("audit_trail").toObject();
        QVERIFY(trail.value("rows").toInt() > 1500); // units, people and 1,500 assets
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(trail.value("head").toString()).hasMatch());
    }

    // summary prints the audit trail's anchor; verify checks the register against it.
    void verifyChecksTheRegisterAndItsAnchor()
    {
        const QString path = m_dir.filePath(QStringLiteral("verified.custos"));
        QCOMPARE(cli({QStringLiteral("demo"), path, QStringLiteral("--assets"), QStringLiteral("200")}).exitCode, 0);
        const QRegularExpressionMatch anchor
            = QRegularExpression(QStringLiteral("Audit trail: \\d+ rows; anchor (\\d+:[0-9a-f]{64})"))
                  .match(cli({QStringLiteral("summary"), path}).out);
        QVERIFY(anchor.hasMatch());
        Run run = cli({QStringLiteral("verify"), path, QStringLiteral("--anchor"), anchor.captured(1)});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("The register is intact.")));
        QCOMPARE(cli({QStringLiteral("verify"), path, QStringLiteral("--anchor"), QStringLiteral("7")}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("verify"), m_dir.filePath(QStringLiteral("absent.custos"))}).exitCode, 3);

        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("outside"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("DROP TRIGGER assets_audit_update")));
            QVERIFY(query.exec(QStringLiteral("UPDATE assets SET name = 'Quietly renamed' WHERE id = 9")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("outside"));
        run = cli({QStringLiteral("verify"), path, QStringLiteral("--anchor"), anchor.captured(1)});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(
            run.out.contains(QLatin1String("FAULT  Schema, triggers and indexes: The trigger assets_audit_update is "
                                           "missing.")),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("(record 9): name is \"Quietly renamed\" in the register")),
                 qPrintable(run.out));
    }

    void summaryTableIsForPeople()
    {
        const Run run = cli({QStringLiteral("summary"), m_demo});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("Unowned")));
        QVERIFY(run.out.contains(QLatin1String("All units")));
        QVERIFY(run.out.contains(QString::number(m_summary.value("assets").toInt())));
    }

    void listCountsEqualSummaryCounts_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("key");
        QTest::newRow("all") << QString() << "assets";
        QTest::newRow("unowned") << "--unowned"
                                 << "unowned";
        QTest::newRow("unclassified") << "--unclassified"
                                      << "unclassified";
        QTest::newRow("overdue") << "--overdue"
                                 << "overdue";
    }

    void listCountsEqualSummaryCounts()
    {
        QFETCH(QString, flag);
        QFETCH(QString, key);
        const Run run = list(flag.isEmpty() ? QStringList() : QStringList {flag});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(lineCount(run.out), m_summary.value(key).toInt());
        QVERIFY(m_summary.value(key).toInt() > 0);
    }

    void listPrintsReferenceTabName()
    {
        const QStringList lines = list({}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        for (const QString& line : lines.mid(0, 50)) {
            const QStringList fields = line.split(QLatin1Char('\t'));
            QCOMPARE(fields.size(), 2);
            QVERIFY(fields[0].startsWith(QLatin1String("IA-")));
            QVERIFY(!fields[1].isEmpty());
        }
    }

    void listUnitCountsEqualSummaryUnitCounts()
    {
        for (const QJsonValue& value : m_summary.value("units").toArray()) {
            const QJsonObject unit = value.toObject();
            const QString name = unit.value("name").toString();
            QCOMPARE(lineCount(list({QStringLiteral("--unit"), name}).out), unit.value("assets").toInt());
            QCOMPARE(lineCount(list({QStringLiteral("--unit"), name, QStringLiteral("--unowned")}).out),
                     unit.value("unowned").toInt());
            const Run scoped
                = cli({QStringLiteral("summary"), m_demo, QStringLiteral("--json"), QStringLiteral("--unit"), name});
            QCOMPARE(QJsonDocument::fromJson(scoped.out.toUtf8()).object().value("overdue").toInt(),
                     unit.value("overdue").toInt());
        }
    }

    void flagsCombine()
    {
        const int both = lineCount(list({QStringLiteral("--unowned"), QStringLiteral("--overdue")}).out);
        QVERIFY(both > 0);
        QVERIFY(both < m_summary.value("unowned").toInt());
        QVERIFY(both < m_summary.value("overdue").toInt());
    }

    void listsByOwnerEmail()
    {
        TestRegister small;
        const custos::RecordId unit = small.addUnit(QStringLiteral("Courts"));
        const custos::RecordId ann = small.addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@justice.gov.uk"));
        custos::AssetStore store(small.reg());
        for (const char* reference : {"IA-000001", "IA-000002", "IA-000003"}) {
            custos::Asset asset = validAsset(QLatin1String(reference), unit);
            if (QLatin1String(reference) != QLatin1String("IA-000002"))
                asset.iaoId = ann;
            QVERIFY(store.add(asset));
        }
        small.close();
        const Run run = cli(
            {QStringLiteral("list"), small.path(), QStringLiteral("--owner"), QStringLiteral("ANN@justice.gov.uk")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("IA-000001\tOffender case records\nIA-000003\tOffender case records\n"));
    }

    void exportsEveryAssetOrTheGapsListShows()
    {
        const QString all = m_dir.filePath(QStringLiteral("all.csv"));
        const Run full = cli({QStringLiteral("export"), m_demo, all, QStringLiteral("--bom")});
        QCOMPARE(full.exitCode, 0);
        QCOMPARE(full.out.trimmed(), QStringLiteral("Exported 1,500 assets to %1").arg(all));
        QFile file(all);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readLine().startsWith("\xEF\xBB\xBFReference,Name,Description,Business unit,"));

        const QString gaps = m_dir.filePath(QStringLiteral("gaps.csv"));
        const Run unowned
            = cli({QStringLiteral("export"), m_demo, gaps, QStringLiteral("--unowned"), QStringLiteral("--overdue")});
        QCOMPARE(unowned.exitCode, 0);
        const int listed = lineCount(list({QStringLiteral("--unowned"), QStringLiteral("--overdue")}).out);
        QVERIFY(listed > 0);
        QCOMPARE(unowned.out.trimmed(),
                 QStringLiteral("Exported %1 assets to %2")
                     .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(listed), gaps));

        const Run missing = cli({QStringLiteral("export"), m_dir.filePath(QStringLiteral("none.custos")), gaps});
        QCOMPARE(missing.exitCode, 3);
        const Run unwritable
            = cli({QStringLiteral("export"), m_demo, m_dir.filePath(QStringLiteral("no/such/dir.csv"))});
        QCOMPARE(unwritable.exitCode, 3);
        QVERIFY(unwritable.err.contains(QLatin1String("no/such/dir.csv")));
    }

    // Export, import into an empty register with the command line: the same summary.
    void importsAnExportIntoAnEmptyRegister()
    {
        const QString csv = m_dir.filePath(QStringLiteral("round.csv"));
        QCOMPARE(cli({QStringLiteral("export"), m_demo, csv}).exitCode, 0);
        const QString copy = emptyRegister(QStringLiteral("copy.custos"));

        const Run dryRun = cli({QStringLiteral("import"), copy, csv, QStringLiteral("--dry-run")});
        QCOMPARE(dryRun.exitCode, 0);
        QVERIFY(dryRun.out.contains(QLatin1String("would add 1,500 assets")));
        QCOMPARE(lineCount(cli({QStringLiteral("list"), copy}).out), 0);

        const Run imported = cli({QStringLiteral("import"), copy, csv});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY(imported.out.contains(QLatin1String("Added 1,500 assets")));
        const Run summary = cli({QStringLiteral("summary"), copy, QStringLiteral("--json")});
        QCOMPARE(coverageOnly(QJsonDocument::fromJson(summary.out.toUtf8()).object()), coverageOnly(m_summary));

        const Run again = cli({QStringLiteral("import"), copy, csv});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QLatin1String("left 1,500 unchanged")));
    }

    void importRefusesBadDataWithTwoAndMissingFilesWithThree()
    {
        const QString target = emptyRegister(QStringLiteral("refusing.custos"));
        const QString bad = QStringLiteral(CUSTOS_TEST_DATA "/csv/unknown-classification.csv");
        const Run refused = cli({QStringLiteral("import"), target, bad});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(QLatin1String("line 4, column 4 (Classification)")));
        QCOMPARE(lineCount(cli({QStringLiteral("list"), target}).out), 0);

        const Run validOnly = cli({QStringLiteral("import"), target, bad, QStringLiteral("--valid-rows-only")});
        QCOMPARE(validOnly.exitCode, 0);
        QCOMPARE(lineCount(cli({QStringLiteral("list"), target}).out), 2);

        const Run noFile = cli({QStringLiteral("import"), target, m_dir.filePath(QStringLiteral("none.csv"))});
        QCOMPARE(noFile.exitCode, 3);
        QVERIFY(noFile.err.contains(QLatin1String("none.csv")));
    }

    void importMapsAColumnTheUserNames()
    {
        const QString target = emptyRegister(QStringLiteral("mapped.custos"));
        const QString file = QStringLiteral(CUSTOS_TEST_DATA "/csv/missing-name-column.csv");
        QCOMPARE(cli({QStringLiteral("import"), target, file}).exitCode, 2);
        const Run mapped
            = cli({QStringLiteral("import"), target, file, QStringLiteral("--map"), QStringLiteral("Reference=Name")});
        QCOMPARE(mapped.exitCode, 0);
        QCOMPARE(cli({QStringLiteral("list"), target}).out, QStringLiteral("IA-000001\tZ-1\n"));
        const Run wrong = cli(
            {QStringLiteral("import"), target, file, QStringLiteral("--map"), QStringLiteral("Reference=Colour")});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.err.contains(QLatin1String("IAO email")));
    }

    void reportWritesAMarkedPdf()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        const Run report = cli({QStringLiteral("report"), m_demo, pdf});
        QCOMPARE(report.exitCode, 0);
        QVERIFY2(report.out.contains(QRegularExpression(QStringLiteral("pages to .*, marked (TOP )?SECRET"))),
                 qPrintable(report.out));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");

        const Run unwritable = cli({QStringLiteral("report"), m_demo, m_dir.filePath(QStringLiteral("no/such.pdf"))});
        QCOMPARE(unwritable.exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
