#pragma once

#include "models/domain/Asset.h"

#include <QWidget>
#include <optional>

class QAction;
class QTreeWidget;
class QUndoStack;

namespace custos {

class Register;

// The register's business units as a tree: add, rename and move them, each an undoable step.
class UnitsPage : public QWidget
{
    Q_OBJECT

public:
    UnitsPage(QUndoStack* undo, QWidget* parent = nullptr);

    // The page reads the register's units on reload(), as it is shown.
    void setRegister(Register* reg);
    void reload();

private:
    void addUnit();
    void renameUnit();
    void moveUnit();
    std::optional<RecordId> chosenUnit() const;
    void updateActions();
    // Runs a write and, when it worked, shows it and tells the window.
    bool write(const QString& title, const std::function<bool(QString* error)>& change);

    QUndoStack* m_undo;
    Register* m_register = nullptr;
    QTreeWidget* m_tree = nullptr;
    QAction* m_add = nullptr;
    QAction* m_rename = nullptr;
    QAction* m_move = nullptr;
};

} // namespace custos
