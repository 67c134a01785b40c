#include "views/window/MainWindow.h"

#include "models/demo/DemoRegister.h"
#include "models/itemmodels/AssetTableModel.h"
#include "models/people/PersonStore.h"
#include "models/units/UnitStore.h"
#include "views/assets/ActiveFilterStrip.h"
#include "views/assets/AssetEditing.h"
#include "views/assets/AssetEditor.h"
#include "views/assets/AssetFilterBar.h"
#include "views/assets/CoverageFlagDelegate.h"
#include "views/assets/NoMatchesNotice.h"
#include "views/assets/UnitTreeDock.h"
#include "views/dashboard/DashboardPage.h"
#include "views/files/CsvExporting.h"
#include "views/files/CsvImporting.h"
#include "views/files/FileChooser.h"
#include "views/files/RegisterBackups.h"
#include "views/files/RegisterVerifying.h"
#include "views/files/ReportExporting.h"
#include "views/help/HelpMenu.h"
#include "views/pages/AuditLogPage.h"
#include "views/pages/PeoplePage.h"
#include "views/pages/RecordTable.h"
#include "views/pages/UnitsPage.h"
#include "views/window/Settings.h"
#include "views/window/WelcomePage.h"
#include "views/window/WriteWaitDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace custos {

namespace {
// The size the window was designed at, which it opens at where the screen has room.
constexpr QSize kDesignedSize(1500, 860);
// Narrower than this, the assets table needs the editor's room: the editor starts hidden, and
// opening an asset shows it.
constexpr int kRoomForEditor = 1200;
// What the window system adds around the window (title bar, borders), which screen sizes include.
constexpr QSize kFrameAllowance(16, 40);

// `page` as it is where the window has room for it, and scrolling sideways where it has not,
// rather than holding the whole window wider than its screen (the audit log's row of filters
// needs more room than a small screen has).
QWidget* scrollingWhenNarrow(QWidget* page)
{
    auto* scroll = new QScrollArea(page->parentWidget());
    scroll->setObjectName(page->objectName() + QStringLiteral("Scroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the page's own table scrolls
    scroll->setWidget(page);
    return scroll;
}
} // namespace

MainWindow::MainWindow(Settings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Custos"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/custos.svg")));

    m_welcome = new WelcomePage(this);
    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::chooseAndCreate);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseAndOpen);
    connect(m_welcome, &WelcomePage::recentChosen, this, &MainWindow::openWithMessage);
    connect(m_welcome, &WelcomePage::demoRequested, this, [this] {
        QString error;
        if (!openDemo(OpenMode::ReadWrite, &error))
            QMessageBox::warning(this, QStringLiteral("Custos"), error);
    });
    m_welcome->setRecentRegisters(m_settings.recentRegisters());
    m_assetsPage = buildAssetsPage();
    m_people = new PeoplePage(&m_undo, this);
    m_units = new UnitsPage(&m_undo, this);
    m_auditLog = new AuditLogPage(m_settings, this);
    m_registerPages = new QTabWidget(this);
    m_registerPages->setObjectName(QStringLiteral("registerPages"));
    m_registerPages->setDocumentMode(true);
    m_dashboard = new DashboardPage(this);
    connect(m_dashboard, &DashboardPage::wayIn, this, [this](const AssetFilter& filter) { showWayIn(filter); });
    connect(m_dashboard, &DashboardPage::firstStepChosen, this, &MainWindow::takeFirstStep);
    m_registerPages->addTab(
        m_dashboard, QIcon(QStringLiteral(":/icons/page-dashboard.svg")), QStringLiteral("Dashboard"));
    m_registerPages->addTab(m_assetsPage, QIcon(QStringLiteral(":/icons/page-assets.svg")), QStringLiteral("Assets"));
    m_registerPages->addTab(m_people, QIcon(QStringLiteral(":/icons/page-people.svg")), QStringLiteral("People"));
    m_registerPages->addTab(m_units, QIcon(QStringLiteral(":/icons/page-units.svg")), QStringLiteral("Business Units"));
    m_registerPages->addTab(
        scrollingWhenNarrow(m_auditLog), QIcon(QStringLiteral(":/icons/page-audit.svg")), QStringLiteral("Audit Log"));
    connect(m_registerPages, &QTabWidget::currentChanged, this, &MainWindow::showPage);
    // Above the pages, a banner says why a register is read-only, for as long as it is open.
    m_readOnlyBanner = new QLabel(this);
    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnlyBanner->setTextFormat(Qt::PlainText); // it names files
    m_readOnlyBanner->setWordWrap(true);
    m_readOnlyBanner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readOnlyBanner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4ce; color: #3b2f00; border-bottom: 1px solid #e0c97a; padding: 6px 10px; }"));
    m_readOnlyBanner->hide();
    auto* registerView = new QWidget(this);
    auto* registerLayout = new QVBoxLayout(registerView);
    registerLayout->setContentsMargins(0, 0, 0, 0);
    registerLayout->setSpacing(0);
    registerLayout->addWidget(m_readOnlyBanner);
    registerLayout->addWidget(m_registerPages);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(registerView);
    setCentralWidget(m_pages);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("assetCount"));
    statusBar()->addPermanentWidget(m_count);

    m_filterBar = new AssetFilterBar(this);
    m_filterBar->setEnabled(false);
    addToolBar(m_filterBar);
    connect(m_filterBar, &AssetFilterBar::filterChanged, this, &MainWindow::applyFilters);
    auto* find = new QAction(QStringLiteral("&Search Assets"), this);
    find->setObjectName(QStringLiteral("actionSearch"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filterBar, &AssetFilterBar::focusSearch);
    addAction(find);

    m_unitDock = new UnitTreeDock(this);
    m_unitDock->setEnabled(false);
    addDockWidget(Qt::LeftDockWidgetArea, m_unitDock);
    resizeDocks({m_unitDock}, {170}, Qt::Horizontal);
    connect(m_unitDock, &UnitTreeDock::unitChosen, this, &MainWindow::applyFilters);

    m_editor = new AssetEditor(this);
    addDockWidget(Qt::RightDockWidgetArea, m_editor);
    resizeDocks({m_editor}, {340}, Qt::Horizontal);
    m_editing = new AssetEditing(this, m_table, m_editor, m_unitDock, &m_undo);
    m_exporting = new CsvExporting(this, &m_settings);
    m_importing = new CsvImporting(this);
    m_reporting = new ReportExporting(
        this, [this] { return m_model->view().filter.unitId; }, &m_settings);
    m_verifying = new RegisterVerifying(this);
    connect(m_importing, &CsvImporting::imported, this, &MainWindow::afterImport);
    m_backups = new RegisterBackups(this);
    connect(m_backups, &RegisterBackups::restored, this, &MainWindow::afterImport);

    // Hidden and shown from the View menu alone, so that the menu always tells the truth.
    for (QDockWidget* dock : {static_cast<QDockWidget*>(m_unitDock), static_cast<QDockWidget*>(m_editor)})
        dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_help = new HelpMenu(this, [this] { return m_register.get(); });
    buildMenus();
    // Opening an asset shows its editor, wherever View has hidden it.
    for (QAction* opening : {m_editing->newAssetAction()})
        connect(opening, &QAction::triggered, m_showEditor, [this] { m_showEditor->setChecked(true); });
    connect(m_table, &QAbstractItemView::activated, m_showEditor, [this] { m_showEditor->setChecked(true); });
    fitToScreen();
    restoreGeometry(m_settings.value(Settings::Key::WindowGeometry).toByteArray());
    restoreState(m_settings.value(Settings::Key::WindowState).toByteArray());
}

