#pragma once

#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace custos {

// How far a copy has got, in database pages; false stops it, and it writes nothing.
using CopyProgress = std::function<bool(qint64 donePages, qint64 totalPages)>;

// Copies a whole SQLite database through SQLite's online backup, which is the only way Custos
// copies a register: its files are never opened but by SQLite (on POSIX, closing any descriptor of
// a file drops every lock the process holds on it). The source is read inside one read
// transaction, so the copy is the database as one commit left it, changes still in its write-ahead
// log included, while others go on writing.

// Copies `source` into `target`, a new file: written under a temporary name beside it, owner-only,
// and renamed into place when whole. Refuses a `target` that exists or that belongs to a register
// open in this process (its file, log or shared memory).
bool copyDatabase(const QSqlDatabase& source, const QString& target, const CopyProgress& progress, QString* error);

// The same, reading `sourcePath` through a read-only connection of its own.
bool copyDatabaseFile(const QString& sourcePath, const QString& target, const CopyProgress& progress, QString* error);

// Copies `source` into `emptyFile`, an empty file this process has just created and nobody else
// uses (a private snapshot), in place.
bool copyDatabaseInto(const QSqlDatabase& source,
                      const QString& emptyFile,
                      const CopyProgress& progress,
                      QString* error);

// The pages copied between two looks at the progress (4 MiB of 4 KiB pages).
inline constexpr int kCopyPagesPerStep = 1024;

} // namespace custos
