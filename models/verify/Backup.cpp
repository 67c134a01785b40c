#include "models/verify/Backup.h"

#include "models/store/AutomaticBackups.h"
#include "models/store/Register.h"
#include "models/store/SqlConnection.h"
#include "models/store/SqliteHandle.h"
#include "models/verify/RegisterVerifier.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <sqlite3.h>
#include <sys/stat.h>

namespace custos {

namespace {

void setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

bool sameFile(const QString& a, const QString& b)
{
    struct stat first
    {
    };
    struct stat second
    {
    };
    return ::stat(QFile::encodeName(a).constData(), &first) == 0
        && ::stat(QFile::encodeName(b).constData(), &second) == 0 && first.st_dev == second.st_dev
        && first.st_ino == second.st_ino;
}

Register::Attempt attemptOf(int result)
{
    if (result == SQLITE_OK || result == SQLITE_DONE)
        return Register::Attempt::Taken;
    return result == SQLITE_BUSY || result == SQLITE_LOCKED ? Register::Attempt::Busy : Register::Attempt::Failed;
}

// Copies the backup into the register's own connection, page by page; the first step (of no
// pages) takes the register's write lock, waiting its turn. Finishing before the last step rolls
// everything back.
class CopyIn
{
public:
    CopyIn(Register& target, const SqlConnection& backup)
        : m_to(sqliteHandle(target.database()))
    {
        sqlite3* from = sqliteHandle(backup.database());
        if (m_to && from)
            m_backup = sqlite3_backup_init(m_to, "main", from, "main");
    }
    ~CopyIn() { finish(); }
    void finish()
    {
        if (m_backup)
            sqlite3_backup_finish(m_backup);
        m_backup = nullptr;
    }
    bool started() const { return m_backup != nullptr; }
    int step(int pages) { return m_result = sqlite3_backup_step(m_backup, pages); }
    int result() const { return m_result; }
    qint64 total() const { return sqlite3_backup_pagecount(m_backup); }
    qint64 done() const { return total() - sqlite3_backup_remaining(m_backup); }
    QString failure() const
    {
        return m_to ? QString::fromUtf8(sqlite3_errmsg(m_to)) : QString::fromUtf8(sqlite3_errstr(m_result));
    }

private:
    sqlite3* m_to = nullptr;
    sqlite3_backup* m_backup = nullptr;
    int m_result = SQLITE_OK;
};

} // namespace

bool checkBackup(const QString& path, QString* error)
{
    QString problem;
    const std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly, &problem);
    if (!reg) {
        setError(error, problem);
        return false;
    }
    const VerifyReport report = RegisterVerifier(*reg).run();
    if (report.outcome == VerifyReport::Outcome::Intact)
        return true;
    setError(error,
             report.outcome == VerifyReport::Outcome::Unreadable
                 ? report.failure
                 : QStringLiteral("%1 is damaged or was changed outside Custos, so it does not verify (%2: %3). "
                                  "Choose another backup.")
                       .arg(path, report.faults.first().check, report.faults.first().message));
    return false;
}

bool backUpRegister(Register& source, const QString& target, const CopyProgress& progress, QString* error)
{
    return copyDatabase(source.database(), target, progress, error);
}

RestoreResult restoreBackup(
    const QString& backupPath, Register& target, const CopyProgress& progress, QString* keptAs, QString* error)
{
    if (target.isReadOnly()) {
        setError(error, target.readOnlyReason() + QStringLiteral(" Nothing was restored."));
        return RestoreResult::Failed;
    }
    if (sameFile(backupPath, target.path())) {
        setError(error, QStringLiteral("%1 is the register itself: choose a backup of it.").arg(backupPath));
        return RestoreResult::BackupRefused;
    }
    if (!checkBackup(backupPath, error))
        return RestoreResult::BackupRefused;
    const SqlConnection backup(backupPath, SqlConnection::Access::ReadOnly);
    CopyIn copy(target, backup);
    if (!copy.started()) {
        setError(error, QStringLiteral("%1 could not be restored: %2").arg(backupPath, copy.failure()));
        return RestoreResult::Failed;
    }
    QString busy;
    const Register::Attempt turn = target.takeTurn([&copy] { return attemptOf(copy.step(0)); }, &busy);
    if (turn != Register::Attempt::Taken) {
        setError(error,
                 turn == Register::Attempt::Busy ? busy
                                                 : QStringLiteral("%1 could not be restored into %2: %3")
                                                       .arg(backupPath, target.path(), copy.failure()));
        return RestoreResult::Failed;
    }
    const QString kept = AutomaticBackups::keep(target.path(), AutomaticBackups::kBeforeRestore, error);
    if (kept.isEmpty())
        return RestoreResult::Failed;
    while (copy.step(kCopyPagesPerStep) == SQLITE_OK) {
        if (progress && !progress(copy.done(), copy.total())) {
            setError(error, QStringLiteral("The restore was cancelled; %1 is as it was.").arg(target.path()));
            return RestoreResult::Failed;
        }
    }
    if (copy.result() != SQLITE_DONE) {
        setError(error,
                 QStringLiteral("%1 could not be restored into %2, which is as it was: %3")
                     .arg(backupPath, target.path(), copy.failure()));
        return RestoreResult::Failed;
    }
    copy.finish(); // before the register's connection is used again
    if (keptAs)
        *keptAs = kept;
    target.afterCommit();
    return RestoreResult::Restored;
}

RestoreResult
restoreBackupAsNew(const QString& backupPath, const QString& registerPath, const CopyProgress& progress, QString* error)
{
    if (!checkBackup(backupPath, error))
        return RestoreResult::BackupRefused;
    return copyDatabaseFile(backupPath, registerPath, progress, error) ? RestoreResult::Restored
                                                                       : RestoreResult::Failed;
}

} // namespace custos
