#include "views/assets/AssetEditor.h"

#include "models/domain/AssetValidator.h"
#include "models/domain/ReviewSchedule.h"
#include "views/people/PersonPicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace custos {

namespace {

template <typename Enum>
void choose(QComboBox* box, const std::optional<Enum>& value)
{
    box->setCurrentIndex(value ? box->findText(enumToText(*value)) : 0);
}

template <typename Enum>
std::optional<Enum> chosen(const QComboBox* box)
{
    return enumFromText<Enum>(box->currentText());
}

void chooseData(QComboBox* box, const QVariant& data)
{
    const int index = box->findData(data);
    box->setCurrentIndex(index < 0 ? 0 : index);
}

// Scrolls up and down only, and is never narrower than the form can be: no field is cut off at
// the side, and none needs a scroll bar across.
class FormScrollArea : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;
    QSize minimumSizeHint() const override
    {
        const QSize scrolling = QScrollArea::minimumSizeHint();
        if (!widget())
            return scrolling;
        const int formWidth
            = widget()->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
        return {std::max(scrolling.width(), formWidth), scrolling.height()};
    }
};

} // namespace

AssetEditor::AssetEditor(QWidget* parent)
    : QDockWidget(QStringLiteral("Asset"), parent)
{
    setObjectName(QStringLiteral("assetEditor"));
    setFeatures(QDockWidget::DockWidgetMovable);
    m_loading = true; // until every field exists
    m_form = new QWidget;
    auto* formAndProblems = new QVBoxLayout(m_form);
    auto* form = new QFormLayout;
    formAndProblems->addLayout(form);
    m_fields = form;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // In a narrow dock, or at a large scale, a field goes under its label rather than out of view.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    m_reference = addLine(QStringLiteral("Reference"), QStringLiteral("editReference"));
    m_name = addLine(QStringLiteral("Name"), QStringLiteral("editName"));
    m_description = new QPlainTextEdit(m_form);
    m_description->setObjectName(QStringLiteral("editDescription"));
    m_description->setAccessibleName(QStringLiteral("Description"));
    m_description->setMaximumHeight(80);
    m_description->setTabChangesFocus(true); // Tab moves on, as in every other field; Ctrl+Tab types a tab
    m_description->installEventFilter(this);
    form->addRow(QStringLiteral("Description"), m_description);
    connect(m_description, &QPlainTextEdit::textChanged, this, &AssetEditor::updateState);
    m_unit = addChoice(QStringLiteral("Business unit"), QStringLiteral("editUnit"), {});
    m_unit->setPlaceholderText(QStringLiteral("Choose a business unit")); // a new asset's, when none is chosen
    m_owner = addPersonPicker(QStringLiteral("IAO"), QStringLiteral("editOwner"));
    m_manager = addPersonPicker(QStringLiteral("IAM"), QStringLiteral("editManager"));
    m_format = addChoice(
        QStringLiteral("Format"), QStringLiteral("editFormat"), QStringList {QString()} + enumTexts<AssetFormat>());
    m_location = addLine(QStringLiteral("Location / system"), QStringLiteral("editLocation"));

    m_classification = addChoice(QStringLiteral("Classification"),
                                 QStringLiteral("editClassification"),
                                 {QStringLiteral("Not yet classified"),
                                  QStringLiteral("OFFICIAL"),
                                  QStringLiteral("SECRET"),
                                  QStringLiteral("TOP SECRET")});
    m_sensitive = new QCheckBox(QStringLiteral("OFFICIAL-SENSITIVE"), m_form);
    m_sensitive->setObjectName(QStringLiteral("editSensitive"));
    form->addRow(QString(), m_sensitive);
    m_legacy = addShown(QStringLiteral("Legacy marking"), QStringLiteral("editLegacy"));
    m_needsReview = new QCheckBox(QStringLiteral("Classification needs review"), m_form);
    m_needsReview->setObjectName(QStringLiteral("editNeedsReview"));
    form->addRow(QString(), m_needsReview);
    for (QCheckBox* box : {m_sensitive, m_needsReview})
        connect(box, &QCheckBox::toggled, this, &AssetEditor::updateState);

    m_handling = addLine(QStringLiteral("Handling notes"), QStringLiteral("editHandling"));
    m_personalData
        = addChoice(QStringLiteral("Personal data"), QStringLiteral("editPersonalData"), enumTexts<PersonalData>());
    m_lawfulBasis = addLine(QStringLiteral("Lawful basis"), QStringLiteral("editLawfulBasis"));
    m_retention = addLine(QStringLiteral("Retention"), QStringLiteral("editRetention"));
    m_disposal = addLine(QStringLiteral("Disposal action"), QStringLiteral("editDisposal"));
    m_criticality = addChoice(QStringLiteral("Criticality"),
                              QStringLiteral("editCriticality"),
                              QStringList {QString()} + enumTexts<Criticality>());
    m_cycle = addChoice(QStringLiteral("Review cycle"), QStringLiteral("editCycle"), {});
    for (int months : {3, 6, 12})
        m_cycle->addItem(QStringLiteral("%1 months").arg(months), months);
    m_lastReviewed = addShown(QStringLiteral("Last reviewed"), QStringLiteral("editLastReviewed"));
    m_nextDue = addShown(QStringLiteral("Next review due"), QStringLiteral("editNextDue"));
    m_status = addChoice(QStringLiteral("Status"), QStringLiteral("editStatus"), enumTexts<AssetStatus>());
    m_created = addShown(QStringLiteral("Created"), QStringLiteral("editCreated"));
    m_modified = addShown(QStringLiteral("Last modified"), QStringLiteral("editModified"));

    m_problems = new QLabel(m_form);
    m_problems->setObjectName(QStringLiteral("editProblems"));
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    QPalette warning = m_problems->palette();
    warning.setColor(QPalette::WindowText, QColor(180, 30, 30));
    m_problems->setPalette(warning);
    // Below the form rather than a row of it: a box layout gives wrapped lines the height they need.
    formAndProblems->addWidget(m_problems);
    formAndProblems->addStretch();

    // The form scrolls (and follows the focus as Tab moves through it); Save and Revert stay below.
    auto* scroll = new FormScrollArea(this);
    scroll->setObjectName(QStringLiteral("assetEditorScroll"));
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // no stop of its own between the fields

    auto* details = new QWidget(this);
    m_revert = new QPushButton(QStringLiteral("Revert"), details);
    m_revert->setObjectName(QStringLiteral("editRevert"));
    m_save = new QPushButton(QStringLiteral("Save"), details);
    m_save->setObjectName(QStringLiteral("editSave"));
    m_save->setDefault(true);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(scroll, 1);
    detailsLayout->addLayout(buttons);
    connect(m_revert, &QPushButton::clicked, this, [this] { showAsset(m_asset); });
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (m_asset)
            emit saveRequested(*m_asset, editedAsset());
    });

    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("assetHistory"));
    m_history->setAccessibleName(QStringLiteral("History"));
    m_history->setHeaderLabels({QStringLiteral("When"), QStringLiteral("Who"), QStringLiteral("Change")});
    m_history->setRootIsDecorated(false);
    m_history->setWordWrap(true);
    m_history->setColumnWidth(0, 125);
    m_history->setColumnWidth(1, 70);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("assetEditorTabs"));
    m_tabs->addTab(details, QStringLiteral("Details"));
    m_tabs->addTab(m_history, QStringLiteral("History"));
    m_nothingShown = new QLabel(QStringLiteral("Choose an asset in the table to see and edit it."), this);
    m_nothingShown->setObjectName(QStringLiteral("editorNothingShown"));
    m_nothingShown->setAlignment(Qt::AlignCenter);
    m_nothingShown->setWordWrap(true);
    m_nothingShown->setMargin(12);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_nothingShown);
    m_pages->addWidget(m_tabs);
    setWidget(m_pages);
    // Set once every widget is in its place: moving one into another rebuilds its part of the order.
    const QList<QWidget*> tabOrder {
        m_reference,   m_name,           m_description, m_unit,        m_owner,       m_manager,      m_format,
        m_location,    m_classification, m_sensitive,   m_legacy,      m_needsReview, m_handling,     m_personalData,
        m_lawfulBasis, m_retention,      m_disposal,    m_criticality, m_cycle,       m_lastReviewed, m_nextDue,
        m_status,      m_created,        m_modified,    m_revert,      m_save};
    for (qsizetype i = 1; i < tabOrder.size(); ++i)
        setTabOrder(tabOrder[i - 1], tabOrder[i]);
    showAsset(std::nullopt);
}

