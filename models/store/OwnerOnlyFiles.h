#pragma once

#include <QString>

class QFileDevice;

namespace custos {

// Everything Custos writes (registers, backups, exports, reports, temporary files) is readable and
// writable by its owner alone, whatever the umask: a register's contents are often classified.

// Creates `path` as a new, empty file with owner-only permissions from its first moment; refuses a
// file that exists. Only for a path nothing has open: the descriptor is closed again at once.
bool createOwnerOnlyFile(const QString& path, QString* error);

// Makes an open file owner-only before anything is written to it: a QSaveFile's temporary file
// before its commit, so that the file it becomes never shows its contents to others.
bool makeOwnerOnly(QFileDevice& file, QString* error);

// Makes `path` ready for a writer that opens it itself (a printer writing a PDF): an existing file
// becomes owner-only (by name, without opening it), a missing one is created owner-only and empty.
bool prepareOwnerOnlyFile(const QString& path, QString* error);

// Creates the folder (and those above it) if need be, and makes it readable, writable and
// searchable by its owner alone.
bool makeOwnerOnlyFolder(const QString& path, QString* error);

} // namespace custos
