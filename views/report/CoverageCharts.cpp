#include "views/report/CoverageCharts.h"

#include "models/domain/PrintableText.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QPalette>
#include <QPen>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace custos::CoverageCharts {

namespace {

const QColor kGood(0x2e, 0x7d, 0x32);
const QColor kGap(0xc0, 0x39, 0x2b);
const QColor kWarning(0xe6, 0x7e, 0x22);
const QColor kNeutral(0x34, 0x6d, 0xa8);
// Marks a line drawn in the text's colour: black as built, and whatever fitPalette() gives text.
const char* const kInTextColour = "custosInTextColour";

// A unit's or person's name as a chart shows it: its controls escaped, like the rest of the report
// (a label stands alone, so there is nothing after it for a direction to reorder; isolate marks
// would count towards its width, and Qt Charts cuts a label that looks too wide to "..."); and
// escaped for HTML, since Qt Charts lays titles and labels out as rich text, where "<b>" or
// "&#x202e;" in a name would act rather than show.
QString nameLabel(const QString& name)
{
    return PrintableText::escaped(name).toHtmlEscaped();
}

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    // Axis labels in the tiles' number format (1,873, not 1873).
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setPointSizeF(11);
    font.setBold(true);
    chart->setTitleFont(font);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

// The longest bar: the largest value, or for stacked bars the largest sum of a category's values.
double longestBar(const QAbstractBarSeries* series)
{
    const bool stacked = series->type() == QAbstractSeries::SeriesTypeStackedBar
        || series->type() == QAbstractSeries::SeriesTypeHorizontalStackedBar;
    QList<double> lengths;
    for (const QBarSet* set : series->barSets()) {
        lengths.resize(std::max(lengths.size(), qsizetype(set->count())));
        for (int i = 0; i < set->count(); ++i)
            lengths[i] = stacked ? lengths[i] + set->at(i) : std::max(lengths[i], set->at(i));
    }
    return lengths.isEmpty() ? 0.0 : *std::max_element(lengths.cbegin(), lengths.cend());
}

// Counts from 0, in whole numbers 1, 2 or 5 times a power of ten apart, at most five steps to
// just past the longest bar: no repeated "0 0 0 1" labels on a small or empty chart.
void scaleCounts(QValueAxis* axis, double longest)
{
    double interval = 1;
    for (double power = 1; interval * 5 < longest; power *= 10) {
        for (const double step : {1.0, 2.0, 5.0}) {
            interval = step * power;
            if (interval * 5 >= longest)
                break;
        }
    }
    axis->setRange(0, interval * std::max(1.0, std::ceil(longest / interval)));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(interval);
    axis->setMinorTickCount(0);
    axis->setLabelFormat(QStringLiteral("%.0f")); // localised, as newChart() asks
}

// Hovering a bar names its category and bar and gives its value, in the tiles' number format.
void showValuesOnHover(QChart* chart, QAbstractBarSeries* series, const QStringList& categories)
{
    for (QBarSet* set : series->barSets()) {
        QObject::connect(set, &QBarSet::hovered, chart, [set, categories](bool entered, int index) {
            if (!entered) {
                QToolTip::hideText();
                return;
            }
            QToolTip::showText(QCursor::pos(),
                               QStringLiteral("%1<br>%2: <b>%3</b>")
                                   .arg(categories.value(index),
                                        set->label().toHtmlEscaped(),
                                        QLocale().toString(qRound(set->at(index)))));
        });
    }
}

// Category axis on one side, counts on the other.
void addAxes(QChart* chart, QAbstractBarSeries* series, const QStringList& categories, bool horizontal)
{
    chart->addSeries(series);
    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    QFont font = categoryAxis->labelsFont();
    font.setPointSizeF(8);
    categoryAxis->setLabelsFont(font);
    auto* countAxis = new QValueAxis;
    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(countAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(countAxis);
    scaleCounts(countAxis, longestBar(series)); // after attaching, which sets the data's range
    showValuesOnHover(chart, series, categories);
}

QBarSet* newSet(const QString& label, const QColor& colour)
{
    auto* set = new QBarSet(label);
    set->setColor(colour);
    set->setBorderColor(colour);
    return set;
}

} // namespace

QChart* byUnit(const DashboardFigures& figures, std::optional<RecordId> parent, const WayIn& wayIn)
{
    const QList<UnitCoverage> units = figures.unitsBelow(parent);
    QChart* chart = newChart(parent ? QStringLiteral("Coverage in %1").arg(nameLabel(figures.units.path(*parent)))
                                    : QStringLiteral("Coverage by business unit"));
    struct Bar
    {
        UnitBar bar;
        QString label;
        QColor colour;
        int CoverageCounts::*count;
    };
    const QList<Bar> bars {
        {UnitBar::Owned, QStringLiteral("Owned"), kGood, &CoverageCounts::owned},
        {UnitBar::Unowned, QStringLiteral("Unowned"), kGap, &CoverageCounts::unowned},
        {UnitBar::Unclassified, QStringLiteral("Unclassified"), kWarning, &CoverageCounts::unclassified}};
    // A horizontal chart draws its first category at the bottom: the worst unit goes in last.
    QStringList categories;
    for (auto it = units.crbegin(); it != units.crend(); ++it)
        categories << nameLabel(figures.units.unit(it->unitId)->name);
    auto* series = new QHorizontalBarSeries;
    series->setBarWidth(0.8);
    for (const Bar& bar : bars) {
        QBarSet* set = newSet(bar.label, bar.colour);
        for (auto it = units.crbegin(); it != units.crend(); ++it)
            *set << it->counts.*bar.count;
        series->append(set);
        if (!wayIn)
            continue;
        QObject::connect(set, &QBarSet::clicked, chart, [units, bar, wayIn](int index) {
            const UnitCoverage& unit = units[units.size() - 1 - index];
            wayIn(DashboardFigures::unitFilter(unit.unitId, bar.bar), bar.label + QStringLiteral(" in ") + unit.path);
        });
    }
    addAxes(chart, series, categories, true);
    return chart;
}

QChart* classificationMix(const DashboardFigures& figures, const WayIn& wayIn)
{
    QChart* chart = newChart(QStringLiteral("Classification of active assets"));
    chart->legend()->setAlignment(Qt::AlignRight);
    // Not yet classified, a legacy marking to review, OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET.
    const QList<QColor> colours {
        QColor(0x9e, 0x9e, 0x9e), QColor(0xc9, 0xb2, 0x7c), kNeutral, QColor(0x1a, 0x93, 0x8a), kWarning, kGap};
    auto* series = new QPieSeries;
    const QLocale locale;
    for (int i = 0; i < figures.classificationMix.size(); ++i) {
        const ClassificationCount& share = figures.classificationMix[i];
        if (share.assets == 0)
            continue;
        const QString name = share.legacyMarkingToReview ? QStringLiteral("Legacy marking to review")
            : share.classification.isClassified()        ? share.classification.toText()
                                                         : QStringLiteral("Not yet classified");
        QPieSlice* slice
            = series->append(QStringLiteral("%1 (%2)").arg(name, locale.toString(share.assets)), share.assets);
        slice->setColor(colours.value(i, kNeutral));
        slice->setBorderColor(Qt::white);
        if (wayIn)
            QObject::connect(slice, &QPieSlice::clicked, chart, [share, name, wayIn, figures] {
                wayIn(figures.inScope(share.filter()), name);
            });
    }
    chart->addSeries(series);
    return chart;
}

QChart* reviewsDue(const DashboardFigures& figures, const WayIn& wayIn)
{
    QString title = QStringLiteral("Reviews overdue and due in the next 12 months");
    if (!figures.reviewsDue.isEmpty()) {
        title = QStringLiteral("Reviews overdue and due, %1 to %2")
                    .arg(QLocale().toString(figures.reviewsDue.first().from, QStringLiteral("MMM yyyy")),
                         QLocale().toString(figures.reviewsDue.last().to, QStringLiteral("MMM yyyy")));
    }
    QChart* chart = newChart(title);
    QBarSet* overdue = newSet(QStringLiteral("Overdue"), kGap);
    QBarSet* due = newSet(QStringLiteral("Due in the month"), kNeutral);
    QStringList categories {QStringLiteral("Late")};
    *overdue << figures.coverage.total.overdue;
    *due << 0;
    for (const ReviewsDue& month : figures.reviewsDue) {
        categories << QLocale().toString(month.from, QStringLiteral("MMM"));
        *overdue << 0;
        *due << month.assets;
    }
    auto* series = new QStackedBarSeries;
    series->append(overdue);
    series->append(due);
    if (wayIn) {
        QObject::connect(overdue, &QBarSet::clicked, chart, [wayIn, figures](int) {
            wayIn(figures.inScope({.overdue = true}), QStringLiteral("Overdue reviews"));
        });
        QObject::connect(due, &QBarSet::clicked, chart, [figures, wayIn](int index) {
            if (index < 1)
                return;
            const ReviewsDue& month = figures.reviewsDue[index - 1];
            wayIn(figures.inScope(month.filter()),
                  QStringLiteral("Review due %1 to %2")
                      .arg(QLocale().toString(month.from, QLocale::ShortFormat),
                           QLocale().toString(month.to, QLocale::ShortFormat)));
        });
    }
    addAxes(chart, series, categories, false);
    return chart;
}

QChart* mostGaps(const DashboardFigures& figures, const WayIn& wayIn)
{
    QChart* chart = newChart(QStringLiteral("IAOs with the most assets unclassified or overdue"));
    const QList<PersonGaps>& people = figures.mostGaps;
    QBarSet* set = newSet(QStringLiteral("Their assets unclassified or overdue"), kWarning);
    QStringList categories;
    for (auto it = people.crbegin(); it != people.crend(); ++it) {
        categories << nameLabel(it->name);
        *set << it->assets;
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    if (wayIn) {
        QObject::connect(set, &QBarSet::clicked, chart, [figures, wayIn](int index) {
            const PersonGaps& person = figures.mostGaps[figures.mostGaps.size() - 1 - index];
            wayIn(figures.inScope(person.filter()), QStringLiteral("IAO %1: unclassified or overdue").arg(person.name));
        });
    }
    addAxes(chart, series, categories, true);
    return chart;
}

QChart* trend(const CoverageTrend& trend)
{
    QChart* chart = newChart(QStringLiteral("Coverage week by week"));
    struct Line
    {
        QString label;
        QColor colour; // none: the text's colour
        std::function<int(const CoverageCounts&)> count;
    };
    const QList<Line> lines {
        {QStringLiteral("Owned"), kGood, [](const CoverageCounts& c) { return c.owned; }},
        {QStringLiteral("Classified"), kNeutral, [](const CoverageCounts& c) { return c.classified; }},
        {QStringLiteral("Reviewed on time"), kWarning, [](const CoverageCounts& c) { return c.assets - c.overdue; }},
        {QStringLiteral("Complete"), QColor(), [](const CoverageCounts& c) { return c.complete; }},
    };
    auto* dates = new QDateTimeAxis;
    dates->setFormat(QStringLiteral("d MMM"));
    auto* shares = new QValueAxis;
    shares->setRange(0, 100);
    // Localised (see newChart()): what follows the number is written as it is, not printf's "%%".
    shares->setLabelFormat(QStringLiteral("%.0f%"));
    chart->addAxis(dates, Qt::AlignBottom);
    chart->addAxis(shares, Qt::AlignLeft);
    for (const Line& line : lines) {
        auto* series = new QLineSeries;
        series->setName(line.label);
        for (const TrendPoint& point : trend.points) {
            const double share
                = point.counts.assets == 0 ? 0.0 : 100.0 * line.count(point.counts) / point.counts.assets;
            series->append(QDateTime(point.date, QTime(12, 0)).toMSecsSinceEpoch(), share);
        }
        chart->addSeries(series);
        series->setProperty(kInTextColour, !line.colour.isValid());
        // After addSeries, which gives the chart theme's colours.
        series->setPen(QPen(line.colour.isValid() ? line.colour : QColor(Qt::black), 2));
        series->attachAxis(dates);
        series->attachAxis(shares);
    }
    if (!trend.points.isEmpty()) {
        dates->setRange(QDateTime(trend.points.first().date, QTime(0, 0)),
                        QDateTime(trend.points.last().date, QTime(23, 59)));
        dates->setTickCount(std::min(int(trend.points.size()), 7));
    }
    return chart;
}

void fitPalette(QChart* chart, const QPalette& palette)
{
    const QColor background = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.18f);
    QColor axisLine = text;
    axisLine.setAlphaF(0.45f);
    chart->setBackgroundBrush(background);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setLinePenColor(axisLine);
    }
    for (QAbstractSeries* series : chart->series()) {
        if (auto* line = qobject_cast<QLineSeries*>(series); line && line->property(kInTextColour).toBool()) {
            QPen pen = line->pen();
            pen.setColor(text);
            line->setPen(pen);
        }
        if (auto* pie = qobject_cast<QPieSeries*>(series)) {
            for (QPieSlice* slice : pie->slices())
                slice->setBorderColor(background);
        }
    }
}

} // namespace custos::CoverageCharts
