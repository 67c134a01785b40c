#pragma once

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtGlobal>
#include <unistd.h>

// A folder that takes no new files (chmod 0500), inside one that anybody may pass through, so that
// an ordinary user can see it and be refused.
class LockedFolder
{
public:
    LockedFolder()
    {
        QFile::setPermissions(m_outer.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                  | QFileDevice::ExeGroup | QFileDevice::ExeOther);
        QDir(m_outer.path()).mkdir(QStringLiteral("locked"));
        QFile::setPermissions(path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    }
    ~LockedFolder()
    {
        // Writable again, so that the temporary folder can be removed.
        QFile::setPermissions(path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QString path() const { return m_outer.filePath(QStringLiteral("locked")); }
    QString filePath(const QString& name) const { return QDir(path()).filePath(name); }

private:
    QTemporaryDir m_outer;
};

// Root may write anywhere; while this lives, the test acts as an ordinary user instead, as a
// colleague without write access to a folder would. An ordinary user stays who they are. The real
// user changes too, since access() (which says whether a file may be written) asks about that one;
// the saved one stays root, to come back to.
class AsOrdinaryUser
{
public:
    AsOrdinaryUser()
        : m_wasRoot(geteuid() == 0)
    {
        if (m_wasRoot && setresuid(65534, 65534, 0) != 0)
            qFatal("Cannot act as an ordinary user.");
    }
    ~AsOrdinaryUser()
    {
        if (m_wasRoot && setresuid(0, 0, 0) != 0)
            qFatal("Cannot act as root again.");
    }
    AsOrdinaryUser(const AsOrdinaryUser&) = delete;
    AsOrdinaryUser& operator=(const AsOrdinaryUser&) = delete;

private:
    bool m_wasRoot;
};
