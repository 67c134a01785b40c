#include "DashboardPage.h"

#include "Register.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

namespace custos {

DashboardPage::DashboardPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(QStringLiteral("<h2>Coverage of active assets</h2>"), this);
    layout->addWidget(title);
    m_grid = new QGridLayout;
    m_grid->setSpacing(12);
    m_grid->setColumnStretch(5, 1); // the tiles stay together at the left
    layout->addLayout(m_grid);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    layout->addWidget(m_status);
    layout->addStretch();

    auto whole = [](const CoverageCounts& counts) { return counts.assets; };
    addTile(0, 0, QStringLiteral("tileActive"), QStringLiteral("Active assets"), whole, {}, TileKind::Total);
    addTile(
        0,
        1,
        QStringLiteral("tileOwned"),
        QStringLiteral("Owned"),
        [](const CoverageCounts& c) { return c.owned; },
        {.covered = CoverageMeasure::Owned},
        TileKind::Share);
    addTile(
        0,
        2,
        QStringLiteral("tileClassified"),
        QStringLiteral("Classified"),
        [](const CoverageCounts& c) { return c.classified; },
        {.covered = CoverageMeasure::Classified},
        TileKind::Share);
    addTile(
        0,
        3,
        QStringLiteral("tileOnTime"),
        QStringLiteral("Reviewed on time"),
        [](const CoverageCounts& c) { return c.assets - c.overdue; },
        {.covered = CoverageMeasure::ReviewedOnTime},
        TileKind::Share);
    addTile(
        0,
        4,
        QStringLiteral("tileComplete"),
        QStringLiteral("Complete"),
        [](const CoverageCounts& c) { return c.complete; },
        {.covered = CoverageMeasure::Complete},
        TileKind::Share);
    addTile(
        1,
        1,
        QStringLiteral("tileUnowned"),
        QStringLiteral("Unowned"),
        [](const CoverageCounts& c) { return c.unowned; },
        {.unowned = true},
        TileKind::Gap);
    addTile(
        1,
        2,
        QStringLiteral("tileUnclassified"),
        QStringLiteral("Unclassified"),
        [](const CoverageCounts& c) { return c.unclassified; },
        {.unclassified = true},
        TileKind::Gap);
    addTile(
        1,
        3,
        QStringLiteral("tileOverdue"),
        QStringLiteral("Overdue review"),
        [](const CoverageCounts& c) { return c.overdue; },
        {.overdue = true},
        TileKind::Gap);
}

void DashboardPage::addTile(int row,
                            int column,
                            const QString& name,
                            const QString& caption,
                            std::function<int(const CoverageCounts&)> count,
                            const AssetFilter& filter,
                            TileKind kind)
{
    auto* button = new QToolButton(this);
    button->setObjectName(name);
    button->setAccessibleName(caption);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setMinimumSize(170, 90);
    button->setToolTip(QStringLiteral("Show these assets"));
    button->setCursor(Qt::PointingHandCursor);
    connect(button, &QToolButton::clicked, this, [this, filter] { emit wayIn(filter); });
    QFont font = button->font();
    font.setPointSizeF(12);
    button->setFont(font);
    m_grid->addWidget(button, row, column);
    m_tiles.append({button, caption, std::move(count), kind});
}

void DashboardPage::setRegister(const QString& path)
{
    m_path = path;
    m_counts = CoverageCounts();
    for (const Tile& tile : std::as_const(m_tiles))
        tile.button->setText(tile.caption);
    refresh();
}

void DashboardPage::refresh()
{
    if (m_path.isEmpty())
        return;
    const int generation = ++m_generation;
    m_refreshing = true;
    m_status->setText(QStringLiteral("Working the figures out\u2026"));
    QPointer<DashboardPage> page(this);
    QThreadPool::globalInstance()->start([page, path = m_path, generation] {
        QElapsedTimer timer;
        timer.start();
        CoverageCounts counts;
        if (std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly))
            counts = Coverage::compute(*reg, QDate::currentDate()).total;
        const qint64 milliseconds = timer.elapsed();
        QMetaObject::invokeMethod(
            qApp,
            [page, counts, generation, milliseconds] {
                if (page)
                    page->show(counts, generation, milliseconds);
            },
            Qt::QueuedConnection);
    });
}

void DashboardPage::show(const CoverageCounts& counts, int generation, qint64 milliseconds)
{
    if (generation != m_generation)
        return;
    m_counts = counts;
    m_refreshing = false;
    const QLocale locale;
    for (const Tile& tile : std::as_const(m_tiles)) {
        const int value = tile.count(counts);
        QString text = QStringLiteral("%1\n%2").arg(locale.toString(value), tile.caption);
        if (tile.kind == TileKind::Share && counts.assets > 0)
            text += QStringLiteral(" \u00b7 %1%").arg(locale.toString(100.0 * value / counts.assets, 'f', 1));
        tile.button->setText(text);
        tile.button->setStyleSheet(tile.kind == TileKind::Gap && value > 0
                                       ? QStringLiteral("QToolButton { background: #f6d5cf; "
                                                        "border: 1px solid #c0392b; }")
                                       : QString());
    }
    m_status->setText(QStringLiteral("Worked out in %1 s. Archived and disposed assets are not counted. "
                                     "Click a figure to see its assets.")
                          .arg(locale.toString(milliseconds / 1000.0, 'f', 2)));
    emit refreshed();
}

} // namespace custos
