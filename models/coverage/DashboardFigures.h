#pragma once

#include "models/assets/AssetFilter.h"
#include "models/coverage/Coverage.h"
#include "models/domain/Classification.h"
#include "models/units/UnitTree.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace custos {

class Register;

// The three bars of a unit in the coverage-by-unit chart.
enum class UnitBar { Owned, Unowned, Unclassified };

// A slice of the classification mix. The slices that count as unclassified (not yet classified,
// and a legacy marking to review) add up to the unclassified figure.
struct ClassificationCount
{
    // Not yet classified is an unclassified Classification().
    Classification classification;
    int assets = 0;
    // Read across from a legacy marking and awaiting review, whatever level it read across to;
    // `classification` is then Classification(). The classified slices count reviewed assets only.
    bool legacyMarkingToReview = false;
    bool countsAsUnclassified() const { return legacyMarkingToReview || !classification.isClassified(); }
    AssetFilter filter() const;
};

// Active assets whose next review falls due between two dates (both included).
struct ReviewsDue
{
    QDate from;
    QDate to;
    int assets = 0;
    AssetFilter filter() const;
};

// An IAO who has not left, and how many of their active assets are unclassified or overdue. (A
// leaver's assets are unowned: the unit chart and the hand-overs count those.)
struct PersonGaps
{
    RecordId personId = 0;
    QString name;
    int assets = 0;
    AssetFilter filter() const;
};

// "My gaps": what waits for the person who signs in with this login.
struct MyGaps
{
    QString login;
    // Empty when no active person in the register has this login.
    QString name;
    int handovers = 0;
    int unclassified = 0;
    int overdue = 0;
    AssetFilter handoverFilter() const;
    AssetFilter unclassifiedFilter() const;
    AssetFilter overdueFilter() const;
};

// Everything the dashboard shows apart from the trend, from one read of the register. Each figure
// says which assets it counts as an AssetFilter, so a click shows exactly those assets.
struct DashboardFigures
{
    // The unit the figures are about (with the units below it); none for the whole register.
    std::optional<RecordId> scope;
    CoverageSummary coverage;
    UnitTree units;
    // Not yet classified, a legacy marking to review, then (reviewed) OFFICIAL, OFFICIAL-SENSITIVE,
    // SECRET, TOP SECRET.
    QList<ClassificationCount> classificationMix;
    // The rest of this month from today, then the next eleven months.
    QList<ReviewsDue> reviewsDue;
    // At most kMostGapsShown people, most gaps first.
    QList<PersonGaps> mostGaps;
    MyGaps mine;

    static constexpr int kMostGapsShown = 10;

    // The units directly below `parent` (the top-level units for none), worst coverage first: the
    // highest share of unowned and unclassified assets; units with no active assets last.
    QList<UnitCoverage> unitsBelow(std::optional<RecordId> parent) const;
    static AssetFilter unitFilter(RecordId unitId, UnitBar bar);
    // `filter` limited to the scope, unless it names a unit of its own.
    AssetFilter inScope(AssetFilter filter) const;

    // Every figure counts the active assets of `scope` (and the units below it) only, "my gaps"
    // included; "my gaps" are left at zero for an empty login. None, with the reason in `error`, when the
    // register cannot be read.
    static std::optional<DashboardFigures> compute(Register& reg,
                                                   const QDate& today,
                                                   const QString& login,
                                                   std::optional<RecordId> scope = std::nullopt,
                                                   QString* error = nullptr);
};

} // namespace custos
