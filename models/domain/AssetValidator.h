#pragma once

#include "models/domain/Asset.h"

#include <QStringList>

namespace custos {

// The rules an asset must meet before the store accepts it, apart from the uniqueness of its
// reference, which only the register can answer. Each problem is a sentence a person can act on.
class AssetValidator
{
public:
    static QStringList problems(const Asset& asset, const QDate& today);
    static bool isWellFormedReference(const QString& reference);
    static bool isAllowedReviewCycle(int months);
};

} // namespace custos