void MainWindow::showEvent(QShowEvent* event)
{
    if (!m_shownBefore && width() < kRoomForEditor) {
        const QSignalBlocker blocker(m_showEditor); // the pages show the docks when a register opens
        m_showEditor->setChecked(false);
    }
    m_shownBefore = true;
    QMainWindow::showEvent(event);
}

void MainWindow::fitToScreen()
{
    const QSize room = screen()->availableGeometry().size() - kFrameAllowance;
    resize(kDesignedSize.boundedTo(room));
}

QWidget* MainWindow::buildAssetsPage()
{
    buildTable();
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("assetsPage"));
    m_activeFilters = new ActiveFilterStrip(page);
    connect(m_activeFilters, &ActiveFilterStrip::removeRequested, this, [this](FilterCondition condition) {
        showFilter(withoutCondition(currentView().filter, condition));
    });
    connect(m_activeFilters, &ActiveFilterStrip::clearAllRequested, this, [this] { showFilter({}); });
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_activeFilters);
    layout->addWidget(m_table);
    return page;
}

void MainWindow::buildTable()
{
    m_table = newRecordTable(QStringLiteral("assetTable"), QStringLiteral("Assets"), this);
    m_table->setSortingEnabled(true);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setItemDelegate(new CoverageFlagDelegate(m_table));
    m_noMatches = new NoMatchesNotice(m_table);
    connect(m_noMatches, &NoMatchesNotice::clearRequested, this, [this] { m_filterBar->showOnly({}); });
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setSortIndicator(0, Qt::AscendingOrder);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &MainWindow::showColumnMenu);
    connect(header, &QHeaderView::sectionResized, this, &MainWindow::saveTableState);
    connect(header, &QHeaderView::sectionMoved, this, &MainWindow::saveTableState);
    m_table->installEventFilter(this);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // Once the table shows, and once its scroll area has laid its viewport out.
    const bool resized = event->type() == QEvent::Resize || event->type() == QEvent::Show;
    if (watched == m_table && resized && m_columnsToFit && m_table->isVisible()) {
        m_columnsToFit = false;
        QTimer::singleShot(0, this, &MainWindow::fitColumns);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::fitColumns()
{
    m_columnsToFit = false;
    // The columns a person needs to tell assets apart, keeping their widths, and those that give
    // way, down to a width that still reads.
    const QList<AssetColumn> kept {AssetColumn::Reference, AssetColumn::Classification, AssetColumn::NextReviewDue};
    const QList<std::pair<AssetColumn, int>> givingWay {
        {AssetColumn::Name, 120}, {AssetColumn::BusinessUnit, 90}, {AssetColumn::Owner, 90}};
    QHeaderView* header = m_table->horizontalHeader();
    int keptWidth = 0;
    for (AssetColumn column : kept)
        keptWidth += header->isSectionHidden(int(column)) ? 0 : header->sectionSize(int(column));
    int givingWayWidth = 0;
    for (const auto& [column, narrowest] : givingWay)
        givingWayWidth += header->isSectionHidden(int(column)) ? 0 : header->sectionSize(int(column));
    // Room for a scroll bar to spare, whether or not the rows now shown need one.
    const int scrollBar = m_table->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_table);
    const int room = m_table->viewport()->width() - scrollBar - keptWidth;
    if (givingWayWidth <= room || givingWayWidth == 0)
        return;
    for (const auto& [column, narrowest] : givingWay) {
        const int width = header->sectionSize(int(column));
        header->resizeSection(int(column), std::max(narrowest, int(qint64(width) * room / givingWayWidth)));
    }
}

