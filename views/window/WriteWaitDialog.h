#pragma once

#include "models/store/BusyWaiter.h"

#include <QPointer>

class QProgressDialog;
class QWidget;

namespace custos {

// The window's writes are made on its own thread; one that finds the register busy (another window
// or custos-cli is changing it) waits its turn behind this: a window-modal progress dialog with
// Cancel, while the window goes on drawing itself and following the other writer's changes.
class WriteWaitDialog : public BusyWaiter
{
public:
    explicit WriteWaitDialog(QWidget* parent);
    ~WriteWaitDialog() override;

    void started(const QString& registerPath, int limitMs) override;
    bool keepWaiting(int waitedMs) override;
    void finished() override;

private:
    QPointer<QWidget> m_parent;
    QPointer<QProgressDialog> m_dialog;
};

} // namespace custos
