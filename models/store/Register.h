#pragma once

#include "models/store/BusyWaiter.h"

#include <QFlags>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <limits>
#include <memory>

class QTimer;

namespace custos {

// Background: read-only, for a connection of its own that reads off the window's thread (the
// table's loaders, the dashboard) with a small page cache, so that the window's memory stays flat.
enum class OpenMode { ReadWrite, ReadOnly, Background };

// What a commit changed, as the audit trail records it. A review changes its assets.
enum class RegisterChange { Assets = 0x1, People = 0x2, Units = 0x4 };
Q_DECLARE_FLAGS(RegisterChanges, RegisterChange)

// An open register: one SQLite file and the connection to it. Opening checks the file before
// anything is written to it and refuses, with a message that says what to do, files that are not
// registers or that come from a newer Custos. A file the user may not write opens read-only.
// Once watched, it says what every commit changed, whichever connection or process made it.
class Register : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultBusyTimeoutMs = 5000;
    // The busy timeout of a writer whose busy waiter has Cancel: it waits until stopped.
    static constexpr int kWaitUntilCancelled = std::numeric_limits<int>::max();

    // How often a watched register asks SQLite whether another connection has committed.
    static constexpr int kWatchIntervalMs = 500;

    ~Register() override;
    Register(const Register&) = delete;
    Register& operator=(const Register&) = delete;

    // What fills a register being created before it appears under its name (the demo's contents).
    using Filling = std::function<bool(Register& reg, QString* error)>;

    // Creates a new register readable and writable by its owner only, empty or filled by `fill`. It
    // is built under a temporary name beside `path` and appears at `path` only when whole, never
    // over a file that appeared meanwhile: a creation cut short (killed) leaves no register, and
    // the next creation of `path` removes what it left.
    static std::unique_ptr<Register>
    create(const QString& path, QString* error = nullptr, const Filling& fill = Filling());
    static std::unique_ptr<Register>
    open(const QString& path, OpenMode mode = OpenMode::ReadWrite, QString* error = nullptr);

    QSqlDatabase database() const;
    QString path() const { return m_path; }
    // The schema version of the open file (PRAGMA user_version).
    int schemaVersion() const;
    // The database engine and its version, as About tells it ("SQLite 3.40.1").
    static QString engineVersion();
    QString name() const;
    bool isReadOnly() const { return m_readOnly; }
    // Why the register is read-only, in words for the user; empty when it is writable.
    QString readOnlyReason() const { return m_readOnlyReason; }

    // Who the audit trail names for changes made through this connection: the operating-system
    // login unless set otherwise.
    QString actor() const { return m_actor; }
    void setActor(const QString& actor) { m_actor = actor; }

    // How long a write waits for its turn while another writer holds the register, before it
    // gives up. Reads wait as long for SQLite's own locks, up to kDefaultBusyTimeoutMs.
    int busyTimeoutMs() const { return m_busyTimeoutMs; }
    void setBusyTimeoutMs(int milliseconds);
    // Shows the waits of writes through this connection; without one, a write waits quietly.
    void setBusyWaiter(std::unique_ptr<BusyWaiter> waiter);

    // How one attempt at the write lock went.
    enum class Attempt { Taken, Busy, Failed };
    // The one way a writer waits its turn: makes `attempt` (BEGIN IMMEDIATE, or a restore's first
    // step) again every few tens of milliseconds while another writer holds the register, up to
    // busyTimeoutMs or until the busy waiter says stop. Returns the last attempt's outcome; Busy
    // means the writer stopped waiting, and `busyError` says why, for the user.
    Attempt takeTurn(const std::function<Attempt()>& attempt, QString* busyError);

    // Starts saying what changes: this connection's commits as they are made, other connections'
    // and processes' within kWatchIntervalMs. Looking costs the same on any size of register:
    // PRAGMA data_version, then the audit rows added since the last look.
    void watch(int intervalMs = kWatchIntervalMs);
    // Looks for changes now; watch() does this on its own.
    void noticeChanges();
    // Called by WriteTransaction after each commit through this connection.
    void afterCommit();

signals:
    void changed(custos::RegisterChanges what);

private:
    Register(const QString& path, const QString& connectionName);
    void lookForChanges(bool ownCommit);

    QString m_path;
    QString m_connectionName;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    QString m_actor;
    int m_busyTimeoutMs = kDefaultBusyTimeoutMs;
    std::unique_ptr<BusyWaiter> m_busyWaiter;
    QTimer* m_watch = nullptr;
    qint64 m_dataVersion = -1;
    qint64 m_lastAuditId = 0;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(RegisterChanges)

// The operating-system login of the person running Custos.
QString currentLogin();

// Why `path` may not be read or written as a document (an export, a report, a file to import):
// it is the file of a register open in this process, or SQLite's write-ahead log, shared memory or
// journal beside it. Nothing but SQLite may open such a file: on POSIX, closing any descriptor of a
// file drops every lock the process holds on it, and writing over it would destroy the register.
// Empty for any other path.
QString openRegisterFileConflict(const QString& path);

} // namespace custos
