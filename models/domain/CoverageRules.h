#pragma once

#include <QString>

namespace custos {

// The coverage definitions of the register, as SQL conditions over
//   assets a LEFT JOIN people iao ON iao.id = a.iao_id
// with the date of "today" bound as :today. Coverage counts and the asset filters both use these,
// so a list of unowned assets always matches the unowned count.
namespace CoverageRules {

inline constexpr const char* kFrom = "assets a LEFT JOIN people iao ON iao.id = a.iao_id";
// Archived and disposed assets stay in the register but drop out of coverage.
inline constexpr const char* kActive = "a.status = 'Active'";
// An IAO who has left owns nothing.
inline constexpr const char* kOwned = "(iao.id IS NOT NULL AND iao.has_left = 0)";
inline constexpr const char* kUnowned = "(iao.id IS NULL OR iao.has_left = 1)";
// A legacy marking mapped on import counts as unclassified until someone reviews it.
inline constexpr const char* kClassified = "(a.classification IS NOT NULL AND a.classification_needs_review = 0)";
inline constexpr const char* kUnclassified = "(a.classification IS NULL OR a.classification_needs_review = 1)";
// The unclassified assets that have a level: read across from a legacy marking, awaiting review.
inline constexpr const char* kLegacyMarkingToReview
    = "(a.classification IS NOT NULL AND a.classification_needs_review = 1)";
inline constexpr const char* kOverdue = "(a.next_review_due < :today)";
// Classification::rank() in SQL: 0 not yet classified, 1 OFFICIAL, 2 OFFICIAL-SENSITIVE,
// 3 SECRET, 4 TOP SECRET.
inline constexpr const char* kClassificationRank
    = "(CASE a.classification WHEN 'TOP SECRET' THEN 4 "
      "WHEN 'SECRET' THEN 3 WHEN 'OFFICIAL' THEN 1 + a.sensitive ELSE 0 END)";
// Complete also needs the Retention field filled in.
inline constexpr const char* kRetentionRecorded = "trim(a.retention) <> ''";
inline QString reviewedOnTime()
{
    return QStringLiteral("NOT %1").arg(QLatin1String(kOverdue));
}
// Owned, classified, reviewed on time and with retention recorded.
inline QString complete()
{
    return QStringLiteral("%1 AND %2 AND %3 AND %4")
        .arg(QLatin1String(kOwned), QLatin1String(kClassified), reviewedOnTime(), QLatin1String(kRetentionRecorded));
}
// At least one of the gaps an SRO hunts for.
inline QString anyGap()
{
    return QStringLiteral("(%1 OR %2 OR %3)")
        .arg(QLatin1String(kUnowned), QLatin1String(kUnclassified), QLatin1String(kOverdue));
}
// The unit bound as :unit and every unit below it.
inline constexpr const char* kInUnitSubtree = "a.unit_id IN (WITH RECURSIVE below(id) AS (SELECT :unit UNION ALL "
                                              "SELECT u.id FROM units u JOIN below b ON u.parent_id = b.id) "
                                              "SELECT id FROM below)";
// Left behind by a leaver, for the person whose login is bound as :handover: in their unit (or one
// below it) or with them as IAM.
inline constexpr const char* kHandoverFor
    = "(iao.has_left = 1 AND (a.iam_id IN (SELECT id FROM people WHERE login = :handover) "
      "OR a.unit_id IN (WITH RECURSIVE below(id) AS (SELECT unit_id FROM people WHERE login = :handover "
      "AND has_left = 0 AND unit_id IS NOT NULL UNION ALL SELECT u.id FROM units u JOIN below b "
      "ON u.parent_id = b.id) SELECT id FROM below)))";

} // namespace CoverageRules
} // namespace custos
