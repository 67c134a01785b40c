#include "MainWindow.h"

#include "AssetTableModel.h"
#include "CoverageFlagDelegate.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace custos {

namespace {
// Long enough that typing a word runs one query, short enough to feel immediate.
constexpr int kSearchDelayMs = 200;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Custos"));
    resize(1200, 720);

    auto* hint = new QLabel(QStringLiteral("Open a register with File \u2192 Open Register\u2026"), this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setObjectName(QStringLiteral("noRegisterHint"));
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("assetTable"));
    m_table->setAccessibleName(QStringLiteral("Assets"));
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setItemDelegate(new CoverageFlagDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(hint);
    m_pages->addWidget(m_table);
    setCentralWidget(m_pages);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("assetCount"));
    statusBar()->addPermanentWidget(m_count);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kSearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &MainWindow::applyFilters);

    buildMenus();
    buildFilterBar();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction* open = file->addAction(QStringLiteral("&Open Register\u2026"), this, &MainWindow::chooseAndOpen);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* quit = file->addAction(QStringLiteral("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::buildFilterBar()
{
    QToolBar* bar = addToolBar(QStringLiteral("Filters"));
    bar->setObjectName(QStringLiteral("filterBar"));
    bar->setMovable(false);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setAccessibleName(QStringLiteral("Search assets"));
    m_search->setPlaceholderText(QStringLiteral("Search reference, name, description or IAO (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(360);
    bar->addWidget(m_search);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);

    bar->addSeparator();
    auto addFilter = [&](QAction*& action, const QString& text, const QString& name, const QString& tip) {
        action = bar->addAction(text);
        action->setObjectName(name);
        action->setCheckable(true);
        action->setToolTip(tip);
        connect(action, &QAction::toggled, this, &MainWindow::applyFilters);
    };
    addFilter(m_unowned,
              QStringLiteral("Unowned"),
              QStringLiteral("filterUnowned"),
              QStringLiteral("No IAO, or the IAO has left"));
    addFilter(m_unclassified,
              QStringLiteral("Unclassified"),
              QStringLiteral("filterUnclassified"),
              QStringLiteral("Not yet classified, or a legacy marking to review"));
    addFilter(m_overdue,
              QStringLiteral("Overdue review"),
              QStringLiteral("filterOverdue"),
              QStringLiteral("Next review due before today"));
    bar->setEnabled(false);
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
    m_register = std::move(reg);
    m_model = std::make_unique<AssetTableModel>(path, QDate::currentDate());
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_model.get(), &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
    connect(m_model.get(), &AssetTableModel::loaded, this, &MainWindow::updateStatus);
    connect(m_model.get(), &AssetTableModel::loadFailed, this, [this](const QString& problem) {
        QMessageBox::warning(this, QStringLiteral("Custos"), problem);
    });
    m_table->setModel(m_model.get());
    const QList<std::pair<AssetColumn, int>> widths {{AssetColumn::Reference, 100},
                                                     {AssetColumn::Name, 310},
                                                     {AssetColumn::BusinessUnit, 250},
                                                     {AssetColumn::Owner, 160},
                                                     {AssetColumn::Classification, 160},
                                                     {AssetColumn::NextReviewDue, 110}};
    for (const auto& [column, width] : widths)
        m_table->horizontalHeader()->resizeSection(int(column), width);
    m_pages->setCurrentWidget(m_table);
    findChild<QToolBar*>(QStringLiteral("filterBar"))->setEnabled(true);
    applyFilters();

    const QString readOnly = m_register->isReadOnly() ? QStringLiteral(" (read-only)") : QString();
    setWindowTitle(QStringLiteral("%1%2 \u2014 Custos").arg(m_register->name(), readOnly));
    if (m_register->isReadOnly())
        statusBar()->showMessage(m_register->readOnlyReason());
    return true;
}

void MainWindow::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        this, QStringLiteral("Open Register"), QString(), QStringLiteral("Custos registers (*.custos);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !openRegister(path, OpenMode::ReadWrite, &error))
        QMessageBox::warning(this, QStringLiteral("Open Register"), error);
}

void MainWindow::applyFilters()
{
    if (!m_model)
        return;
    m_searchDelay.stop();
    AssetView view = m_model->view();
    view.filter.search = m_search->text();
    view.filter.unowned = m_unowned->isChecked();
    view.filter.unclassified = m_unclassified->isChecked();
    view.filter.overdue = m_overdue->isChecked();
    m_model->setView(view);
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_model)
        return;
    const QLocale locale;
    if (m_model->isLoading()) {
        m_count->setText(QStringLiteral("Searching\u2026"));
        return;
    }
    m_count->setText(QStringLiteral("%1 of %2 assets shown")
                         .arg(locale.toString(m_model->rowCount()), locale.toString(m_model->totalAssetCount())));
}

} // namespace custos
