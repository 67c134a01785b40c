#pragma once

#include "AssetFilter.h"
#include "Coverage.h"

#include <QWidget>
#include <functional>

class QGridLayout;
class QLabel;
class QToolButton;

namespace custos {

// The register's first page, for SROs and the SIRO: headline tiles of coverage over active
// assets (the same Coverage::compute as custos-cli summary and the report). Each tile is a way
// in: clicking it asks for the assets view showing exactly the assets it counts. The figures are
// worked out on a thread of their own, so a large register never holds up the window.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(QWidget* parent = nullptr);

    // The register to show (its path, read on its own connection); empty for none.
    void setRegister(const QString& path);
    // Works the figures out again, after an edit or an import; a newer refresh wins.
    void refresh();
    bool isRefreshing() const { return m_refreshing; }
    const CoverageCounts& shownCounts() const { return m_counts; }

signals:
    void wayIn(const AssetFilter& filter);
    void refreshed();

private:
    // A total of active assets, a count with its share of them, or a gap (shaded when not zero).
    enum class TileKind { Total, Share, Gap };

    struct Tile
    {
        QToolButton* button;
        QString caption;
        std::function<int(const CoverageCounts&)> count;
        TileKind kind;
    };

    void addTile(int row,
                 int column,
                 const QString& name,
                 const QString& caption,
                 std::function<int(const CoverageCounts&)> count,
                 const AssetFilter& filter,
                 TileKind kind);
    void show(const CoverageCounts& counts, int generation, qint64 milliseconds);

    QString m_path;
    QList<Tile> m_tiles;
    QGridLayout* m_grid = nullptr;
    QLabel* m_status = nullptr;
    CoverageCounts m_counts;
    int m_generation = 0;
    bool m_refreshing = false;
};

} // namespace custos
