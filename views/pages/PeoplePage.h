#pragma once

#include "models/domain/Asset.h"

#include <QWidget>
#include <memory>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QUndoStack;

namespace custos {

class PeopleModel;
class Register;

// The register's people: find them by name, email or unit as you type (leavers only when asked
// for), add and edit them, and mark a leaver as left, handing their assets over. Every change is
// one undoable step.
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
    // Shows who matches the search box and the leavers tick, keeping the chosen person chosen.
    void filter();
    // After the rows changed: `person` chosen again if shown, and the rows counted.
    void showRows(std::optional<RecordId> person);
    std::optional<RecordId> chosenPerson() const;
    void updateActions();
    // Runs a write and, when it worked, shows it and tells the window.
    bool write(const QString& title, const std::function<bool(QString* error)>& change);

    QUndoStack* m_undo;
    Register* m_register = nullptr;
    std::unique_ptr<PeopleModel> m_model;
    QSortFilterProxyModel* m_sorted = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_search = nullptr;
    QCheckBox* m_showLeavers = nullptr;
    QLabel* m_count = nullptr;
    QAction* m_add = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_leave = nullptr;
};

} // namespace custos
