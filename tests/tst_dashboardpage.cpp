#include "DamagedRegister.h"
#include "WindowTest.h"
#include "models/domain/PrintableText.h"
#include "models/units/UnitStore.h"
#include "views/pages/PeoplePage.h"
#include "views/pages/UnitsPage.h"
#include "views/report/CoverageCharts.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGraphicsRectItem>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>
#include <QRegularExpression>
#include <QToolTip>
#include <QValueAxis>

using namespace custos;

// Drives the dashboard offscreen: its figures against custos-cli, and every tile, bar and slice
// as a way into the assets it counts.
class TestDashboardPage : public WindowTest
{
    Q_OBJECT

private:
    DashboardPage* dashboard() { return m_window->findChild<DashboardPage*>(QStringLiteral("dashboardPage")); }
    QChart* chart(const char* name) { return dashboard()->findChild<QChartView*>(QLatin1String(name))->chart(); }
    QWidget* currentPage()
    {
        return m_window->findChild<QTabWidget*>(QStringLiteral("registerPages"))->currentWidget();
    }

    // The bars of `set` as drawn, top first (legend markers left out).
    QList<QGraphicsRectItem*> drawnBars(QChartView* view, QBarSet* set)
    {
        QList<QGraphicsRectItem*> bars;
        for (QGraphicsItem* item : view->scene()->items()) {
            auto* bar = dynamic_cast<QGraphicsRectItem*>(item);
            if (bar && bar->brush().color() == set->color() && !view->chart()->legend()->isAncestorOf(bar)
                && bar->rect().width() > 0 && bar->rect().height() > 0) {
                bars.append(bar);
            }
        }
        std::sort(bars.begin(), bars.end(), [](const QGraphicsRectItem* a, const QGraphicsRectItem* b) {
            return a->sceneBoundingRect().top() < b->sceneBoundingRect().top();
        });
        return bars;
    }

    // The numbers drawn as labels in `view`: its count axis's ticks.
    static QStringList numberLabels(QChartView& view)
    {
        static const QRegularExpression number(QStringLiteral("^[0-9][0-9,]*$"));
        QStringList labels;
        for (QGraphicsItem* item : view.scene()->items()) {
            auto* text = dynamic_cast<QGraphicsTextItem*>(item);
            if (text && text->isVisible() && number.match(text->toPlainText()).hasMatch())
                labels.prepend(text->toPlainText());
        }
        std::sort(labels.begin(), labels.end(), [](const QString& a, const QString& b) {
            return QString(a).remove(QLatin1Char(',')).toInt() < QString(b).remove(QLatin1Char(',')).toInt();
        });
        return labels;
    }

    // Opens the dashboard, clicks through `way`, and says how many assets the table then shows.
    int rowsAfter(const std::function<void()>& way)
    {
        showPage("dashboardPage");
        way();
        if (currentPage() != assetsPage())
            return -1;
        return shownRows();
    }

private slots:
    void initTestCase() { QVERIFY(createDemo()); }
    void init()
    {
        QVERIFY(openWindow());
        QTRY_VERIFY(!dashboard()->isRefreshing());
    }
    void cleanup() { closeWindow(); }

