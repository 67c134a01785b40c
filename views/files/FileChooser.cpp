#include "views/files/FileChooser.h"

#include "models/store/Register.h"
#include "views/window/Settings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileIconProvider>
#include <QGridLayout>
#include <QLabel>
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

// Qt's dialog, which refuses a destination Custos could not write while it is still open, so that
// the user can choose again at once, and before it asks whether to replace a file.
class DestinationCheckingDialog : public QFileDialog
{
public:
    using QFileDialog::QFileDialog;

protected:
    void accept() override
    {
        const QStringList chosen = selectedFiles();
        // A folder's name opens that folder, as the dialog does by itself.
        if (acceptMode() == AcceptSave && !chosen.isEmpty() && !QFileInfo(chosen.constFirst()).isDir()) {
            if (const QString problem = destinationProblem(chosen.constFirst()); !problem.isEmpty()) {
                showProblem(problem);
                return;
            }
        }
        if (m_problem)
            m_problem->hide();
        QFileDialog::accept();
    }

private:
    void showProblem(const QString& problem)
    {
        if (!m_problem) {
            m_problem = newDestinationProblemLabel(QStringLiteral("fileChoiceProblem"), this);
            if (auto* grid = qobject_cast<QGridLayout*>(layout()))
                grid->addWidget(m_problem, grid->rowCount(), 0, 1, grid->columnCount());
            else
                layout()->addWidget(m_problem);
        }
        m_problem->setText(problem);
        m_problem->show();
    }

    QLabel* m_problem = nullptr;
};

} // namespace

QString chooseFile(QWidget* parent, const FileChoice& choice)
{
    // Declared first, so it outlives the dialog's listing.
    NameOnlyIconProvider icons;
    DestinationCheckingDialog dialog(parent, choice.title);
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

QString destinationProblem(const QString& path)
{
    if (path.trimmed().isEmpty())
        return QStringLiteral("Give the file a name.");
    const QFileInfo file(path);
    const QString shown = QDir::toNativeSeparators(file.absoluteFilePath());
    if (file.isDir())
        return QStringLiteral("%1 is a folder. Give the file a name in it.").arg(shown);
    const QFileInfo folder(file.absolutePath());
    const QString folderShown = QDir::toNativeSeparators(folder.absoluteFilePath());
    if (!folder.isDir())
        return QStringLiteral("The folder %1 does not exist. Choose one that does.").arg(folderShown);
    // A new file needs both: writing the folder's list of names, and passing through it.
    if (!folder.isWritable() || !folder.isExecutable())
        return QStringLiteral("You may not write in the folder %1. Choose another folder, or ask for write access.")
            .arg(folderShown);
    if (file.exists() && !file.isWritable())
        return QStringLiteral("%1 is read-only. Choose another name.").arg(shown);
    return openRegisterFileConflict(file.absoluteFilePath());
}

QLabel* newDestinationProblemLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // a path is text, never markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette warning = label->palette();
    warning.setColor(QPalette::WindowText, QColor(180, 30, 30));
    label->setPalette(warning);
    label->hide();
    return label;
}

QString startingFolder(const QString& lastUsed)
{
    for (const QString& folder : {lastUsed, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)}) {
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    }
    return QDir::homePath();
}

QString suggestedExportPath(const Settings* settings, const QString& fileName)
{
    const QString lastUsed = settings ? settings->value(Settings::Key::ExportFolder).toString() : QString();
    return QDir(startingFolder(lastUsed)).filePath(fileName);
}

void rememberExportFolder(Settings* settings, const QString& writtenPath)
{
    if (settings)
        settings->setValue(Settings::Key::ExportFolder, QFileInfo(writtenPath).absolutePath());
}

} // namespace custos
