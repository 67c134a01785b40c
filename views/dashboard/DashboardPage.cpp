#include "views/dashboard/DashboardPage.h"

#include "models/domain/PrintableText.h"
#include "models/store/Register.h"
#include "views/report/CoverageCharts.h"
#include "views/window/FlowLayout.h"
#include "views/window/Theme.h"

#include <QChartView>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace custos {

namespace {

using Figures = DashboardFigures;

} // namespace

DashboardPage::DashboardPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);

    auto* heading = new QHBoxLayout;
    m_title = new QLabel(QStringLiteral("Coverage of active assets"), content);
    m_title->setObjectName(QStringLiteral("dashboardTitle"));
    m_title->setTextFormat(Qt::PlainText); // it names a unit
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    heading->addWidget(m_title, 1);
    m_status = new QLabel(content);
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    heading->addWidget(m_status, 1);
    layout->addLayout(heading);

    // The register's tiles, and the user's own beside them, or below them where the page is narrow.
    auto* tiles = new QWidget(content);
    tiles->setObjectName(QStringLiteral("dashboardTiles"));
    auto* flow = new FlowLayout(tiles, 24, 10);
    flow->setContentsMargins(0, 0, 0, 0);
    flow->addWidget(addTiles(tiles));
    flow->addWidget(addMyGaps(tiles));
    layout->addWidget(tiles);

    m_firstSteps = new FirstStepsPanel(content);
    m_firstSteps->hide();
    connect(m_firstSteps, &FirstStepsPanel::stepChosen, this, &DashboardPage::firstStepChosen);
    layout->addWidget(m_firstSteps);

    m_charts = new QWidget(content);
    auto* charts = new QGridLayout(m_charts);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->setSpacing(10);
    m_unitLevel = new QComboBox(content);
    m_unitLevel->setObjectName(QStringLiteral("unitChartLevel"));
    m_unitLevel->setAccessibleName(QStringLiteral("Units the dashboard counts"));
    m_unitLevel->setToolTip(QStringLiteral("Count the assets of this unit and the units below it only"));
    m_unitLevel->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_unitLevel, &QComboBox::currentIndexChanged, this, &DashboardPage::chooseScope);
    auto* level = new QHBoxLayout;
    level->addWidget(new QLabel(QStringLiteral("Units of:"), content));
    level->addWidget(m_unitLevel);
    level->addStretch();
    charts->addLayout(level, 0, 0);
    m_byUnit = addChart(charts, 1, 0, QStringLiteral("chartByUnit"));
    m_classification = addChart(charts, 1, 1, QStringLiteral("chartClassification"));
    m_reviewsDue = addChart(charts, 2, 0, QStringLiteral("chartReviewsDue"));
    m_mostGaps = addChart(charts, 2, 1, QStringLiteral("chartMostGaps"));
    m_trendStatus = new QLabel(content);
    m_trendStatus->setObjectName(QStringLiteral("trendStatus"));
    m_trendStatus->setWordWrap(true);
    charts->addWidget(m_trendStatus, 3, 0, 1, 2);
    m_trendChart = addChart(charts, 4, 0, QStringLiteral("chartTrend"), 2);
    layout->addWidget(m_charts);
    layout->addStretch();
}

QWidget* DashboardPage::addTiles(QWidget* parent)
{
    // Each gap under the share it takes from: unowned under owned, and so on.
    auto* block = new QWidget(parent);
    auto* grid = new QGridLayout(block);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(10);
    // Within the unit chosen in "Units of", if any.
    const auto always = [](AssetFilter filter) { return [filter](const Figures& f) { return f.inScope(filter); }; };
    addTile(
        grid,
        0,
        0,
        QStringLiteral("tileActive"),
        QStringLiteral("Active assets"),
        [](const Figures& f) { return f.coverage.total.assets; },
        always({}),
        TileKind::Total);
    addTile(
        grid,
        0,
        1,
        QStringLiteral("tileOwned"),
        QStringLiteral("Owned"),
        [](const Figures& f) { return f.coverage.total.owned; },
        always({.covered = CoverageMeasure::Owned}),
        TileKind::Share);
    addTile(
        grid,
        0,
        2,
        QStringLiteral("tileClassified"),
        QStringLiteral("Classified"),
        [](const Figures& f) { return f.coverage.total.classified; },
        always({.covered = CoverageMeasure::Classified}),
        TileKind::Share);
    addTile(
        grid,
        0,
        3,
        QStringLiteral("tileOnTime"),
        QStringLiteral("Reviewed on time"),
        [](const Figures& f) { return f.coverage.total.assets - f.coverage.total.overdue; },
        always({.covered = CoverageMeasure::ReviewedOnTime}),
        TileKind::Share);
    addTile(
        grid,
        0,
        4,
        QStringLiteral("tileComplete"),
        QStringLiteral("Complete"),
        [](const Figures& f) { return f.coverage.total.complete; },
        always({.covered = CoverageMeasure::Complete}),
        TileKind::Share);
    addTile(
        grid,
        1,
        1,
        QStringLiteral("tileUnowned"),
        QStringLiteral("Unowned"),
        [](const Figures& f) { return f.coverage.total.unowned; },
        always({.unowned = true}),
        TileKind::Gap);
    addTile(
        grid,
        1,
        2,
        QStringLiteral("tileUnclassified"),
        QStringLiteral("Unclassified"),
        [](const Figures& f) { return f.coverage.total.unclassified; },
        always({.unclassified = true}),
        TileKind::Gap);
    addTile(
        grid,
        1,
        3,
        QStringLiteral("tileOverdue"),
        QStringLiteral("Overdue review"),
        [](const Figures& f) { return f.coverage.total.overdue; },
        always({.overdue = true}),
        TileKind::Gap);
    return block;
}

