#pragma once

#include <QDate>

namespace custos {

// When an asset is next due for review: its last review (or, if never reviewed, its creation)
// plus its review cycle. Month arithmetic keeps month ends at month ends, so 31 January plus one
// month is the last day of February, and 30 April plus one month is 31 May.
class ReviewSchedule
{
public:
    static QDate nextDue(const QDate& lastReviewed, const QDate& created, int cycleMonths);
    static QDate addMonths(const QDate& from, int months);
};

} // namespace custos