// The register closes before the window's parts go, and with it every job still running on it.
MainWindow::~MainWindow()
{
    releaseRegister();
}

void MainWindow::saveTableState()
{
    if (!m_model)
        return;
    m_settings.setValue(Settings::Key::AssetTableHeader, m_table->horizontalHeader()->saveState());
    m_settings.setValue(Settings::Key::AssetTableColumns, m_model->columnCount());
}

void MainWindow::restoreTableState()
{
    QHeaderView* header = m_table->horizontalHeader();
    const QByteArray saved = m_settings.value(Settings::Key::AssetTableHeader).toByteArray();
    int known = m_settings.value(Settings::Key::AssetTableColumns).toInt();
    m_columnsToFit = saved.isEmpty() || !header->restoreState(saved);
    if (m_columnsToFit) {
        known = 0;
        const QList<std::pair<AssetColumn, int>> widths {{AssetColumn::Reference, 95},
                                                         {AssetColumn::Name, 250},
                                                         {AssetColumn::BusinessUnit, 220},
                                                         {AssetColumn::Owner, 140},
                                                         {AssetColumn::Classification, 150},
                                                         {AssetColumn::NextReviewDue, 100}};
        for (const auto& [column, width] : widths)
            header->resizeSection(int(column), width);
    }
    // Columns the saved layout does not know (all but the defaults, without one) start hidden, each
    // placed after the column before it in the export header, where the column menu lists it.
    const QList<AssetColumn> exportOrder = assetColumnsInExportOrder();
    bool placed = false;
    for (int position = 1; position < exportOrder.size(); ++position) {
        const int column = int(exportOrder.at(position));
        if (column < std::max(known, kDefaultAssetColumnCount))
            continue;
        header->setSectionHidden(column, true);
        const int after = header->visualIndex(int(exportOrder.at(position - 1)));
        const int from = header->visualIndex(column);
        header->moveSection(from, from > after ? after + 1 : after);
        placed = true;
    }
    if (placed)
        saveTableState();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_register && !m_editing->leaveEditedAsset()) {
        event->ignore();
        return;
    }
    m_settings.setValue(Settings::Key::WindowGeometry, saveGeometry());
    m_settings.setValue(Settings::Key::WindowState, saveState());
    QMainWindow::closeEvent(event);
}

