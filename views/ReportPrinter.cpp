#include "ReportPrinter.h"

#include "SqlValues.h"

#include <QAbstractTextDocumentLayout>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace custos {

namespace {

const QLocale kLocale(QLocale::English, QLocale::UnitedKingdom);

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString share(int count, int total)
{
    return total == 0 ? QStringLiteral("–") : kLocale.toString(100.0 * count / total, 'f', 1) + QLatin1Char('%');
}

QString cells(const QStringList& values, const char* tag = "td")
{
    QString row = QStringLiteral("<tr>");
    for (const QString& value : values)
        row += QStringLiteral("<%1>%2</%1>").arg(QLatin1String(tag), escaped(value));
    return row + QStringLiteral("</tr>");
}

QString table(const QStringList& header, const QList<QStringList>& rows)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"0.5\"><thead>")
        + cells(header, "th") + QStringLiteral("</thead>");
    for (const QStringList& row : rows)
        html += cells(row);
    return html + QStringLiteral("</table>");
}

QString assetList(const QString& title, const QList<ReportAsset>& assets)
{
    QString html = QStringLiteral("<h2>%1 (%2)</h2>").arg(escaped(title), kLocale.toString(assets.size()));
    if (assets.isEmpty())
        return html + QStringLiteral("<p>None.</p>");
    QList<QStringList> rows;
    for (const ReportAsset& asset : assets) {
        rows << QStringList {asset.reference,
                             asset.name,
                             asset.unit,
                             asset.owner.isEmpty() ? QStringLiteral("None") : asset.owner,
                             asset.classification.isClassified() ? asset.classification.toText()
                                                                 : QStringLiteral("Not yet classified")};
    }
    return html
        + table({QStringLiteral("Reference"),
                 QStringLiteral("Name"),
                 QStringLiteral("Business unit"),
                 QStringLiteral("IAO"),
                 QStringLiteral("Classification")},
                rows);
}

QString reportHtml(const ReportContents& contents)
{
    const CoverageCounts& total = contents.coverage.total;
    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<p>&nbsp;</p><p>&nbsp;</p><h1>Information asset coverage</h1>"
                           "<p>Register: <b>%1</b></p><p>Date: %2</p><p>Scope: %3</p>"
                           "<p>%4 active assets. Archived and disposed assets are not counted.</p>"
                           "<p>Prepared with Custos from the register itself; the figures are the same as "
                           "<i>custos-cli summary</i> gives for this register on this day.</p>")
                .arg(escaped(contents.registerName),
                     kLocale.toString(contents.date, QStringLiteral("d MMMM yyyy")),
                     escaped(contents.scope),
                     kLocale.toString(total.assets));

    html += QStringLiteral("<h2 style=\"page-break-before: always\">Coverage summary</h2>");
    auto measure = [&](const QString& name, int count, bool withShare) {
        return QStringList {name, kLocale.toString(count), withShare ? share(count, total.assets) : QString()};
    };
    html += table({QStringLiteral("Measure"), QStringLiteral("Assets"), QStringLiteral("Share of active")},
                  {measure(QStringLiteral("Active assets"), total.assets, false),
                   measure(QStringLiteral("Owned (an IAO who has not left)"), total.owned, true),
                   measure(QStringLiteral("Classified"), total.classified, true),
                   measure(QStringLiteral("Reviewed on time"), total.assets - total.overdue, true),
                   measure(QStringLiteral("Complete (owned, classified, on time, retention recorded)"),
                           total.complete,
                           true),
                   measure(QStringLiteral("Unowned"), total.unowned, true),
                   measure(QStringLiteral("Unclassified (or a legacy marking to review)"), total.unclassified, true),
                   measure(QStringLiteral("Overdue for review"), total.overdue, true)});

    html += QStringLiteral("<h2>By business unit</h2><p>Each unit counts its own assets and those of the units "
                           "below it.</p>");
    QList<QStringList> units;
    for (const UnitCoverage& unit : contents.coverage.units) {
        const CoverageCounts& counts = unit.counts;
        units << QStringList {unit.path,
                              kLocale.toString(counts.assets),
                              kLocale.toString(counts.owned),
                              kLocale.toString(counts.unowned),
                              kLocale.toString(counts.unclassified),
                              kLocale.toString(counts.overdue),
                              kLocale.toString(counts.complete)};
    }
    html += table({QStringLiteral("Business unit"),
                   QStringLiteral("Assets"),
                   QStringLiteral("Owned"),
                   QStringLiteral("Unowned"),
                   QStringLiteral("Unclassified"),
                   QStringLiteral("Overdue"),
                   QStringLiteral("Complete")},
                  units);

    html += assetList(QStringLiteral("Unowned assets"), contents.unowned);
    html += assetList(QStringLiteral("Unclassified assets"), contents.unclassified);
    html += assetList(QStringLiteral("Assets overdue for review"), contents.overdue);
    return html + QStringLiteral("</body></html>");
}

} // namespace

int ReportPrinter::print(const ReportContents& contents, QPagedPaintDevice& device)
{
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                     QPageLayout::Portrait,
                                     QMarginsF(15, 10, 15, 10),
                                     QPageLayout::Millimeter));
    QPainter painter(&device);
    const QRectF page(QPointF(0, 0), QSizeF(painter.viewport().size()));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    QFont markingFont = font;
    markingFont.setPointSizeF(12);
    markingFont.setBold(true);
    const double line = QFontMetricsF(markingFont, &device).lineSpacing();
    const QString marking = contents.marking();
    // The marking's line at the top and bottom, and the page number's above the bottom one.
    const double top = marking.isEmpty() ? 0 : line * 2;
    const double bottom = line * (marking.isEmpty() ? 2 : 3.5);
    const QRectF body(0, top, page.width(), page.height() - top - bottom);

    QTextDocument document;
    document.documentLayout()->setPaintDevice(&device);
    document.setDefaultFont(font);
    document.setDefaultStyleSheet(QStringLiteral("th { background-color: #e6e9ef; text-align: left; } "
                                                 "h1 { font-size: 20pt; } h2 { font-size: 13pt; }"));
    document.setPageSize(body.size());
    document.setHtml(reportHtml(contents));
    const int pages = document.pageCount();
    for (int index = 0; index < pages; ++index) {
        if (index > 0)
            device.newPage();
        painter.save();
        painter.translate(body.left(), body.top() - index * body.height());
        document.drawContents(&painter, QRectF(0, index * body.height(), body.width(), body.height()));
        painter.restore();
        painter.setFont(markingFont);
        if (!marking.isEmpty()) {
            painter.drawText(QRectF(0, 0, page.width(), line), Qt::AlignHCenter | Qt::AlignTop, marking);
            painter.drawText(QRectF(0, page.height() - line, page.width(), line), Qt::AlignHCenter, marking);
        }
        painter.setFont(font);
        painter.drawText(QRectF(0, page.height() - bottom + line * 0.5, page.width(), line),
                         Qt::AlignHCenter,
                         QStringLiteral("Page %1 of %2").arg(index + 1).arg(pages));
    }
    return pages;
}

int ReportPrinter::writePdf(const ReportContents& contents, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        return 0;
    }
    int pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Custos"));
        writer.setTitle(QStringLiteral("Information asset coverage: %1").arg(contents.registerName));
        pages = print(contents, writer);
    }
    if (!file.commit()) {
        setError(error, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        return 0;
    }
    return pages;
}

} // namespace custos
