#include "views/assets/AssetEditor.h"

#include "models/domain/AssetValidator.h"
#include "models/domain/ReviewSchedule.h"
#include "views/people/PersonPicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

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

} // namespace

AssetEditor::AssetEditor(QWidget* parent)
    : QDockWidget(QStringLiteral("Asset"), parent)
{
    setObjectName(QStringLiteral("assetEditor"));
    setFeatures(QDockWidget::DockWidgetMovable);
    m_loading = true; // until every field exists
    m_form = new QWidget;
    auto* form = new QFormLayout(m_form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_reference = addLine(QStringLiteral("Reference"), QStringLiteral("editReference"));
    m_name = addLine(QStringLiteral("Name"), QStringLiteral("editName"));
    m_description = new QPlainTextEdit(m_form);
    m_description->setObjectName(QStringLiteral("editDescription"));
    m_description->setAccessibleName(QStringLiteral("Description"));
    m_description->setMaximumHeight(80);
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
    m_legacy = new QLabel(m_form);
    form->addRow(QStringLiteral("Legacy marking"), m_legacy);
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
    m_lastReviewed = new QLabel(m_form);
    form->addRow(QStringLiteral("Last reviewed"), m_lastReviewed);
    m_nextDue = new QLabel(m_form);
    m_nextDue->setObjectName(QStringLiteral("editNextDue"));
    form->addRow(QStringLiteral("Next review due"), m_nextDue);
    m_status = addChoice(QStringLiteral("Status"), QStringLiteral("editStatus"), enumTexts<AssetStatus>());

    m_problems = new QLabel(m_form);
    m_problems->setObjectName(QStringLiteral("editProblems"));
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    QPalette warning = m_problems->palette();
    warning.setColor(QPalette::WindowText, QColor(180, 30, 30));
    m_problems->setPalette(warning);
    form->addRow(m_problems);

    m_save = new QPushButton(QStringLiteral("Save"), m_form);
    m_save->setObjectName(QStringLiteral("editSave"));
    m_save->setDefault(true);
    m_revert = new QPushButton(QStringLiteral("Revert"), m_form);
    m_revert->setObjectName(QStringLiteral("editRevert"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    form->addRow(buttons);
    connect(m_revert, &QPushButton::clicked, this, [this] { showAsset(m_asset); });
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (m_asset)
            emit saveRequested(*m_asset, editedAsset());
    });

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

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
    m_tabs->addTab(scroll, QStringLiteral("Details"));
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
    showAsset(std::nullopt);
}

QLineEdit* AssetEditor::addLine(const QString& label, const QString& name)
{
    auto* line = new QLineEdit(m_form);
    line->setObjectName(name);
    line->setAccessibleName(label);
    static_cast<QFormLayout*>(m_form->layout())->addRow(label, line);
    connect(line, &QLineEdit::textChanged, this, &AssetEditor::updateState);
    return line;
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
    static_cast<QFormLayout*>(m_form->layout())->addRow(label, box);
    connect(box, &QComboBox::currentIndexChanged, this, &AssetEditor::updateState);
    return box;
}

PersonPicker* AssetEditor::addPersonPicker(const QString& label, const QString& name)
{
    auto* picker = new PersonPicker(label, m_form);
    picker->setObjectName(name);
    static_cast<QFormLayout*>(m_form->layout())->addRow(label, picker);
    connect(picker, &PersonPicker::chosenChanged, this, &AssetEditor::updateState);
    return picker;
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
    const bool official = m_classification->currentText() == QLatin1String("OFFICIAL");
    m_sensitive->setEnabled(official);
    if (!official && m_sensitive->isChecked())
        m_sensitive->setChecked(false);
    m_needsReview->setEnabled(m_classification->currentIndex() > 0);

    const Asset edited = editedAsset();
    const QDate nextDue = ReviewSchedule::nextDue(edited.lastReviewed, edited.created.date(), edited.reviewCycleMonths);
    m_nextDue->setText(nextDue.isValid() ? nextDue.toString(Qt::ISODate) : QString());
    QStringList problems = m_asset ? AssetValidator::problems(edited, QDate::currentDate()) : QStringList();
    if (m_asset && edited.iaoId != m_asset->iaoId && m_owner->chosenHasLeft())
        problems << QStringLiteral("The chosen IAO has left; choose someone who has not.");
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());

    const bool changed = hasUnsavedEdits();
    m_form->setEnabled(m_asset && !m_readOnly);
    m_save->setEnabled(changed && problems.isEmpty() && !m_readOnly);
    m_revert->setEnabled(changed && !m_readOnly);
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
