#pragma once

#include "models/store/DatabaseCopy.h"
#include "models/store/FileInProgress.h"

#include <memory>

namespace custos {

class Register;

// A private copy of a register, for work that must see the register as it is without holding it
// (an import's dry run writes into its copy and rolls back, while others go on writing to the
// register). Made through SQLite's online backup into an owner-only file beside the register (so it
// stays on the disk, and under the protection, the register's owner chose), and removed with its
// files when this goes.
class RegisterSnapshot
{
public:
    // Null, with `error` saying why, when the copy could not be made or was cancelled.
    static std::unique_ptr<RegisterSnapshot> take(Register& source, const CopyProgress& progress, QString* error);
    ~RegisterSnapshot();

    Register& reg() { return *m_register; }

private:
    explicit RegisterSnapshot(const QString& sourcePath);

    FileInProgress m_file; // goes last: the connection closes before the files go
    std::unique_ptr<Register> m_register;
};

} // namespace custos
