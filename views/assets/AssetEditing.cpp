#include "views/assets/AssetEditing.h"

#include "models/assets/AssetStore.h"
#include "models/audit/AuditLog.h"
#include "models/domain/AssetValidator.h"
#include "models/domain/Counted.h"
#include "models/domain/ReviewSchedule.h"
#include "models/itemmodels/AssetTableModel.h"
#include "models/people/PersonStore.h"
#include "models/store/Register.h"
#include "models/units/UnitStore.h"
#include "views/assets/AssetEditor.h"
#include "views/assets/BulkEditDialog.h"
#include "views/assets/UnitTreeDock.h"
#include "views/window/RegisterChangeCommand.h"

#include <QAction>
#include <QIcon>
#include <QLineEdit>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>

namespace custos {

AssetEditing::AssetEditing(
    QMainWindow* window, QTableView* table, AssetEditor* editor, UnitTreeDock* units, QUndoStack* undo)
    : QObject(window)
    , m_window(window)
    , m_table(table)
    , m_editor(editor)
    , m_units(units)
    , m_undo(undo)
{
    auto makeAction = [this](const QString& text,
                             const QString& name,
                             const char* icon,
                             const QKeySequence& keys,
                             void (AssetEditing::*run)()) {
        auto* action = new QAction(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(icon))), text, m_window);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, run);
        return action;
    };
    m_newAsset = makeAction(QStringLiteral("New &Asset"),
                            QStringLiteral("actionNewAsset"),
                            "asset-new",
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                            &AssetEditing::newAsset);
    m_bulkEdit = makeAction(QStringLiteral("&Bulk Edit Selected Assets\u2026"),
                            QStringLiteral("actionBulkEdit"),
                            "bulk-edit",
                            QKeySequence(Qt::CTRL | Qt::Key_B),
                            &AssetEditing::bulkEdit);
    m_recordReview = makeAction(QStringLiteral("&Record Review of Selected Assets"),
                                QStringLiteral("actionRecordReview"),
                                "review",
                                QKeySequence(Qt::CTRL | Qt::Key_R),
                                &AssetEditing::recordReview);
    connect(m_editor, &AssetEditor::saveRequested, this, &AssetEditing::saveAsset);
}

void AssetEditing::setRegister(Register* reg, AssetTableModel* model)
{
    m_register = reg;
    m_model = model;
    m_undo->clear();
    m_editor->setRegister(reg);
    if (m_register) {
        connect(
            m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AssetEditing::showCurrentAsset);
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AssetEditing::updateActions);
        connect(m_register, &Register::changed, this, &AssetEditing::followChanges);
        connect(m_model, &QAbstractItemModel::modelReset, this, &AssetEditing::followNewRows);
        refreshChoices();
        m_editor->setReadOnly(m_register->isReadOnly());
    }
    m_editor->showAsset(std::nullopt);
    updateActions();
}

void AssetEditing::refreshChoices()
{
    m_editor->setUnits(UnitStore(*m_register).tree());
    if (const auto shown = m_editor->shownAsset(); shown && shown->id != 0)
        showAsset(shown->id);
}

void AssetEditing::followChanges(RegisterChanges what)
{
    if (what & (RegisterChange::People | RegisterChange::Units)) {
        refreshChoices();
        return;
    }
    // The shown asset as it now is, unless the form holds edits of its own.
    if (const auto shown = m_editor->shownAsset(); shown && shown->id != 0 && !m_editor->hasUnsavedEdits())
        showAsset(shown->id);
}

bool AssetEditing::leaveEditedAsset()
{
    if (!m_register || !m_editor->hasUnsavedEdits())
        return true;
    const Asset shown = *m_editor->shownAsset();
    const Asset edited = m_editor->editedAsset();
    QMessageBox box(QMessageBox::Question,
                    QStringLiteral("Unsaved Changes"),
                    QStringLiteral("%1 has changes that are not saved.")
                        .arg(shown.id == 0 ? QStringLiteral("The new asset") : shown.reference),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                    m_window);
    box.setObjectName(QStringLiteral("unsavedChanges"));
    const QStringList problems = AssetValidator::problems(edited, QDate::currentDate());
    box.setInformativeText(
        problems.isEmpty()
            ? QStringLiteral("Save them before you go on?")
            : QStringLiteral("They cannot be saved as they are: %1").arg(problems.join(QLatin1Char(' '))));
    box.button(QMessageBox::Save)->setEnabled(problems.isEmpty());
    box.setDefaultButton(problems.isEmpty() ? QMessageBox::Save : QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save:
        saveAsset(shown, edited);
        return !m_editor->hasUnsavedEdits(); // a refused save keeps the user here
    case QMessageBox::Discard:
        m_editor->showAsset(shown);
        return true;
    default:
        return false;
    }
}

