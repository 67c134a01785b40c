#pragma once

#include "models/domain/Asset.h"
#include "models/domain/Classification.h"

#include <QDate>
#include <QSqlQuery>
#include <QString>
#include <QVariantMap>
#include <optional>

namespace custos {

// Which assets to show: the coverage gaps, an owner, a unit with the units below it, and words to
// search for. Conditions combine with AND. By default only active assets, the ones coverage counts.
// The coverage a dashboard tile counts beside the gaps: assets that are owned, classified,
// reviewed on time, or all three and with retention recorded (complete).
enum class CoverageMeasure { Owned, Classified, ReviewedOnTime, Complete };

struct AssetFilter
{
    bool unowned = false;
    bool unclassified = false;
    bool overdue = false;
    std::optional<RecordId> ownerId;
    std::optional<RecordId> unitId;
    bool activeOnly = true;
    // Words that must each appear, in any order and any case, in the reference, name, description,
    // location, IAO, IAM or business unit; "words in quotes" must appear together.
    QString search;
    // Owned by the person with this operating-system login ("my assets").
    QString ownerLogin;
    // Exactly this classification; an unclassified Classification() selects "not yet classified".
    std::optional<Classification> classification;
    // Read across from a legacy marking on import and not yet reviewed, whatever level it read
    // across to: the unclassified assets that are not "not yet classified".
    bool legacyMarkingToReview = false;
    std::optional<CoverageMeasure> covered;
    // Unowned, unclassified or overdue: at least one gap.
    bool anyGap = false;
    // Next review due between these dates, both included.
    std::optional<QDate> dueFrom;
    std::optional<QDate> dueTo;
    // Hand-overs waiting for the person with this login: assets whose IAO has left and that sit in
    // that person's business unit (or a unit below it) or name them as IAM.
    QString handoverLogin;

    // The search's terms: its words, and each quoted phrase whole.
    static QStringList searchTerms(const QString& search);

    // SQL condition over CoverageRules::kFrom, with named parameters that bind() fills.
    QString whereClause() const;
    // The values of whereClause()'s named parameters, by name (":today", ...).
    QVariantMap parameters(const QDate& today) const;
    void bind(QSqlQuery& query, const QDate& today) const;

    bool operator==(const AssetFilter&) const = default;
};

} // namespace custos
