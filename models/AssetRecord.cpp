#include "AssetRecord.h"

#include "ReviewSchedule.h"
#include "Schema.h"
#include "SqlValues.h"

#include <QStringList>

namespace custos {

namespace {

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
    return QStringLiteral("SELECT a.id, %1 FROM assets a").arg(qualified.join(QStringLiteral(", ")));
}

QString AssetRecord::insertSql()
{
    const QStringList parameters(Schema::assetColumns().size(), QStringLiteral("?"));
    return QStringLiteral("INSERT INTO assets (%1) VALUES (%2)")
        .arg(Schema::assetColumns().join(QStringLiteral(", ")), parameters.join(QStringLiteral(", ")));
}

QString AssetRecord::updateSql()
{
    return QStringLiteral("UPDATE assets SET %1 = ? WHERE id = ?")
        .arg(Schema::assetColumns().join(QStringLiteral(" = ?, ")));
}

void AssetRecord::bind(QSqlQuery& query, const Asset& asset)
{
    const std::optional<ClassificationLevel> level = asset.classification.level();
    const QDate nextDue
        = ReviewSchedule::nextDue(asset.lastReviewed, asset.created.toUTC().date(), asset.reviewCycleMonths);
    query.addBindValue(asset.reference);
    query.addBindValue(asset.name.trimmed());
    query.addBindValue(textValue(asset.description));
    query.addBindValue(asset.unitId);
    query.addBindValue(idValue(asset.iaoId));
    query.addBindValue(idValue(asset.iamId));
    query.addBindValue(enumValue(asset.format));
    query.addBindValue(textValue(asset.location));
    query.addBindValue(level ? QVariant(levelToText(*level)) : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(asset.classification.isSensitive() ? 1 : 0);
    query.addBindValue(asset.legacyMarking ? QVariant(legacyMarkingToText(*asset.legacyMarking))
                                           : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(asset.classificationNeedsReview ? 1 : 0);
    query.addBindValue(textValue(asset.handlingNotes));
    query.addBindValue(enumToText(asset.personalData));
    query.addBindValue(textValue(asset.lawfulBasis));
    query.addBindValue(textValue(asset.retention));
    query.addBindValue(textValue(asset.disposalAction));
    query.addBindValue(enumValue(asset.criticality));
    query.addBindValue(asset.reviewCycleMonths);
    query.addBindValue(dateValue(asset.lastReviewed));
    query.addBindValue(dateValue(nextDue));
    query.addBindValue(enumToText(asset.status));
    query.addBindValue(timestampText(asset.created));
    query.addBindValue(timestampText(asset.modified));
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
    return asset;
}

} // namespace custos
