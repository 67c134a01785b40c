#include "models/store/Register.h"
#include "models/store/SqliteHandle.h"

#include <QElapsedTimer>
#include <QThread>
#include <algorithm>
#include <sqlite3.h>

// How a writer waits its turn while another holds the register: in short slices, so that the
// window stays responsive (its busy waiter runs the event loop between them) and Cancel is quick.

namespace custos {

namespace {

// How long one attempt at the write lock waits inside SQLite before the writer looks up.
constexpr int kSliceMs = 50;

QString duration(int milliseconds)
{
    const int seconds = std::max(1, (milliseconds + 500) / 1000);
    return seconds == 1 ? QStringLiteral("1 second") : QStringLiteral("%1 seconds").arg(seconds);
}

} // namespace

void Register::setBusyTimeoutMs(int milliseconds)
{
    m_busyTimeoutMs = milliseconds;
    if (sqlite3* db = sqliteHandle(database()))
        sqlite3_busy_timeout(db, std::min(milliseconds, kDefaultBusyTimeoutMs));
}

void Register::setBusyWaiter(std::unique_ptr<BusyWaiter> waiter)
{
    m_busyWaiter = std::move(waiter);
}

Register::Attempt Register::takeTurn(const std::function<Attempt()>& attempt, QString* busyError)
{
    sqlite3* db = sqliteHandle(database());
    if (db)
        sqlite3_busy_timeout(db, std::min(kSliceMs, m_busyTimeoutMs));
    QElapsedTimer waited;
    waited.start();
    bool told = false;
    bool cancelled = false;
    Attempt outcome = Attempt::Busy;
    for (;;) {
        QElapsedTimer slice;
        slice.start();
        outcome = attempt();
        if (outcome != Attempt::Busy || waited.elapsed() >= m_busyTimeoutMs)
            break;
        if (m_busyWaiter) {
            if (!told)
                m_busyWaiter->started(m_path, m_busyTimeoutMs);
            told = true;
            if (!m_busyWaiter->keepWaiting(int(waited.elapsed()))) {
                cancelled = true;
                break;
            }
        }
        // A lock SQLite does not wait for itself (a restore's first step) is not tried in a spin.
        if (slice.elapsed() < kSliceMs)
            QThread::msleep(kSliceMs - slice.elapsed());
    }
    if (told)
        m_busyWaiter->finished();
    if (db)
        sqlite3_busy_timeout(db, std::min(m_busyTimeoutMs, kDefaultBusyTimeoutMs));
    if (outcome == Attempt::Busy && busyError) {
        *busyError = cancelled
            ? QStringLiteral("You stopped waiting for %1, which someone else is changing. Nothing was changed.")
                  .arg(m_path)
            : QStringLiteral("%1 is being changed by someone else and stayed locked for %2. Nothing was changed; "
                             "try again in a moment.")
                  .arg(m_path, duration(m_busyTimeoutMs));
    }
    return outcome;
}

} // namespace custos
