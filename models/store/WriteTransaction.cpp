#include "models/store/WriteTransaction.h"

#include "models/store/Register.h"

#include <QSqlError>
#include <QSqlQuery>

namespace custos {

namespace {

bool isBusy(const QSqlError& error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), possibly extended.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 5 || code == 6;
}

} // namespace

WriteTransaction::WriteTransaction(Register& reg)
    : m_register(reg)
{
}

WriteTransaction::~WriteTransaction()
{
    if (m_open)
        rollback();
}

QString WriteTransaction::failure(const QSqlQuery& query) const
{
    const QSqlError error = query.lastError();
    if (isBusy(error)) {
        return QStringLiteral("%1 is being changed by someone else and stayed locked for %2 seconds. Nothing "
                              "was changed; try again in a moment.")
            .arg(m_register.path())
            .arg(m_register.busyTimeoutMs() / 1000.0);
    }
    return QStringLiteral("%1: %2").arg(m_register.path(), error.databaseText());
}

bool WriteTransaction::begin(QString* error)
{
    if (m_register.isReadOnly()) {
        if (error)
            *error = m_register.readOnlyReason() + QStringLiteral(" Nothing was changed.");
        return false;
    }
    QSqlQuery query(m_register.database());
    QString busy;
    const Register::Attempt turn = m_register.takeTurn(
        [&query] {
            if (query.exec(QStringLiteral("BEGIN IMMEDIATE")))
                return Register::Attempt::Taken;
            return isBusy(query.lastError()) ? Register::Attempt::Busy : Register::Attempt::Failed;
        },
        &busy);
    if (turn != Register::Attempt::Taken) {
        if (error)
            *error = turn == Register::Attempt::Busy ? busy : failure(query);
        return false;
    }
    m_open = true;
    query.prepare(QStringLiteral("INSERT INTO write_session (actor) VALUES (?)"));
    query.addBindValue(m_register.actor());
    if (!query.exec()) {
        if (error)
            *error = failure(query);
        rollback();
        return false;
    }
    return true;
}

bool WriteTransaction::commit(QString* error)
{
    QSqlQuery query(m_register.database());
    if (!query.exec(QStringLiteral("DELETE FROM write_session")) || !query.exec(QStringLiteral("COMMIT"))) {
        if (error)
            *error = failure(query);
        rollback();
        return false;
    }
    m_open = false;
    m_register.afterCommit();
    return true;
}

void WriteTransaction::rollback()
{
    QSqlQuery query(m_register.database());
    query.exec(QStringLiteral("ROLLBACK"));
    m_open = false;
}

} // namespace custos
