#pragma once

#include <QString>

class QWidget;

namespace custos {

// A file for Custos to open or to write: what the file dialog shows and where it starts.
struct FileChoice
{
    enum class Purpose { Open, Save };
    Purpose purpose = Purpose::Open;
    QString title;
    // A folder, or a file name (with or without a folder) to suggest.
    QString start;
    // Name filters separated by ";;", as in "CSV files (*.csv);;All files (*)".
    QString filters;
    // Added to a name typed without one, when saving.
    QString defaultSuffix;
    // Whether saving over an existing file asks to replace it; false where Custos never replaces
    // one (a backup), and says so itself.
    bool asksToReplace = true;
    // For tests and accessibility tools.
    QString objectName;
};

// Asks for a file in Qt's own file dialog, which names the files it lists by their extension and
// never opens them. A platform's dialog running inside Custos, or Qt's with its usual icons, reads
// each listed file to guess its type; on POSIX, closing that descriptor drops every SQLite lock
// this process holds on an open register in the folder, and another process could then delete the
// write-ahead log its connections still use. Returns the chosen path, or an empty string.
QString chooseFile(QWidget* parent, const FileChoice& choice);

// Where a save dialog starts: the first folder of these that exists, the one last used, the
// user's Documents, their home.
QString startingFolder(const QString& lastUsed);

} // namespace custos
