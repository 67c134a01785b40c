#pragma once

#include "models/domain/AssetEnums.h"
#include "models/domain/Classification.h"
#include "models/domain/LegacyMarking.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

namespace custos {

using RecordId = qint64;

// One information asset, with every field of the register. Ids refer to rows of the same register.
struct Asset
{
    RecordId id = 0;
    QString reference;
    QString name;
    QString description;
    RecordId unitId = 0;
    std::optional<RecordId> iaoId;
    std::optional<RecordId> iamId;
    std::optional<AssetFormat> format;
    QString location;
    Classification classification;
    std::optional<LegacyMarking> legacyMarking;
    bool classificationNeedsReview = false;
    QString handlingNotes;
    PersonalData personalData = PersonalData::None;
    QString lawfulBasis;
    QString retention;
    QString disposalAction;
    std::optional<Criticality> criticality;
    int reviewCycleMonths = 12;
    QDate lastReviewed;
    AssetStatus status = AssetStatus::Active;
    // Kept from an import when present; otherwise stamped by the store.
    QDateTime created;
    QDateTime modified;
    // Moved on by every update; 0 for an asset not read from the register.
    qint64 version = 0;

    bool operator==(const Asset&) const = default;
};

} // namespace custos
