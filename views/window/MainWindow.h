#pragma once

#include "models/assets/AssetView.h"
#include "models/itemmodels/AssetColumns.h"
#include "models/store/Register.h"
#include "views/assets/ActiveFilters.h"
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

class ActiveFilterStrip;
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
    bool eventFilter(QObject* watched, QEvent* event) override;
    // A window that first shows narrower than the table and the editor need side by side starts
    // with the editor hidden (View, Show Asset Editor, or opening an asset, shows it).
    void showEvent(QShowEvent* event) override;

private:
    // Lets go of the register: every part of the window stops the work it has running on it, and
    // waits for it, before the register closes.
    void releaseRegister();
    void buildMenus();
    void buildViewMenu();
    void buildFilterMenu();
    // The docks and their sizes as a new window has them.
    void resetLayout();
    // The assets page: the filters in use above the assets table.
    QWidget* buildAssetsPage();
    void buildTable();
    // Opens as large as the window was designed for, or as the screen allows, whichever is less.
    void fitToScreen();
    // Narrows the columns' first widths, if need be, so that the columns up to the next review
    // date fit the table as it first shows; a person's own widths stay as they left them.
    void fitColumns();
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
    // The filter in use as chips above the table, with the names of its unit and IAO as they are now.
    void showActiveFilters();
    // Shows exactly the assets `filter` picks: the filter bar and the unit tree take its choices.
    void showFilter(const AssetFilter& filter);
    void updateStatus();
    // Shows the assets' tools (filters, unit tree, editor) only beside the assets, and reads the
    // page now shown again, since edits elsewhere change it.
    void showPage(int index);
    // Shows what the register's latest commits changed in the table and the unit tree (the
    // pages, the editor and the dashboard follow the register themselves).
    void followChanges(RegisterChanges what);
    void afterImport();
    // The assets a dashboard figure counts (a tile, bar or slice), in the assets view.
    void showWayIn(const AssetFilter& filter);
    void takeFirstStep(FirstStepsPanel::Step step);

    Settings& m_settings;
    std::unique_ptr<Register> m_register;
    std::unique_ptr<AssetTableModel> m_model;
    QStackedWidget* m_pages = nullptr;
    WelcomePage* m_welcome = nullptr;
    QTabWidget* m_registerPages = nullptr;
    QWidget* m_assetsPage = nullptr;
    QTableView* m_table = nullptr;
    ActiveFilterStrip* m_activeFilters = nullptr;
    // The columns have their first widths, not yet fitted to the table as it first shows.
    bool m_columnsToFit = false;
    bool m_shownBefore = false;
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
