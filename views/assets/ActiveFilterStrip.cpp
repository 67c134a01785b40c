#include "views/assets/ActiveFilterStrip.h"

#include "views/window/FlowLayout.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace custos {

namespace {
// A chip never takes more than this, so that a long search or unit path leaves room for the rest.
constexpr int kLongestChipText = 360;
} // namespace

ActiveFilterStrip::ActiveFilterStrip(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("activeFilters"));
    setAccessibleName(QStringLiteral("Filters in use"));
    m_layout = new FlowLayout(this, 6, 4);
    m_layout->setContentsMargins(6, 4, 6, 4);
    m_clearAll = new QToolButton(this);
    m_clearAll->setObjectName(QStringLiteral("clearAllFilters"));
    m_clearAll->setText(QStringLiteral("Clear all"));
    m_clearAll->setAccessibleName(QStringLiteral("Clear all filters"));
    m_clearAll->setToolTip(QStringLiteral("Show every active asset"));
    m_clearAll->setAutoRaise(true);
    m_clearAll->setCursor(Qt::PointingHandCursor);
    connect(m_clearAll, &QToolButton::clicked, this, &ActiveFilterStrip::clearAllRequested);
    m_layout->addWidget(m_clearAll);
    hide();
}

void ActiveFilterStrip::showFilters(const QList<ActiveFilter>& filters)
{
    // A chip whose button took its own condition away hands the keyboard on to the next one.
    bool hadFocus = false;
    for (QWidget* chip : std::as_const(m_chips)) {
        hadFocus = hadFocus || chip->isAncestorOf(QApplication::focusWidget());
        m_layout->removeWidget(chip);
        chip->hide();
        chip->setParent(nullptr);
        chip->deleteLater(); // it may be the chip whose button is still being clicked
    }
    m_chips.clear();
    m_layout->removeWidget(m_clearAll);
    for (const ActiveFilter& filter : filters) {
        QWidget* chip = newChip(filter);
        m_layout->addWidget(chip);
        m_chips.append(chip);
    }
    m_layout->addWidget(m_clearAll);
    m_clearAll->setVisible(filters.size() > 1);
    setVisible(!filters.isEmpty());
    if (hadFocus && !m_chips.isEmpty())
        m_chips.first()->findChild<QToolButton*>()->setFocus();
}

QWidget* ActiveFilterStrip::newChip(const ActiveFilter& filter)
{
    auto* chip = new QFrame(this);
    chip->setObjectName(QStringLiteral("chip") + conditionName(filter.condition));
    chip->setStyleSheet(QStringLiteral("#%1 { border: 1px solid palette(mid); border-radius: 10px; "
                                       "background: palette(alternate-base); }")
                            .arg(chip->objectName()));
    auto* layout = new QHBoxLayout(chip);
    layout->setContentsMargins(8, 1, 2, 1);
    layout->setSpacing(2);
    auto* text = new QLabel(chip);
    text->setObjectName(QStringLiteral("chipText"));
    text->setTextFormat(Qt::PlainText); // it names units, people and what was typed
    const QString elided = text->fontMetrics().elidedText(filter.text, Qt::ElideMiddle, kLongestChipText);
    text->setText(elided);
    if (elided != filter.text)
        text->setToolTip(filter.text);
    layout->addWidget(text);
    auto* remove = new QToolButton(chip);
    remove->setObjectName(QStringLiteral("removeFilter"));
    remove->setText(QStringLiteral("\u00d7"));
    remove->setAccessibleName(QStringLiteral("Remove this filter"));
    remove->setAccessibleDescription(filter.text);
    remove->setToolTip(QStringLiteral("Remove this filter"));
    remove->setAutoRaise(true);
    remove->setCursor(Qt::PointingHandCursor);
    const FilterCondition condition = filter.condition;
    connect(remove, &QToolButton::clicked, this, [this, condition] { emit removeRequested(condition); });
    layout->addWidget(remove);
    return chip;
}

} // namespace custos
