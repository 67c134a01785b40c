#include "models/store/FileInProgress.h"

#include "models/store/OwnerOnlyFiles.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace custos {

namespace {

QString prefixFor(const QString& target, const QString& purpose)
{
    return QFileInfo(target).fileName() + QLatin1Char('.') + purpose + QLatin1Char('-');
}

bool processHasEnded(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

void removeWithSideFiles(const QString& path)
{
    for (const char* suffix : kSqliteSideFiles)
        QFile::remove(path + QLatin1String(suffix));
    QFile::remove(path);
}

// Renames without ever replacing `to`: renameat2's RENAME_NOREPLACE where the file system has it,
// otherwise a hard link (which fails on an existing name) and the removal of the old name.
bool renameWithoutReplacing(const QString& from, const QString& to, int* failure)
{
    const QByteArray source = QFile::encodeName(from);
    const QByteArray destination = QFile::encodeName(to);
    if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, destination.constData(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) {
        *failure = errno;
        return false;
    }
    if (::link(source.constData(), destination.constData()) != 0) {
        *failure = errno;
        return false;
    }
    ::unlink(source.constData());
    return true;
}

// Makes the rename last through a power cut.
void syncFolder(const QString& folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Removes the files in `folder` whose names start with `marker` (or hold it, `anywhere`) followed by
// the id of a process that has ended: "<marker><pid>-<n>", and SQLite's files beside them.
void removeAbandonedFiles(const QString& folder, const QString& marker, bool anywhere)
{
    const QDir dir(folder);
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& name : names) {
        const qsizetype at = name.indexOf(marker);
        if (at < 0 || (at > 0 && !anywhere))
            continue;
        bool isNumber = false;
        const qint64 pid = name.mid(at + marker.size()).section(QLatin1Char('-'), 0, 0).toLongLong(&isNumber);
        // Only unlinked, never opened: the process that made it is gone, and so are its locks.
        if (isNumber && processHasEnded(pid))
            QFile::remove(dir.filePath(name));
    }
}

} // namespace

FileInProgress::FileInProgress(const QString& target, const QString& purpose)
    : m_target(target)
{
    static QAtomicInteger<quint64> counter;
    m_path = QFileInfo(target).absoluteDir().filePath(
        prefixFor(target, purpose)
        + QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1)));
}

FileInProgress::~FileInProgress()
{
    if (m_created && !m_placed)
        removeWithSideFiles(m_path);
}

bool FileInProgress::create(QString* error)
{
    m_created = createOwnerOnlyFile(m_path, error);
    return m_created;
}

bool FileInProgress::place(QString* error)
{
    for (const char* suffix : kSqliteSideFiles) {
        if (QFile::exists(m_path + QLatin1String(suffix))) {
            if (error)
                *error = QStringLiteral("%1 could not be finished: SQLite still keeps %2 beside it. Nothing was "
                                        "written to %1.")
                             .arg(m_target, m_path + QLatin1String(suffix));
            return false;
        }
    }
    int failure = 0;
    if (!renameWithoutReplacing(m_path, m_target, &failure)) {
        if (error)
            *error = failure == EEXIST
                ? QStringLiteral("%1 already exists, and was left as it is. Choose another name.").arg(m_target)
                : QStringLiteral("%1 could not be written: %2.")
                      .arg(m_target, QString::fromLocal8Bit(std::strerror(failure)));
        return false;
    }
    m_placed = true;
    syncFolder(QFileInfo(m_target).absolutePath());
    return true;
}

void FileInProgress::removeAbandoned(const QString& target, const QString& purpose)
{
    removeAbandonedFiles(QFileInfo(target).absolutePath(), prefixFor(target, purpose), false);
}

void FileInProgress::removeAbandonedIn(const QString& folder, const QString& purpose)
{
    removeAbandonedFiles(folder, QLatin1Char('.') + purpose + QLatin1Char('-'), true);
}

} // namespace custos
