#pragma once

#include "models/people/PersonStore.h"
#include "models/store/Register.h"
#include "models/units/UnitStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

// A new register in a temporary folder that disappears with the test.
class TestRegister
{
public:
    TestRegister()
    {
        QString error;
        m_register = custos::Register::create(path(), &error);
        if (!m_register)
            qFatal("Could not create a test register: %s", qPrintable(error));
    }

    custos::Register& reg() { return *m_register; }
    QString path() const { return m_dir.filePath(QStringLiteral("test.custos")); }
    QString dir() const { return m_dir.path(); }
    void close() { m_register.reset(); }

    custos::RecordId addUnit(const QString& name, std::optional<custos::RecordId> parent = std::nullopt)
    {
        QString error;
        const auto id = custos::UnitStore(*m_register).add(name, parent, &error);
        if (!id)
            qFatal("addUnit: %s", qPrintable(error));
        return *id;
    }

    custos::RecordId addPerson(const QString& name,
                               const QString& email,
                               bool hasLeft = false,
                               std::optional<custos::RecordId> unitId = std::nullopt)
    {
        custos::Person person;
        person.name = name;
        person.email = email;
        person.hasLeft = hasLeft;
        person.unitId = unitId;
        QString error;
        const auto id = custos::PersonStore(*m_register).add(person, &error);
        if (!id)
            qFatal("addPerson: %s", qPrintable(error));
        return *id;
    }

    // The value of a single-value query, for checking what the file holds.
    QVariant scalar(const QString& sql)
    {
        QSqlQuery query(m_register->database());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<custos::Register> m_register;
};

// An asset that passes validation, for tests to adjust.
inline custos::Asset validAsset(const QString& reference, custos::RecordId unitId)
{
    custos::Asset asset;
    asset.reference = reference;
    asset.name = QStringLiteral("Offender case records");
    asset.unitId = unitId;
    asset.created = QDateTime(QDate(2026, 1, 31), QTime(9, 0), Qt::UTC);
    return asset;
}

// What a fresh connection finds in a register's file, for checks made after every other
// connection has closed.
inline QVariant scalarAfterClose(const QString& path, const QString& sql)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("afterwards"));
        db.setDatabaseName(path);
        QSqlQuery query(db);
        if (db.open() && query.exec(sql) && query.next())
            value = query.value(0);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("afterwards"));
    return value;
}
