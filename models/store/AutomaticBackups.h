#pragma once

#include <QString>
#include <QStringList>

namespace custos {

// The backups Custos makes on its own before it changes a register wholesale: before an upgrade,
// an import and a restore. They are kept in the user's data folder, one folder per register shared
// by the window and custos-cli ("~/.local/share/Custos/backups/<name>-<hash of its path>/"), owner-
// only, each named by the UTC time it was taken and why; the newest kKept of each register stay.
class AutomaticBackups
{
public:
    static constexpr int kKept = 5;

    // Why a backup was taken, as its name ends.
    static inline const QString kBeforeUpgrade = QStringLiteral("before-upgrade");
    static inline const QString kBeforeImport = QStringLiteral("before-import");
    static inline const QString kBeforeRestore = QStringLiteral("before-restore");

    // Where the backups of the register at `registerPath` are kept.
    static QString folderFor(const QString& registerPath);

    // Backs the register up into its folder, through SQLite, as the last commit left it, and lets
    // the oldest go beyond kKept. Returns the backup's path, or nothing with `error` saying why.
    static QString keep(const QString& registerPath, const QString& occasion, QString* error);

    // The register's backups, newest first.
    static QStringList list(const QString& registerPath);
};

} // namespace custos
