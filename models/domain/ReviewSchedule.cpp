#include "models/domain/ReviewSchedule.h"

#include <boost/date_time/gregorian/gregorian.hpp>

namespace custos {

QDate ReviewSchedule::addMonths(const QDate& from, int months)
{
    if (!from.isValid())
        return {};
    namespace greg = boost::gregorian;
    // boost::gregorian::months snaps to the end of the month when the start is a month end,
    // which is the register's rule; QDate::addMonths would keep the 28th of February instead.
    const greg::date start(static_cast<unsigned short>(from.year()),
                           static_cast<unsigned short>(from.month()),
                           static_cast<unsigned short>(from.day()));
    const greg::date due = start + greg::months(months);
    return QDate(due.year(), due.month(), due.day());
}

QDate ReviewSchedule::nextDue(const QDate& lastReviewed, const QDate& created, int cycleMonths)
{
    return addMonths(lastReviewed.isValid() ? lastReviewed : created, cycleMonths);
}

} // namespace custos
