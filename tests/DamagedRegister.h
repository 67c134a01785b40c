#pragma once

#include "models/store/Register.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <memory>

// Damages the register at `path` as a failing disk might: the root page of its assets table is
// overwritten with bytes no SQLite page starts with, so every read of the assets fails. Call it
// with no connection open on the file, or SQLite's page cache could hide the damage. Returns what
// went wrong, or nothing.
inline QString damageAssetsTable(const QString& path)
{
    using namespace custos;
    qint64 page = 0;
    qint64 pageSize = 0;
    {
        QString error;
        const std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly, &error);
        if (!reg)
            return error;
        QSqlQuery query(reg->database());
        if (!query.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'assets'"))
            || !query.next())
            return QStringLiteral("no assets table: %1").arg(query.lastError().text());
        page = query.value(0).toLongLong();
        if (!query.exec(QStringLiteral("PRAGMA page_size")) || !query.next())
            return query.lastError().text();
        pageSize = query.value(0).toLongLong();
    } // the connection closes here, before the file is touched

    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek((page - 1) * pageSize)
        || file.write(QByteArray(pageSize, '\xA5')) != pageSize) {
        return file.errorString();
    }
    file.close();

    const std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly);
    QSqlQuery check(reg ? reg->database() : QSqlDatabase());
    if (reg && check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next()
        && check.value(0).toString() == QLatin1String("ok")) {
        return QStringLiteral("%1 is still whole after overwriting page %2").arg(path).arg(page);
    }
    return {};
}
