#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/coverage/ReportContents.h"
#include "models/demo/DemoRegister.h"
#include "models/domain/PrintableText.h"
#include "models/store/AuditChain.h"
#include "views/report/CoverageCharts.h"
#include "views/report/ReportPrinter.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QTextLayout>
#include <algorithm>

using namespace custos;

namespace {

const QDate kToday(2026, 11, 28);

// The text of each page of a PDF, as pdftotext (poppler-utils) reads it, laid out in lines.
QList<QStringList> pagesOf(const QString& pdf)
{
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    pdftotext.waitForFinished(60000);
    QList<QStringList> pages;
    QStringList texts = QString::fromUtf8(pdftotext.readAllStandardOutput()).split(QLatin1Char('\f'));
    texts.removeLast(); // after the last page's form feed
    for (const QString& text : texts) {
        QStringList lines;
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            // NFKC: poppler writes the "fi" of "Classified" as one ligature character.
            if (!line.trimmed().isEmpty())
                lines << line.trimmed().normalized(QString::NormalizationForm_KC);
        }
        pages << lines;
    }
    return pages;
}

// The highest classification among the listed assets, worked out here from the lists.
QString highestListed(const ReportContents& contents)
{
    Classification highest;
    for (const QList<ReportAsset>* list : {&contents.unowned, &contents.unclassified, &contents.overdue}) {
        for (const ReportAsset& asset : *list) {
            if (asset.classification.rank() > highest.rank())
                highest = asset.classification;
        }
    }
    return highest.toText();
}

