#include "WindowTest.h"
#include "views/assets/ActiveFilters.h"
#include "views/assets/UnitTreeDock.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>

using namespace custos;

// The window on whatever screen it is given (ctest runs this on 1920×1080, on 1024×700, and on
// 1366×768 at one and a half times the size): it opens within the screen, nothing in it is cut
// off, and every filter in use shows above the table, each to be taken away on its own.
class TestWindowLayout : public WindowTest
{
    Q_OBJECT

private:
    DashboardPage* dashboard() { return m_window->findChild<DashboardPage*>(QStringLiteral("dashboardPage")); }
    QRect availableScreen() { return m_window->screen()->availableGeometry(); }

    // The window at 1024×700, or at the screen's size where that is smaller.
    void narrowWindow()
    {
        m_window->resize(QSize(1024, 700).boundedTo(availableScreen().size()));
        QTRY_VERIFY(m_window->width() <= 1024);
    }

    QList<QWidget*> chips()
    {
        QList<QWidget*> shown;
        auto* strip = m_window->findChild<QWidget*>(QStringLiteral("activeFilters"));
        for (QWidget* chip : strip->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
            if (chip->objectName().startsWith(QLatin1String("chip")))
                shown << chip;
        }
        return shown;
    }
    QWidget* chip(FilterCondition condition)
    {
        return m_window->findChild<QWidget*>(QStringLiteral("chip") + conditionName(condition));
    }
    QString chipText(FilterCondition condition)
    {
        return chip(condition)->findChild<QLabel*>(QStringLiteral("chipText"))->text();
    }
    void removeChip(FilterCondition condition)
    {
        auto* remove = chip(condition)->findChild<QToolButton*>(QStringLiteral("removeFilter"));
        QCOMPARE(remove->toolTip(), QStringLiteral("Remove this filter"));
        QCOMPARE(remove->accessibleName(), QStringLiteral("Remove this filter"));
        remove->click();
    }
    // Each chip shows, whole, within the window.
    void verifyChipsInSight()
    {
        const QRect window = m_window->rect();
        for (QWidget* chip : chips()) {
            QVERIFY2(chip->isVisible(), qPrintable(chip->objectName()));
            const QRect where(chip->mapTo(m_window.get(), QPoint(0, 0)), chip->size());
            QVERIFY2(window.contains(where),
                     qPrintable(QStringLiteral("%1 at %2,%3 %4×%5 leaves the window")
                                    .arg(chip->objectName())
                                    .arg(where.x())
                                    .arg(where.y())
                                    .arg(where.width())
                                    .arg(where.height())));
        }
    }
    int sqlCount(const AssetFilter& filter)
    {
        std::unique_ptr<Register> reg = Register::open(m_demo, OpenMode::ReadOnly);
        return AssetStore(*reg).count(filter).value();
    }
    // Clicks the first month's bar of the review chart that counts any assets: its dates.
    AssetFilter wayInByReviewMonth()
    {
        showPage("dashboardPage");
        auto* view = dashboard()->findChild<QChartView*>(QStringLiteral("chartReviewsDue"));
        QBarSet* due = qobject_cast<QAbstractBarSeries*>(view->chart()->series().first())->barSets().at(1);
        for (int month = 1; month < due->count(); ++month) {
            if (due->at(month) > 0) {
                emit due->clicked(month);
                return dashboard()->shownFigures().reviewsDue[month - 1].filter();
            }
        }
        return {};
    }

private slots:
    void initTestCase() { QVERIFY(createDemo()); }
    void init()
    {
        QVERIFY(openWindow());
        QTRY_VERIFY(!dashboard()->isRefreshing());
    }
    void cleanup() { closeWindow(); }

    // The window opens within the screen's room, frame and all, and could be made smaller still.
    void opensWithinTheScreen()
    {

        const QRect room = availableScreen();
        QVERIFY2(room.contains(m_window->frameGeometry()),
                 qPrintable(QStringLiteral("%1×%2 on a screen of %3×%4")
                                .arg(m_window->frameGeometry().width())
                                .arg(m_window->frameGeometry().height())
                                .arg(room.width())
                                .arg(room.height())));
        for (const char* page : {"dashboardPage", "assetTable", "peoplePage", "unitsPage", "auditLogPage"}) {
            showPage(page);
            const QSize least = m_window->minimumSizeHint();
            QVERIFY2(least.width() <= std::min(1024, room.width()) && least.height() <= room.height(),
                     qPrintable(QStringLiteral("%1 needs %2×%3").arg(page).arg(least.width()).arg(least.height())));
        }
    }

