#include "WindowTest.h"
#include "models/domain/Classification.h"
#include "views/assets/CoverageFlagDelegate.h"
#include "views/report/CoverageCharts.h"
#include "views/window/Theme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QStandardItemModel>

using namespace custos;

namespace {

// The assets table's delegate, with the style option it draws a cell from in reach.
class OpenDelegate : public CoverageFlagDelegate
{
public:
    using CoverageFlagDelegate::initStyleOption;
};

bool isDark(const QColor& colour)
{
    return colour.lightness() < 128;
}

} // namespace

// View → Theme: light, dark or the system's palette, remembered, and every colour Custos draws
// itself readable on both.
class TestTheme : public WindowTest
{
    Q_OBJECT

private:
    QString settingsFile() const { return m_dir.filePath(QStringLiteral("settings.ini")); }
    DashboardPage* dashboard() { return m_window->findChild<DashboardPage*>(QStringLiteral("dashboardPage")); }
    QChart* chart(const char* name) { return dashboard()->findChild<QChartView*>(QLatin1String(name))->chart(); }

    // The background and text of an assets table cell showing `text` in `column`, drawn in the
    // table's palette; the background is the row's own where the delegate leaves it.
    Theme::Colours cell(AssetColumn column, const QString& text, bool flagged, QPalette::ColorRole rowBackground)
    {
        QStandardItemModel model(1, int(AssetColumn::Count));
        const QModelIndex index = model.index(0, int(column));
        model.setData(index, text);
        model.setData(index, flagged, AssetTableModel::FlagRole);
        OpenDelegate delegate;
        QStyleOptionViewItem option;
        option.initFrom(table());
        delegate.initStyleOption(&option, index);
        const QColor background = option.backgroundBrush.style() == Qt::NoBrush ? option.palette.color(rowBackground)
                                                                                : option.backgroundBrush.color();
        return {background, option.palette.color(QPalette::Text)};
    }

    void verifyReadable(const Theme::Colours& colours, const QString& what)
    {
        const double ratio = Theme::contrast(colours.background, colours.text);
        QVERIFY2(ratio >= 4.5,
                 qPrintable(QStringLiteral("%1: %2 on %3, contrast %4")
                                .arg(what, colours.text.name(), colours.background.name())
                                .arg(ratio)));
    }

private slots:
    void initTestCase() { QVERIFY(createDemo()); }
    void init() { QVERIFY(openWindow()); }
    void cleanup()
    {
        closeWindow();
        Theme::apply(Theme::Choice::System);
    }

    void followsTheSystemUntilChosen()
    {
        QCOMPARE(Theme::saved(*m_settings), Theme::Choice::System);
        QVERIFY(action("actionThemeSystem")->isChecked());
        QVERIFY(!action("actionThemeLight")->isChecked());
        QVERIFY(!action("actionThemeDark")->isChecked());
        QCOMPARE(m_window->findChild<QMenu*>(QStringLiteral("menuTheme"))->actions().size(), 3);
    }

    void choosingDarkDarkensTheWindowAtOnce()
    {
        action("actionThemeDark")->trigger();
        QVERIFY(action("actionThemeDark")->isChecked());
        QVERIFY(!action("actionThemeSystem")->isChecked());
        QVERIFY(isDark(QApplication::palette().color(QPalette::Window)));
        QVERIFY(!isDark(QApplication::palette().color(QPalette::Text)));
        QVERIFY(!isDark(QApplication::palette().color(QPalette::WindowText)));
        QTRY_VERIFY(isDark(table()->palette().color(QPalette::Base))); // widgets follow as events are handled
        QCOMPARE(m_settings->value(Settings::Key::Theme).toString(), QStringLiteral("dark"));

        action("actionThemeLight")->trigger();
        QVERIFY(!isDark(QApplication::palette().color(QPalette::Window)));
        QVERIFY(isDark(QApplication::palette().color(QPalette::Text)));
        QTRY_VERIFY(!isDark(table()->palette().color(QPalette::Base)));
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    }

    void systemGoesBackToThePlatformsPalette()
    {
        const QPalette platform = QApplication::palette();
        action("actionThemeDark")->trigger();
        QVERIFY(QApplication::palette().color(QPalette::Window) != platform.color(QPalette::Window));
        action("actionThemeSystem")->trigger();
        for (const QPalette::ColorRole role : {QPalette::Window,
                                               QPalette::WindowText,
                                               QPalette::Base,
                                               QPalette::Text,
                                               QPalette::Highlight,
                                               QPalette::Button})
            QCOMPARE(QApplication::palette().color(role), platform.color(role));
        QCOMPARE(m_settings->value(Settings::Key::Theme).toString(), QStringLiteral("system"));
    }

    void theChoiceSurvivesARestart()
    {
        action("actionThemeDark")->trigger();
        m_window.reset();
        m_settings.reset();
        Theme::apply(Theme::Choice::System); // as a new Custos starts
        QVERIFY(!isDark(QApplication::palette().color(QPalette::Window)));

        m_settings = std::make_unique<Settings>(settingsFile());
        QCOMPARE(Theme::saved(*m_settings), Theme::Choice::Dark);
        m_window = std::make_unique<MainWindow>(*m_settings);
        QVERIFY(action("actionThemeDark")->isChecked());
        QVERIFY(!action("actionThemeSystem")->isChecked());
        QVERIFY(isDark(QApplication::palette().color(QPalette::Window)));
    }

