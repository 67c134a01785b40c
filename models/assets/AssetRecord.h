#pragma once

#include "models/domain/Asset.h"

#include <QSqlQuery>
#include <QString>

namespace custos {

// How an Asset maps onto a row of the assets table, in the column order of Schema::assetColumns().
class AssetRecord
{
public:
    static QString selectSql(); // SELECT a.id, <columns>, a.version FROM assets a
    static QString insertSql(); // INSERT INTO assets (<columns>) VALUES (:<column>, ...)
    static QString updateSql(); // UPDATE assets SET <column> = :<column>, ... WHERE id = :id
    // Binds every column in order; the next review date is derived here so it is never stale.
    static void bind(QSqlQuery& query, const Asset& asset);
    static Asset read(const QSqlQuery& query);
};

} // namespace custos
