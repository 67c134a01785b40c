#pragma once

#include "models/domain/Asset.h"

#include <QDate>
#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <optional>

namespace custos {

class Register;

// How the store turns domain values into SQL values and back: dates as ISO text, timestamps as
// ISO 8601 UTC with seconds, absent values as NULL.
QVariant idValue(const std::optional<RecordId>& id);
std::optional<RecordId> optionalId(const QVariant& value);
QVariant dateValue(const QDate& date);
QDate dateFrom(const QVariant& value);
QString timestampText(const QDateTime& when);
QDateTime timestampFrom(const QVariant& value);
QDateTime nowUtc();
// Text for a NOT NULL column: a null QString would bind as NULL.
QVariant textValue(const QString& text);
// Empty text is stored as NULL where the column means "not recorded".
QVariant textOrNull(const QString& text);

// A LIKE pattern (to use with ESCAPE '\\') for text containing `text`; the wildcards people type are
// searched for literally. LIKE is case-insensitive for ASCII.
QString containsPattern(const QString& text);

bool isUniqueViolation(const QSqlQuery& query);
void setError(QString* error, const QString& message);

// Why a read of the register failed, naming its file, for the user: a damaged register must say so
// rather than show empty figures.
QString readFailure(const Register& reg, const QString& reason);
// After a read's exec() and next() calls: false, with `error` set, when one of them failed rather
// than ran out of rows.
bool readSucceeded(const Register& reg, const QSqlQuery& query, QString* error);

} // namespace custos
