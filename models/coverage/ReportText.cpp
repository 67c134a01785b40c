#include "models/coverage/ReportText.h"

#include "models/domain/PrintableText.h"

#include <QLocale>

namespace custos::ReportText {

namespace {

const QLocale kLocale(QLocale::English, QLocale::UnitedKingdom);

QString owner(const ReportAsset& asset)
{
    if (asset.owner.isEmpty())
        return QStringLiteral("None");
    const QString name = PrintableText::isolated(asset.owner);
    return asset.ownerHasLeft ? name + QStringLiteral(" (left)") : name;
}

} // namespace

QString registerLine(const ReportContents& contents)
{
    return QStringLiteral("Register: %1").arg(PrintableText::isolated(contents.registerName));
}

QString scopeLine(const ReportContents& contents)
{
    // The scope is a unit's path, or the report's own words for the whole register.
    const QString scope = contents.figures.scope ? PrintableText::isolated(contents.scope) : contents.scope;
    return QStringLiteral("Scope: %1").arg(scope);
}

ReportTable unitTable(const ReportContents& contents)
{
    ReportTable table {{QStringLiteral("Business unit"),
                        QStringLiteral("Assets"),
                        QStringLiteral("Owned"),
                        QStringLiteral("Unowned"),
                        QStringLiteral("Unclassified"),
                        QStringLiteral("Overdue"),
                        QStringLiteral("Complete")},
                       {0.37, 0.09, 0.09, 0.11, 0.13, 0.1, 0.11},
                       {}};
    for (const UnitCoverage& unit : contents.figures.coverage.units) {
        const CoverageCounts& counts = unit.counts;
        table.rows << QStringList {PrintableText::isolated(unit.path),
                                   kLocale.toString(counts.assets),
                                   kLocale.toString(counts.owned),
                                   kLocale.toString(counts.unowned),
                                   kLocale.toString(counts.unclassified),
                                   kLocale.toString(counts.overdue),
                                   kLocale.toString(counts.complete)};
    }
    return table;
}

ReportTable assetTable(const QList<ReportAsset>& assets)
{
    ReportTable table {{QStringLiteral("Reference"),
                        QStringLiteral("Name"),
                        QStringLiteral("Business unit"),
                        QStringLiteral("IAO"),
                        QStringLiteral("Classification")},
                       {0.12, 0.28, 0.22, 0.17, 0.21},
                       {}};
    for (const ReportAsset& asset : assets) {
        table.rows << QStringList {PrintableText::isolated(asset.reference),
                                   PrintableText::isolated(asset.name),
                                   PrintableText::isolated(asset.unit),
                                   owner(asset),
                                   asset.classification.isClassified() ? asset.classification.toText()
                                                                       : QStringLiteral("Not yet classified")};
    }
    return table;
}

} // namespace custos::ReportText
