#include "views/assets/AssetEditing.h"
#include "views/assets/AssetEditor.h"
#include "views/assets/AssetFilterBar.h"
#include "views/assets/UnitTreeDock.h"
#include "views/files/CsvExporting.h"
#include "views/files/CsvImporting.h"
#include "views/files/RegisterBackups.h"
#include "views/files/RegisterVerifying.h"
#include "views/files/ReportExporting.h"
#include "views/help/HelpMenu.h"
#include "views/pages/AuditLogPage.h"
#include "views/window/MainWindow.h"
#include "views/window/Settings.h"
#include "views/window/Theme.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QHeaderView>
#include <QIcon>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

// The window's menus, its edit tool bar and the assets table's column menu.

namespace custos {

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction* create = file->addAction(QStringLiteral("&New Register\u2026"), this, &MainWindow::chooseAndCreate);
    create->setObjectName(QStringLiteral("actionNew"));
    create->setShortcut(QKeySequence::New);
    create->setIcon(QIcon(QStringLiteral(":/icons/register-new.svg")));
    QAction* open = file->addAction(QStringLiteral("&Open Register\u2026"), this, &MainWindow::chooseAndOpen);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    open->setIcon(QIcon(QStringLiteral(":/icons/register-open.svg")));
    m_recentMenu = file->addMenu(QStringLiteral("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addAction(m_importing->importAction());
    file->addAction(m_exporting->exportAction());
    file->addAction(m_auditLog->exportAction());
    file->addAction(m_reporting->exportAction());
    file->addAction(m_reporting->printAction());
    file->addSeparator();
    file->addAction(m_verifying->verifyAction());
    file->addAction(m_backups->backUpAction());
    file->addAction(m_backups->restoreAction());
    file->addSeparator();
    m_close = file->addAction(QStringLiteral("&Close Register"), this, &MainWindow::closeRegister);
    m_close->setObjectName(QStringLiteral("actionClose"));
    m_close->setShortcut(QKeySequence::Close);
    m_close->setEnabled(false);
    file->addSeparator();
    QAction* quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    QAction* undo = m_undo.createUndoAction(this, QStringLiteral("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(QIcon(QStringLiteral(":/icons/undo.svg")));
    QAction* redo = m_undo.createRedoAction(this, QStringLiteral("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setIcon(QIcon(QStringLiteral(":/icons/redo.svg")));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(m_editing->newAssetAction());
    edit->addAction(m_editing->bulkEditAction());
    edit->addAction(m_editing->recordReviewAction());

    QToolBar* tools = addToolBar(QStringLiteral("Edit"));
    tools->setObjectName(QStringLiteral("editToolBar"));
    insertToolBar(m_filterBar, tools);
    for (QAction* action :
         {m_editing->newAssetAction(), m_editing->recordReviewAction(), m_editing->bulkEditAction(), undo, redo})
        tools->addAction(action);

    buildViewMenu();
    buildFilterMenu();
    m_help->addTo(menuBar()->addMenu(QStringLiteral("&Help")));
}

void MainWindow::buildViewMenu()
{
    QMenu* view = menuBar()->addMenu(QStringLiteral("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    for (int page = 0; page < m_registerPages->count(); ++page) {
        QAction* go = view->addAction(m_registerPages->tabText(page));
        go->setObjectName(QStringLiteral("actionPage%1").arg(page + 1));
        go->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + page)));
        connect(go, &QAction::triggered, this, [this, page] { m_registerPages->setCurrentIndex(page); });
    }
    view->addSeparator();
    m_showUnitTree = view->addAction(QStringLiteral("Show &Unit Tree"));
    m_showUnitTree->setObjectName(QStringLiteral("actionShowUnitTree"));
    m_showEditor = view->addAction(QStringLiteral("Show Asset &Editor"));
    m_showEditor->setObjectName(QStringLiteral("actionShowEditor"));
    for (QAction* shown : {m_showUnitTree, m_showEditor}) {
        shown->setCheckable(true);
        shown->setChecked(true);
        connect(shown, &QAction::toggled, this, [this] { showPage(m_registerPages->currentIndex()); });
    }
    QAction* reset = view->addAction(QStringLiteral("&Reset Layout"), this, &MainWindow::resetLayout);
    reset->setObjectName(QStringLiteral("actionResetLayout"));

    // The theme saved is applied here, as the window is built, before it first shows.
    view->addSeparator();
    QMenu* themes = view->addMenu(QStringLiteral("&Theme"));
    themes->setObjectName(QStringLiteral("menuTheme"));
    auto* exclusive = new QActionGroup(themes);
    const Theme::Choice saved = Theme::saved(m_settings);
    const std::tuple<Theme::Choice, const char*, QString> choices[] {
        {Theme::Choice::Light, "actionThemeLight", QStringLiteral("&Light")},
        {Theme::Choice::Dark, "actionThemeDark", QStringLiteral("&Dark")},
        {Theme::Choice::System, "actionThemeSystem", QStringLiteral("Follow the As the &System Has ItSystem")},
    };
    for (const auto& [choice, name, text] : choices) {
        QAction* theme = themes->addAction(text);
        theme->setObjectName(QLatin1String(name));
        theme->setCheckable(true);
        theme->setChecked(choice == saved);
        exclusive->addAction(theme);
        connect(theme, &QAction::triggered, this, [this, choice = choice] {
            m_settings.setValue(Settings::Key::Theme, Theme::name(choice));
            Theme::apply(choice);
        });
    }
    Theme::apply(saved);
}

void MainWindow::buildFilterMenu()
{
    QMenu* filter = menuBar()->addMenu(QStringLiteral("F&ilter"));
    filter->setObjectName(QStringLiteral("menuFilter"));
    filter->addAction(findChild<QAction*>(QStringLiteral("actionSearch")));
    filter->addSeparator();
    const std::pair<const char*, QKeySequence> toggles[] {
        {"filterUnowned", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)},
        {"filterUnclassified", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
        {"filterOverdue", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
        {"filterMine", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
        {"filterInactive", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
    };
    for (const auto& [name, shortcut] : toggles) {
        QAction* toggle = m_filterBar->findChild<QAction*>(QLatin1String(name));
        toggle->setShortcut(shortcut);
        toggle->setToolTip(
            QStringLiteral("%1 (%2)").arg(toggle->toolTip(), shortcut.toString(QKeySequence::NativeText)));
        filter->addAction(toggle);
    }
}

void MainWindow::resetLayout()
{
    removeToolBar(m_filterBar);
    addToolBar(m_filterBar);
    m_filterBar->show();
    for (QDockWidget* dock : {static_cast<QDockWidget*>(m_unitDock), static_cast<QDockWidget*>(m_editor)})
        dock->setFloating(false);
    addDockWidget(Qt::LeftDockWidgetArea, m_unitDock);
    addDockWidget(Qt::RightDockWidgetArea, m_editor);
    m_showUnitTree->setChecked(true);
    m_showEditor->setChecked(true);
    showPage(m_registerPages->currentIndex());
    resizeDocks({m_unitDock, m_editor}, {170, 340}, Qt::Horizontal);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    for (const QString& path : m_settings.recentRegisters()) {
        QAction* action = m_recentMenu->addAction(path);
        connect(action, &QAction::triggered, this, [this, path] { openWithMessage(path); });
    }
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::showColumnMenu(const QPoint& position)
{
    // Every field of the export header, in its order and by its name.
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("assetColumnMenu"));
    QHeaderView* header = m_table->horizontalHeader();
    for (const AssetColumn shown : assetColumnsInExportOrder()) {
        const int column = int(shown);
        QAction* action = menu.addAction(assetColumnTitle(shown));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The reference identifies a row; it always stays.
        action->setEnabled(shown != AssetColumn::Reference);
        connect(action, &QAction::toggled, this, [this, header, column](bool chosen) {
            header->setSectionHidden(column, !chosen);
            saveTableState();
        });
    }
    menu.exec(header->mapToGlobal(position));
}

} // namespace custos
