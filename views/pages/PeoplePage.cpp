#include "views/pages/PeoplePage.h"

#include "models/domain/Counted.h"
#include "models/itemmodels/PeopleModel.h"
#include "models/store/Register.h"
#include "models/units/UnitStore.h"
#include "views/pages/LeaveDialog.h"
#include "views/pages/PersonDialog.h"
#include "views/pages/RecordTable.h"
#include "views/window/RegisterChangeCommand.h"

#include <QAction>
#include <QCheckBox>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <memory>

namespace custos {

PeoplePage::PeoplePage(QUndoStack* undo, QWidget* parent)
    : QWidget(parent)
    , m_undo(undo)
{
    setObjectName(QStringLiteral("peoplePage"));
    auto* tools = new QToolBar(this);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add = tools->addAction(QIcon(QStringLiteral(":/icons/person-add.svg")),
                             QStringLiteral("Add Person\u2026"),
                             this,
                             &PeoplePage::addPerson);
    m_add->setObjectName(QStringLiteral("actionAddPerson"));
    m_edit = tools->addAction(QIcon(QStringLiteral(":/icons/person-edit.svg")),
                              QStringLiteral("Edit Person\u2026"),
                              this,
                              &PeoplePage::editPerson);
    m_edit->setObjectName(QStringLiteral("actionEditPerson"));
    m_leave = tools->addAction(QIcon(QStringLiteral(":/icons/person-leave.svg")),
                               QStringLiteral("Mark as Left\u2026"),
                               this,
                               &PeoplePage::markLeft);
    m_leave->setObjectName(QStringLiteral("actionMarkLeft"));
    tools->addSeparator();
    m_search = new QLineEdit(tools);
    m_search->setObjectName(QStringLiteral("peopleSearch"));
    m_search->setAccessibleName(QStringLiteral("Search people"));
    m_search->setPlaceholderText(QStringLiteral("Search name, email or unit"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    connect(m_search, &QLineEdit::textChanged, this, &PeoplePage::filter);
    tools->addWidget(m_search);
    // Hidden unless asked for: the page is for finding people to give work to, and leavers take none.
    m_showLeavers = new QCheckBox(QStringLiteral("Show leavers"), tools);
    m_showLeavers->setObjectName(QStringLiteral("peopleShowLeavers"));
    connect(m_showLeavers, &QCheckBox::toggled, this, &PeoplePage::filter);
    tools->addWidget(m_showLeavers);
    auto* spacer = new QWidget(tools);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    tools->addWidget(spacer);
    m_count = new QLabel(tools);
    m_count->setObjectName(QStringLiteral("peopleCount"));
    m_count->setContentsMargins(6, 0, 6, 0);
    tools->addWidget(m_count);

    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = newRecordTable(QStringLiteral("peopleTable"), QStringLiteral("People"), this);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_table, &QTableView::doubleClicked, this, &PeoplePage::editPerson);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PeoplePage::updateActions);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tools);
    layout->addWidget(m_table);
    updateActions();
}

PeoplePage::~PeoplePage() = default;

void PeoplePage::setRegister(Register* reg)
{
    m_register = reg;
    // Shown, the page follows every change; hidden, it reads the register again as it shows.
    if (m_register)
        connect(m_register, &Register::changed, this, [this] {
            if (isVisible())
                reload();
        });
    m_sorted->setSourceModel(nullptr);
    m_model.reset();
    m_count->clear();
    updateActions();
}

void PeoplePage::reload()
{
    if (!m_register)
        return;
    if (!m_model) { // read when first shown, not as the register opens
        m_model = std::make_unique<PeopleModel>(*m_register);
        m_sorted->setSourceModel(m_model.get());
        const QList<std::pair<int, int>> widths {{PeopleModel::Name, 200},
                                                 {PeopleModel::Email, 260},
                                                 {PeopleModel::Login, 110},
                                                 {PeopleModel::BusinessUnit, 260}};
        for (const auto& [column, width] : widths)
            m_table->setColumnWidth(column, width);
        filter(); // the people just read, as the search box and tick choose
        return;
    }
    const std::optional<RecordId> chosen = chosenPerson();
    m_model->reload();
    showRows(chosen);
}

void PeoplePage::filter()
{
    if (!m_model)
        return;
    const std::optional<RecordId> chosen = chosenPerson();
    m_model->setSearch(m_search->text());
    m_model->setShowLeavers(m_showLeavers->isChecked());
    showRows(chosen);
}

