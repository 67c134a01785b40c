#pragma once

#include "models/domain/Asset.h"

#include <QWidget>
#include <memory>

class QAction;
class QSortFilterProxyModel;
class QTableView;
class QUndoStack;

namespace custos {

class PeopleModel;
class Register;

// The register's people: add and edit them, and mark a leaver as left, handing their assets over.
// Every change is one undoable step.
class PeoplePage : public QWidget
{
    Q_OBJECT

public:
    PeoplePage(QUndoStack* undo, QWidget* parent = nullptr);
    ~PeoplePage() override;

    // The page reads the register's people when reload() is first called, as it is shown.
    void setRegister(Register* reg);
    // Reads the people again (their asset counts change with asset edits).
    void reload();

private:
    void addPerson();
    void editPerson();
    void markLeft();
    std::optional<RecordId> chosenPerson() const;
    void updateActions();
    // Runs a write and, when it worked, shows it and tells the window.
    bool write(const QString& title, const std::function<bool(QString* error)>& change);

    QUndoStack* m_undo;
    Register* m_register = nullptr;
    std::unique_ptr<PeopleModel> m_model;
    QSortFilterProxyModel* m_sorted = nullptr;
    QTableView* m_table = nullptr;
    QAction* m_add = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_leave = nullptr;
};

} // namespace custos
