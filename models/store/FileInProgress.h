#pragma once

#include <QString>

namespace custos {

// A file being made beside the one it is to become, under a name of its own
// ("<target>.<purpose>-<pid>-<n>"), so that `target` appears only once it is whole: a register
// being created, a backup being written. Created empty and owner-only; placed by a rename that
// never replaces a file that appeared meanwhile. Unless placed, it is removed when this goes, with
// the files SQLite keeps beside it: close every connection to it first.
class FileInProgress
{
public:
    FileInProgress(const QString& target, const QString& purpose);
    ~FileInProgress();
    FileInProgress(const FileInProgress&) = delete;
    FileInProgress& operator=(const FileInProgress&) = delete;

    QString path() const { return m_path; }
    QString target() const { return m_target; }

    bool create(QString* error);
    // Renames the file to its target, unless the target exists or SQLite still keeps a log or
    // journal beside the file (which would be left behind under the temporary name).
    bool place(QString* error);

    // Removes what a process that has since ended (killed, say) left of its files in progress for
    // `target` and `purpose`. A file whose process still runs is left alone.
    static void removeAbandoned(const QString& target, const QString& purpose);
    // The same for every target in `folder` (a folder of backups, each under a name of its own).
    static void removeAbandonedIn(const QString& folder, const QString& purpose);

private:
    QString m_target;
    QString m_path;
    bool m_created = false;
    bool m_placed = false;
};

// The files SQLite keeps beside a database while it is in use, by their suffixes.
inline constexpr const char* kSqliteSideFiles[] = {"-wal", "-shm", "-journal"};

} // namespace custos
