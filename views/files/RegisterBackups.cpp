#include "views/files/RegisterBackups.h"

#include "models/store/AutomaticBackups.h"
#include "models/store/Register.h"
#include "models/verify/Backup.h"
#include "views/files/FileChooser.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>

namespace custos {

RegisterBackups::RegisterBackups(QMainWindow* window)
    : QObject(window)
    , m_window(window)
{
    m_backUp = new QAction(QStringLiteral("&Back Up Register\u2026"), window);
    m_backUp->setObjectName(QStringLiteral("actionBackUp"));
    m_restore = new QAction(QStringLiteral("Re&store\u2026"), window);
    m_restore->setObjectName(QStringLiteral("actionRestore"));
    connect(m_backUp, &QAction::triggered, this, &RegisterBackups::backUp);
    connect(m_restore, &QAction::triggered, this, &RegisterBackups::restore);
    enableActions();
}

void RegisterBackups::setRegister(Register* reg)
{
    m_task.stop();
    m_register = reg;
    enableActions();
}

void RegisterBackups::enableActions()
{
    const bool idle = !m_task.isRunning();
    m_backUp->setEnabled(idle && m_register);
    m_restore->setEnabled(idle && m_register && !m_register->isReadOnly());
}

void RegisterBackups::backUp()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(documents).filePath(
        QStringLiteral("%1 backup %2.custos").arg(m_register->name(), QDate::currentDate().toString(Qt::ISODate)));
    const QString target = chooseFile(m_window,
                                      {.purpose = FileChoice::Purpose::Save,
                                       .title = QStringLiteral("Back Up Register"),
                                       .start = suggested,
                                       .filters = QStringLiteral("Custos registers (*.custos)"),
                                       .defaultSuffix = QStringLiteral("custos"),
                                       .asksToReplace = false,
                                       .objectName = QStringLiteral("backupFileDialog")});
    if (target.isEmpty())
        return;
    struct Written
    {
        bool done = false;
        QString error;
    };
    m_task.start(
        {m_window, QStringLiteral("Backing up %1\u2026").arg(m_register->name())},
        [registerPath = m_register->path(), target](const TaskControl& control) {
            Written written;
            std::unique_ptr<Register> reg = control.open(registerPath, OpenMode::ReadOnly, &written.error);
            if (reg) {
                const auto progress = [&control](qint64 done, qint64 total) { return control.progress(done, total); };
                written.done = backUpRegister(*reg, target, progress, &written.error);
            }
            return written;
        },
        [this, target](const Written& written, bool cancelled) {
            enableActions();
            if (written.done)
                m_window->statusBar()->showMessage(
                    QStringLiteral("Backed up %1 to %2.").arg(m_register->name(), QDir::toNativeSeparators(target)),
                    15000);
            else if (cancelled)
                m_window->statusBar()->showMessage(QStringLiteral("Backup cancelled: no file was written."), 8000);
            else
                QMessageBox::warning(m_window, QStringLiteral("Back Up Register"), written.error);
        });
    enableActions(); // off until this backup is done
}

void RegisterBackups::restore()
{
    const QString backups = AutomaticBackups::folderFor(m_register->path());
    const QString backup = chooseFile(m_window,
                                      {.title = QStringLiteral("Restore Register"),
                                       .start = QFileInfo::exists(backups)
                                           ? backups
                                           : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                       .filters = QStringLiteral("Custos registers (*.custos);;All files (*)"),
                                       .objectName = QStringLiteral("restoreFileDialog")});
    if (backup.isEmpty())
        return;
    const QString question
        = QStringLiteral("Replace everything in %1 with the backup %2?\n\nThe register as it is now is kept as a "
                         "backup in %3. Other windows and custos-cli that have the register open see the restored "
                         "register at once.")
              .arg(m_register->name(), QDir::toNativeSeparators(backup), QDir::toNativeSeparators(backups));
    if (QMessageBox::question(m_window,
                              QStringLiteral("Restore Register"),
                              question,
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    struct Restored
    {
        RestoreResult result = RestoreResult::Failed;
        QString kept;
        QString error;
    };
    m_task.start(
        {m_window, QStringLiteral("Restoring %1\u2026").arg(m_register->name())},
        [registerPath = m_register->path(), backup](const TaskControl& control) {
            Restored restored;
            std::unique_ptr<Register> reg = control.open(registerPath, OpenMode::ReadWrite, &restored.error);
            if (reg) {
                const auto progress = [&control](qint64 done, qint64 total) { return control.progress(done, total); };
                restored.result = restoreBackup(backup, *reg, progress, &restored.kept, &restored.error);
            }
            return restored;
        },
        [this, backup](const Restored& restored, bool cancelled) {
            enableActions();
            if (restored.result == RestoreResult::Restored) {
                emit this->restored();
                m_window->statusBar()->showMessage(
                    QStringLiteral("Restored %1 from %2. The register as it was is kept as %3.")
                        .arg(m_register->name(),
                             QDir::toNativeSeparators(backup),
                             QDir::toNativeSeparators(restored.kept)),
                    15000);
            } else if (cancelled) {
                m_window->statusBar()->showMessage(QStringLiteral("Restore cancelled: the register is as it was."),
                                                   8000);
            } else {
                QMessageBox::warning(m_window, QStringLiteral("Restore Register"), restored.error);
            }
        });
    enableActions(); // off until this restore is done
}

} // namespace custos
