#include "views/pages/UnitsPage.h"

#include "models/store/Register.h"
#include "models/units/UnitStore.h"
#include "views/assets/UnitTreeItems.h"
#include "views/window/RegisterChangeCommand.h"

#include <QAction>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QToolBar>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <memory>

namespace custos {

UnitsPage::UnitsPage(QUndoStack* undo, QWidget* parent)
    : QWidget(parent)
    , m_undo(undo)
{
    setObjectName(QStringLiteral("unitsPage"));
    auto* tools = new QToolBar(this);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add = tools->addAction(
        QIcon(QStringLiteral(":/icons/unit-add.svg")), QStringLiteral("Add Unit\u2026"), this, &UnitsPage::addUnit);
    m_add->setObjectName(QStringLiteral("actionAddUnit"));
    m_add->setToolTip(QStringLiteral("Add a unit under the chosen one, or at the top when none is chosen"));
    m_rename = tools->addAction(QIcon(QStringLiteral(":/icons/unit-rename.svg")),
                                QStringLiteral("Rename Unit\u2026"),
                                this,
                                &UnitsPage::renameUnit);
    m_rename->setObjectName(QStringLiteral("actionRenameUnit"));
    m_move = tools->addAction(
        QIcon(QStringLiteral(":/icons/unit-move.svg")), QStringLiteral("Move Unit\u2026"), this, &UnitsPage::moveUnit);
    m_move->setObjectName(QStringLiteral("actionMoveUnit"));

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("unitsTree"));
    m_tree->setAccessibleName(QStringLiteral("Business units"));
    m_tree->setHeaderLabels({QStringLiteral("Business unit"), QStringLiteral("Assets")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->setAlternatingRowColors(true);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &UnitsPage::updateActions);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, &UnitsPage::renameUnit);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tools);
    layout->addWidget(m_tree);
    updateActions();
}

void UnitsPage::setRegister(Register* reg)
{
    m_register = reg;
    // Shown, the page follows every change; hidden, it reads the register again as it shows.
    if (m_register)
        connect(m_register, &Register::changed, this, [this] {
            if (isVisible())
                reload();
        });
    m_tree->clear();
    updateActions();
}

void UnitsPage::reload()
{
    const std::optional<RecordId> chosen = chosenUnit();
    m_tree->clear();
    if (m_register) {
        const UnitStore store(*m_register);
        const UnitTree units = store.tree();
        const QHash<RecordId, int> counts = store.assetCounts();
        const QHash<RecordId, QTreeWidgetItem*> items = addUnitItems(m_tree, nullptr, units);
        for (auto it = items.begin(); it != items.end(); ++it) {
            int total = 0; // a unit's assets with those of the units below it, as coverage counts them
            for (RecordId below : units.subtree(it.key()))
                total += counts.value(below);
            it.value()->setText(1, QString::number(total));
            it.value()->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        }
        m_tree->expandAll();
        if (chosen && items.contains(*chosen))
            m_tree->setCurrentItem(items.value(*chosen));
    }
    updateActions();
}

std::optional<RecordId> UnitsPage::chosenUnit() const
{
    const QList<QTreeWidgetItem*> chosen = m_tree->selectedItems();
    if (chosen.isEmpty())
        return std::nullopt;
    return chosen.first()->data(0, Qt::UserRole).toLongLong();
}

void UnitsPage::updateActions()
{
    const bool writable = m_register && !m_register->isReadOnly();
    m_add->setEnabled(writable);
    m_rename->setEnabled(writable && chosenUnit());
    m_move->setEnabled(writable && chosenUnit());
}

bool UnitsPage::write(const QString& title, const std::function<bool(QString* error)>& change)
{
    if (!writeOrWarn(this, title, change))
        return false;
    reload();
    return true;
}

void UnitsPage::addUnit()
{
    const std::optional<RecordId> parent = chosenUnit();
    const QString where = parent ? QStringLiteral("under %1").arg(UnitStore(*m_register).tree().path(*parent))
                                 : QStringLiteral("at the top level");
    const QString name
        = QInputDialog::getText(this, QStringLiteral("Add Unit"), QStringLiteral("New unit %1:").arg(where)).trimmed();
    if (name.isEmpty())
        return;
    auto id = std::make_shared<RecordId>(0);
    auto apply = [this, name, parent, id] {
        return write(QStringLiteral("Add Unit"), [&](QString* error) {
            const auto added = UnitStore(*m_register).add(name, parent, error);
            *id = added.value_or(0);
            return added.has_value();
        });
    };
    auto revert = [this, id] {
        return write(QStringLiteral("Undo Add Unit"),
                     [&](QString* error) { return UnitStore(*m_register).remove(*id, error); });
    };
    if (apply())
        m_undo->push(new RegisterChangeCommand(QStringLiteral("Add unit %1").arg(name), apply, revert));
}

void UnitsPage::renameUnit()
{
    const std::optional<RecordId> id = chosenUnit();
    if (!id || !m_rename->isEnabled())
        return;
    const QString before = m_tree->selectedItems().first()->text(0);
    const QString after
        = QInputDialog::getText(
              this, QStringLiteral("Rename Unit"), QStringLiteral("New name:"), QLineEdit::Normal, before)
              .trimmed();
    if (after.isEmpty() || after == before)
        return;
    // Each write says what it expects to find, so a change by someone else since is not overwritten.
    auto rename = [this, id = *id](const QString& from, const QString& to) {
        return write(QStringLiteral("Rename Unit"),
                     [&](QString* error) { return UnitStore(*m_register).rename(id, from, to, error); });
    };
    if (rename(before, after))
        m_undo->push(new RegisterChangeCommand(
            QStringLiteral("Rename %1 to %2").arg(before, after),
            [rename, before, after] { return rename(before, after); },
            [rename, before, after] { return rename(after, before); }));
}

void UnitsPage::moveUnit()
{
    const std::optional<RecordId> id = chosenUnit();
    if (!id)
        return;
    const UnitTree units = UnitStore(*m_register).tree();
    const std::optional<RecordId> before = units.unit(*id)->parentId;
    // A unit cannot move under itself or a unit below it.
    const QString topLevel = QStringLiteral("(Top level)");
    QStringList places {topLevel};
    QList<std::optional<RecordId>> parents {std::nullopt};
    for (RecordId candidate : units.idsByPath()) {
        if (!units.isInSubtree(candidate, *id)) {
            places << units.path(candidate);
            parents << candidate;
        }
    }
    bool chosen = false;
    const QString place = QInputDialog::getItem(this,
                                                QStringLiteral("Move Unit"),
                                                QStringLiteral("Move %1 under:").arg(units.path(*id)),
                                                places,
                                                int(parents.indexOf(before)),
                                                false,
                                                &chosen);
    if (!chosen || parents.value(places.indexOf(place)) == before)
        return;
    const std::optional<RecordId> after = parents.value(places.indexOf(place));
    auto move = [this, id = *id](std::optional<RecordId> from, std::optional<RecordId> to) {
        return write(QStringLiteral("Move Unit"),
                     [&](QString* error) { return UnitStore(*m_register).move(id, from, to, error); });
    };
    if (move(before, after))
        m_undo->push(new RegisterChangeCommand(
            QStringLiteral("Move %1").arg(units.unit(*id)->name),
            [move, before, after] { return move(before, after); },
            [move, before, after] { return move(after, before); }));
}

} // namespace custos