QLineEdit* AssetEditor::addLine(const QString& label, const QString& name)
{
    auto* line = new QLineEdit(m_form);
    line->setObjectName(name);
    line->setAccessibleName(label);
    m_fields->addRow(label, line);
    connect(line, &QLineEdit::textChanged, this, &AssetEditor::updateState);
    m_typed << line;
    return line;
}

QLineEdit* AssetEditor::addShown(const QString& label, const QString& name)
{
    auto* shown = new QLineEdit(m_form);
    shown->setObjectName(name);
    shown->setAccessibleName(label);
    shown->setReadOnly(true);
    // Reads as text, not as a field to type into.
    shown->setFrame(false);
    QPalette plain = shown->palette();
    plain.setBrush(QPalette::Base, plain.brush(QPalette::Window));
    shown->setPalette(plain);
    m_fields->addRow(label, shown);
    return shown;
}

QComboBox* AssetEditor::addChoice(const QString& label, const QString& name, const QStringList& texts)
{
    auto* box = new QComboBox(m_form);
    box->setObjectName(name);
    box->setAccessibleName(label);
    box->addItems(texts);
    // Long names (units' paths) must not widen the dock.
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(12);
    m_fields->addRow(label, box);
    connect(box, &QComboBox::currentIndexChanged, this, &AssetEditor::updateState);
    m_choices << box;
    return box;
}

