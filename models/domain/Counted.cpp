#include "models/domain/Counted.h"

#include <QLocale>

namespace custos {

QString counted(qint64 count, const QString& one, const QString& many)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(count) + QLatin1Char(' ')
        + (count == 1 ? one : many);
}

} // namespace custos