    // The dashboard opens first; its tiles are summary's figures, and each leads to an assets view
    // of exactly as many rows (for the gaps, the rows custos-cli list prints).
    void dashboardTilesAreSummarysFiguresAndLeadToTheirAssets()
    {
        DashboardPage* dashboard = this->dashboard();
        QCOMPARE(m_window->findChild<QTabWidget*>(QStringLiteral("registerPages"))->currentWidget(), dashboard);
        QTRY_VERIFY(!dashboard->isRefreshing());
        QProcess summary;
        summary.start(QStringLiteral(CUSTOS_CLI), {QStringLiteral("summary"), m_demo, QStringLiteral("--json")});
        QVERIFY(summary.waitForFinished(60000));
        const QJsonObject json = QJsonDocument::fromJson(summary.readAllStandardOutput()).object();
        const CoverageCounts shown = dashboard->shownFigures().coverage.total;
        QCOMPARE(shown.assets, json.value(QStringLiteral("assets")).toInt());
        QCOMPARE(shown.owned, json.value(QStringLiteral("owned")).toInt());
        QCOMPARE(shown.classified, json.value(QStringLiteral("classified")).toInt());
        QCOMPARE(shown.complete, json.value(QStringLiteral("complete")).toInt());
        QCOMPARE(shown.unowned, json.value(QStringLiteral("unowned")).toInt());
        QCOMPARE(shown.unclassified, json.value(QStringLiteral("unclassified")).toInt());
        QCOMPARE(shown.overdue, json.value(QStringLiteral("overdue")).toInt());

        const QList<std::pair<const char*, int>> tiles {
            {"tileActive", shown.assets},
            {"tileOwned", shown.owned},
            {"tileClassified", shown.classified},
            {"tileOnTime", shown.assets - shown.overdue},
            {"tileComplete", shown.complete},
            {"tileUnowned", cliListCount(m_demo, {QStringLiteral("--unowned")})},
            {"tileUnclassified", shown.unclassified},
            {"tileOverdue", shown.overdue}};
        for (const auto& [name, expected] : tiles) {
            showPage("dashboardPage");
            auto* tile = dashboard->findChild<QToolButton*>(QLatin1String(name));
            QVERIFY(tile->text().startsWith(QLocale().toString(expected) + QLatin1Char('\n')));
            tile->click();
            QCOMPARE(m_window->findChild<QTabWidget*>(QStringLiteral("registerPages"))->currentWidget(), assetsPage());
            QVERIFY(settled());
            QVERIFY2(shownRows() == expected, name);
        }
    }