PersonPicker* AssetEditor::addPersonPicker(const QString& label, const QString& name)
{
    auto* picker = new PersonPicker(label, m_form);
    picker->setObjectName(name);
    m_fields->addRow(label, picker);
    connect(picker, &PersonPicker::chosenChanged, this, &AssetEditor::updateState);
    return picker;
}

bool AssetEditor::eventFilter(QObject* watched, QEvent* event)
{
    // Qt takes no text typed with Ctrl held, so the tab Ctrl+Tab stands for is typed here.
    if (watched == m_description && event->type() == QEvent::KeyPress && !m_description->isReadOnly()) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::ControlModifier) {
            m_description->insertPlainText(QStringLiteral("\t"));
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

void AssetEditor::setRegister(Register* reg)
{
    m_owner->setRegister(reg);
    m_manager->setRegister(reg);
}

void AssetEditor::setUnits(const UnitTree& units)
{
    const QSignalBlocker quiet(m_unit);
    m_unit->clear();
    for (RecordId id : units.idsByPath())
        m_unit->addItem(units.path(id), id);
    showAsset(m_asset);
}

void AssetEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateState();
}

void AssetEditor::showAsset(const std::optional<Asset>& asset)
{
    // Another asset's (or no asset's) history would mislead.
    if (!asset || !m_asset || asset->id != m_asset->id)
        showHistory({});
    m_asset = asset;
    m_pages->setCurrentWidget(asset ? static_cast<QWidget*>(m_tabs) : m_nothingShown);
    if (asset && asset->id == 0)
        m_tabs->setCurrentIndex(0); // a new asset starts on its details
    const Asset shown = asset.value_or(Asset());
    m_loading = true;
    m_reference->setText(shown.reference);
    m_name->setText(shown.name);
    m_description->setPlainText(shown.description);
    m_unit->setCurrentIndex(m_unit->findData(shown.unitId)); // none (-1) for a new asset with no unit
    m_owner->choose(shown.iaoId);
    m_manager->choose(shown.iamId);
    choose(m_format, shown.format);
    m_location->setText(shown.location);
    const auto level = shown.classification.level();
    m_classification->setCurrentIndex(level ? m_classification->findText(levelToText(*level)) : 0);
    m_sensitive->setChecked(shown.classification.isSensitive());
    m_legacy->setText(shown.legacyMarking ? legacyMarkingToText(*shown.legacyMarking) : QStringLiteral("None"));
    m_needsReview->setChecked(shown.classificationNeedsReview);
    m_handling->setText(shown.handlingNotes);
    choose(m_personalData, std::optional<PersonalData>(shown.personalData));
    m_lawfulBasis->setText(shown.lawfulBasis);
    m_retention->setText(shown.retention);
    m_disposal->setText(shown.disposalAction);
    choose(m_criticality, shown.criticality);
    chooseData(m_cycle, shown.reviewCycleMonths);
    m_lastReviewed->setText(shown.lastReviewed.isValid() ? shown.lastReviewed.toString(Qt::ISODate)
                                                         : QStringLiteral("Never"));
    choose(m_status, std::optional<AssetStatus>(shown.status));
    const auto when = [](const QDateTime& at) {
        return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
    };
    m_created->setText(when(shown.created));
    m_modified->setText(when(shown.modified));
    for (QLineEdit* line : m_form->findChildren<QLineEdit*>())
        line->setCursorPosition(0); // show the start of long text, not its end
    m_loading = false;
    updateState();
}

