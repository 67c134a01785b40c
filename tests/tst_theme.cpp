#include "WindowTest.h"
#include "models/domain/Classification.h"
#include "views/assets/CoverageFlagDelegate.h"
#include "views/window/Theme.h"

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
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