    // A real mouse click on the worst unit's red bar shows that unit's unowned assets.
    void clickingAUnitsBarShowsItsAssets()
    {
        const DashboardFigures& figures = dashboard()->shownFigures();
        const QList<UnitCoverage> units = figures.unitsBelow(std::nullopt);
        QVERIFY(units.first().counts.unowned > 0);
        auto* view = dashboard()->findChild<QChartView*>(QStringLiteral("chartByUnit"));
        auto* series = qobject_cast<QAbstractBarSeries*>(view->chart()->series().first());
        QBarSet* unowned = series->barSets().at(1);
        QCOMPARE(unowned->label(), QStringLiteral("Unowned"));
        const QList<QGraphicsRectItem*> bars = drawnBars(view, unowned);
        QCOMPARE(bars.size(), units.size());
        const QPoint middle = view->mapFromScene(bars.first()->sceneBoundingRect().center());
        const int rows = rowsAfter([&] { QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, middle); });
        QCOMPARE(rows, units.first().counts.unowned);
        QCOMPARE(m_window->assetModel()->view().filter.unitId, units.first().unitId);
        QVERIFY(m_window->assetModel()->view().filter.unowned);
    }

    // A directorate opens into its units, worst at the top.
    void aDirectorateExpandsIntoItsUnits()
    {
        const DashboardFigures& figures = dashboard()->shownFigures();
        const UnitCoverage directorate = figures.unitsBelow(std::nullopt).first();
        auto* level = dashboard()->findChild<QComboBox*>(QStringLiteral("unitChartLevel"));
        level->setCurrentIndex(level->findData(directorate.unitId));
        QTRY_VERIFY(!dashboard()->isRefreshing());
        QStringList expected;
        for (const UnitCoverage& unit : figures.unitsBelow(directorate.unitId))
            expected.prepend(PrintableText::escaped(figures.units.unit(unit.unitId)->name).toHtmlEscaped());
        QVERIFY(!expected.isEmpty());
        auto* axis = qobject_cast<QBarCategoryAxis*>(chart("chartByUnit")->axes(Qt::Vertical).first());
        QCOMPARE(axis->categories(), expected);
        QVERIFY(chart("chartByUnit")->title().contains(directorate.path));
    }

    // "Units of" a directorate scopes every figure: the tiles are custos-cli summary --unit's, the
    // charts and the trend count its assets only, the title names it, and the tiles lead there.
    void unitsOfScopesEveryFigure()
    {
        const UnitCoverage directorate = dashboard()->shownFigures().unitsBelow(std::nullopt).first();
        auto* level = dashboard()->findChild<QComboBox*>(QStringLiteral("unitChartLevel"));
        level->setCurrentIndex(level->findData(directorate.unitId));
        QTRY_VERIFY(!dashboard()->isRefreshing());
        QTRY_VERIFY(!dashboard()->isTrendRefreshing());
        const DashboardFigures& figures = dashboard()->shownFigures();
        QCOMPARE(dashboard()->scope(), std::optional(directorate.unitId));
        QCOMPARE(figures.scope, std::optional(directorate.unitId));
        QCOMPARE(dashboard()->findChild<QLabel*>(QStringLiteral("dashboardTitle"))->text(),
                 QStringLiteral("Coverage of active assets in %1").arg(directorate.path));

        QProcess summary;
        summary.start(
            QStringLiteral(CUSTOS_CLI),
            {QStringLiteral("summary"), m_demo, QStringLiteral("--unit"), directorate.path, QStringLiteral("--json")});
        QVERIFY(summary.waitForFinished(60000));
        const QJsonObject json = QJsonDocument::fromJson(summary.readAllStandardOutput()).object();
        const int assets = json.value(QStringLiteral("assets")).toInt();
        QVERIFY(assets > 0);
        QVERIFY(assets < cliListCount(m_demo, {}));
        const QList<std::pair<const char*, int>> tiles {
            {"tileActive", assets},
            {"tileOwned", json.value(QStringLiteral("owned")).toInt()},
            {"tileClassified", json.value(QStringLiteral("classified")).toInt()},
            {"tileOnTime", assets - json.value(QStringLiteral("overdue")).toInt()},
            {"tileComplete", json.value(QStringLiteral("complete")).toInt()},
            {"tileUnowned", json.value(QStringLiteral("unowned")).toInt()},
            {"tileUnclassified", json.value(QStringLiteral("unclassified")).toInt()},
            {"tileOverdue", json.value(QStringLiteral("overdue")).toInt()}};
        for (const auto& [name, expected] : tiles) {
            auto* tile = dashboard()->findChild<QToolButton*>(QLatin1String(name));
            QVERIFY2(tile->text().startsWith(QLocale().toString(expected) + QLatin1Char('\n')), name);
        }
        QCOMPARE(rowsAfter([&] { dashboard()->findChild<QToolButton*>(QStringLiteral("tileUnowned"))->click(); }),
                 json.value(QStringLiteral("unowned")).toInt());
        QCOMPARE(m_window->assetModel()->view().filter.unitId, std::optional(directorate.unitId));

        int sliced = 0;
        for (const ClassificationCount& slice : figures.classificationMix)
            sliced += slice.assets;
        QCOMPARE(sliced, assets);
        auto* pie = qobject_cast<QPieSeries*>(chart("chartClassification")->series().first());
        QCOMPARE(int(pie->sum()), assets);
        auto* late = qobject_cast<QAbstractBarSeries*>(chart("chartReviewsDue")->series().first())->barSets().first();
        QCOMPARE(int(late->at(0)), json.value(QStringLiteral("overdue")).toInt());
        QCOMPARE(dashboard()->shownTrend().points.last().counts.assets, assets);
        QVERIFY(chart("chartByUnit")->title().contains(directorate.path));

        level->setCurrentIndex(0);
        QTRY_VERIFY(!dashboard()->isRefreshing());
        QCOMPARE(dashboard()->findChild<QLabel*>(QStringLiteral("dashboardTitle"))->text(),
                 QStringLiteral("Coverage of active assets"));
        QCOMPARE(dashboard()->shownFigures().coverage.total.assets, cliListCount(m_demo, {}));
    }

    void eachClassificationSliceShowsItsAssets()
    {
        auto* series = qobject_cast<QPieSeries*>(chart("chartClassification")->series().first());
        QCOMPARE(series->count(), 6);
        for (QPieSlice* slice : series->slices())
            QCOMPARE(rowsAfter([slice] { emit slice->clicked(); }), int(slice->value()));
    }

    // The slices that count as unclassified add up to the Unclassified tile.
    void theUnclassifiedSlicesAddUpToTheTile()
    {
        auto* series = qobject_cast<QPieSeries*>(chart("chartClassification")->series().first());
        const QLocale locale;
        int unclassified = 0;
        for (QPieSlice* slice : series->slices()) {
            if (slice->label().startsWith(QStringLiteral("Not yet classified"))
                || slice->label().startsWith(QStringLiteral("Legacy marking to review")))
                unclassified += int(slice->value());
        }
        const int tile = dashboard()->shownFigures().coverage.total.unclassified;
        QCOMPARE(unclassified, tile);
        QVERIFY(dashboard()
                    ->findChild<QToolButton*>(QStringLiteral("tileUnclassified"))
                    ->text()
                    .startsWith(locale.toString(unclassified) + QLatin1Char('\n')));
        QPieSlice* legacy = series->slices().at(1);
        QCOMPARE(legacy->label(),
                 QStringLiteral("Legacy marking to review (%1)").arg(locale.toString(int(legacy->value()))));
        QCOMPARE(rowsAfter([legacy] { emit legacy->clicked(); }), int(legacy->value()));
        QVERIFY(m_window->assetModel()->view().filter.legacyMarkingToReview);
    }

    // Counts on the axes in the tiles' number format, in whole steps from 0; on an empty chart, 0 and
    // 1 rather than "0 0 0 0 0 1".
    void countAxesUseTheTilesNumberFormatInWholeSteps()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        DashboardFigures figures = dashboard()->shownFigures();
        figures.coverage.total.overdue = 1873;
        // Built with its chart: setChart() would leave the view's first, empty chart to the caller.
        QChartView view(CoverageCharts::reviewsDue(figures));
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto* axis = qobject_cast<QValueAxis*>(view.chart()->axes(Qt::Vertical).first());
        QCOMPARE(axis->tickType(), QValueAxis::TicksDynamic);
        QCOMPARE(axis->min(), 0.0);
        QCOMPARE(axis->tickInterval(), 500.0);
        QCOMPARE(axis->max(), 2000.0);
        QTRY_COMPARE(numberLabels(view),
                     QStringList({QStringLiteral("0"),
                                  QStringLiteral("500"),
                                  QStringLiteral("1,000"),
                                  QStringLiteral("1,500"),
                                  QStringLiteral("2,000")}));

        QChartView empty(CoverageCharts::mostGaps(DashboardFigures()));
        empty.resize(800, 500);
        empty.show();
        QVERIFY(QTest::qWaitForWindowExposed(&empty));
        QTRY_COMPARE(numberLabels(empty), QStringList({QStringLiteral("0"), QStringLiteral("1")}));

        figures.coverage.total.overdue = 7;
        for (ReviewsDue& month : figures.reviewsDue)
            month.assets = 1;
        QChartView small(CoverageCharts::reviewsDue(figures));
        small.resize(800, 500);
        small.show();
        QVERIFY(QTest::qWaitForWindowExposed(&small));
        QTRY_COMPARE(numberLabels(small),
                     QStringList({QStringLiteral("0"),
                                  QStringLiteral("2"),
                                  QStringLiteral("4"),
                                  QStringLiteral("6"),
                                  QStringLiteral("8")}));
        QLocale::setDefault(before);
    }

    // Hovering a bar shows its unit or person, what it counts and how many, as the tiles write it.
    void barsShowTheirValueOnHover()
    {
        const QList<UnitCoverage> units = dashboard()->shownFigures().unitsBelow(std::nullopt);
        auto* series = qobject_cast<QAbstractBarSeries*>(chart("chartByUnit")->series().first());
        QBarSet* unowned = series->barSets().at(1);
        const int worst = unowned->count() - 1; // drawn at the top
        const QString name = dashboard()->shownFigures().units.unit(units.first().unitId)->name;
        emit unowned->hovered(true, worst);
        QTRY_COMPARE(
            QToolTip::text(),
            QStringLiteral("%1<br>Unowned: <b>%2</b>")
                .arg(PrintableText::escaped(name).toHtmlEscaped(), QLocale().toString(units.first().counts.unowned)));
        emit unowned->hovered(false, worst);
        auto* gaps = qobject_cast<QAbstractBarSeries*>(chart("chartMostGaps")->series().first())->barSets().first();
        const PersonGaps& most = dashboard()->shownFigures().mostGaps.first();
        emit gaps->hovered(true, gaps->count() - 1);
        QTRY_COMPARE(QToolTip::text(),
                     QStringLiteral("%1<br>Their assets unclassified or overdue: <b>%2</b>")
                         .arg(PrintableText::escaped(most.name).toHtmlEscaped(), QLocale().toString(most.assets)));
    }

    void eachReviewMonthShowsItsAssets()
    {
        auto* series = qobject_cast<QAbstractBarSeries*>(chart("chartReviewsDue")->series().first());
        QBarSet* overdue = series->barSets().at(0);
        QBarSet* due = series->barSets().at(1);
        QCOMPARE(int(overdue->at(0)), dashboard()->shownFigures().coverage.total.overdue);
        QCOMPARE(rowsAfter([overdue] { emit overdue->clicked(0); }), int(overdue->at(0)));
        for (int month = 1; month < due->count(); ++month) {
            if (due->at(month) > 0)
                QCOMPARE(rowsAfter([due, month] { emit due->clicked(month); }), int(due->at(month)));
        }
    }

    void eachPersonsBarShowsTheirAssetsWithAGap()
    {
        auto* series = qobject_cast<QAbstractBarSeries*>(chart("chartMostGaps")->series().first());
        QBarSet* gaps = series->barSets().first();
        QCOMPARE(gaps->count(), DashboardFigures::kMostGapsShown);
        for (int i = 0; i < gaps->count(); ++i)
            QCOMPARE(rowsAfter([gaps, i] { emit gaps->clicked(i); }), int(gaps->at(i)));
    }

    // "My gaps" are the signed-in person's; a chip above the table says what a hand-over way in
    // shows, and taking it away goes back to every active asset.
    void myGapsLeadToMyAssets()
    {
        const MyGaps& mine = dashboard()->shownFigures().mine;
        QCOMPARE(mine.login, currentLogin());
        QVERIFY(!mine.name.isEmpty());
        QVERIFY(mine.handovers > 0);
        const QList<std::pair<const char*, int>> tiles {
            {"myHandovers", mine.handovers}, {"myUnclassified", mine.unclassified}, {"myOverdue", mine.overdue}};
        for (const auto& [name, expected] : tiles) {
            auto* tile = dashboard()->findChild<QToolButton*>(QLatin1String(name));
            QVERIFY(tile->text().startsWith(QLocale().toString(expected) + QLatin1Char('\n')));
            QCOMPARE(rowsAfter([tile] { tile->click(); }), expected);
        }
        rowsAfter([&] { dashboard()->findChild<QToolButton*>(QStringLiteral("myHandovers"))->click(); });
        auto* wayIn = m_window->findChild<QWidget*>(QStringLiteral("chipHandover"));
        QTRY_VERIFY(wayIn->isVisible());
        auto* text = wayIn->findChild<QLabel*>(QStringLiteral("chipText"));
        QCOMPARE(text->text(), QStringLiteral("Hand-overs from leavers to me"));
        QCOMPARE(text->textFormat(), Qt::PlainText); // it names units and people: never markup
        wayIn->findChild<QToolButton*>(QStringLiteral("removeFilter"))->click();
        QCOMPARE(shownRows(), dashboard()->shownFigures().coverage.total.assets);
        QVERIFY(!m_window->findChild<QWidget*>(QStringLiteral("activeFilters"))->isVisible());
    }

    // In a register where nobody signs in as the user, "My gaps" says how to become someone.
    void myGapsNeedAPersonWithMyLogin()
    {
        QString error;
        const QString empty = m_dir.filePath(QStringLiteral("empty.custos"));
        QVERIFY2(Register::create(empty, &error), qPrintable(error));
        QVERIFY2(m_window->openRegister(empty, OpenMode::ReadWrite, &error), qPrintable(error));
        QTRY_VERIFY(!dashboard()->isRefreshing());
        QVERIFY(dashboard()->shownFigures().mine.name.isEmpty());
        const QString said = dashboard()->findChild<QLabel*>(QStringLiteral("myGapsName"))->text();
        QVERIFY2(said.contains(QStringLiteral("no one in this register signs in as")), qPrintable(said));
        for (const char* name : {"myHandovers", "myUnclassified", "myOverdue"})
            QVERIFY(!dashboard()->findChild<QToolButton*>(QLatin1String(name))->isEnabled());
    }

    // A new empty register (custos-cli init) shows what to do first in the charts' place, and each
    // step leads where it says: Add Unit on the Business Units page, the import wizard, Add Person
    // on the People page, and (once there is a unit) a new asset in the editor.
    void anEmptyRegisterShowsItsFirstSteps()
    {
        const QString path = m_dir.filePath(QStringLiteral("new.custos"));
        QProcess init;
        init.start(QStringLiteral(CUSTOS_CLI), {QStringLiteral("init"), path});
        QVERIFY(init.waitForFinished(60000));
        QCOMPARE(init.exitCode(), 0);
        QString error;
        QVERIFY2(m_window->openRegister(path, OpenMode::ReadWrite, &error), qPrintable(error));
        QTRY_VERIFY(!dashboard()->isRefreshing());
        const auto step
            = [this](const char* name) { return dashboard()->findChild<QPushButton*>(QLatin1String(name)); };
        QVERIFY(dashboard()->findChild<QWidget*>(QStringLiteral("firstSteps"))->isVisible());
        QVERIFY(!dashboard()->findChild<QChartView*>(QStringLiteral("chartByUnit"))->isVisible());
        QVERIFY(dashboard()
                    ->findChild<QLabel*>(QStringLiteral("firstStepsIntro"))
                    ->text()
                    .contains(QLatin1String("each asset needs a business unit")));
        QVERIFY(!step("firstStepAsset")->isEnabled());
        QVERIFY(dashboard()
                    ->findChild<QLabel*>(QStringLiteral("firstStepAssetNeeds"))
                    ->text()
                    .contains(QLatin1String("Needs a business unit first")));

        answerInput(QStringLiteral("Courts"));
        step("firstStepUnits")->click();
        QCOMPARE(currentPage(), m_window->findChild<UnitsPage*>());
        std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly, &error);
        QVERIFY2(reg, qPrintable(error));
        QVERIFY(UnitStore(*reg).tree().find(QStringLiteral("Courts")));

        showPage("dashboardPage");
        QTRY_VERIFY(step("firstStepAsset")->isEnabled());
        QVERIFY(dashboard()->findChild<QWidget*>(QStringLiteral("firstSteps"))->isVisible());

        bool wizardShown = false;
        answerDialog<ImportWizard>([&wizardShown](ImportWizard* wizard) {
            wizardShown = true;
            wizard->reject();
        });
        step("firstStepImport")->click();
        QVERIFY(wizardShown);

        bool personShown = false;
        answerDialog<PersonDialog>([&personShown](PersonDialog* dialog) {
            personShown = true;
            dialog->reject();
        });
        step("firstStepPeople")->click();
        QVERIFY(personShown);
        QCOMPARE(currentPage(), m_window->findChild<PeoplePage*>());

        showPage("dashboardPage");
        step("firstStepAsset")->click();
        QCOMPARE(currentPage(), assetsPage());
        QCOMPARE(m_window->findChild<QLineEdit*>(QStringLiteral("editReference"))->text(),
                 AssetStore(*reg).nextReference());
        QVERIFY(m_window->findChild<QLineEdit*>(QStringLiteral("editName"))->text().isEmpty());
    }

    // A review recorded in the assets view, then undone, shows on the dashboard each time.
    void refreshesAfterAnEditAndItsUndo()
    {
        const int overdue = dashboard()->shownFigures().coverage.total.overdue;
        QVERIFY(overdue > 0);
        QCOMPARE(rowsAfter([&] { dashboard()->findChild<QToolButton*>(QStringLiteral("tileOverdue"))->click(); }),
                 overdue);
        selectRow(0);
        action("actionRecordReview")->trigger();
        QTRY_COMPARE(dashboard()->shownFigures().coverage.total.overdue, overdue - 1);
        auto* tile = dashboard()->findChild<QToolButton*>(QStringLiteral("tileOverdue"));
        QVERIFY(tile->text().startsWith(QLocale().toString(overdue - 1) + QLatin1Char('\n')));
        action("actionUndo")->trigger();
        QTRY_COMPARE(dashboard()->shownFigures().coverage.total.overdue, overdue);
    }

    // The demo register was written today: the trend says there is no history yet.
    void aRegisterWithoutHistorySaysSo()
    {
        QTRY_VERIFY(!dashboard()->isTrendRefreshing());
        QCOMPARE(dashboard()->shownTrend().points.size(), 1);
        QVERIFY(dashboard()
                    ->findChild<QLabel*>(QStringLiteral("trendStatus"))
                    ->text()
                    .contains(QLatin1String("no history yet")));
        QVERIFY(!dashboard()->findChild<QChartView*>(QStringLiteral("chartTrend"))->isVisible());
    }

    // A register that cannot be read: the reason where the figures would be, and no tile says zero.
    // The page speaks of the register, not of itself: how long the figures took is a tooltip.
    void theStatusLineLeavesTimingsToItsTooltip()
    {
        auto* status = m_window->findChild<QLabel*>(QStringLiteral("dashboardStatus"));
        QTRY_VERIFY(status->text().contains(QLatin1String("Click a figure")));
        QVERIFY2(!status->text().contains(QLatin1String(" s.")), qPrintable(status->text()));
        QVERIFY(status->toolTip().startsWith(QLatin1String("Worked out in ")));
    }

    void aDamagedRegisterShowsWhyInsteadOfZeros()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("damaged.custos"));
        QString error;
        QVERIFY2(DemoRegister::createFile(path, 2000, 1, QDate::currentDate(), &error), qPrintable(error));
        const QString damage = damageAssetsTable(path);
        QVERIFY2(damage.isEmpty(), qPrintable(damage));
        auto reg = Register::open(path, OpenMode::ReadOnly, &error);
        QVERIFY2(reg, qPrintable(error));
        DashboardPage page;
        page.setRegister(reg.get());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isRefreshing() && !page.isTrendRefreshing(), 30000);
        const QString status = page.findChild<QLabel*>(QStringLiteral("dashboardStatus"))->text();
        QVERIFY2(status.contains(path) && status.contains(QLatin1String("could not be read")), qPrintable(status));
        QCOMPARE(page.findChild<QToolButton*>(QStringLiteral("tileUnowned"))->text(), QStringLiteral("Unowned"));
    }
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
