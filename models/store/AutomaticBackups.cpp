#include "models/store/AutomaticBackups.h"

#include "models/store/DatabaseCopy.h"
#include "models/store/FileInProgress.h"
#include "models/store/OwnerOnlyFiles.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace custos {

namespace {

const QString kCopying = QStringLiteral("copying");

// "20260131T093000.123Z-before-import.custos": names sort as the times they were taken.
QString backupName(const QDateTime& utc, const QString& occasion, int duplicate)
{
    const QString taken = utc.toString(QStringLiteral("yyyyMMdd'T'HHmmss.zzz'Z'"));
    const QString again = duplicate > 0 ? QStringLiteral("-%1").arg(duplicate + 1) : QString();
    return taken + QLatin1Char('-') + occasion + again + QStringLiteral(".custos");
}

bool isBackupName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\d{8}T\d{6}\.\d{3}Z-[a-z-]+\d*\.custos$)"));
    return pattern.match(name).hasMatch();
}

QString backupsRoot()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("Custos/backups"));
}

} // namespace

QString AutomaticBackups::folderFor(const QString& registerPath)
{
    const QFileInfo info(registerPath);
    const QString canonical = info.canonicalFilePath();
    const QString where = canonical.isEmpty() ? info.absoluteFilePath() : canonical;
    const QByteArray hash = QCryptographicHash::hash(QFile::encodeName(where), QCryptographicHash::Sha256).toHex();
    return QDir(backupsRoot()).filePath(info.completeBaseName() + QLatin1Char('-') + QString::fromLatin1(hash.left(8)));
}

QString AutomaticBackups::keep(const QString& registerPath, const QString& occasion, QString* error)
{
    const QString folder = folderFor(registerPath);
    QString failure;
    if (!makeOwnerOnlyFolder(backupsRoot(), &failure) || !makeOwnerOnlyFolder(folder, &failure)) {
        if (error)
            *error = QStringLiteral("No backup of %1 could be made: %2").arg(registerPath, failure);
        return {};
    }
    FileInProgress::removeAbandonedIn(folder, kCopying);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString target;
    for (int duplicate = 0; target.isEmpty() || QFileInfo::exists(target); ++duplicate)
        target = QDir(folder).filePath(backupName(now, occasion, duplicate));
    if (!copyDatabaseFile(registerPath, target, {}, &failure)) {
        if (error)
            *error = QStringLiteral("No backup of %1 could be made in %2: %3").arg(registerPath, folder, failure);
        return {};
    }
    const QStringList backups = list(registerPath);
    for (qsizetype old = kKept; old < backups.size(); ++old)
        QFile::remove(backups.at(old));
    return target;
}

QStringList AutomaticBackups::list(const QString& registerPath)
{
    const QDir folder(folderFor(registerPath));
    QStringList backups;
    const QStringList names = folder.entryList(QDir::Files, QDir::Name | QDir::Reversed);
    for (const QString& name : names) {
        if (isBackupName(name))
            backups << folder.filePath(name);
    }
    return backups;
}

} // namespace custos
