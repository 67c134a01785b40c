#include "views/assets/AssetEditing.h"
#include "views/assets/AssetFilterBar.h"
#include "views/files/CsvExporting.h"
#include "views/files/CsvImporting.h"
#include "views/files/RegisterBackups.h"
#include "views/files/RegisterVerifying.h"
#include "views/files/ReportExporting.h"
#include "views/window/MainWindow.h"
#include "views/window/Settings.h"

#include <QAction>
#include <QHeaderView>
#include <QIcon>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
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
    QMenu menu(this);
    QHeaderView* header = m_table->horizontalHeader();
    for (int column = 0; column < int(AssetColumn::Count); ++column) {
        QAction* action = menu.addAction(assetColumnTitle(static_cast<AssetColumn>(column)));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The reference identifies a row; it always stays.
        action->setEnabled(column != int(AssetColumn::Reference));
        connect(action, &QAction::toggled, this, [this, header, column](bool shown) {
            header->setSectionHidden(column, !shown);
            saveTableState();
        });
    }
    menu.exec(header->mapToGlobal(position));
}

} // namespace custos