void AssetEditing::showCurrentAsset()
{
    const QModelIndex current = m_table->currentIndex();
    const RecordId id = current.isValid() && m_register ? current.data(AssetTableModel::IdRole).toLongLong() : 0;
    const std::optional<Asset> shown = m_editor->shownAsset();
    if (id != 0 && shown && shown->id == id)
        return; // the same asset, on another row now
    if (!leaveEditedAsset()) {
        // Back to the asset being edited, where the table still shows it.
        const int row = shown && shown->id != 0 ? m_model->rowOf(shown->id) : -1;
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->selectionModel()->setCurrentIndex(row < 0 ? QModelIndex() : m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->viewport()->update();
        return;
    }
    if (id == 0) {
        m_editor->showAsset(std::nullopt);
        return;
    }
    showAsset(id);
}

void AssetEditing::followNewRows()
{
    const std::optional<Asset> shown = m_editor->shownAsset();
    if (!shown || shown->id == 0 || m_editor->hasUnsavedEdits())
        return;
    const int row = m_model->rowOf(shown->id);
    if (row < 0) {
        m_editor->showAsset(std::nullopt);
    } else {
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    updateActions();
}

void AssetEditing::showAsset(RecordId id)
{
    m_editor->showAsset(AssetStore(*m_register).get(id));
    m_editor->showHistory(AuditLog(*m_register).forRecord(QStringLiteral("assets"), id));
}

void AssetEditing::updateActions()
{
    const bool writable = m_register && !m_register->isReadOnly();
    const bool selected = m_table->selectionModel() && m_table->selectionModel()->hasSelection();
    m_newAsset->setEnabled(writable);
    m_bulkEdit->setEnabled(writable && selected);
    m_recordReview->setEnabled(writable && selected);
}

void AssetEditing::saveAsset(Asset before, Asset after)
{
    if (before.id == 0)
        addAsset(after);
    else
        saveAssets({before}, {after});
}

void AssetEditing::newAsset()
{
    if (!leaveEditedAsset())
        return;
    Asset draft;
    draft.reference = AssetStore(*m_register).nextReference();
    draft.unitId = m_units->chosenUnit().value_or(0); // with All units chosen, the person picks one
    draft.created = QDateTime::currentDateTimeUtc();
    draft.iaoId = ownerForNewAssets();
    m_table->clearSelection();
    m_editor->showAsset(draft);
    m_editor->raise();
    m_editor->findChild<QLineEdit*>(QStringLiteral("editName"))->setFocus();
}

// With My assets on, a new asset is the signed-in person's: the one person still here whose login
// is theirs. Otherwise (or if no one, or more than one, has that login) the IAO is left to choose.
std::optional<RecordId> AssetEditing::ownerForNewAssets() const
{
    const QString login = m_model->view().filter.ownerLogin;
    if (login.isEmpty())
        return std::nullopt;
    std::optional<RecordId> found;
    for (const Person& person : PersonStore(*m_register).all()) {
        if (person.hasLeft || person.login != login)
            continue;
        if (found)
            return std::nullopt;
        found = person.id;
    }
    return found;
}

void AssetEditing::addAsset(const Asset& asset)
{
    auto apply = [this, asset] {
        QString error;
        const auto id = AssetStore(*m_register).add(asset, &error);
        if (!id) {
            QMessageBox::warning(m_window, QStringLiteral("Add Asset"), error);
            return false;
        }
        showAsset(*id);
        return true;
    };
    auto revert = [this, reference = asset.reference] {
        QString error;
        const auto stored = AssetStore(*m_register).findByReference(reference);
        if (!stored || !AssetStore(*m_register).remove(stored->id, &error)) {
            QMessageBox::warning(m_window, QStringLiteral("Undo Add Asset"), error);
            return false;
        }
        m_editor->showAsset(std::nullopt);
        return true;
    };
    if (apply())
        m_undo->push(new RegisterChangeCommand(QStringLiteral("Add %1").arg(asset.reference), apply, revert));
}

QList<Asset> AssetEditing::selectedAssets() const
{
    QList<Asset> assets;
    AssetStore store(*m_register);
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows()) {
        if (const auto asset = store.get(row.data(AssetTableModel::IdRole).toLongLong()))
            assets.append(*asset);
    }
    return assets;
}

void AssetEditing::recordReview()
{
    const QList<Asset> before = selectedAssets();
    if (before.isEmpty())
        return;
    QList<RecordId> ids;
    for (const Asset& asset : before)
        ids.append(asset.id);
    const QDate today = QDate::currentDate();
    auto apply = [this, ids, today] {
        QString error;
        return written(
            AssetStore(*m_register).recordReview(ids, today, &error), QStringLiteral("Record Review"), error);
    };
    auto revert = [this, before, today] {
        QString error;
        return written(
            AssetStore(*m_register).withdrawReview(before, today, &error), QStringLiteral("Undo Review"), error);
    };
    if (!apply())
        return;
    m_undo->push(
        new RegisterChangeCommand(QStringLiteral("Record review of %1")
                                      .arg(counted(ids.size(), QStringLiteral("asset"), QStringLiteral("assets"))),
                                  apply,
                                  revert));
    const QDate nextDue = ReviewSchedule::addMonths(today, before.first().reviewCycleMonths);
    m_window->statusBar()->showMessage(
        before.size() == 1 ? QStringLiteral("Review of %1 recorded; next review due %2.")
                                 .arg(before.first().reference, nextDue.toString(Qt::ISODate))
                           : QStringLiteral("Review of %1 recorded today.")
                                 .arg(counted(before.size(), QStringLiteral("asset"), QStringLiteral("assets"))),
        8000);
}

void AssetEditing::bulkEdit()
{
    const QList<Asset> before = selectedAssets();
    if (before.isEmpty())
        return;
    BulkEditDialog dialog(int(before.size()), *m_register, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QList<Asset> after;
    for (const Asset& asset : before)
        after.append(dialog.applied(asset));
    saveAssets(before, after);
}

void AssetEditing::saveAssets(const QList<Asset>& before, const QList<Asset>& after)
{
    QStringList raised;
    for (int i = 0; i < after.size(); ++i) {
        if (after[i].classification.needsSecurityAdviser() && after[i].classification != before[i].classification)
            raised << after[i].reference;
    }
    if (!raised.isEmpty()) {
        // Buttons that say what they do: "Yes" to a question about the adviser would not.
        const QString level = after.first().classification.toText();
        QMessageBox box(
            QMessageBox::Question,
            QStringLiteral("Classify as %1").arg(level),
            QStringLiteral("Moving an asset to SECRET or TOP SECRET is unusual: the department's guidance "
                           "is to consult the security adviser first.\n\nClassify %1 as %2 only if you "
                           "have consulted the security adviser.")
                .arg(raised.size() == 1 ? raised.first() : QStringLiteral("these %1 assets").arg(raised.size()), level),
            QMessageBox::NoButton,
            m_window);
        QPushButton* classify = box.addButton(QStringLiteral("Classify as %1").arg(level), QMessageBox::AcceptRole);
        classify->setObjectName(QStringLiteral("classifyConfirmed"));
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        if (box.clickedButton() != classify)
            return;
    }
    if (!writeAssets(after))
        return;
    const QString text = after.size() == 1 ? QStringLiteral("Edit %1").arg(after.first().reference)
                                           : QStringLiteral("Edit %1 assets").arg(after.size());
    m_undo->push(new RegisterChangeCommand(
        text,
        [this, before, after] { return replaceAssets(before, after); },
        [this, before, after] { return replaceAssets(after, before); }));
}

bool AssetEditing::writeAssets(QList<Asset> assets)
{
    AssetStore store(*m_register);
    QString error;
    const bool saved = store.update(assets, &error);
    if (saved || store.changedSinceRead().isEmpty() || assets.size() != 1)
        return written(saved, QStringLiteral("Save"), error);
    // The editor's asset changed under it: the user chooses whose version stands.
    QMessageBox box(QMessageBox::Warning, QStringLiteral("Save"), error, QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("saveConflict"));
    QPushButton* reload = box.addButton(QStringLiteral("Reload Their Version"), QMessageBox::AcceptRole);
    box.addButton(QStringLiteral("Keep Editing"), QMessageBox::RejectRole);
    QPushButton* overwrite = box.addButton(QStringLiteral("Overwrite"), QMessageBox::DestructiveRole);
    box.exec();
    if (box.clickedButton() == reload)
        showAsset(assets.first().id);
    if (box.clickedButton() != overwrite)
        return false;
    const std::optional<Asset> theirs = store.get(assets.first().id);
    assets.first().version = theirs ? theirs->version : 0;
    return written(store.update(assets, &error), QStringLiteral("Save"), error);
}

namespace {

// The same fields, whenever each was written.
bool sameFields(Asset a, Asset b)
{
    a.modified = b.modified = QDateTime();
    a.version = b.version = 0;
    return a == b;
}

} // namespace

bool AssetEditing::replaceAssets(const QList<Asset>& expected, QList<Asset> replacement)
{
    const AssetStore store(*m_register);
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        // Still as the step left it: write over that version. Changed since: the step's own
        // version, which the store refuses, naming who changed it.
        const std::optional<Asset> current = store.get(replacement[i].id);
        replacement[i].version = current && sameFields(*current, expected[i]) ? current->version : expected[i].version;
    }
    QString error;
    return written(AssetStore(*m_register).update(replacement, &error), QStringLiteral("Save"), error);
}

bool AssetEditing::written(bool ok, const QString& title, const QString& error)
{
    if (!ok) {
        QMessageBox::warning(m_window, title, error);
        return false;
    }
    afterWrite();
    return true;
}

void AssetEditing::afterWrite()
{
    if (const auto shown = m_editor->shownAsset())
        showAsset(shown->id);
}

} // namespace custos
