#include "models/store/OwnerOnlyFiles.h"

#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace custos {

namespace {

constexpr mode_t kOwnerOnlyFile = S_IRUSR | S_IWUSR;
constexpr mode_t kOwnerOnlyFolder = S_IRWXU;

QString reason()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

void setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

} // namespace

bool createOwnerOnlyFile(const QString& path, QString* error)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kOwnerOnlyFile);
    if (fd < 0) {
        setError(error,
                 errno == EEXIST ? QStringLiteral("%1 already exists.").arg(path)
                                 : QStringLiteral("%1 could not be created: %2.").arg(path, reason()));
        return false;
    }
    // The umask can only take rights away, but say exactly what the file is.
    const bool made = ::fchmod(fd, kOwnerOnlyFile) == 0;
    const QString failure = made ? QString() : reason();
    ::close(fd);
    if (!made) {
        ::unlink(name.constData());
        setError(error, QStringLiteral("%1 could not be made private: %2.").arg(path, failure));
    }
    return made;
}

bool makeOwnerOnly(QFileDevice& file, QString* error)
{
    if (file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return true;
    setError(error, QStringLiteral("%1 could not be made private: %2.").arg(file.fileName(), file.errorString()));
    return false;
}

bool prepareOwnerOnlyFile(const QString& path, QString* error)
{
    const QByteArray name = QFile::encodeName(path);
    if (::chmod(name.constData(), kOwnerOnlyFile) == 0)
        return true;
    if (errno != ENOENT) {
        setError(error, QStringLiteral("%1 could not be made private: %2.").arg(path, reason()));
        return false;
    }
    return createOwnerOnlyFile(path, error);
}

bool makeOwnerOnlyFolder(const QString& path, QString* error)
{
    // Every folder made here is owner-only from the start, those above `path` included.
    const QString absolute = QDir(path).absolutePath();
    QStringList missing;
    for (QDir folder(absolute); !folder.exists() && !folder.isRoot(); folder.setPath(QFileInfo(folder.path()).path()))
        missing.prepend(folder.path());
    for (const QString& folder : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(folder).constData(), kOwnerOnlyFolder) != 0 && errno != EEXIST) {
            setError(error,
                     QStringLiteral("The folder %1 could not be created: %2. Check that you may write there.")
                         .arg(folder, reason()));
            return false;
        }
    }
    if (::chmod(QFile::encodeName(path).constData(), kOwnerOnlyFolder) != 0) {
        setError(error, QStringLiteral("The folder %1 could not be made private: %2.").arg(path, reason()));
        return false;
    }
    return true;
}

} // namespace custos