bool MainWindow::openRegister(const QString& path, OpenMode mode, QString* error)
{
    QString message;
    std::unique_ptr<Register> reg = Register::open(path, mode, &message);
    if (!reg) {
        if (error)
            *error = message;
        return false;
    }
    if (m_register && !m_editing->leaveEditedAsset()) {
        if (error)
            *error = QStringLiteral("%1 was not opened, so that the changes to the asset you are editing in %2 "
                                    "stay on screen.")
                         .arg(path, m_register->path());
        return false;
    }
    releaseRegister();
    m_register = std::move(reg);
    // The window's writes wait their turn behind a dialog with Cancel, for as long as it takes.
    m_register->setBusyTimeoutMs(Register::kWaitUntilCancelled);
    m_register->setBusyWaiter(std::make_unique<WriteWaitDialog>(this));
    // Every part of the window follows the register's changes, from this window or elsewhere.
    m_register->watch();
    connect(m_register.get(), &Register::changed, this, &MainWindow::followChanges);
    // The unit tree first, so the model's first view is the one the filters show.
    m_unitDock->setUnits(UnitStore(*m_register).tree());
    m_unitDock->setEnabled(true);
    m_model = std::make_unique<AssetTableModel>(path, QDate::currentDate(), currentView());
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_model.get(), &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
    connect(m_model.get(), &AssetTableModel::loaded, this, &MainWindow::updateStatus);
    connect(m_model.get(), &AssetTableModel::totalAssetCountChanged, this, &MainWindow::updateStatus);
    connect(m_model.get(), &AssetTableModel::loadFailed, this, [this](const QString& problem) {
        QMessageBox::warning(this, QStringLiteral("Custos"), problem);
    });
    m_table->setModel(m_model.get());
    m_editing->setRegister(m_register.get(), m_model.get());
    m_exporting->setRegister(m_register.get(), m_model.get());
    m_importing->setRegister(m_register.get());
    m_reporting->setRegister(m_register.get());
    m_verifying->setRegister(m_register.get());
    m_backups->setRegister(m_register.get());
    m_people->setRegister(m_register.get());
    m_units->setRegister(m_register.get());
    m_auditLog->setRegister(m_register.get());
    restoreTableState();
    if (m_columnsToFit && m_table->isVisible())
        QTimer::singleShot(0, this, &MainWindow::fitColumns);
    m_dashboard->setRegister(m_register.get());
    m_registerPages->setCurrentWidget(m_dashboard);
    showPage(m_registerPages->currentIndex()); // already current when the tabs first show
    m_pages->setCurrentWidget(m_registerPages->parentWidget());
    m_filterBar->setEnabled(true);
    m_close->setEnabled(true);
    m_settings.addRecentRegister(path);
    updateStatus();

    const QString readOnly = m_register->isReadOnly() ? QStringLiteral(" (read-only)") : QString();
    setWindowTitle(QStringLiteral("%1%2 \u2014 Custos").arg(m_register->name(), readOnly));
    m_readOnlyBanner->setText(m_register->readOnlyReason());
    m_readOnlyBanner->setVisible(m_register->isReadOnly());
    return true;
}

