#include "views/report/ReportPrinter.h"

#include "models/coverage/ReportText.h"
#include "models/domain/Counted.h"
#include "models/domain/PrintableText.h"
#include "models/store/OwnerOnlyFiles.h"
#include "models/store/Register.h"
#include "models/store/SqlValues.h"
#include "views/report/CoverageCharts.h"

#include <QChart>
#include <QGraphicsScene>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <functional>

namespace custos {

namespace {

const QLocale kLocale(QLocale::English, QLocale::UnitedKingdom);
constexpr double kPaddingPt = 2.5;

QString share(int count, int total)
{
    return total == 0 ? QStringLiteral("–") : kLocale.toString(100.0 * count / total, 'f', 1) + QLatin1Char('%');
}

// Places headings, paragraphs and tables down A4 pages, starting a page where the next item (or
// table row) does not fit, and repeating a table's header row on each page it runs over. Run once
// without a painter to count the pages, then again to paint them with "Page N of M".
class Pages
{
public:
    Pages(QPagedPaintDevice& device, QPainter* painter, const QString& marking, int pageCount)
        : m_device(device)
        , m_painter(painter)
        , m_marking(marking)
        , m_pageCount(pageCount)
    {
        m_text = QFont(QStringLiteral("DejaVu Sans"));
        m_text.setPointSizeF(9);
        m_bold = m_text;
        m_bold.setBold(true);
        m_markingFont = m_bold;
        m_markingFont.setPointSizeF(12);
        const QRectF page(QPointF(0, 0), device.pageLayout().paintRectPixels(device.logicalDpiX()).size());
        m_page = page;
        m_line = QFontMetricsF(m_markingFont, &device).lineSpacing();
        m_padding = kPaddingPt * device.logicalDpiY() / 72.0;
        const double top = marking.isEmpty() ? 0 : m_line * 2;
        const double bottom = m_line * (marking.isEmpty() ? 2 : 3.5);
        m_body = QRectF(0, top, page.width(), page.height() - top - bottom);
        m_y = m_body.top();
    }

    int finish()
    {
        decorate();
        return m_pageNumber;
    }

    void newPage()
    {
        decorate();
        if (m_painter)
            m_device.newPage();
        ++m_pageNumber;
        m_y = m_body.top();
    }

    void gap(double lines) { m_y += lines * m_line; }

    void heading(const QString& text, double pointSize, int keepLines = 4)
    {
        QFont font = m_bold;
        font.setPointSizeF(pointSize);
        const double height = textHeight(font, text, m_body.width());
        if (m_y + height + keepLines * m_line > m_body.bottom())
            newPage();
        draw(font, QRectF(m_body.left(), m_y, m_body.width(), height), text);
        m_y += height + m_line * 0.4;
    }

    void paragraph(const QString& text)
    {
        const double height = textHeight(m_text, text, m_body.width());
        if (m_y + height > m_body.bottom())
            newPage();
        draw(m_text, QRectF(m_body.left(), m_y, m_body.width(), height), text);
        m_y += height + m_line * 0.4;
    }

    // A chart across the page, `height` tall, made only when it is painted.
    void chart(const std::function<QChart*()>& make, double height)
    {
        if (m_y + height > m_body.bottom())
            newPage();
        if (m_painter) {
            QGraphicsScene scene; // owns the chart
            QChart* chart = make();
            scene.addItem(chart);
            // Laid out at screen size, so its fonts keep their proportions, then scaled onto the page.
            const double scale = m_device.logicalDpiX() / 96.0;
            const QRectF area(0, 0, m_body.width() / scale, height / scale);
            chart->setGeometry(area);
            scene.setSceneRect(area);
            m_painter->setRenderHint(QPainter::Antialiasing);
            scene.render(m_painter, QRectF(m_body.left(), m_y, m_body.width(), height), area);
        }
        m_y += height + m_line * 0.6;
    }

    double bodyHeight() const { return m_body.height(); }

    void table(const ReportTable& table)
    {
        row(table, table.header, true);
        for (const QStringList& cells : table.rows) {
            if (m_y + rowHeight(table, cells, m_text) > m_body.bottom()) {
                newPage();
                row(table, table.header, true);
            }
            row(table, cells, false);
        }
        m_y += m_line * 0.6;
    }

private:
    double textHeight(const QFont& font, const QString& text, double width) const
    {
        return QFontMetricsF(font, &m_device).boundingRect(QRectF(0, 0, width, 1e9), Qt::TextWordWrap, text).height();
    }

