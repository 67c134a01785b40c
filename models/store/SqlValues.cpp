#include "models/store/SqlValues.h"

#include "models/store/Register.h"

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

namespace {

// Digits written out by hand: QDate::toString(Qt::ISODate) cost ten times as much as snprintf,
// and snprintf itself was a sixtieth of an import, where every asset written needs two dates and
// two timestamps.
char* printDigits(char* text, int value, int digits)
{
    for (int i = digits - 1; i >= 0; --i, value /= 10)
        text[i] = char('0' + value % 10);
    return text + digits;
}

// YYYY-MM-DD; only for the years 0 to 9999 (see fourDigitYear).
char* printDate(char* text, const QDate& day)
{
    text = printDigits(text, day.year(), 4);
    *text++ = '-';
    text = printDigits(text, day.month(), 2);
    *text++ = '-';
    return printDigits(text, day.day(), 2);
}

bool fourDigitYear(const QDate& day)
{
    return day.year() >= 0 && day.year() <= 9999;
}

} // namespace

QVariant dateValue(const QDate& date)
{
    if (!date.isValid())
        return QVariant(QMetaType::fromType<QString>());
    if (!fourDigitYear(date))
        return date.toString(Qt::ISODate);
    char text[10];
    return QString::fromLatin1(text, printDate(text, date) - text);
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
    if (!fourDigitYear(utc.date()))
        return utc.toString(Qt::ISODate);
    const QTime time = utc.time();
    char text[20];
    char* end = printDate(text, utc.date());
    *end++ = 'T';
    end = printDigits(end, time.hour(), 2);
    *end++ = ':';
    end = printDigits(end, time.minute(), 2);
    *end++ = ':';
    end = printDigits(end, time.second(), 2);
    *end++ = 'Z';
    return QString::fromLatin1(text, end - text);
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

QString containsPattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
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