void MainWindow::closeRegister()
{
    if (m_register && !m_editing->leaveEditedAsset())
        return;
    releaseRegister();
    m_table->setModel(nullptr);
    m_model.reset();
    showActiveFilters();
    m_filterBar->setEnabled(false);
    m_unitDock->setUnits(UnitTree());
    m_unitDock->setEnabled(false);
    m_close->setEnabled(false);
    m_readOnlyBanner->hide();
    m_count->clear();
    statusBar()->clearMessage();
    m_welcome->setRecentRegisters(m_settings.recentRegisters());
    m_pages->setCurrentWidget(m_welcome);
    setWindowTitle(QStringLiteral("Custos"));
}

void MainWindow::releaseRegister()
{
    // Each part lets go of the register first, stopping the work it has running on it (an export,
    // an import, a report, the dashboard's figures) and waiting until none runs.
    m_editing->setRegister(nullptr, nullptr);
    m_exporting->setRegister(nullptr, nullptr);
    m_importing->setRegister(nullptr);
    m_reporting->setRegister(nullptr);
    m_verifying->setRegister(nullptr);
    m_backups->setRegister(nullptr);
    m_dashboard->setRegister(nullptr);
    m_people->setRegister(nullptr);
    m_units->setRegister(nullptr);
    m_auditLog->setRegister(nullptr);
    m_register.reset();
}

QString MainWindow::demoRegisterPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("demo.custos"));
}

bool MainWindow::openDemo(OpenMode mode, QString* error)
{
    const QString path = demoRegisterPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!QFile::exists(path)
        && !DemoRegister::createFile(path, DemoRegister::kDefaultAssets, 1, QDate::currentDate(), error))
        return false;
    return openRegister(path, mode, error);
}

void MainWindow::openWithMessage(const QString& path)
{
    QString error;
    if (!openRegister(path, OpenMode::ReadWrite, &error))
        QMessageBox::warning(this, QStringLiteral("Open Register"), error);
}

void MainWindow::chooseAndOpen()
{
    const QString path = chooseFile(this,
                                    {.title = QStringLiteral("Open Register"),
                                     .start = m_register ? QFileInfo(m_register->path()).absolutePath() : QString(),
                                     .filters = QStringLiteral("Custos registers (*.custos);;All files (*)"),
                                     .objectName = QStringLiteral("openRegisterDialog")});
    if (!path.isEmpty())
        openWithMessage(path);
}

void MainWindow::chooseAndCreate()
{
    QString path = chooseFile(this,
                              {.purpose = FileChoice::Purpose::Save,
                               .title = QStringLiteral("New Register"),
                               .start = QStringLiteral("register.custos"),
                               .filters = QStringLiteral("Custos registers (*.custos)"),
                               .objectName = QStringLiteral("newRegisterDialog")});
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".custos")))
        path += QStringLiteral(".custos");
    QString error;
    if (!Register::create(path, &error) || !openRegister(path, OpenMode::ReadWrite, &error))
        QMessageBox::warning(this, QStringLiteral("New Register"), error);
}

AssetView MainWindow::currentView() const
{
    AssetView view = m_model ? m_model->view() : AssetView();
    m_filterBar->applyTo(view.filter);
    view.filter.unitId = m_unitDock->chosenUnit();
    return view;
}

void MainWindow::applyFilters()
{
    if (!m_model)
        return;
    m_model->setView(currentView());
    showActiveFilters();
    updateStatus();
}

