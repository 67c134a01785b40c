#pragma once

#include "models/domain/Asset.h"
#include "models/store/Register.h"

#include <QList>
#include <QObject>

class QAction;
class QMainWindow;
class QTableView;
class QUndoStack;

namespace custos {

class AssetEditor;
class AssetTableModel;
class UnitTreeDock;

// The window's asset edits: the editor's saves, new assets, bulk edits and recorded reviews. Each
// is written at once through the store and pushed on the undo stack as one step.
class AssetEditing : public QObject
{
    Q_OBJECT

public:
    AssetEditing(QMainWindow* window, QTableView* table, AssetEditor* editor, UnitTreeDock* units, QUndoStack* undo);

    // The register being edited, or none; edits are offered only where it may be written.
    void setRegister(Register* reg, AssetTableModel* model);

    // Reads the units the editor offers again, and the shown asset, after units or people changed.
    void refreshChoices();

    // Before the editor's asset is left (another row or page, New Asset, closing): asks Save,
    // Discard or Cancel when the form holds unsaved edits. False when the user stays, or the
    // save is refused.
    bool leaveEditedAsset();

    QAction* newAssetAction() const { return m_newAsset; }
    QAction* bulkEditAction() const { return m_bulkEdit; }
    QAction* recordReviewAction() const { return m_recordReview; }

private:
    // Shows what the register's latest commits changed: the choices, and the shown asset.
    void followChanges(RegisterChanges what);
    void showCurrentAsset();
    // After the table's rows were replaced (another filter, search or sort): the shown asset's row
    // selected again if the table has it, else an empty editor; never an asset the table does not
    // select, unless its unsaved edits would be lost.
    void followNewRows();
    // Shows the asset and its history in the editor.
    void showAsset(RecordId id);
    void updateActions();
    // By value: saving refreshes the editor, whose asset `before` would otherwise refer to.
    void saveAsset(Asset before, Asset after);
    void newAsset();
    std::optional<RecordId> ownerForNewAssets() const;
    void addAsset(const Asset& asset);
    void bulkEdit();
    void recordReview();
    QList<Asset> selectedAssets() const;
    void saveAssets(const QList<Asset>& before, const QList<Asset>& after);
    // Writes assets as the user edited them; an asset someone else changed since it was read is
    // not overwritten unless the user chooses to.
    bool writeAssets(QList<Asset> assets);
    // An undo or redo step: writes `replacement` over assets still as `expected` (the step's other
    // side) describes them, and refuses, naming who changed them, where someone else has since.
    bool replaceAssets(const QList<Asset>& expected, QList<Asset> replacement);
    // After a write: on success shows what changed, on failure says why; returns `ok`.
    bool written(bool ok, const QString& title, const QString& error);
    // Shows the written asset as it now is (the table follows the register's change signal).
    void afterWrite();

    QMainWindow* m_window;
    QTableView* m_table;
    AssetEditor* m_editor;
    UnitTreeDock* m_units;
    QUndoStack* m_undo;
    Register* m_register = nullptr;
    AssetTableModel* m_model = nullptr;
    QAction* m_newAsset = nullptr;
    QAction* m_bulkEdit = nullptr;
    QAction* m_recordReview = nullptr;
};

} // namespace custos