void PeoplePage::showRows(std::optional<RecordId> person)
{
    if (person && m_model->rowOf(*person) >= 0)
        m_table->selectRow(m_sorted->mapFromSource(m_model->index(m_model->rowOf(*person), 0)).row());
    const int shown = m_model->rowCount();
    const int total = m_model->totalCount();
    const QString people = counted(shown, QStringLiteral("person"), QStringLiteral("people"));
    m_count->setText(shown == total ? people : QStringLiteral("%1 of %2").arg(people, QLocale().toString(total)));
    updateActions();
}

std::optional<RecordId> PeoplePage::chosenPerson() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first().data(PeopleModel::IdRole).toLongLong();
}

void PeoplePage::updateActions()
{
    const bool writable = m_register && !m_register->isReadOnly();
    const std::optional<RecordId> chosen = chosenPerson();
    m_add->setEnabled(writable);
    m_edit->setEnabled(writable && chosen);
    m_leave->setEnabled(writable && chosen && !m_model->person(m_model->rowOf(*chosen)).hasLeft);
}

bool PeoplePage::write(const QString& title, const std::function<bool(QString* error)>& change)
{
    if (!writeOrWarn(this, title, change))
        return false;
    reload();
    return true;
}

void PeoplePage::addPerson()
{
    PersonDialog dialog(Person {}, UnitStore(*m_register).tree(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Person person = dialog.person();
    auto id = std::make_shared<RecordId>(0);
    auto apply = [this, person, id] {
        return write(QStringLiteral("Add Person"), [&](QString* error) {
            const auto added = PersonStore(*m_register).add(person, error);
            *id = added.value_or(0);
            return added.has_value();
        });
    };
    auto revert = [this, id] {
        return write(QStringLiteral("Undo Add Person"),
                     [&](QString* error) { return PersonStore(*m_register).remove(*id, error); });
    };
    if (apply())
        m_undo->push(new RegisterChangeCommand(QStringLiteral("Add %1").arg(person.name), apply, revert));
}

void PeoplePage::editPerson()
{
    const std::optional<RecordId> chosen = chosenPerson();
    if (!chosen || !m_edit->isEnabled())
        return;
    const Person before = m_model->person(m_model->rowOf(*chosen));
    PersonDialog dialog(before, UnitStore(*m_register).tree(), this);
    if (dialog.exec() != QDialog::Accepted || dialog.person() == before)
        return;
    const Person after = dialog.person();
    auto save = [this](const Person& person) {
        return write(QStringLiteral("Edit Person"),
                     [&](QString* error) { return PersonStore(*m_register).update(person, error); });
    };
    // Undo and redo write over this window's own edit only: if the person no longer reads as it
    // left them, the write goes with the old version and is refused, naming who changed them.
    auto replace = [this, save](const Person& expected, Person replacement) {
        if (const auto current = PersonStore(*m_register).get(expected.id); current && current->sameFieldsAs(expected))
            replacement.version = current->version;
        return save(replacement);
    };
    if (save(after))
        m_undo->push(new RegisterChangeCommand(
            QStringLiteral("Edit %1").arg(after.name),
            [replace, before, after] { return replace(before, after); },
            [replace, before, after] { return replace(after, before); }));
}

void PeoplePage::markLeft()
{
    const std::optional<RecordId> chosen = chosenPerson();
    if (!chosen)
        return;
    const Person leaver = m_model->person(m_model->rowOf(*chosen));
    PersonStore people(*m_register);
    LeaveDialog dialog(leaver, people.assetCount(leaver.id), *m_register, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::optional<RecordId> successor = dialog.successor();
    auto departure = std::make_shared<Departure>();
    auto apply = [this, id = leaver.id, successor, departure] {
        return write(QStringLiteral("Mark as Left"), [&](QString* error) {
            const auto done = PersonStore(*m_register).leave(id, successor, error);
            if (done)
                *departure = *done;
            return done.has_value();
        });
    };
    auto revert = [this, departure] {
        return write(QStringLiteral("Undo Mark as Left"),
                     [&](QString* error) { return PersonStore(*m_register).undoLeave(*departure, error); });
    };
    if (apply())
        m_undo->push(new RegisterChangeCommand(QStringLiteral("Mark %1 as left").arg(leaver.name), apply, revert));
}

} // namespace custos
