#include "views/pages/AuditFilterBar.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <functional>

namespace custos {

namespace {

// Long enough that typing a word runs one query, short enough to feel immediate.
constexpr int kTypingDelayMs = 200;
// A day edit at its minimum shows "Any day": no limit on that side.
const QDate kAnyDay(2000, 1, 1);

std::optional<QDate> chosenDay(const QDateEdit* edit)
{
    return edit->date() == kAnyDay ? std::nullopt : std::optional(edit->date());
}

} // namespace

AuditFilterBar::AuditFilterBar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("auditFilterBar"));
    m_who = new QComboBox(this);
    m_who->setObjectName(QStringLiteral("auditWho"));
    m_who->setAccessibleName(QStringLiteral("Who"));
    m_who->addItem(QStringLiteral("Anyone"), QString());
    m_who->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("auditKind"));
    m_kind->setAccessibleName(QStringLiteral("Kind of record"));
    const std::pair<const char*, const char*> kinds[] {
        {"Any kind of record", ""}, {"Assets", "assets"}, {"People", "people"}, {"Business units", "units"}};
    for (const auto& [text, table] : kinds)
        m_kind->addItem(QLatin1String(text), QLatin1String(table));

    m_record = new QLineEdit(this);
    m_record->setObjectName(QStringLiteral("auditRecord"));
    m_record->setAccessibleName(QStringLiteral("Record"));
    m_record->setPlaceholderText(QStringLiteral("Record: reference, name or #id"));
    m_record->setClearButtonEnabled(true);
    m_record->setMinimumWidth(200);

    m_from = newDayEdit(QStringLiteral("auditFrom"), QStringLiteral("From"));
    m_to = newDayEdit(QStringLiteral("auditTo"), QStringLiteral("To"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setAccessibleName(QStringLiteral("Search the audit log"));
    m_search->setPlaceholderText(QStringLiteral("Search changes, who and records"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(240);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_who);
    controls->addWidget(m_kind);
    controls->addWidget(m_record);
    controls->addWidget(new QLabel(QStringLiteral("From"), this));
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(QStringLiteral("to"), this));
    controls->addWidget(m_to);
    controls->addWidget(m_search, 1);

    m_active = new QWidget(this);
    m_active->setObjectName(QStringLiteral("auditActiveFilters"));
    m_activeLayout = new QHBoxLayout(m_active);
    m_activeLayout->setContentsMargins(0, 0, 0, 0);
    m_active->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addLayout(controls);
    layout->addWidget(m_active);

    m_typingDelay.setSingleShot(true);
    m_typingDelay.setInterval(kTypingDelayMs);
    connect(m_record, &QLineEdit::textChanged, &m_typingDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::textChanged, &m_typingDelay, qOverload<>(&QTimer::start));
    connect(&m_typingDelay, &QTimer::timeout, this, &AuditFilterBar::changed);
    for (QComboBox* choice : {m_who, m_kind})
        connect(choice, &QComboBox::currentIndexChanged, this, &AuditFilterBar::changed);
    for (QDateEdit* day : {m_from, m_to})
        connect(day, &QDateEdit::dateChanged, this, &AuditFilterBar::changed);
}

QDateEdit* AuditFilterBar::newDayEdit(const QString& objectName, const QString& accessibleName)
{
    auto* edit = new QDateEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    // Read out by itself too: the field inside the edit is what takes focus.
    if (auto* field = edit->findChild<QLineEdit*>())
        field->setAccessibleName(accessibleName);
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    edit->setMinimumDate(kAnyDay);
    edit->setSpecialValueText(QStringLiteral("Any day"));
    edit->setDate(kAnyDay);
    edit->setCalendarPopup(true);
    // The calendar opens on this month rather than on "Any day"'s.
    edit->calendarWidget()->installEventFilter(this);
    return edit;
}

bool AuditFilterBar::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Show) {
        for (QDateEdit* day : {m_from, m_to}) {
            if (watched == day->calendarWidget() && !chosenDay(day))
                day->calendarWidget()->setCurrentPage(QDate::currentDate().year(), QDate::currentDate().month());
        }
    }
    return QWidget::eventFilter(watched, event);
}

