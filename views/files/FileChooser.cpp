#include "views/files/FileChooser.h"

#include <QDir>
#include <QFileDialog>
#include <QFileIconProvider>
#include <QMimeDatabase>
#include <QStandardPaths>

namespace custos {

namespace {

// Icons and types from a file's name alone.
class NameOnlyIconProvider : public QFileIconProvider
{
public:
    using QFileIconProvider::icon;
    QIcon icon(const QFileInfo& info) const override { return icon(info.isDir() ? Folder : File); }
    QString type(const QFileInfo& info) const override
    {
        if (info.isDir())
            return QStringLiteral("Folder");
        return m_types.mimeTypeForFile(info, QMimeDatabase::MatchExtension).comment();
    }

private:
    QMimeDatabase m_types;
};

} // namespace

QString chooseFile(QWidget* parent, const FileChoice& choice)
{
    // Declared first, so it outlives the dialog's listing.
    NameOnlyIconProvider icons;
    QFileDialog dialog(parent, choice.title);
    dialog.setObjectName(choice.objectName);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setIconProvider(&icons);
    const bool save = choice.purpose == FileChoice::Purpose::Save;
    dialog.setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog.setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    dialog.setNameFilters(choice.filters.split(QStringLiteral(";;")));
    dialog.setDefaultSuffix(choice.defaultSuffix);
    dialog.setOption(QFileDialog::DontConfirmOverwrite, !choice.asksToReplace);
    const QFileInfo start(choice.start);
    if (!choice.start.isEmpty() && start.isDir()) {
        dialog.setDirectory(start.absoluteFilePath());
    } else if (!choice.start.isEmpty()) {
        dialog.setDirectory(start.absolutePath());
        dialog.selectFile(start.fileName());
    }
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

QString startingFolder(const QString& lastUsed)
{
    for (const QString& folder : {lastUsed, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)}) {
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    }
    return QDir::homePath();
}

} // namespace custos
