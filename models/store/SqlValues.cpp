#include "models/store/SqlValues.h"

#include "models/store/Register.h"

#include <QSqlError>
#include <cstdio>

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

namespace {

// YYYY-MM-DD, written out by hand: QDate::toString(Qt::ISODate) cost ten times as much, and every
// asset written needs two dates and two timestamps.
int printDate(char* text, size_t size, const QDate& day)
{
    return std::snprintf(text, size, "%04d-%02d-%02d", day.year(), day.month(), day.day());
}

} // namespace

QVariant dateValue(const QDate& date)
{
    if (!date.isValid())
        return QVariant(QMetaType::fromType<QString>());
    char text[16];
    return QString::fromLatin1(text, printDate(text, sizeof text, date));
}

QDate dateFrom(const QVariant& value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QString timestampText(const QDateTime& when)
{
    if (!when.isValid())
        return {};
    const QDateTime utc = when.timeSpec() == Qt::UTC ? when : when.toUTC();
    const QTime time = utc.time();
    char text[32];
    int size = printDate(text, sizeof text, utc.date());
    size += std::snprintf(
        text + size, sizeof text - size, "T%02d:%02d:%02dZ", time.hour(), time.minute(), time.second());
    return QString::fromLatin1(text, size);
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

QString readFailure(const Register& reg, const QString& reason)
{
    return QStringLiteral("%1 could not be read: %2").arg(reg.path(), reason);
}

bool readSucceeded(const Register& reg, const QSqlQuery& query, QString* error)
{
    const QSqlError failure = query.lastError();
    if (!failure.isValid())
        return true;
    setError(error, readFailure(reg, failure.databaseText().isEmpty() ? failure.text() : failure.databaseText()));
    return false;
}

} // namespace custos
