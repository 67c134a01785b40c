#pragma once

#include "models/assets/AssetView.h"
#include "models/itemmodels/AssetColumns.h"
#include "models/store/Register.h"
#include "views/dashboard/FirstStepsPanel.h"

#include <QMainWindow>
#include <QUndoStack>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace custos {

class AssetEditing;
class AssetEditor;
class NoMatchesNotice;
class AssetFilterBar;
class AssetTableModel;
class AuditLogPage;
class HelpMenu;
class CsvExporting;
class CsvImporting;
class DashboardPage;
class RegisterVerifying;
class ReportExporting;
class PeoplePage;
class RegisterBackups;
class Settings;
class UnitTreeDock;
class UnitsPage;
class WelcomePage;

// The register window: the assets of one register, searched and filtered as you type, beside
// pages for its people, its business units and its audit log.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a register in place of the current one; on refusal keeps the current one and says why.
    bool openRegister(const QString& path, OpenMode mode, QString* error = nullptr);
    // Opens the demo register in the user's data folder, creating it the first time.
    bool openDemo(OpenMode mode = OpenMode::ReadWrite, QString* error = nullptr);
    void closeRegister();
    const Register* currentRegister() const { return m_register.get(); }
    QUndoStack* undoStack() { return &m_undo; }
    AssetTableModel* assetModel() const { return m_model.get(); }

    static QString demoRegisterPath();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // Lets go of the register: every part of the window stops the work it has running on it, and
    // waits for it, before the register closes.
    void releaseRegister();
    void buildMenus();
    void buildViewMenu();
    void buildFilterMenu();
    // The docks and their sizes as a new window has them.
    void resetLayout();
    void buildTable();
    void chooseAndOpen();
    void chooseAndCreate();
    void openWithMessage(const QString& path);
    void fillRecentMenu();
    void showColumnMenu(const QPoint& position);
    void saveTableState();
    // The assets table's columns as saved (widths, order, which are shown), or as a new window
    // has them; columns added to Custos since the layout was saved start hidden.
    void restoreTableState();
    // The view the filter bar and unit tree describe, in the current sort order.
    AssetView currentView() const;
    void applyFilters();
    void updateStatus();
    // Shows the assets' tools (filters, unit tree, editor) only beside the assets, and reads the
    // page now shown again, since edits elsewhere change it.
    void showPage(int index);
    // Shows what the register's latest commits changed in the table and the unit tree (the
    // pages, the editor and the dashboard follow the register themselves).
    void followChanges(RegisterChanges what);
    void afterImport();
    // The assets a dashboard figure counts (a tile, bar or slice), in the assets view.
    void showWayIn(const AssetFilter& filter, const QString& description);
    void takeFirstStep(FirstStepsPanel::Step step);

    Settings& m_settings;
    std::unique_ptr<Register> m_register;
    std::unique_ptr<AssetTableModel> m_model;
    QStackedWidget* m_pages = nullptr;
    WelcomePage* m_welcome = nullptr;
    QTabWidget* m_registerPages = nullptr;
    QTableView* m_table = nullptr;
    PeoplePage* m_people = nullptr;
    UnitsPage* m_units = nullptr;
    AuditLogPage* m_auditLog = nullptr;
    AssetFilterBar* m_filterBar = nullptr;
    NoMatchesNotice* m_noMatches = nullptr;
    UnitTreeDock* m_unitDock = nullptr;
    AssetEditor* m_editor = nullptr;
    AssetEditing* m_editing = nullptr;
    CsvExporting* m_exporting = nullptr;
    CsvImporting* m_importing = nullptr;
    DashboardPage* m_dashboard = nullptr;
    ReportExporting* m_reporting = nullptr;
    RegisterVerifying* m_verifying = nullptr;
    QLabel* m_readOnlyBanner = nullptr;
    RegisterBackups* m_backups = nullptr;
    QUndoStack m_undo;
    QAction* m_close = nullptr;
    QAction* m_showUnitTree = nullptr;
    QAction* m_showEditor = nullptr;
    HelpMenu* m_help = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_count = nullptr;
};

} // namespace custos
