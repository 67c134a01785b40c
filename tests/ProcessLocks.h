#pragma once

#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <sys/stat.h>

// What the kernel says about a file, for tests that check SQLite's locks and files are intact.
namespace processlocks {

inline ino_t inodeOf(const QString& path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_ino : 0;
}

// How many POSIX advisory locks this process holds on the file, as /proc/locks lists them
// ("1: POSIX  ADVISORY  READ 4242 fe:01:123456 128 128").
inline int heldOn(const QString& path)
{
    const ino_t inode = inodeOf(path);
    QFile locks(QStringLiteral("/proc/locks"));
    if (inode == 0 || !locks.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray pid = QByteArray::number(QCoreApplication::applicationPid());
    int held = 0;
    for (const QByteArray& line : locks.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 8 || fields.at(1) != "POSIX" || fields.at(4) != pid)
            continue;
        if (fields.at(5).split(':').value(2).toULongLong() == inode)
            ++held;
    }
    return held;
}

} // namespace processlocks