    void classificationsReadInBothThemes()
    {
        QStringList markings {QString()}; // not yet classified
        for (const Classification& classification : Classification::allClassified())
            markings << classification.toText();
        for (const char* theme : {"actionThemeLight", "actionThemeDark"}) {
            action(theme)->trigger();
            QTRY_COMPARE(table()->palette().color(QPalette::Base), QApplication::palette().color(QPalette::Base));
            for (const QString& marking : std::as_const(markings)) {
                for (const QPalette::ColorRole row : {QPalette::Base, QPalette::AlternateBase})
                    verifyReadable(cell(AssetColumn::Classification, marking, false, row),
                                   QStringLiteral("%1 in %2").arg(marking, QLatin1String(theme)));
            }
            // The higher markings stand out from the rest of the table.
            const QColor base = table()->palette().color(QPalette::Base);
            for (const QString& marking :
                 {QStringLiteral("OFFICIAL-SENSITIVE"), QStringLiteral("SECRET"), QStringLiteral("TOP SECRET")})
                QVERIFY(cell(AssetColumn::Classification, marking, false, QPalette::Base).background != base);
        }
    }

    void flagTintsReadInBothThemes()
    {
        for (const char* theme : {"actionThemeLight", "actionThemeDark"}) {
            action(theme)->trigger();
            QTRY_COMPARE(table()->palette().color(QPalette::Base), QApplication::palette().color(QPalette::Base));
            for (const AssetColumn column :
                 {AssetColumn::Owner, AssetColumn::Classification, AssetColumn::NextReviewDue}) {
                const Theme::Colours flagged = cell(column, QStringLiteral("2020-01-01"), true, QPalette::Base);
                QVERIFY(flagged.background != table()->palette().color(QPalette::Base));
                verifyReadable(flagged, QStringLiteral("flag in %1").arg(QLatin1String(theme)));
            }
        }
    }

    void textOnTakesBlackOrWhiteWhereThePalettesTextWouldNotRead()
    {
        QPalette palette;
        palette.setColor(QPalette::Text, QColor(240, 240, 240));
        QCOMPARE(Theme::textOn(QColor(30, 30, 30), palette), QColor(240, 240, 240));
        QCOMPARE(Theme::textOn(QColor(250, 220, 220), palette), QColor(Qt::black));
        palette.setColor(QPalette::Text, QColor(20, 20, 20));
        QCOMPARE(Theme::textOn(QColor(120, 0, 0), palette), QColor(Qt::white));
        QCOMPARE(Theme::contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(Theme::contrast(QColor(119, 119, 119), QColor(119, 119, 119)), 1.0);
    }

    void dashboardTilesAndChartsFollowTheTheme()
    {
        showPage("dashboardPage");
        QTRY_VERIFY(!dashboard()->isRefreshing());
        QVERIFY(dashboard()->shownFigures().coverage.total.unowned > 0);
        auto* unowned = dashboard()->findChild<QToolButton*>(QStringLiteral("tileUnowned"));
        for (const char* theme : {"actionThemeDark", "actionThemeLight"}) {
            action(theme)->trigger();
            const QPalette palette = QApplication::palette();
            QTRY_COMPARE(dashboard()->palette().color(QPalette::Base), palette.color(QPalette::Base));
            const Theme::Colours gap = Theme::gapTile(palette);
            verifyReadable(gap, QStringLiteral("gap tile in %1").arg(QLatin1String(theme)));
            QCOMPARE(isDark(gap.background), isDark(palette.color(QPalette::Base)));
            QVERIFY(unowned->styleSheet().contains(QStringLiteral("background: %1").arg(gap.background.name())));
            QVERIFY(unowned->styleSheet().contains(QStringLiteral("color: %1").arg(gap.text.name())));

            for (const char* name : {"chartByUnit", "chartClassification", "chartReviewsDue", "chartMostGaps"}) {
                QChart* shown = chart(name);
                const QColor background = shown->backgroundBrush().color();
                QCOMPARE(background, palette.color(QPalette::Base));
                const QString what = QStringLiteral("%1 in %2").arg(QLatin1String(name), QLatin1String(theme));
                verifyReadable({background, shown->titleBrush().color()}, what + QStringLiteral(" title"));
                verifyReadable({background, shown->legend()->labelColor()}, what + QStringLiteral(" legend"));
                QVERIFY(!shown->axes().isEmpty() || shown->series().first()->type() == QAbstractSeries::SeriesTypePie);
                for (const QAbstractAxis* axis : shown->axes())
                    verifyReadable({background, axis->labelsColor()}, what + QStringLiteral(" axis"));
            }
        }
    }

    // The trend's Complete line is black as the report prints it, and the text's colour on screen.
    void trendDrawsCompleteInTheTextsColour()
    {
        CoverageTrend trend;
        for (int week = 0; week < 3; ++week)
            trend.points.append({QDate(2024, 1, 7).addDays(7 * week), CoverageCounts {}});
        const std::unique_ptr<QChart> shown(CoverageCharts::trend(trend));
        const auto complete = [&shown] {
            const QList<QAbstractSeries*> lines = shown->series();
            return lines.isEmpty() ? nullptr : static_cast<QLineSeries*>(lines.last());
        };
        QVERIFY(complete());
        QCOMPARE(complete()->name(), QStringLiteral("Complete"));
        QCOMPARE(complete()->pen().color(), QColor(Qt::black));
        action("actionThemeDark")->trigger();
        CoverageCharts::fitPalette(shown.get(), QApplication::palette());
        QCOMPARE(complete()->pen().color(), QApplication::palette().color(QPalette::Text));
        QVERIFY(!isDark(complete()->pen().color()));
        QCOMPARE(shown->series().first()->property("custosInTextColour").toBool(), false);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
