#pragma once

#include "models/store/DatabaseCopy.h"

#include <QString>

namespace custos {

class Register;

// Backups a person asks for (custos-cli backup and restore, File → Back Up Register… and
// Restore…), made and restored only through SQLite's online backup.

// Whether the file at `path` is a backup that may be restored: a register this version of Custos
// reads that passes RegisterVerifier (integrity, schema, hash chain, replay). The one check every
// restore makes first.
bool checkBackup(const QString& path, QString* error);

// Writes a backup of `source` to `target`, a new file: consistent while other windows and processes
// write (see copyDatabase), owner-only, and in place only once whole.
bool backUpRegister(Register& source, const QString& target, const CopyProgress& progress, QString* error);

// How a restore went: refused when the backup failed its check, failed for any other reason; in
// neither case was anything changed.
enum class RestoreResult { Restored, BackupRefused, Failed };

// Replaces everything `target` holds with the backup at `backupPath`, checked first. The backup is
// copied in as one commit, so every window and process that has the register open sees the restored
// register as another writer's change. It waits its turn as `target`'s busy timeout and waiter say,
// then, holding the write lock so that no change can come between, keeps the register as it was
// among its automatic backups (that backup's path in `keptAs`) before replacing it. Stopped part-way
// (Cancel), it changes nothing.
RestoreResult restoreBackup(
    const QString& backupPath, Register& target, const CopyProgress& progress, QString* keptAs, QString* error);

// Makes a new register at `registerPath` (which must not exist) from the backup, checked first:
// written under a temporary name beside it and renamed into place when whole.
RestoreResult restoreBackupAsNew(const QString& backupPath,
                                 const QString& registerPath,
                                 const CopyProgress& progress,
                                 QString* error);

} // namespace custos
