#pragma once

#include "models/audit/AuditLog.h"
#include "models/domain/Asset.h"
#include "models/units/UnitTree.h"

#include <QDockWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace custos {

class PersonPicker;
class Register;

// Every field of one asset, beside the table. Problems show as you type; Save hands the edited
// asset on (the window records it, so it can be undone). The next review date is derived. A
// second tab shows the asset's history. With no asset to show, it says to choose one.
// The form scrolls under Save and Revert, which stay in view however small the dock; Tab visits
// the fields top to bottom, then Revert and Save. Text that cannot be changed (a read-only
// register's, or what Custos derives or records) can still be selected and copied.
class AssetEditor : public QDockWidget
{
    Q_OBJECT

public:
    explicit AssetEditor(QWidget* parent = nullptr);

    // The register whose people the IAO and IAM pickers offer; they follow its changes.
    void setRegister(Register* reg);
    // The units the business unit choice offers; call again when they change.
    void setUnits(const UnitTree& units);
    void setReadOnly(bool readOnly);
    void showAsset(const std::optional<Asset>& asset);
    std::optional<Asset> shownAsset() const { return m_asset; }
    // The shown asset's changes from the audit trail, newest first, on the History tab.
    void showHistory(const QList<AuditEntry>& history);
    // The asset as the form now describes it.
    Asset editedAsset() const;
    // Whether the form differs from the asset it shows.
    bool hasUnsavedEdits() const { return m_asset && !(editedAsset() == *m_asset); }

signals:
    void saveRequested(const custos::Asset& before, const custos::Asset& after);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateState();
    QLineEdit* addLine(const QString& label, const QString& name);
    // A field for text Custos derives or records, never typed.
    QLineEdit* addShown(const QString& label, const QString& name);
    QComboBox* addChoice(const QString& label, const QString& name, const QStringList& texts);
    PersonPicker* addPersonPicker(const QString& label, const QString& name);

    std::optional<Asset> m_asset;
    bool m_readOnly = false;
    // While an asset is being shown, field changes are not edits.
    bool m_loading = false;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_nothingShown = nullptr;
    QWidget* m_form = nullptr;
    QFormLayout* m_fields = nullptr;
    QLineEdit* m_reference = nullptr;
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QComboBox* m_unit = nullptr;
    PersonPicker* m_owner = nullptr;
    PersonPicker* m_manager = nullptr;
    QComboBox* m_format = nullptr;
    QLineEdit* m_location = nullptr;
    QComboBox* m_classification = nullptr;
    QCheckBox* m_sensitive = nullptr;
    QCheckBox* m_needsReview = nullptr;
    QLineEdit* m_legacy = nullptr;
    QLineEdit* m_handling = nullptr;
    QComboBox* m_personalData = nullptr;
    QLineEdit* m_lawfulBasis = nullptr;
    QLineEdit* m_retention = nullptr;
    QLineEdit* m_disposal = nullptr;
    QComboBox* m_criticality = nullptr;
    QComboBox* m_cycle = nullptr;
    QLineEdit* m_lastReviewed = nullptr;
    QLineEdit* m_nextDue = nullptr;
    QComboBox* m_status = nullptr;
    QLineEdit* m_created = nullptr;
    QLineEdit* m_modified = nullptr;
    // The fields the user types into or chooses from, read-only or off when no edit is taken.
    QList<QLineEdit*> m_typed;
    QList<QComboBox*> m_choices;
    QLabel* m_problems = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTreeWidget* m_history = nullptr;
};

} // namespace custos