// "My gaps": what waits for whoever is signed in, beside the register's tiles.
QWidget* DashboardPage::addMyGaps(QWidget* parent)
{
    auto* block = new QWidget(parent);
    auto* grid = new QGridLayout(block);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(10);
    m_me = new QLabel(block);
    m_me->setObjectName(QStringLiteral("myGapsName"));
    m_me->setWordWrap(true);
    // As wide as the tiles below it, and as tall as its words need at that width.
    QSizePolicy fitTiles(QSizePolicy::Ignored, QSizePolicy::Preferred);
    fitTiles.setHeightForWidth(true);
    m_me->setSizePolicy(fitTiles);
    grid->addWidget(m_me, 0, 0, 1, 3, Qt::AlignBottom);
    addTile(
        grid,
        1,
        0,
        QStringLiteral("myHandovers"),
        QStringLiteral("Hand-overs from leavers"),
        [](const Figures& f) { return f.mine.handovers; },
        [](const Figures& f) { return f.inScope(f.mine.handoverFilter()); },
        TileKind::Gap);
    addTile(
        grid,
        1,
        1,
        QStringLiteral("myUnclassified"),
        QStringLiteral("My unclassified"),
        [](const Figures& f) { return f.mine.unclassified; },
        [](const Figures& f) { return f.inScope(f.mine.unclassifiedFilter()); },
        TileKind::Gap);
    addTile(
        grid,
        1,
        2,
        QStringLiteral("myOverdue"),
        QStringLiteral("My overdue reviews"),
        [](const Figures& f) { return f.mine.overdue; },
        [](const Figures& f) { return f.inScope(f.mine.overdueFilter()); },
        TileKind::Gap);
    for (qsizetype i = m_tiles.size() - 3; i < m_tiles.size(); ++i)
        m_myGapButtons.append(m_tiles[i].button);
    return block;
}

void DashboardPage::addTile(QGridLayout* grid,
                            int row,
                            int column,
                            const QString& name,
                            const QString& caption,
                            std::function<int(const Figures&)> count,
                            std::function<AssetFilter(const Figures&)> filter,
                            TileKind kind)
{
    auto* button = new QToolButton(this);
    button->setObjectName(name);
    button->setAccessibleName(caption);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setMinimumHeight(72);
    button->setToolTip(QStringLiteral("Show these assets"));
    button->setCursor(Qt::PointingHandCursor);
    connect(button, &QToolButton::clicked, this, [this, filter, caption] { emit wayIn(filter(m_figures), caption); });
    QFont font = button->font();
    font.setPointSizeF(11);
    button->setFont(font);
    showTileText(button, caption);
    grid->addWidget(button, row, column);
    m_tiles.append({button, caption, std::move(count), kind});
}

// At least 150 pixels wide, and as wide as its words: a tile never cuts its figure short.
void DashboardPage::showTileText(QToolButton* tile, const QString& text)
{
    tile->setText(text);
    tile->setMinimumWidth(std::max(150, tile->sizeHint().width()));
}

QChartView* DashboardPage::addChart(QGridLayout* grid, int row, int column, const QString& name, int columnSpan)
{
    auto* view = new QChartView(this);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(340);
    CoverageCharts::fitPalette(view->chart(), palette());
    grid->addWidget(view, row, column, 1, columnSpan);
    return view;
}

