#pragma once

#include <QString>

namespace custos {

// What a writer shows while it waits for its turn: another connection or process is changing the
// register, and SQLite lets one writer at a time. The command line says so once; the window shows
// a progress dialog with Cancel. Called on the writer's own thread.
class BusyWaiter
{
public:
    virtual ~BusyWaiter() = default;

    // The writer has found `registerPath` busy and will wait up to `limitMs` for it.
    virtual void started(const QString& registerPath, int limitMs) = 0;
    // Called every few tens of milliseconds while the writer waits, with how long it has waited;
    // false stops the wait (Cancel), and the write changes nothing.
    virtual bool keepWaiting(int waitedMs) = 0;
    // The wait is over: the writer has its turn, or has stopped waiting.
    virtual void finished() = 0;
};

} // namespace custos
