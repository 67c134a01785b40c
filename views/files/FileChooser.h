#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace custos {

class Settings;

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
// write-ahead log its connections still use. When saving, a destination Custos could not write
// (see destinationProblem) keeps the dialog open, saying why, before it asks to replace a file.
// Returns the chosen path, or an empty string.
QString chooseFile(QWidget* parent, const FileChoice& choice);

// Why a file could not be written at `path`, in words that say what to do; empty if it could:
// a folder that does not exist or takes no new files, a name that is a folder, a read-only file,
// or a file of a register open in Custos.
QString destinationProblem(const QString& path);

// A hidden label, in warning colour, for what destinationProblem says, where the file is chosen.
QLabel* newDestinationProblemLabel(const QString& objectName, QWidget* parent);

// Where a save dialog starts: the first folder of these that exists, the one last used, the
// user's Documents, their home.
QString startingFolder(const QString& lastUsed);

// Exports and reports start in the folder the last one went to (the settings' ExportFolder), while
// it exists. With no settings, they start in Documents (or home) and remember nothing.
QString suggestedExportPath(const Settings* settings, const QString& fileName);
void rememberExportFolder(Settings* settings, const QString& writtenPath);

} // namespace custos