Asset AssetEditor::editedAsset() const
{
    Asset asset = m_asset.value_or(Asset());
    asset.reference = m_reference->text().trimmed();
    asset.name = m_name->text();
    asset.description = m_description->toPlainText();
    asset.unitId = m_unit->currentIndex() < 0 ? 0 : m_unit->currentData().toLongLong();
    asset.iaoId = m_owner->chosen();
    asset.iamId = m_manager->chosen();
    asset.format = chosen<AssetFormat>(m_format);
    asset.location = m_location->text();
    const auto level = levelFromText(m_classification->currentText());
    asset.classification = level ? Classification::of(*level, m_sensitive->isChecked()) : Classification();
    asset.classificationNeedsReview = asset.classification.isClassified() && m_needsReview->isChecked();
    asset.handlingNotes = m_handling->text();
    asset.personalData = chosen<PersonalData>(m_personalData).value_or(PersonalData::None);
    asset.lawfulBasis = m_lawfulBasis->text();
    asset.retention = m_retention->text();
    asset.disposalAction = m_disposal->text();
    asset.criticality = chosen<Criticality>(m_criticality);
    asset.reviewCycleMonths = m_cycle->currentData().toInt();
    asset.status = chosen<AssetStatus>(m_status).value_or(AssetStatus::Active);
    return asset;
}

void AssetEditor::updateState()
{
    if (m_loading)
        return;
    const bool editable = m_asset && !m_readOnly;
    const bool official = m_classification->currentText() == QLatin1String("OFFICIAL");
    m_sensitive->setEnabled(editable && official);
    if (!official && m_sensitive->isChecked())
        m_sensitive->setChecked(false);
    m_needsReview->setEnabled(editable && m_classification->currentIndex() > 0);
    // What is typed stays selectable when it cannot be changed; a choice cannot be made.
    for (QLineEdit* line : std::as_const(m_typed))
        line->setReadOnly(!editable);
    m_description->setReadOnly(!editable);
    if (!editable)
        m_description->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    for (PersonPicker* picker : {m_owner, m_manager})
        picker->setReadOnly(!editable);
    for (QComboBox* box : std::as_const(m_choices))
        box->setEnabled(editable);

    const Asset edited = editedAsset();
    const QDate nextDue = ReviewSchedule::nextDue(edited.lastReviewed, edited.created.date(), edited.reviewCycleMonths);
    m_nextDue->setText(nextDue.isValid() ? nextDue.toString(Qt::ISODate) : QString());
    QStringList problems = m_asset ? AssetValidator::problems(edited, QDate::currentDate()) : QStringList();
    if (m_asset && edited.iaoId != m_asset->iaoId && m_owner->chosenHasLeft())
        problems << QStringLiteral("The chosen IAO has left; choose someone who has not.");
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());

    const bool changed = hasUnsavedEdits();
    m_save->setEnabled(changed && problems.isEmpty() && editable);
    m_revert->setEnabled(changed && editable);
}

void AssetEditor::showHistory(const QList<AuditEntry>& history)
{
    m_history->clear();
    for (const AuditEntry& entry : history) {
        QStringList changes;
        for (const FieldChange& change : entry.changes)
            changes << QStringLiteral("%1: %2 \u2192 %3").arg(change.field, change.before, change.after);
        const QString what
            = entry.action == QLatin1String("update") ? changes.join(QLatin1Char('\n')) : entry.summary();
        auto* item = new QTreeWidgetItem(
            m_history, {entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), entry.actor, what});
        item->setToolTip(2, what);
    }
    m_tabs->setTabText(
        1, history.isEmpty() ? QStringLiteral("History") : QStringLiteral("History (%1)").arg(history.size()));
}

} // namespace custos
