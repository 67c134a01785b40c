#include "views/files/RegisterVerifying.h"

#include "models/store/Register.h"
#include "models/verify/RegisterVerifier.h"

#include <QAction>
#include <QMessageBox>

namespace custos {

RegisterVerifying::RegisterVerifying(QWidget* window)
    : QObject(window)
    , m_window(window)
{
    m_verify = new QAction(QStringLiteral("&Verify Register\u2026"), window);
    m_verify->setObjectName(QStringLiteral("actionVerify"));
    m_verify->setEnabled(false);
    connect(m_verify, &QAction::triggered, this, &RegisterVerifying::verify);
}

void RegisterVerifying::setRegister(Register* reg)
{
    m_task.stop();
    m_register = reg;
    enableAction();
}

void RegisterVerifying::enableAction()
{
    m_verify->setEnabled(m_register != nullptr && !m_task.isRunning());
}

void RegisterVerifying::verify()
{
    const QString path = m_register->path();
    m_task.start(
        {m_window, QStringLiteral("Verifying %1\u2026").arg(m_register->name())},
        [path](const TaskControl& control) {
            VerifyReport report;
            std::unique_ptr<Register> reg = control.open(path, OpenMode::ReadOnly, &report.failure);
            if (!reg) {
                report.outcome = VerifyReport::Outcome::Unreadable;
                return report;
            }
            RegisterVerifier verifier(*reg);
            verifier.setProgress([&control](qint64 done, qint64 total) { return control.progress(done, total); });
            return verifier.run();
        },
        [this, path](const VerifyReport& report, bool cancelled) {
            enableAction();
            if (cancelled || report.outcome == VerifyReport::Outcome::Cancelled)
                return;
            emit verified(report);
            const QString title = QStringLiteral("Verify Register");
            if (report.outcome == VerifyReport::Outcome::Intact) {
                QMessageBox box(QMessageBox::Information,
                                title,
                                QStringLiteral("%1 is intact: every check passed.").arg(path),
                                QMessageBox::Ok,
                                m_window);
                box.setInformativeText(
                    QStringLiteral("Keep the audit trail's anchor somewhere else (a board paper, "
                                   "an email) to prove later that its history was not rewritten:\n%1")
                        .arg(report.head.anchor()));
                box.setDetailedText(report.text());
                box.setTextInteractionFlags(Qt::TextSelectableByMouse);
                box.exec();
            } else if (report.outcome == VerifyReport::Outcome::Unreadable) {
                QMessageBox::warning(m_window, title, report.failure);
            } else {
                QMessageBox box(QMessageBox::Critical,
                                title,
                                QStringLiteral("%1 has been damaged or changed outside Custos.").arg(path),
                                QMessageBox::Ok,
                                m_window);
                box.setInformativeText(report.faults.first().check + QStringLiteral(": ")
                                       + report.faults.first().message
                                       + QStringLiteral("\n\nRestore a backup that verifies. The details list every "
                                                        "fault found."));
                box.setDetailedText(report.text());
                box.exec();
            }
        });
    enableAction();
}

} // namespace custos
