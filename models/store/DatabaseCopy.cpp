#include "models/store/DatabaseCopy.h"

#include "models/store/FileInProgress.h"
#include "models/store/Register.h"
#include "models/store/SqlConnection.h"
#include "models/store/SqliteHandle.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <sqlite3.h>

namespace custos {

namespace {

const QString kCopying = QStringLiteral("copying");
constexpr int kBusyStepMs = 10;
constexpr int kBusyStepsAtMost = Register::kDefaultBusyTimeoutMs / kBusyStepMs;

void setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

// Holds a read transaction on the source for the whole copy: without one, SQLite would start the
// copy again whenever another connection commits, and never finish under a steady writer.
class ReadTransaction
{
public:
    explicit ReadTransaction(const QSqlDatabase& db)
        : m_query(db)
    {
        m_open = m_query.exec(QStringLiteral("BEGIN"));
        // A deferred transaction starts reading at its first read, and keeps that view until it ends.
        m_reading = m_open && m_query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
        m_query.finish();
    }
    ~ReadTransaction()
    {
        if (m_open)
            m_query.exec(QStringLiteral("COMMIT"));
    }
    bool isReading() const { return m_reading; }
    QString failure() const { return m_query.lastError().text(); }

private:
    QSqlQuery m_query;
    bool m_open = false;
    bool m_reading = false;
};

} // namespace

bool copyDatabaseInto(const QSqlDatabase& source,
                      const QString& emptyFile,
                      const CopyProgress& progress,
                      QString* error)
{
    const QString sourceName = QFileInfo(source.databaseName()).fileName();
    const ReadTransaction reading(source);
    if (!reading.isReading()) {
        setError(error, QStringLiteral("%1 could not be read: %2").arg(source.databaseName(), reading.failure()));
        return false;
    }
    const SqlConnection destination(emptyFile, SqlConnection::Access::ReadWrite);
    sqlite3* from = sqliteHandle(source);
    sqlite3* to = sqliteHandle(destination.database());
    if (!from || !to) {
        setError(error,
                 QStringLiteral("%1 could not be opened to copy %2 into: %3")
                     .arg(emptyFile, sourceName, destination.database().lastError().text()));
        return false;
    }
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) {
        setError(error,
                 QStringLiteral("%1 could not be copied: %2").arg(sourceName, QString::fromUtf8(sqlite3_errmsg(to))));
        return false;
    }
    int result = SQLITE_OK;
    bool cancelled = false;
    int busySteps = 0;
    while (result == SQLITE_OK || result == SQLITE_BUSY || result == SQLITE_LOCKED) {
        result = sqlite3_backup_step(backup, kCopyPagesPerStep);
        // Only a moment's lock of SQLite's own (a checkpoint, a recovery) can come between: the
        // source is being read already and the destination is nobody else's.
        if ((result == SQLITE_BUSY || result == SQLITE_LOCKED) && ++busySteps < kBusyStepsAtMost) {
            QThread::msleep(kBusyStepMs);
            continue;
        }
        busySteps = 0;
        const int total = sqlite3_backup_pagecount(backup);
        if (result == SQLITE_OK && progress && !progress(total - sqlite3_backup_remaining(backup), total)) {
            cancelled = true;
            break;
        }
    }
    sqlite3_backup_finish(backup);
    if (cancelled) {
        setError(error, QStringLiteral("The copy of %1 was cancelled; nothing was written.").arg(sourceName));
        return false;
    }
    if (result != SQLITE_DONE) {
        setError(error,
                 QStringLiteral("%1 could not be copied to %2: %3. Check that there is room on the disk.")
                     .arg(sourceName, emptyFile, QString::fromUtf8(sqlite3_errstr(result))));
        return false;
    }
    return true;
}

bool copyDatabase(const QSqlDatabase& source, const QString& target, const CopyProgress& progress, QString* error)
{
    if (const QString conflict = openRegisterFileConflict(target); !conflict.isEmpty()) {
        setError(error, conflict);
        return false;
    }
    if (QFileInfo::exists(target)) {
        setError(error,
                 QStringLiteral("%1 already exists. Choose a new name: Custos does not write over a file that may be "
                                "a register in use.")
                     .arg(target));
        return false;
    }
    FileInProgress::removeAbandoned(target, kCopying);
    FileInProgress copy(target, kCopying);
    if (!copy.create(error))
        return false;
    if (!copyDatabaseInto(source, copy.path(), progress, error))
        return false;
    return copy.place(error);
}

bool copyDatabaseFile(const QString& sourcePath, const QString& target, const CopyProgress& progress, QString* error)
{
    const SqlConnection source(sourcePath, SqlConnection::Access::ReadOnly);
    if (!source.database().isOpen()) {
        setError(error,
                 QStringLiteral("%1 could not be opened to copy it: %2")
                     .arg(sourcePath, source.database().lastError().text()));
        return false;
    }
    return copyDatabase(source.database(), target, progress, error);
}

} // namespace custos
