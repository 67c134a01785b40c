#pragma once

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace custos {

enum class OpenMode { ReadWrite, ReadOnly };

// An open register: one SQLite file and the connection to it. Opening checks the file before
// anything is written to it and refuses, with a message that says what to do, files that are not
// registers or that come from a newer Custos. A file the user may not write opens read-only.
class Register
{
public:
    static constexpr int kDefaultBusyTimeoutMs = 5000;

    ~Register();
    Register(const Register&) = delete;
    Register& operator=(const Register&) = delete;

    // Creates a new, empty register readable and writable by its owner only.
    static std::unique_ptr<Register> create(const QString& path, QString* error = nullptr);
    static std::unique_ptr<Register>
    open(const QString& path, OpenMode mode = OpenMode::ReadWrite, QString* error = nullptr);

    QSqlDatabase database() const;
    QString path() const { return m_path; }
    QString name() const;
    bool isReadOnly() const { return m_readOnly; }
    // Why the register is read-only, in words for the user; empty when it is writable.
    QString readOnlyReason() const { return m_readOnlyReason; }

    // Who the audit trail names for changes made through this connection: the operating-system
    // login unless set otherwise.
    QString actor() const { return m_actor; }
    void setActor(const QString& actor) { m_actor = actor; }

    // How long a write waits for another writer to finish before it gives up.
    int busyTimeoutMs() const { return m_busyTimeoutMs; }
    void setBusyTimeoutMs(int milliseconds);

private:
    Register(const QString& path, const QString& connectionName);

    QString m_path;
    QString m_connectionName;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    QString m_actor;
    int m_busyTimeoutMs = kDefaultBusyTimeoutMs;
};

// The operating-system login of the person running Custos.
QString currentLogin();

// Why `path` may not be read or written as a document (an export, a report, a file to import):
// it is the file of a register open in this process, or SQLite's write-ahead log, shared memory or
// journal beside it. Nothing but SQLite may open such a file: on POSIX, closing any descriptor of a
// file drops every lock the process holds on it, and writing over it would destroy the register.
// Empty for any other path.
QString openRegisterFileConflict(const QString& path);

} // namespace custos