void MainWindow::showActiveFilters()
{
    if (!m_model) {
        m_activeFilters->showFilters({});
        return;
    }
    const AssetFilter& filter = m_model->view().filter;
    FilterNames names;
    if (filter.unitId)
        names.unitPath = UnitStore(*m_register).tree().path(*filter.unitId);
    if (filter.ownerId) {
        if (const std::optional<Person> owner = PersonStore(*m_register).get(*filter.ownerId))
            names.ownerName = owner->name;
    }
    m_activeFilters->showFilters(activeFilters(filter, names));
}

void MainWindow::showFilter(const AssetFilter& filter)
{
    {
        const QSignalBlocker blocker(m_unitDock);
        m_unitDock->chooseUnit(filter.unitId);
    }
    m_filterBar->showOnly(filter);
}

void MainWindow::showPage(int index)
{
    const bool assets = m_registerPages->widget(index) == m_assetsPage;
    // The editor shows only beside the table: leaving the table leaves its asset.
    if (!assets && !m_editing->leaveEditedAsset()) {
        const QSignalBlocker blocker(m_registerPages);
        m_registerPages->setCurrentWidget(m_assetsPage);
        return;
    }
    m_filterBar->setVisible(assets);
    m_count->setVisible(assets); // the count of assets; the other pages count their own rows
    m_unitDock->setVisible(assets && (!m_showUnitTree || m_showUnitTree->isChecked()));
    m_editor->setVisible(assets && (!m_showEditor || m_showEditor->isChecked()));
    if (m_registerPages->widget(index) == m_people)
        m_people->reload();
    else if (m_registerPages->widget(index) == m_units)
        m_units->reload();
    else if (m_registerPages->widget(index)->isAncestorOf(m_auditLog))
        m_auditLog->reload();
}

void MainWindow::followChanges(RegisterChanges what)
{
    if (what & RegisterChange::Units)
        m_unitDock->setUnits(UnitStore(*m_register).tree());
    m_model->follow();
    showActiveFilters(); // a unit or an IAO it names may have a new name
}

void MainWindow::showWayIn(const AssetFilter& filter)
{
    m_registerPages->setCurrentWidget(m_assetsPage);
    showFilter(filter);
}

// A register with no assets yet: each first step on the dashboard is the page and action that take it.
void MainWindow::takeFirstStep(FirstStepsPanel::Step step)
{
    switch (step) {
    case FirstStepsPanel::Step::AddUnits:
        m_registerPages->setCurrentWidget(m_units);
        m_units->findChild<QAction*>(QStringLiteral("actionAddUnit"))->trigger();
        return;
    case FirstStepsPanel::Step::ImportSpreadsheet:
        m_importing->importAction()->trigger();
        return;
    case FirstStepsPanel::Step::AddPeople:
        m_registerPages->setCurrentWidget(m_people);
        m_people->findChild<QAction*>(QStringLiteral("actionAddPerson"))->trigger();
        return;
    case FirstStepsPanel::Step::AddAsset:
        m_registerPages->setCurrentWidget(m_assetsPage);
        m_editing->newAssetAction()->trigger();
        return;
    }
}

// An import (or a restore) is not undone step by step (the audit trail keeps it); the edits before
// it can no longer be undone either, since it may have changed the same assets since.
void MainWindow::afterImport()
{
    m_undo.clear();
    m_register->noticeChanges(); // at once, rather than at the next look for other writers' changes
}

void MainWindow::updateStatus()
{
    if (!m_model)
        return;
    const QLocale locale;
    if (m_model->isLoading()) {
        m_count->setText(QStringLiteral("Searching\u2026"));
        m_noMatches->hide(); // until this search's result is known
        return;
    }
    // An empty result of a search or filter says why it is empty, and how to go back. (An empty
    // register has its first steps on the dashboard, an empty unit the tree beside it.)
    AssetFilter filter = m_model->view().filter;
    filter.unitId.reset();
    if (m_model->rowCount() == 0 && filter != AssetFilter())
        m_noMatches->showFor(filter.search);
    else
        m_noMatches->hide();
    m_count->setText(QStringLiteral("%1 of %2 assets shown")
                         .arg(locale.toString(m_model->rowCount()), locale.toString(m_model->totalAssetCount())));
}

} // namespace custos