AuditFilter AuditFilterBar::filter() const
{
    AuditFilter filter;
    filter.actor = m_who->currentData().toString();
    filter.table = m_kind->currentData().toString();
    filter.record = m_record->text().trimmed();
    filter.from = chosenDay(m_from);
    filter.to = chosenDay(m_to);
    filter.search = m_search->text().trimmed();
    return filter;
}

void AuditFilterBar::addActor(const QString& login, const QString& name)
{
    const QString text = name.isEmpty() ? login : QStringLiteral("%1 (%2)").arg(name, login);
    const int existing = m_who->findData(login);
    if (existing > 0) {
        m_who->setItemText(existing, text);
        return;
    }
    int row = 1;
    while (row < m_who->count() && QString::localeAwareCompare(m_who->itemText(row), text) < 0)
        ++row;
    const QSignalBlocker blocker(m_who); // the chosen login stays chosen
    m_who->insertItem(row, text, login);
}

void AuditFilterBar::reset()
{
    clearAll();
    const QSignalBlocker blocker(m_who);
    while (m_who->count() > 1)
        m_who->removeItem(1);
}

void AuditFilterBar::changed()
{
    showActiveFilters();
    emit filterChanged();
}

void AuditFilterBar::showActiveFilters()
{
    // Later, since the button clicked may be among them.
    while (QLayoutItem* item = m_activeLayout->takeAt(0)) {
        if (QWidget* button = item->widget()) {
            button->setObjectName(QString());
            button->hide();
            button->deleteLater();
        }
        delete item;
    }
    const AuditFilter shown = filter();
    if (!shown.actor.isEmpty())
        addClearButton(QStringLiteral("clearAuditWho"), QStringLiteral("Who: %1").arg(m_who->currentText()), [this] {
            m_who->setCurrentIndex(0);
        });
    if (!shown.table.isEmpty())
        addClearButton(QStringLiteral("clearAuditKind"), m_kind->currentText(), [this] { m_kind->setCurrentIndex(0); });
    if (!shown.record.isEmpty())
        addClearButton(QStringLiteral("clearAuditRecord"), QStringLiteral("Record: %1").arg(shown.record), [this] {
            m_record->clear();
        });
    if (shown.from)
        addClearButton(QStringLiteral("clearAuditFrom"), QStringLiteral("From %1").arg(m_from->text()), [this] {
            m_from->setDate(kAnyDay);
        });
    if (shown.to)
        addClearButton(QStringLiteral("clearAuditTo"), QStringLiteral("To %1").arg(m_to->text()), [this] {
            m_to->setDate(kAnyDay);
        });
    if (!shown.search.isEmpty())
        addClearButton(QStringLiteral("clearAuditSearch"), QStringLiteral("Search: %1").arg(shown.search), [this] {
            m_search->clear();
        });
    if (m_activeLayout->count() > 1)
        addClearButton(QStringLiteral("clearAuditFilters"), QStringLiteral("Clear All"), [this] { clearAll(); });
    m_activeLayout->addStretch(1);
    m_active->setVisible(!shown.isEmpty());
}

void AuditFilterBar::addClearButton(const QString& objectName, const QString& text, const std::function<void()>& clear)
{
    auto* button = new QPushButton(text + QStringLiteral("  \u2715"), m_active);
    button->setObjectName(objectName);
    button->setFlat(objectName == QLatin1String("clearAuditFilters"));
    button->setToolTip(QStringLiteral("Stop filtering by this"));
    connect(button, &QPushButton::clicked, this, clear);
    m_activeLayout->addWidget(button);
}

void AuditFilterBar::clearAll()
{
    {
        const QSignalBlocker whoBlocker(m_who);
        const QSignalBlocker kindBlocker(m_kind);
        const QSignalBlocker recordBlocker(m_record);
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        const QSignalBlocker searchBlocker(m_search);
        m_who->setCurrentIndex(0);
        m_kind->setCurrentIndex(0);
        m_record->clear();
        m_from->setDate(kAnyDay);
        m_to->setDate(kAnyDay);
        m_search->clear();
    }
    m_typingDelay.stop();
    changed();
}

} // namespace custos
