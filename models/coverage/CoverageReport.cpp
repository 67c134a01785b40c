#include "models/coverage/CoverageReport.h"

#include "models/domain/PrintableText.h"

#include <QJsonArray>
#include <QStringList>
#include <algorithm>

namespace custos {

namespace {

QJsonObject countsJson(const CoverageCounts& counts)
{
    return {{"assets", counts.assets},
            {"owned", counts.owned},
            {"unowned", counts.unowned},
            {"classified", counts.classified},
            {"unclassified", counts.unclassified},
            {"overdue", counts.overdue},
            {"complete", counts.complete}};
}

QList<int> countsRow(const CoverageCounts& counts)
{
    return {counts.assets,
            counts.owned,
            counts.unowned,
            counts.classified,
            counts.unclassified,
            counts.overdue,
            counts.complete};
}

} // namespace

QJsonObject CoverageReport::toJson(const CoverageSummary& summary)
{
    QJsonObject object = countsJson(summary.total);
    QJsonArray units;
    for (const UnitCoverage& unit : summary.units) {
        QJsonObject entry = countsJson(unit.counts);
        entry.insert(QStringLiteral("name"), unit.path);
        units.append(entry);
    }
    object.insert(QStringLiteral("units"), units);
    return object;
}

QString CoverageReport::toTable(const CoverageSummary& summary, const QString& title)
{
    const QStringList headings {"Assets", "Owned", "Unowned", "Classified", "Unclassified", "Overdue", "Complete"};
    // Units' names escaped, so that each stays on its line and no terminal acts on what they hold.
    QList<std::pair<QString, QList<int>>> rows {{PrintableText::escaped(title), countsRow(summary.total)}};
    for (const UnitCoverage& unit : summary.units)
        rows.append({QStringLiteral("  ") + PrintableText::escaped(unit.path), countsRow(unit.counts)});

    qsizetype nameWidth = QStringLiteral("Business unit").size();
    for (const auto& row : rows)
        nameWidth = std::max(nameWidth, row.first.size());
    QString table = QStringLiteral("Business unit").leftJustified(nameWidth);
    for (const QString& heading : headings)
        table += QStringLiteral("  ") + heading;
    table += QLatin1Char('\n');
    for (const auto& [name, numbers] : rows) {
        table += name.leftJustified(nameWidth);
        for (int i = 0; i < numbers.size(); ++i)
            table += QStringLiteral("  ") + QString::number(numbers[i]).rightJustified(headings[i].size());
        table += QLatin1Char('\n');
    }
    return table;
}

} // namespace custos