// The count on the summary table's row that starts with `measure`.
int summaryCount(const QList<QStringList>& pages, const QString& measure)
{
    const QRegularExpression row(QStringLiteral("^%1\\s+([\\d,]+)").arg(QRegularExpression::escape(measure)));
    for (const QStringList& page : pages) {
        for (const QString& line : page) {
            if (const QRegularExpressionMatch match = row.match(line); match.hasMatch())
                return match.captured(1).remove(QLatin1Char(',')).toInt();
        }
    }
    return -1;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void everyPageCarriesTheHighestListedClassification()
    {
        TestRegister test;
        QVERIFY(DemoRegister::fill(test.reg(), 600, 5, kToday));
        const ReportContents contents = ReportContents::gather(test.reg(), kToday).value();
        const QString expected = highestListed(contents);
        QVERIFY2(expected == QStringLiteral("SECRET") || expected == QStringLiteral("TOP SECRET"),
                 qPrintable(expected));
        QCOMPARE(contents.marking(), expected);

        const QString pdf = test.dir() + QStringLiteral("/report.pdf");
        const int pageCount = ReportPrinter::writePdf(contents, pdf);
        const QList<QStringList> pages = pagesOf(pdf);
        QCOMPARE(pages.size(), pageCount);
        QVERIFY(pageCount >= 3);
        for (int page = 0; page < pages.size(); ++page) {
            QCOMPARE(pages.at(page).first(), expected);
            QCOMPARE(pages.at(page).last(), expected);
            QVERIFY(pages.at(page).contains(QStringLiteral("Page %1 of %2").arg(page + 1).arg(pageCount)));
        }
        QVERIFY(pages.first().contains(QStringLiteral("Scope: All units")));
    }

    void aReportOfPlainOfficialAssetsIsNotMarked()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Estates"));
        for (int number = 1; number <= 3; ++number) {
            Asset asset = validAsset(QStringLiteral("E-%1").arg(number), unit);
            asset.classification = Classification::official();
            QVERIFY(AssetStore(test.reg(), kToday).add(asset)); // no IAO: listed as unowned
        }
        const ReportContents contents = ReportContents::gather(test.reg(), kToday).value();
        QCOMPARE(contents.unowned.size(), 3);
        QVERIFY(contents.marking().isEmpty());
        const QString pdf = test.dir() + QStringLiteral("/official.pdf");
        const int pageCount = ReportPrinter::writePdf(contents, pdf);
        const QList<QStringList> pages = pagesOf(pdf);
        QCOMPARE(pages.size(), pageCount);
        for (int page = 0; page < pages.size(); ++page) {
            QCOMPARE(pages.at(page).last(), QStringLiteral("Page %1 of %2").arg(page + 1).arg(pageCount));
            QVERIFY(pages.at(page).first() != QStringLiteral("OFFICIAL"));
        }
    }

    // A report saved by mistake over the open register is refused, and the register stays whole.
    void aReportIsNotWrittenOverTheOpenRegister()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Estates"));
        const ReportContents contents = ReportContents::gather(test.reg(), kToday).value();
        QString error;
        QCOMPARE(ReportPrinter::writePdf(contents, test.path(), &error), 0);
        QVERIFY2(error.contains(QLatin1String("belongs to the register")), qPrintable(error));
        QCOMPARE(test.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM units")).toInt(), 1);
    }

    // The report's figures are summary's: both come from Coverage::compute, for a unit too.
    void figuresAreTheSummarysForTheRegisterAndForAUnit()
    {
        TestRegister test;
        QVERIFY(DemoRegister::fill(test.reg(), 400, 8, kToday));
        const RecordId unit = UnitStore(test.reg()).tree().find(QStringLiteral("Courts and Tribunals")).value();
        for (const std::optional<RecordId>& scope : {std::optional<RecordId>(), std::optional<RecordId>(unit)}) {
            const ReportContents contents = ReportContents::gather(test.reg(), kToday, scope).value();
            const CoverageCounts expected = Coverage::compute(test.reg(), kToday, scope).value().total;
            const QString pdf = test.dir() + QStringLiteral("/figures.pdf");
            QVERIFY(ReportPrinter::writePdf(contents, pdf) > 0);
            const QList<QStringList> pages = pagesOf(pdf);
            QCOMPARE(summaryCount(pages, QStringLiteral("Active assets")), expected.assets);
            QCOMPARE(summaryCount(pages, QStringLiteral("Owned (an IAO who has not left)")), expected.owned);
            QCOMPARE(summaryCount(pages, QStringLiteral("Classified")), expected.classified);
            QCOMPARE(summaryCount(pages, QStringLiteral("Reviewed on time")), expected.assets - expected.overdue);
            QCOMPARE(summaryCount(pages, QStringLiteral("Unowned")), expected.unowned);
            QCOMPARE(summaryCount(pages, QStringLiteral("Overdue for review")), expected.overdue);
            QCOMPARE(contents.unowned.size(), expected.unowned);
            QCOMPARE(contents.overdue.size(), expected.overdue);
            QCOMPARE(contents.unclassified.size(), expected.unclassified);
        }
    }

    // A 2,000-asset report: a few pages of summary and charts, the charts' figures the
    // dashboard's, then the lists; for a directorate, its units' chart.
    void summaryAndChartsComeBeforeTheLists()
    {
        TestRegister test;
        QVERIFY(DemoRegister::fill(test.reg(), DemoRegister::kDefaultAssets, 8, kToday));
        const RecordId unit = UnitStore(test.reg()).tree().find(QStringLiteral("Courts and Tribunals")).value();
        for (const std::optional<RecordId>& scope : {std::optional<RecordId>(), std::optional<RecordId>(unit)}) {
            const ReportContents contents = ReportContents::gather(test.reg(), kToday, scope).value();
            const QString pdf = test.dir() + QStringLiteral("/charts.pdf");
            QVERIFY(ReportPrinter::writePdf(contents, pdf) > 0);
            const QList<QStringList> pages = pagesOf(pdf);
            const auto pageWith = [&pages](const QString& text) {
                for (int page = 0; page < pages.size(); ++page) {
                    for (const QString& line : pages[page]) {
                        if (line.contains(text))
                            return page + 1;
                    }
                }
                return 0;
            };
            const int charts = pageWith(QStringLiteral("Coverage in charts"));
            const int lists = pageWith(QStringLiteral("Unowned assets ("));
            QVERIFY(charts >= 2);
            QVERIFY2(lists > charts && lists <= 6, qPrintable(QString::number(lists)));
            const QString unitChart = scope ? QStringLiteral("Coverage in Courts and Tribunals")
                                            : QStringLiteral("Coverage by business unit");
            QVERIFY(pageWith(unitChart) >= charts);
            QVERIFY(pageWith(QStringLiteral("Reviews overdue and due")) >= charts);
            QVERIFY(pageWith(QStringLiteral("IAOs with the most assets unclassified or overdue")) >= charts);
            QVERIFY(pageWith(QStringLiteral("Coverage over time: no history yet")) >= charts);
            // The last page ends with the audit trail's anchor, as summary prints it.
            QCOMPARE(contents.auditTrail.anchor(), AuditChain::head(test.reg().database())->anchor());
            QCOMPARE(pageWith(contents.auditTrail.anchor()), int(pages.size()));
            for (const ClassificationCount& slice : contents.figures.classificationMix) {
                const QString name = slice.legacyMarkingToReview ? QStringLiteral("Legacy marking to review")
                    : slice.classification.isClassified()        ? slice.classification.toText()
                                                                 : QStringLiteral("Not yet classified");
                const QString legend = QStringLiteral("%1 (%2)").arg(name, QLocale().toString(slice.assets));
                QVERIFY2(pageWith(legend) >= charts, qPrintable(legend));
            }
        }
    }

    // With weeks of history in its audit trail, the report draws coverage week by week.
    void aRegisterWithHistoryGetsItsTrendChart()
    {
        TestRegister test;
        QSqlQuery query(test.reg().database());
        QVERIFY(
            query.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, record_table, record_id, changes) "
                                         "VALUES (?, 'asmith', 'insert', 'assets', ?, ?)")));
        for (int week = 1; week <= 3; ++week) {
            query.addBindValue(kToday.addDays(-7 * week).toString(Qt::ISODate) + QStringLiteral("T09:00:00.000Z"));
            query.addBindValue(week);
            query.addBindValue(QStringLiteral(R"({"status":[null,"Active"],"next_review_due":[null,"2027-06-01"]})"));
            QVERIFY(query.exec());
        }
        const ReportContents contents = ReportContents::gather(test.reg(), kToday).value();
        QCOMPARE(contents.trend.points.size(), 4);
        const QString pdf = test.dir() + QStringLiteral("/trend.pdf");
        QVERIFY(ReportPrinter::writePdf(contents, pdf) > 0);
        bool drawn = false;
        for (const QStringList& page : pagesOf(pdf))
            drawn = drawn || page.contains(QStringLiteral("Coverage week by week"));
        QVERIFY(drawn);
    }

    // A name written with a right-to-left override prints as stored, with the override shown as an
    // escape: "invoice<RLO>exe.txt" does not read "invoicetxt.exe".
    void anOverrideInANameIsPrintedAsAnEscape()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Estates\u202E"));
        const RecordId leaver = test.addPerson(QStringLiteral("Al\u202Eb"), QStringLiteral("al@justice.gov.uk"), true);
        Asset asset = validAsset(QStringLiteral("IA-000001"), unit);
        asset.name = QStringLiteral("invoice\u202Eexe.txt");
        asset.iaoId = leaver;
        QVERIFY(AssetStore(test.reg(), kToday).add(asset));
        const ReportContents contents = ReportContents::gather(test.reg(), kToday).value();
        const QString pdf = test.dir() + QStringLiteral("/override.pdf");
        QVERIFY(ReportPrinter::writePdf(contents, pdf) > 0);
        QStringList rows;
        for (const QStringList& page : pagesOf(pdf)) {
            for (const QString& line : page) {
                if (line.startsWith(QLatin1String("IA-000001")))
                    rows << line;
                QVERIFY2(!line.contains(QLatin1String("txt.exe")) && !line.contains(QLatin1String("tfel")),
                         qPrintable(line));
            }
        }
        QCOMPARE(rows.size(), 2); // unowned and unclassified
        const QRegularExpression row(QStringLiteral(
            R"(^IA-000001\s+invoice\\u202eexe\.txt\s+Estates\\u202e\s+Al\\u202eb \(left\)\s+Not yet classified$)"));
        for (QString line : rows)
            QVERIFY2(row.match(line.remove(QChar(0x2068)).remove(QChar(0x2069))).hasMatch(), qPrintable(line));
    }

    // The document's title, which a viewer shows in its title bar, names the register as escaped
    // text too: a file may be named with an override.
    void theTitleEscapesTheRegistersName()
    {
        TestRegister test;
        ReportContents contents = ReportContents::gather(test.reg(), kToday).value();
        contents.registerName = QStringLiteral("board\u202Efdp.custos");
        const QString pdf = test.dir() + QStringLiteral("/title.pdf");
        QVERIFY(ReportPrinter::writePdf(contents, pdf) > 0);
        QProcess pdfinfo;
        pdfinfo.start(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY(pdfinfo.waitForFinished(60000));
        const QString info = QString::fromUtf8(pdfinfo.readAllStandardOutput());
        const QRegularExpression title(QStringLiteral("^Title: +(.*)$"), QRegularExpression::MultilineOption);
        QCOMPARE(title.match(info).captured(1), QStringLiteral("Information asset coverage: board\\u202efdp.custos"));
    }

    // What Qt 6.4 does with an isolate: it lays the isolated text out on its own, so a right-to-left
    // name cannot pull the number after it to its left, and it draws the isolate marks as nothing.
    void qtLaysAnIsolatedNameOutApartFromWhatFollows()
    {
        const QString hebrew = QStringLiteral("\u05D3\u05E0\u05D4");
        const auto positions = [](const QString& text) {
            QTextLayout layout(text, QFont(QStringLiteral("DejaVu Sans")));
            layout.beginLayout();
            layout.createLine();
            layout.endLayout();
            QList<double> x;
            for (int i = 0; i < text.size(); ++i)
                x << layout.lineAt(0).cursorToX(i);
            return x;
        };
        // Without the isolate, the bidirectional algorithm draws "12" left of (part of) the name.
        const QString bare = QStringLiteral("Scope: ") + hebrew + QStringLiteral(" 12 assets");
        QList<double> x = positions(bare);
        const qsizetype twelve = bare.indexOf(QLatin1String("12"));
        const qsizetype bareName = bare.indexOf(hebrew);
        QVERIFY(x.at(twelve + 1) < *std::max_element(x.cbegin() + bareName, x.cbegin() + bareName + hebrew.size()));

        const QString text = QStringLiteral("Scope: ") + PrintableText::isolated(hebrew) + QStringLiteral(" 12 assets");
        x = positions(text);
        const qsizetype name = text.indexOf(hebrew);
        const qsizetype number = text.indexOf(QLatin1String("12"));
        for (qsizetype i = name; i < name + hebrew.size(); ++i) {
            QVERIFY(x.at(i) > x.at(text.indexOf(QLatin1Char(':'))));
            QVERIFY(x.at(i) < x.at(number));
        }
        // Right to left inside the isolate.
        QVERIFY(x.at(name + 1) > x.at(name + 2));
        const QFontMetricsF metrics(QFont(QStringLiteral("DejaVu Sans")));
        QCOMPARE(metrics.horizontalAdvance(PrintableText::isolated(QStringLiteral("Estates"))),
                 metrics.horizontalAdvance(QStringLiteral("Estates")));
    }

    // The charts name units and people with their controls escaped; and since Qt Charts reads their
    // titles and labels as rich text, what looks like HTML in a name is shown as typed.
    void chartsEscapeUnitsAndPeople()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Estates\u202E<b>&#x202e;"));
        const RecordId owner = test.addPerson(QStringLiteral("Ann\u202E<i>"), QStringLiteral("ann@justice.gov.uk"));
        Asset asset = validAsset(QStringLiteral("IA-000001"), unit);
        asset.iaoId = owner;
        QVERIFY(AssetStore(test.reg(), kToday).add(asset)); // not yet classified: a gap of Ann's
        const DashboardFigures figures = DashboardFigures::compute(test.reg(), kToday, QString()).value();
        const QString unitLabel = QStringLiteral("Estates\\u202e&lt;b&gt;&amp;#x202e;");
        const auto categories = [](QChart* chart) {
            const std::unique_ptr<QChart> owned(chart);
            return qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Vertical).first())->categories();
        };
        QCOMPARE(categories(CoverageCharts::byUnit(figures, std::nullopt)), QStringList {unitLabel});
        QCOMPARE(categories(CoverageCharts::mostGaps(figures)), QStringList {QStringLiteral("Ann\\u202e&lt;i&gt;")});
        const std::unique_ptr<QChart> inUnit(CoverageCharts::byUnit(figures, unit));
        QCOMPARE(inUnit->title(), QStringLiteral("Coverage in ") + unitLabel);

        // As drawn, at the dashboard's size: the label's text is the name as typed, escapes and all,
        // not cut short.
        const auto drawnLabels = [](QChart* chart) {
            QGraphicsScene scene;
            scene.addItem(chart); // owns it
            chart->setGeometry(QRectF(0, 0, 640, 300));
            QStringList drawn;
            for (QGraphicsItem* item : scene.items()) {
                if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
                    drawn << text->toPlainText();
            }
            return drawn;
        };
        const QStringList units = drawnLabels(CoverageCharts::byUnit(figures, std::nullopt));
        QVERIFY2(units.contains(QStringLiteral("Estates\\u202e<b>&#x202e;")),
                 qPrintable(units.join(QStringLiteral(" | "))));
        const QStringList people = drawnLabels(CoverageCharts::mostGaps(figures));
        QVERIFY2(people.contains(QStringLiteral("Ann\\u202e<i>")), qPrintable(people.join(QStringLiteral(" | "))));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
