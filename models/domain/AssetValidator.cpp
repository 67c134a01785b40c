#include "models/domain/AssetValidator.h"

#include <QRegularExpression>

namespace custos {

bool AssetValidator::isWellFormedReference(const QString& reference)
{
    // Letters or digits first, then letters, digits and - _ . / (as in IA-000123 or HMCTS/042);
    // no spaces, so a reference survives spreadsheets and command lines unchanged.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$"));
    return pattern.match(reference).hasMatch();
}

bool AssetValidator::isAllowedReviewCycle(int months)
{
    return months == 3 || months == 6 || months == 12;
}

QStringList AssetValidator::problems(const Asset& asset, const QDate& today)
{
    QStringList found;
    if (!isWellFormedReference(asset.reference)) {
        found << QStringLiteral("Reference \"%1\" is not valid: use up to 40 letters, digits and - _ . /, "
                                "starting with a letter or digit (for example IA-000123).")
                     .arg(asset.reference);
    }
    if (asset.name.trimmed().isEmpty())
        found << QStringLiteral("Name is required.");
    if (asset.unitId <= 0)
        found << QStringLiteral("Business unit is required.");
    if (!isAllowedReviewCycle(asset.reviewCycleMonths)) {
        found << QStringLiteral("Review cycle must be 3, 6 or 12 months, not %1.").arg(asset.reviewCycleMonths);
    }
    if (asset.lastReviewed.isValid() && asset.lastReviewed > today) {
        found << QStringLiteral("Last reviewed (%1) is in the future.").arg(asset.lastReviewed.toString(Qt::ISODate));
    }
    // A register stores dates as YYYY-MM-DD, and the next review falls up to a year after the last.
    const std::pair<const char*, QDate> dates[] {{"Last reviewed", asset.lastReviewed},
                                                 {"Created", asset.created.toUTC().date()},
                                                 {"Modified", asset.modified.toUTC().date()}};
    for (const auto& [label, date] : dates) {
        if (date.isValid() && (date.year() < 1 || date.year() > 9998)) {
            found << QStringLiteral("%1 (%2) is outside the years 1 to 9998.")
                         .arg(QLatin1String(label), QString::number(date.year()));
        }
    }
    if (asset.classificationNeedsReview && !asset.classification.isClassified())
        found << QStringLiteral("Only a classified asset can be flagged for classification review.");
    return found;
}

} // namespace custos