    // Every tile of the dashboard shows whole, side by side or wrapped, with no sideways scrolling.
    void theDashboardsTilesWrapRatherThanLeaveThePage()
    {
        for (const bool narrow : {false, true}) {
            if (narrow)
                narrowWindow();
            showPage("dashboardPage");
            auto* scroll = dashboard()->findChild<QScrollArea*>();
            QTRY_VERIFY(!scroll->horizontalScrollBar()->isVisible());
            const QRect page = scroll->viewport()->rect();
            const QList<QToolButton*> tiles = dashboard()->findChildren<QToolButton*>();
            QVERIFY(tiles.size() >= 11);
            for (QToolButton* tile : tiles) {
                const QRect where(tile->mapTo(scroll->viewport(), QPoint(0, 0)), tile->size());
                QVERIFY2(where.left() >= 0 && where.right() <= page.right(), qPrintable(tile->objectName()));
                QVERIFY2(tile->width() >= tile->sizeHint().width(), qPrintable(tile->objectName()));
            }
        }
    }

    // Reference, name, IAO, classification and next review due show whole beside each other.
    void theTableShowsItsFirstColumnsWithoutScrolling()
    {
        closeWindow();
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_window = std::make_unique<MainWindow>(*m_settings);
        narrowWindow();
        m_window->show();
        QString error;
        QVERIFY2(m_window->openRegister(m_demo, OpenMode::ReadWrite, &error), qPrintable(error));
        QVERIFY(settled());
        showPage("assetTable");
        QHeaderView* header = table()->horizontalHeader();
        const auto rightEdge = [header](AssetColumn column) {
            return header->sectionViewportPosition(int(column)) + header->sectionSize(int(column));
        };
        const QList<AssetColumn> needed {AssetColumn::Reference,
                                         AssetColumn::Name,
                                         AssetColumn::Owner,
                                         AssetColumn::Classification,
                                         AssetColumn::NextReviewDue};
        const auto allFit = [&] {
            return std::all_of(needed.cbegin(), needed.cend(), [&](AssetColumn column) {
                return rightEdge(column) <= table()->viewport()->width();
            });
        };
        for (AssetColumn column : needed) {
            QTRY_VERIFY2(rightEdge(column) <= table()->viewport()->width(),
                         qPrintable(QStringLiteral("%1 ends at %2 of %3")
                                        .arg(assetColumnTitle(column))
                                        .arg(rightEdge(column))
                                        .arg(table()->viewport()->width())));
        }
        QVERIFY(allFit());
        // The editor gave the table its room, and opening an asset brings it back.
        auto* editor = m_window->findChild<AssetEditor*>();
        QVERIFY(!editor->isVisible());
        QVERIFY(!action("actionShowEditor")->isChecked());
        selectRow(0);
        emit table()->activated(table()->currentIndex());
        QVERIFY(editor->isVisible());
    }

    // After a way in by review month, a quick filter and a search, every one shows as a chip in a
    // narrow window, and taking one away leaves the others, with the rows the register holds.
    void everyFilterInUseShowsAndGoesOnItsOwn()
    {
        narrowWindow();
        const AssetFilter month = wayInByReviewMonth();
        QVERIFY(month.dueFrom && month.dueTo);
        QVERIFY(settled());
        action("filterUnclassified")->trigger();
        m_window->findChild<QLineEdit*>(QStringLiteral("searchField"))->setText(QStringLiteral("records"));
        const AssetFilter all {
            .unclassified = true, .search = QStringLiteral("records"), .dueFrom = month.dueFrom, .dueTo = month.dueTo};
        QCOMPARE(shownRows(), sqlCount(all));
        QCOMPARE(chips().size(), 3);
        QCOMPARE(chipText(FilterCondition::Search), QStringLiteral("Search: \u201crecords\u201d"));
        QCOMPARE(chipText(FilterCondition::Unclassified), QStringLiteral("Unclassified"));
        QCOMPARE(chipText(FilterCondition::ReviewDue),
                 QStringLiteral("Review due %1 to %2")
                     .arg(QLocale().toString(*month.dueFrom, QLocale::ShortFormat),
                          QLocale().toString(*month.dueTo, QLocale::ShortFormat)));
        verifyChipsInSight();

        removeChip(FilterCondition::ReviewDue);
        QCOMPARE(shownRows(), sqlCount(withoutCondition(all, FilterCondition::ReviewDue)));
        QTRY_COMPARE(chips().size(), 2);
        QVERIFY(chip(FilterCondition::Search)->isVisible() && chip(FilterCondition::Unclassified)->isVisible());
        QVERIFY(action("filterUnclassified")->isChecked());
        removeChip(FilterCondition::Search);
        QCOMPARE(shownRows(), cliListCount(m_demo, {QStringLiteral("--unclassified")}));
        QVERIFY(m_window->findChild<QLineEdit*>(QStringLiteral("searchField"))->text().isEmpty());
        removeChip(FilterCondition::Unclassified);
        QCOMPARE(shownRows(), cliListCount(m_demo, {}));
        QVERIFY(!action("filterUnclassified")->isChecked());
        QTRY_VERIFY(!m_window->findChild<QWidget*>(QStringLiteral("activeFilters"))->isVisible());
    }

