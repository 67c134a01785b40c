#include "views/people/PersonPicker.h"

#include "models/itemmodels/PersonChoiceModel.h"
#include "models/people/PersonStore.h"
#include "models/units/UnitStore.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFocusEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace custos {

namespace {
// The list is wider than a narrow field (the editor's), so that names keep their email and unit.
constexpr int kListWidth = 560;

QLabel* newNote(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText); // names are text, never markup
    label->setWordWrap(true);
    label->hide();
    return label;
}
} // namespace

PersonPicker::PersonPicker(const QString& accessibleName, QWidget* parent)
    : QWidget(parent)
    , m_choices(new PersonChoiceModel(this))
{
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("personPickerField"));
    m_field->setAccessibleName(accessibleName);
    m_field->setPlaceholderText(QStringLiteral("None: type a name or email"));
    m_field->installEventFilter(this);
    setFocusProxy(m_field);
    m_details = newNote(QStringLiteral("personPickerDetails"), this);
    m_details->setForegroundRole(QPalette::PlaceholderText);
    m_namesakes = newNote(QStringLiteral("personPickerNamesakes"), this);

    auto* list = new QListView;
    list->setObjectName(QStringLiteral("personPickerList"));
    list->setAccessibleName(QStringLiteral("People to choose from"));
    list->setUniformItemSizes(true);
    list->setTextElideMode(Qt::ElideMiddle);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_completer = new QCompleter(m_choices, this);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(12);
    m_completer->setPopup(list);
    m_completer->setWidget(m_field);
    connect(m_field, &QLineEdit::textEdited, this, &PersonPicker::search);
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this, &PersonPicker::pick);
    connect(
        m_completer, qOverload<const QModelIndex&>(&QCompleter::highlighted), this, [this](const QModelIndex& index) {
            const QVariant id = index.data(PersonChoiceModel::IdRole);
            showNamesakes(id.isValid() ? std::optional<RecordId>(id.toLongLong()) : std::nullopt);
        });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_field);
    layout->addWidget(m_details);
    layout->addWidget(m_namesakes);
}

void PersonPicker::setRegister(Register* reg)
{
    disconnect(m_following);
    m_register = reg;
    if (m_register) {
        m_following = connect(m_register, &Register::changed, this, [this](RegisterChanges what) {
            if (what & (RegisterChange::People | RegisterChange::Units))
                reload();
        });
    }
    reload();
}

void PersonPicker::setNoneText(const QString& text)
{
    m_choices->setNoneText(text);
    m_field->setPlaceholderText(QStringLiteral("%1: type a name or email").arg(text));
}

void PersonPicker::setExcluded(std::optional<RecordId> id)
{
    m_choices->setExcluded(id);
}

void PersonPicker::choose(std::optional<RecordId> id)
{
    m_chosen = id;
    m_choices->setKept(id);
    showChosen();
}

bool PersonPicker::chosenHasLeft() const
{
    const Person* person = m_chosen ? m_choices->person(*m_chosen) : nullptr;
    return person && person->hasLeft;
}

void PersonPicker::setReadOnly(bool readOnly)
{
    m_field->setReadOnly(readOnly);
}

void PersonPicker::reload()
{
    if (m_register)
        m_choices->setPeople(PersonStore(*m_register).all(), UnitStore(*m_register).tree());
    else
        m_choices->setPeople({}, UnitTree());
    // A chosen person the register no longer holds (deleted by another writer, or an undone add)
    // is no choice: the field must not say nobody while the picker still answers with their id.
    if (m_chosen && !m_choices->person(*m_chosen)) {
        m_chosen.reset();
        m_choices->setKept(std::nullopt);
        showChosen();
        emit chosenChanged();
        return;
    }
    if (!m_field->isModified()) // what the user is typing stays
        showChosen();
}

void PersonPicker::search(const QString& text)
{
    m_choices->setQuery(text);
    const bool nobody = m_choices->rowCount() == 0;
    m_details->setText(nobody ? QStringLiteral("Nobody matches \u201C%1\u201D.").arg(text.trimmed()) : QString());
    m_details->setVisible(nobody);
    showNamesakes(std::nullopt);
    m_completer->complete(QRect(0, 0, std::max(m_field->width(), kListWidth), m_field->height()));
}

void PersonPicker::pick(const QModelIndex& index)
{
    const QVariant id = index.data(PersonChoiceModel::IdRole);
    const std::optional<RecordId> picked = id.isValid() ? std::optional<RecordId>(id.toLongLong()) : std::nullopt;
    const bool changed = picked != m_chosen;
    m_chosen = picked;
    showChosen();
    m_field->selectAll(); // typing again starts another search
    if (changed)
        emit chosenChanged();
}

void PersonPicker::showChosen()
{
    const Person* person = m_chosen ? m_choices->person(*m_chosen) : nullptr;
    m_field->setText(person ? PersonChoiceModel::nameOf(*person) : QString());
    m_field->setCursorPosition(0);
    m_details->setText(person ? m_choices->detailsOf(*person) : QString());
    m_details->setVisible(!m_details->text().isEmpty());
    showNamesakes(m_chosen);
}

void PersonPicker::showNamesakes(std::optional<RecordId> id)
{
    const Person* person = id ? m_choices->person(*id) : nullptr;
    const int namesakes = person ? m_choices->namesakesOf(*person) : 0;
    m_namesakes->setText(namesakes < 2 ? QString()
                                       : QStringLiteral("%1 people are called %2: check the email.")
                                             .arg(QString::number(namesakes), person->name));
    m_namesakes->setVisible(namesakes >= 2);
}

void PersonPicker::finishTyping()
{
    if (!m_field->isModified())
        return;
    if (m_field->text().trimmed().isEmpty() && m_chosen) {
        m_chosen.reset();
        showChosen();
        emit chosenChanged();
        return;
    }
    showChosen();
}

bool PersonPicker::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_field)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::FocusIn:
        // Clicked into, as tabbed into (where the line edit does it itself): typing replaces the name.
        if (static_cast<QFocusEvent*>(event)->reason() == Qt::MouseFocusReason)
            QTimer::singleShot(0, m_field, &QLineEdit::selectAll);
        break;
    case QEvent::FocusOut:
        if (static_cast<QFocusEvent*>(event)->reason() != Qt::PopupFocusReason)
            finishTyping();
        break;
    case QEvent::KeyPress:
        // Arrow down opens the list: everyone, or who matches what is typed.
        if (static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down && !m_field->isReadOnly()
            && !m_completer->popup()->isVisible()) {
            search(m_field->isModified() ? m_field->text() : QString());
            return true;
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace custos
