#include "SqlValues.h"

#include <QSqlError>

namespace custos {

QVariant idValue(const std::optional<RecordId>& id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<RecordId> optionalId(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

QVariant dateValue(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QDate dateFrom(const QVariant& value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QString timestampText(const QDateTime& when)
{
    return when.toUTC().toString(Qt::ISODate);
}

QDateTime timestampFrom(const QVariant& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate).toUTC();
}

QDateTime nowUtc()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Stored to the second; dropping milliseconds here keeps what is read back equal to what was written.
    return now.addMSecs(-now.time().msec());
}

QVariant textValue(const QString& text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

QVariant textOrNull(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

bool isUniqueViolation(const QSqlQuery& query)
{
    // SQLITE_CONSTRAINT_UNIQUE is 2067; older drivers report the primary code 19 with the text.
    const QSqlError error = query.lastError();
    return error.nativeErrorCode() == QLatin1String("2067") || error.databaseText().contains(QLatin1String("UNIQUE"));
}

void setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

} // namespace custos