    double rowHeight(const ReportTable& table, const QStringList& cells, const QFont& font) const
    {
        double height = 0;
        for (int column = 0; column < cells.size(); ++column) {
            const double width = table.widths.at(column) * m_body.width() - 2 * m_padding;
            height = qMax(height, textHeight(font, cells.at(column), width));
        }
        return height + 2 * m_padding;
    }

    void row(const ReportTable& table, const QStringList& cells, bool header)
    {
        const QFont& font = header ? m_bold : m_text;
        const double height = rowHeight(table, cells, font);
        double x = m_body.left();
        for (int column = 0; column < cells.size(); ++column) {
            const double width = table.widths.at(column) * m_body.width();
            const QRectF cell(x, m_y, width, height);
            if (m_painter) {
                if (header)
                    m_painter->fillRect(cell, QColor(0xe6, 0xe9, 0xef));
                m_painter->setPen(QPen(QColor(0x9a, 0xa0, 0xa8), 0));
                m_painter->drawRect(cell);
                m_painter->setPen(Qt::black);
            }
            draw(font, cell.adjusted(m_padding, m_padding, -m_padding, -m_padding), cells.at(column));
            x += width;
        }
        m_y += height;
    }

    void draw(const QFont& font, const QRectF& rect, const QString& text)
    {
        if (!m_painter)
            return;
        m_painter->setFont(font);
        m_painter->drawText(rect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    }

    // The marking as the page's first and last line, and the page number inside the bottom one.
    void decorate()
    {
        if (!m_painter)
            return;
        m_painter->setFont(m_markingFont);
        if (!m_marking.isEmpty()) {
            m_painter->drawText(QRectF(0, 0, m_page.width(), m_line), Qt::AlignHCenter | Qt::AlignTop, m_marking);
            m_painter->drawText(
                QRectF(0, m_page.height() - m_line, m_page.width(), m_line), Qt::AlignHCenter, m_marking);
        }
        m_painter->setFont(m_text);
        m_painter->drawText(QRectF(0, m_body.bottom() + m_line * 0.5, m_page.width(), m_line),
                            Qt::AlignHCenter,
                            QStringLiteral("Page %1 of %2").arg(m_pageNumber).arg(m_pageCount));
    }

    QPagedPaintDevice& m_device;
    QPainter* m_painter;
    QString m_marking;
    int m_pageCount;
    QFont m_text;
    QFont m_bold;
    QFont m_markingFont;
    QRectF m_page;
    QRectF m_body;
    double m_line = 0;
    double m_padding = 0;
    double m_y = 0;
    int m_pageNumber = 1;
};

// The whole report, in order; returns the number of pages.
int layOut(const ReportContents& contents, Pages& pages)
{
    const CoverageCounts& total = contents.figures.coverage.total;
    pages.gap(6);
    pages.heading(QStringLiteral("Information asset coverage"), 20);
    pages.paragraph(ReportText::registerLine(contents));
    pages.paragraph(QStringLiteral("Date: %1").arg(kLocale.toString(contents.date, QStringLiteral("d MMMM yyyy"))));
    pages.paragraph(ReportText::scopeLine(contents));
    pages.paragraph(QStringLiteral("%1. Archived and disposed assets are not counted.")
                        .arg(counted(total.assets, QStringLiteral("active asset"), QStringLiteral("active assets"))));
    pages.paragraph(QStringLiteral("Custos worked these figures out from the register itself on the date above: "
                                   "anyone holding the register can count them again and get the same."));
    pages.newPage();

    pages.heading(QStringLiteral("Coverage summary"), 13);
    auto measure = [&](const QString& name, int count, bool withShare) {
        return QStringList {name, kLocale.toString(count), withShare ? share(count, total.assets) : QString()};
    };
    pages.table(
        {{QStringLiteral("Measure"), QStringLiteral("Assets"), QStringLiteral("Share of active")},
         {0.6, 0.2, 0.2},
         {measure(QStringLiteral("Active assets"), total.assets, false),
          measure(QStringLiteral("Owned (an IAO who has not left)"), total.owned, true),
          measure(QStringLiteral("Classified"), total.classified, true),
          measure(QStringLiteral("Reviewed on time"), total.assets - total.overdue, true),
          measure(QStringLiteral("Complete (owned, classified, on time, retention recorded)"), total.complete, true),
          measure(QStringLiteral("Unowned"), total.unowned, true),
          measure(QStringLiteral("Unclassified (or a legacy marking to review)"), total.unclassified, true),
          measure(QStringLiteral("Overdue for review"), total.overdue, true)}});

    pages.heading(QStringLiteral("By business unit"), 13);
    pages.paragraph(QStringLiteral("Each unit counts its own assets and those of the units below it."));
    pages.table(ReportText::unitTable(contents));

    const DashboardFigures& figures = contents.figures;
    pages.newPage();
    pages.heading(QStringLiteral("Coverage in charts"), 13);
    const double chartHeight = pages.bodyHeight() * 0.44;
    if (!figures.unitsBelow(figures.scope).isEmpty())
        pages.chart([&] { return CoverageCharts::byUnit(figures, figures.scope); }, chartHeight);
    pages.chart([&] { return CoverageCharts::classificationMix(figures); }, chartHeight);
    pages.chart([&] { return CoverageCharts::reviewsDue(figures); }, chartHeight);
    if (!figures.mostGaps.isEmpty())
        pages.chart([&] { return CoverageCharts::mostGaps(figures); }, chartHeight);
    if (contents.trend.hasHistory()) {
        pages.chart([&] { return CoverageCharts::trend(contents.trend); }, chartHeight);
    } else {
        pages.paragraph(QStringLiteral("Coverage over time: no history yet. The register's audit trail holds less "
                                       "than a week of changes, so there is no weekly trend to show."));
    }

    for (const auto& [title, assets] : {std::pair {QStringLiteral("Unowned assets"), &contents.unowned},
                                        std::pair {QStringLiteral("Unclassified assets"), &contents.unclassified},
                                        std::pair {QStringLiteral("Assets overdue for review"), &contents.overdue}}) {
        pages.heading(QStringLiteral("%1 (%2)").arg(title, kLocale.toString(assets->size())), 13);
        if (assets->isEmpty())
            pages.paragraph(QStringLiteral("None."));
        else
            pages.table(ReportText::assetTable(*assets));
    }

    pages.heading(QStringLiteral("Audit trail"), 13);
    pages.paragraph(QStringLiteral("When this report was made the register's audit trail held %1. Its last "
                                   "entry, with the hash that chains it to every entry before, is the anchor:")
                        .arg(counted(contents.auditTrail.length, QStringLiteral("change"), QStringLiteral("changes"))));
    pages.paragraph(contents.auditTrail.anchor());
    pages.paragraph(QStringLiteral("Keep it with this report. Whoever keeps the register can check it against this "
                                   "anchor (Custos's command-line verify, with --anchor) to show whether the history "
                                   "up to it has since been rewritten."));
    return pages.finish();
}

} // namespace

int ReportPrinter::print(const ReportContents& contents, QPagedPaintDevice& device)
{
    device.setPageLayout(QPageLayout(
        QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 10, 15, 10), QPageLayout::Millimeter));
    Pages counting(device, nullptr, contents.marking(), 0);
    const int pageCount = layOut(contents, counting);
    QPainter painter(&device);
    Pages painting(device, &painter, contents.marking(), pageCount);
    return layOut(contents, painting);
}

int ReportPrinter::writePdf(const ReportContents& contents, const QString& path, QString* error)
{
    if (const QString conflict = openRegisterFileConflict(path); !conflict.isEmpty()) {
        setError(error, conflict);
        return 0;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        return 0;
    }
    // Owner-only before the first byte, whatever the umask or the permissions of a file it replaces.
    if (!makeOwnerOnly(file, error)) {
        file.cancelWriting();
        return 0;
    }
    int pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Custos"));
        writer.setTitle(
            QStringLiteral("Information asset coverage: %1").arg(PrintableText::escaped(contents.registerName)));
        pages = print(contents, writer);
    }
    if (!file.commit()) {
        setError(error, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        return 0;
    }
    return pages;
}

} // namespace custos
