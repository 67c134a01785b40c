#include "models/assets/AssetRecord.h"

#include "models/domain/ReviewSchedule.h"
#include "models/store/Schema.h"
#include "models/store/SqlValues.h"

#include <QStringList>

namespace custos {

namespace {

// The named SQL parameters ":reference", ":name", ... in column order. Values are bound by
// name: Qt formats a name for every value bound by position, which cost more than SQLite's own
// work for the bind.
const QStringList& parameterNames()
{
    static const QStringList names = [] {
        QStringList list;
        for (const QString& column : Schema::assetColumns())
            list << QLatin1Char(':') + column;
        return list;
    }();
    return names;
}

template <typename Enum>
QVariant enumValue(const std::optional<Enum>& value)
{
    return value ? QVariant(enumToText(*value)) : QVariant(QMetaType::fromType<QString>());
}

} // namespace

QString AssetRecord::selectSql()
{
    QStringList qualified;
    for (const QString& column : Schema::assetColumns())
        qualified << QStringLiteral("a.") + column;
    return QStringLiteral("SELECT a.id, %1, a.version FROM assets a").arg(qualified.join(QStringLiteral(", ")));
}

QString AssetRecord::insertSql()
{
    return QStringLiteral("INSERT INTO assets (%1) VALUES (%2)")
        .arg(Schema::assetColumns().join(QStringLiteral(", ")), parameterNames().join(QStringLiteral(", ")));
}

QString AssetRecord::updateSql()
{
    QStringList assignments;
    for (qsizetype column = 0; column < Schema::assetColumns().size(); ++column)
        assignments << Schema::assetColumns().at(column) + QStringLiteral(" = ") + parameterNames().at(column);
    return QStringLiteral("UPDATE assets SET %1 WHERE id = :id").arg(assignments.join(QStringLiteral(", ")));
}

void AssetRecord::bind(QSqlQuery& query, const Asset& asset)
{
    const QStringList& names = parameterNames();
    const std::optional<ClassificationLevel> level = asset.classification.level();
    const QDate nextDue
        = ReviewSchedule::nextDue(asset.lastReviewed, asset.created.toUTC().date(), asset.reviewCycleMonths);
    query.bindValue(names.at(0), asset.reference);
    query.bindValue(names.at(1), asset.name.trimmed());
    query.bindValue(names.at(2), textValue(asset.description));
    query.bindValue(names.at(3), asset.unitId);
    query.bindValue(names.at(4), idValue(asset.iaoId));
    query.bindValue(names.at(5), idValue(asset.iamId));
    query.bindValue(names.at(6), enumValue(asset.format));
    query.bindValue(names.at(7), textValue(asset.location));
    query.bindValue(names.at(8), level ? QVariant(levelToText(*level)) : QVariant(QMetaType::fromType<QString>()));
    query.bindValue(names.at(9), asset.classification.isSensitive() ? 1 : 0);
    query.bindValue(names.at(10),
                    asset.legacyMarking ? QVariant(legacyMarkingToText(*asset.legacyMarking))
                                        : QVariant(QMetaType::fromType<QString>()));
    query.bindValue(names.at(11), asset.classificationNeedsReview ? 1 : 0);
    query.bindValue(names.at(12), textValue(asset.handlingNotes));
    query.bindValue(names.at(13), enumToText(asset.personalData));
    query.bindValue(names.at(14), textValue(asset.lawfulBasis));
    query.bindValue(names.at(15), textValue(asset.retention));
    query.bindValue(names.at(16), textValue(asset.disposalAction));
    query.bindValue(names.at(17), enumValue(asset.criticality));
    query.bindValue(names.at(18), asset.reviewCycleMonths);
    query.bindValue(names.at(19), dateValue(asset.lastReviewed));
    query.bindValue(names.at(20), dateValue(nextDue));
    query.bindValue(names.at(21), enumToText(asset.status));
    query.bindValue(names.at(22), timestampText(asset.created));
    query.bindValue(names.at(23), timestampText(asset.modified));
    query.bindValue(QStringLiteral(":id"), asset.id); // updateSql's; an insert has no :id
}

Asset AssetRecord::read(const QSqlQuery& query)
{
    Asset asset;
    asset.id = query.value(0).toLongLong();
    asset.reference = query.value(1).toString();
    asset.name = query.value(2).toString();
    asset.description = query.value(3).toString();
    asset.unitId = query.value(4).toLongLong();
    asset.iaoId = optionalId(query.value(5));
    asset.iamId = optionalId(query.value(6));
    asset.format = enumFromText<AssetFormat>(query.value(7).toString());
    asset.location = query.value(8).toString();
    if (const auto level = levelFromText(query.value(9).toString()))
        asset.classification = Classification::of(*level, query.value(10).toBool());
    asset.legacyMarking = legacyMarkingFromText(query.value(11).toString());
    asset.classificationNeedsReview = query.value(12).toBool();
    asset.handlingNotes = query.value(13).toString();
    asset.personalData = enumFromText<PersonalData>(query.value(14).toString()).value_or(PersonalData::None);
    asset.lawfulBasis = query.value(15).toString();
    asset.retention = query.value(16).toString();
    asset.disposalAction = query.value(17).toString();
    asset.criticality = enumFromText<Criticality>(query.value(18).toString());
    asset.reviewCycleMonths = query.value(19).toInt();
    asset.lastReviewed = dateFrom(query.value(20));
    asset.status = enumFromText<AssetStatus>(query.value(22).toString()).value_or(AssetStatus::Active);
    asset.created = timestampFrom(query.value(23));
    asset.modified = timestampFrom(query.value(24));
    asset.version = query.value(25).toLongLong();
    return asset;
}

} // namespace custos
