#include "views/assets/AssetFilterBar.h"

#include "models/store/Register.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>

namespace custos {

namespace {
// Long enough that typing a word runs one query, short enough to feel immediate.
constexpr int kTypingDelayMs = 200;
} // namespace

AssetFilterBar::AssetFilterBar(QWidget* parent)
    : QToolBar(QStringLiteral("Filters"), parent)
{
    setObjectName(QStringLiteral("filterBar"));
    setMovable(false);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setAccessibleName(QStringLiteral("Search assets"));
    m_search->setPlaceholderText(QStringLiteral("Search reference, name, description or IAO (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(300);
    addWidget(m_search);
    m_typingDelay.setSingleShot(true);
    m_typingDelay.setInterval(kTypingDelayMs);
    connect(m_search, &QLineEdit::textChanged, &m_typingDelay, qOverload<>(&QTimer::start));
    connect(&m_typingDelay, &QTimer::timeout, this, &AssetFilterBar::filterChanged);

    addSeparator();
    m_unowned = addToggle(
        QStringLiteral("Unowned"), QStringLiteral("filterUnowned"), QStringLiteral("No IAO, or the IAO has left"));
    m_unclassified = addToggle(QStringLiteral("Unclassified"),
                               QStringLiteral("filterUnclassified"),
                               QStringLiteral("Not yet classified, or a legacy marking to review"));
    m_overdue = addToggle(QStringLiteral("Overdue review"),
                          QStringLiteral("filterOverdue"),
                          QStringLiteral("Next review due before today"));
    m_mine = addToggle(QStringLiteral("My assets"),
                       QStringLiteral("filterMine"),
                       QStringLiteral("Assets whose IAO signs in as %1").arg(currentLogin()));
    addSeparator();

    m_classification = new QComboBox(this);
    m_classification->setObjectName(QStringLiteral("filterClassification"));
    m_classification->setAccessibleName(QStringLiteral("Classification"));
    m_classification->addItem(QStringLiteral("Any classification"));
    m_classification->addItem(QStringLiteral("Not yet classified"), QString());
    for (const Classification& classification : Classification::allClassified())
        m_classification->addItem(classification.toText(), classification.toText());
    addWidget(m_classification);
    connect(m_classification, &QComboBox::currentIndexChanged, this, &AssetFilterBar::filterChanged);
    m_coverage = new QComboBox(this);
    m_coverage->setObjectName(QStringLiteral("filterCoverage"));
    m_coverage->setAccessibleName(QStringLiteral("Coverage"));
    m_coverage->addItem(QStringLiteral("Any coverage"));
    m_coverage->addItem(QStringLiteral("Owned"), int(CoverageMeasure::Owned));
    m_coverage->addItem(QStringLiteral("Classified"), int(CoverageMeasure::Classified));
    m_coverage->addItem(QStringLiteral("Reviewed on time"), int(CoverageMeasure::ReviewedOnTime));
    m_coverage->addItem(QStringLiteral("Complete"), int(CoverageMeasure::Complete));
    addWidget(m_coverage);
    connect(m_coverage, &QComboBox::currentIndexChanged, this, &AssetFilterBar::filterChanged);
    m_inactive = addToggle(QStringLiteral("Archived and disposed"),
                           QStringLiteral("filterInactive"),
                           QStringLiteral("Show archived and disposed assets too"));
}

QAction* AssetFilterBar::addToggle(const QString& text, const QString& name, const QString& tip)
{
    QAction* action = addAction(text);
    action->setObjectName(name);
    action->setCheckable(true);
    action->setToolTip(tip);
    connect(action, &QAction::toggled, this, &AssetFilterBar::filterChanged);
    return action;
}

void AssetFilterBar::applyTo(AssetFilter& filter) const
{
    filter.search = m_search->text();
    filter.unowned = m_unowned->isChecked();
    filter.unclassified = m_unclassified->isChecked();
    filter.overdue = m_overdue->isChecked();
    filter.ownerLogin = m_mine->isChecked() ? currentLogin() : QString();
    filter.activeOnly = !m_inactive->isChecked();
    const QVariant chosen = m_classification->currentData();
    filter.classification = chosen.isValid() ? Classification::fromText(chosen.toString()) : std::nullopt;
    const QVariant measure = m_coverage->currentData();
    filter.covered = measure.isValid() ? std::optional(CoverageMeasure(measure.toInt())) : std::nullopt;
    filter.ownerId = m_wayIn.ownerId;
    filter.anyGap = m_wayIn.anyGap;
    filter.dueFrom = m_wayIn.dueFrom;
    filter.dueTo = m_wayIn.dueTo;
    filter.handoverLogin = m_wayIn.handoverLogin;
    filter.legacyMarkingToReview = m_wayIn.legacyMarkingToReview;
}

void AssetFilterBar::showOnly(const AssetFilter& wanted)
{
    {
        const QList<QObject*> controls {
            m_search, m_unowned, m_unclassified, m_overdue, m_mine, m_inactive, m_classification, m_coverage};
        for (QObject* control : controls)
            control->blockSignals(true);
        m_search->setText(wanted.search);
        m_unowned->setChecked(wanted.unowned);
        m_unclassified->setChecked(wanted.unclassified);
        m_overdue->setChecked(wanted.overdue);
        m_mine->setChecked(!wanted.ownerLogin.isEmpty());
        m_inactive->setChecked(!wanted.activeOnly);
        m_classification->setCurrentIndex(
            wanted.classification ? m_classification->findData(wanted.classification->toText()) : 0);
        m_coverage->setCurrentIndex(wanted.covered ? m_coverage->findData(int(*wanted.covered)) : 0);
        for (QObject* control : controls)
            control->blockSignals(false);
    }
    m_wayIn = AssetFilter {.ownerId = wanted.ownerId,
                           .legacyMarkingToReview = wanted.legacyMarkingToReview,
                           .anyGap = wanted.anyGap,
                           .dueFrom = wanted.dueFrom,
                           .dueTo = wanted.dueTo,
                           .handoverLogin = wanted.handoverLogin};
    m_typingDelay.stop();
    emit filterChanged();
}

void AssetFilterBar::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

} // namespace custos