    // An IAO's bar names the person, and each of its conditions goes on its own.
    void aPersonsWayInNamesThem()
    {
        narrowWindow();
        showPage("dashboardPage");
        const PersonGaps most = dashboard()->shownFigures().mostGaps.first();
        auto* view = dashboard()->findChild<QChartView*>(QStringLiteral("chartMostGaps"));
        QBarSet* gaps = qobject_cast<QAbstractBarSeries*>(view->chart()->series().first())->barSets().first();
        emit gaps->clicked(gaps->count() - 1); // drawn at the top
        QCOMPARE(shownRows(), most.assets);
        QCOMPARE(chipText(FilterCondition::Owner), QStringLiteral("IAO: %1").arg(most.name));
        QCOMPARE(chipText(FilterCondition::AnyGap), QStringLiteral("Unowned, unclassified or overdue"));
        QCOMPARE(chipText(FilterCondition::Coverage), QStringLiteral("Coverage: Owned"));
        verifyChipsInSight();
        removeChip(FilterCondition::Owner);
        QCOMPARE(shownRows(), sqlCount(withoutCondition(most.filter(), FilterCondition::Owner)));
        QTRY_VERIFY(!chip(FilterCondition::Owner));
        QVERIFY(chip(FilterCondition::AnyGap)->isVisible() && chip(FilterCondition::Coverage)->isVisible());
        m_window->findChild<QToolButton*>(QStringLiteral("clearAllFilters"))->click();
        QCOMPARE(shownRows(), cliListCount(m_demo, {}));
    }

    // With every kind of filter on at once, the chips wrap onto more lines and all stay in sight.
    void manyChipsWrapOntoMoreLines()
    {
        narrowWindow();
        showPage("assetTable");
        const RecordId unit = dashboard()->shownFigures().unitsBelow(std::nullopt).first().unitId;
        m_window->findChild<UnitTreeDock*>()->chooseUnit(unit);
        for (const char* toggle : {"filterUnowned", "filterOverdue", "filterMine", "filterInactive"})
            action(toggle)->trigger();
        m_window->findChild<QComboBox*>(QStringLiteral("filterClassification"))->setCurrentIndex(2);
        m_window->findChild<QComboBox*>(QStringLiteral("filterCoverage"))->setCurrentIndex(3);
        m_window->findChild<QLineEdit*>(QStringLiteral("searchField"))
            ->setText(QStringLiteral("a search long enough to take a good part of a line"));
        QVERIFY(shownRows() >= 0);
        QTRY_COMPARE(chips().size(), 8);
        QVERIFY(chipText(FilterCondition::Unit).startsWith(QLatin1String("Unit: ")));
        verifyChipsInSight();
        int lines = 0;
        int lastTop = -1;
        for (QWidget* chip : chips()) {
            lines += chip->y() > lastTop;
            lastTop = std::max(lastTop, chip->y());
        }
        QVERIFY2(lines > 1, "the chips should need more than one line at this width");
        removeChip(FilterCondition::Unit);
        QVERIFY(settled());
        QTRY_VERIFY(!chip(FilterCondition::Unit));
        QCOMPARE(m_window->assetModel()->view().filter.unitId, std::nullopt);
    }
};

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
