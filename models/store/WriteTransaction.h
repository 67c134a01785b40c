#pragma once

#include <QString>

class QSqlQuery;

namespace custos {

class Register;

// Every change to a register goes through one of these: it takes the write lock up front (so a
// busy register is found at the start, not half-way, and the write waits its turn there, as the
// register's busy timeout and waiter say), tells the audit triggers who is writing, and rolls
// everything back unless commit() succeeds.
class WriteTransaction
{
public:
    explicit WriteTransaction(Register& reg);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    bool begin(QString* error);
    bool commit(QString* error);

    // Turns a failed statement into a message that names the register.
    QString failure(const QSqlQuery& query) const;

private:
    void rollback();

    Register& m_register;
    bool m_open = false;
};

} // namespace custos