void DashboardPage::replaceChart(QChartView* view, QChart* chart)
{
    CoverageCharts::fitPalette(chart, view->palette());
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

void DashboardPage::shadeTiles()
{
    const Theme::Colours gap = Theme::gapTile(palette());
    const QString shaded = QStringLiteral("QToolButton { background: %1; color: %2; border: 1px solid %3; }")
                               .arg(gap.background.name(), gap.text.name(), Theme::gapBorder().name());
    for (const Tile& tile : std::as_const(m_tiles))
        tile.button->setStyleSheet(tile.kind == TileKind::Gap && tile.count(m_figures) > 0 ? shaded : QString());
}

void DashboardPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    shadeTiles();
    for (QChartView* view : {m_byUnit, m_classification, m_reviewsDue, m_mostGaps, m_trendChart}) {
        if (view) // none yet while the page is built
            CoverageCharts::fitPalette(view->chart(), palette());
    }
}

void DashboardPage::setRegister(Register* reg)
{
    m_task.stop();
    m_refreshing = false;
    m_trendRefreshing = false;
    if (m_register)
        disconnect(m_register, nullptr, this, nullptr);
    m_register = reg;
    if (m_register)
        connect(m_register, &Register::changed, this, &DashboardPage::refresh);
    m_path = reg ? reg->path() : QString();
    m_readOnly = reg && reg->isReadOnly();
    m_scope.reset();
    m_figures = DashboardFigures();
    m_trend = CoverageTrend();
    for (const Tile& tile : std::as_const(m_tiles))
        showTileText(tile.button, tile.caption);
    refresh();
}

void DashboardPage::refresh()
{
    if (m_path.isEmpty())
        return;
    m_refreshing = true;
    m_trendRefreshing = true;
    m_status->setText(QStringLiteral("Working the figures out\u2026"));
    struct Read
    {
        std::optional<DashboardFigures> figures;
        QString error;
        qint64 milliseconds = 0;
    };
    m_task.start(
        {},
        [path = m_path, scope = m_scope](const TaskControl& control) {
            Read read;
            std::unique_ptr<Register> reg = control.open(path, OpenMode::Background, &read.error);
            QElapsedTimer timer;
            timer.start();
            if (reg)
                read.figures
                    = DashboardFigures::compute(*reg, QDate::currentDate(), currentLogin(), scope, &read.error);
            read.milliseconds = timer.elapsed();
            return read;
        },
        [this](const Read& read, bool) {
            refreshTrend(); // first, so that a refresh asked for by whoever follows refreshed() wins
            showFigures(read.figures, read.error, read.milliseconds);
        });
}

// The trend replays the whole audit trail: it comes second, and stops once a newer refresh starts.
void DashboardPage::refreshTrend()
{
    struct Read
    {
        std::optional<CoverageTrend> trend;
        QString error;
    };
    m_task.start(
        {},
        [path = m_path, scope = m_scope](const TaskControl& control) {
            Read read;
            std::unique_ptr<Register> reg = control.open(path, OpenMode::Background, &read.error);
            if (reg)
                read.trend = CoverageTrend::compute(
                    *reg, QDate::currentDate(), scope, [&control] { return !control.isCancelled(); }, &read.error);
            return read;
        },
        [this](const Read& read, bool) { showTrend(read.trend, read.error); });
}

