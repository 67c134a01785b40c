#pragma once

#include "views/window/BackgroundTask.h"

#include <QObject>

class QAction;
class QMainWindow;

namespace custos {

class Register;

// File → Back Up Register… and File → Restore…: a backup of the open register written in the
// background behind a progress dialog with Cancel (a cancelled backup writes no file), and a
// backup restored into the open register after a question, keeping the register as it was among
// its automatic backups. Other windows and processes see a restore as another writer's change.
class RegisterBackups : public QObject
{
    Q_OBJECT

public:
    explicit RegisterBackups(QMainWindow* window);

    // The register to back up or restore into; restoring needs one that may be written. Work still
    // running on the one before stops first, writing nothing.
    void setRegister(Register* reg);
    QAction* backUpAction() const { return m_backUp; }
    QAction* restoreAction() const { return m_restore; }

signals:
    // A backup replaced the register's contents: the edits before it can no longer be undone.
    void restored();

private:
    void backUp();
    void restore();
    void enableActions();

    QMainWindow* m_window;
    Register* m_register = nullptr;
    QAction* m_backUp = nullptr;
    QAction* m_restore = nullptr;
    BackgroundTask m_task;
};

} // namespace custos
