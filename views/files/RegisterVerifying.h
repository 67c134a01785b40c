#pragma once

#include "views/window/BackgroundTask.h"

#include <QObject>

class QAction;
class QWidget;

namespace custos {

class Register;
struct VerifyReport;

// File → Verify Register…: the checks of `custos-cli verify` on the open register, in the
// background behind a progress dialog with Cancel, then a message that says what was found.
class RegisterVerifying : public QObject
{
    Q_OBJECT

public:
    explicit RegisterVerifying(QWidget* window);

    // The register to verify; a verification still running on the one before stops first.
    void setRegister(Register* reg);
    QAction* verifyAction() const { return m_verify; }

signals:
    // The report of a verification that ran to its end, for tests and the status bar.
    void verified(const custos::VerifyReport& report);

private:
    void verify();
    void enableAction();

    QWidget* m_window;
    Register* m_register = nullptr;
    QAction* m_verify = nullptr;
    BackgroundTask m_task;
};

} // namespace custos
