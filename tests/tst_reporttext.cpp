#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/coverage/ReportText.h"

#include <QTest>

using namespace custos;

namespace {

const QDate kToday(2026, 11, 28);
const QChar kIsolate(0x2068);
const QChar kEndIsolate(0x2069);

QString isolated(const QString& text)
{
    return kIsolate + text + kEndIsolate;
}

} // namespace

// What people typed goes into the report isolated, with its controls escaped; the report's own
// words and numbers stay as they are.
class TestReportText : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestRegister> m_test;
    RecordId m_estates = 0;

private slots:
    void init()
    {
        m_test = std::make_unique<TestRegister>();
        m_estates = m_test->addUnit(QStringLiteral("Estates\u202E"), m_test->addUnit(QStringLiteral("Courts")));
        const RecordId leaver = m_test->addPerson(
            QStringLiteral("\u05D3\u05E0\u05D4 \u202Downer"), QStringLiteral("dana@justice.gov.uk"), true);
        Asset asset = validAsset(QStringLiteral("IA-000001"), m_estates);
        asset.name = QStringLiteral("invoice\u202Eexe.txt");
        asset.iaoId = leaver;
        QString error;
        QVERIFY2(AssetStore(m_test->reg(), kToday).add(asset, &error), qPrintable(error));
    }

    void cleanup() { m_test.reset(); }

    void assetRowsIsolateWhatWasTyped()
    {
        const ReportContents contents = ReportContents::gather(m_test->reg(), kToday).value();
        QCOMPARE(contents.unowned.size(), 1);
        const ReportTable table = ReportText::assetTable(contents.unowned);
        QCOMPARE(table.header.size(), table.widths.size());
        QCOMPARE(table.rows.size(), 1);
        QCOMPARE(table.rows.first(),
                 QStringList({isolated(QStringLiteral("IA-000001")),
                              isolated(QStringLiteral("invoice\\u202eexe.txt")),
                              isolated(QStringLiteral("Courts / Estates\\u202e")),
                              isolated(QStringLiteral("\u05D3\u05E0\u05D4 \\u202downer")) + QStringLiteral(" (left)"),
                              QStringLiteral("Not yet classified")}));
    }

    void anAssetWithoutAnOwnerSaysNone()
    {
        Asset asset = validAsset(QStringLiteral("IA-000002"), m_estates);
        QVERIFY(AssetStore(m_test->reg(), kToday).add(asset));
        const ReportContents contents = ReportContents::gather(m_test->reg(), kToday).value();
        QCOMPARE(contents.unowned.size(), 2);
        QCOMPARE(ReportText::assetTable(contents.unowned).rows.at(1).at(3), QStringLiteral("None"));
    }

    void unitRowsIsolateThePathAndKeepTheCounts()
    {
        const ReportContents contents = ReportContents::gather(m_test->reg(), kToday).value();
        const ReportTable table = ReportText::unitTable(contents);
        QCOMPARE(table.header.size(), table.widths.size());
        QCOMPARE(table.rows.size(), 2);
        QCOMPARE(table.rows.at(0), QStringList({isolated(QStringLiteral("Courts")), "1", "0", "1", "1", "0", "0"}));
        QCOMPARE(table.rows.at(1).first(), isolated(QStringLiteral("Courts / Estates\\u202e")));
    }

    void titleLinesIsolateTheRegisterAndTheUnit()
    {
        ReportContents contents = ReportContents::gather(m_test->reg(), kToday).value();
        QCOMPARE(ReportText::registerLine(contents), QStringLiteral("Register: ") + isolated(QStringLiteral("test")));
        // The whole register's scope is the report's own words.
        QCOMPARE(ReportText::scopeLine(contents), QStringLiteral("Scope: All units"));
        contents = ReportContents::gather(m_test->reg(), kToday, m_estates).value();
        QCOMPARE(ReportText::scopeLine(contents),
                 QStringLiteral("Scope: ") + isolated(QStringLiteral("Courts / Estates\\u202e")));
    }
};

QTEST_GUILESS_MAIN(TestReportText)
#include "tst_reporttext.moc"