void DashboardPage::showFigures(const std::optional<DashboardFigures>& read, const QString& error, qint64 milliseconds)
{
    m_refreshing = false;
    if (!read) {
        // Blank tiles and charts, not zeros: a damaged register must not look like one with no gaps.
        m_figures = DashboardFigures();
        for (const Tile& tile : std::as_const(m_tiles))
            showTileText(tile.button, tile.caption);
        shadeTiles();
        for (QChartView* chart : {m_byUnit, m_classification, m_reviewsDue, m_mostGaps})
            replaceChart(chart, new QChart);
        m_firstSteps->hide();
        m_charts->show();
        m_status->setText(QStringLiteral("The figures could not be worked out. %1").arg(error));
        emit refreshed();
        return;
    }
    const DashboardFigures& figures = *read;
    listScopes(figures.units);
    if (m_scope != figures.scope) {
        refresh(); // the unit chosen is gone, or has no units below it any more
        return;
    }
    m_figures = figures;
    m_title->setText(figures.scope ? QStringLiteral("Coverage of active assets in %1")
                                         .arg(PrintableText::escaped(figures.units.path(*figures.scope)))
                                   : QStringLiteral("Coverage of active assets"));
    const QLocale locale;
    const int active = figures.coverage.total.assets;
    for (const Tile& tile : std::as_const(m_tiles)) {
        const int value = tile.count(figures);
        QString text = QStringLiteral("%1\n%2").arg(locale.toString(value), tile.caption);
        if (tile.kind == TileKind::Share && active > 0)
            text += QStringLiteral("\n%1%").arg(locale.toString(100.0 * value / active, 'f', 1));
        showTileText(tile.button, text);
    }
    shadeTiles();
    const bool known = !figures.mine.name.isEmpty();
    m_me->setText(known ? QStringLiteral("<b>My gaps</b> \u2014 %1").arg(figures.mine.name.toHtmlEscaped())
                        : QStringLiteral("<b>My gaps</b>: no one in this register signs in as \u201c%1\u201d. "
                                         "Give your person that login on the People page.")
                              .arg(figures.mine.login.toHtmlEscaped()));
    for (QToolButton* button : std::as_const(m_myGapButtons))
        button->setEnabled(known);

    // A register with nothing to count shows what to do first rather than empty charts.
    const bool nothingYet = figures.coverage.total.assets == 0 && !figures.scope;
    m_firstSteps->showState(!figures.units.units().isEmpty(), m_readOnly);
    m_firstSteps->setVisible(nothingYet);
    m_charts->setVisible(!nothingYet);
    showUnitChart();
    const CoverageCharts::WayIn wayIn
        = [this](const AssetFilter& filter, const QString& description) { emit this->wayIn(filter, description); };
    replaceChart(m_classification, CoverageCharts::classificationMix(figures, wayIn));
    replaceChart(m_reviewsDue, CoverageCharts::reviewsDue(figures, wayIn));
    replaceChart(m_mostGaps, CoverageCharts::mostGaps(figures, wayIn));
    m_status->setText(QStringLiteral("Archived and disposed assets are not counted. Click a figure, bar or slice to "
                                     "see its assets."));
    m_status->setToolTip(QStringLiteral("Worked out in %1 s.").arg(locale.toString(milliseconds / 1000.0, 'f', 2)));
    if (m_trendRefreshing)
        m_trendStatus->setText(QStringLiteral("Working out coverage week by week from the audit trail\u2026"));
    emit refreshed();
}

void DashboardPage::listScopes(const UnitTree& units)
{
    const QSignalBlocker blocker(m_unitLevel);
    m_unitLevel->clear();
    m_unitLevel->addItem(QStringLiteral("All directorates"));
    for (RecordId id : units.idsByPath()) {
        if (units.subtree(id).size() > 1)
            m_unitLevel->addItem(units.path(id), id);
    }
    const int chosen = m_scope ? m_unitLevel->findData(*m_scope) : 0;
    if (chosen < 0)
        m_scope.reset();
    m_unitLevel->setCurrentIndex(std::max(0, chosen));
}

void DashboardPage::chooseScope()
{
    const QVariant chosen = m_unitLevel->currentData();
    m_scope = chosen.isValid() ? std::optional(chosen.toLongLong()) : std::nullopt;
    refresh();
}

void DashboardPage::showUnitChart()
{
    replaceChart(m_byUnit,
                 CoverageCharts::byUnit(
                     m_figures, m_figures.scope, [this](const AssetFilter& filter, const QString& description) {
                         emit wayIn(filter, description);
                     }));
}

void DashboardPage::showTrend(const std::optional<CoverageTrend>& read, const QString& error)
{
    m_trend = read.value_or(CoverageTrend());
    m_trendRefreshing = false;
    const CoverageTrend& trend = m_trend;
    m_trendChart->setVisible(trend.hasHistory());
    if (!read) {
        m_trendStatus->setText(
            QStringLiteral("<b>Coverage over time</b> could not be worked out. %1").arg(error.toHtmlEscaped()));
        emit trendRefreshed();
        return;
    }
    if (trend.hasHistory()) {
        replaceChart(m_trendChart, CoverageCharts::trend(trend));
        m_trendStatus->setText(QStringLiteral("Coverage at the end of each week since %1, from the audit trail.")
                                   .arg(QLocale().toString(trend.points.first().date, QLocale::LongFormat)));
    } else {
        m_trendStatus->setText(
            QStringLiteral("<b>Coverage over time:</b> no history yet. This register's audit trail starts %1; "
                           "a weekly trend appears once it holds a week of changes.")
                .arg(trend.points.isEmpty() ? QStringLiteral("today")
                                            : QStringLiteral("on %1").arg(
                                                QLocale().toString(trend.points.first().date, QLocale::LongFormat))));
    }
    emit trendRefreshed();
}

} // namespace custos
