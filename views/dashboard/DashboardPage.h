#pragma once

#include "models/assets/AssetFilter.h"
#include "models/coverage/CoverageTrend.h"
#include "models/coverage/DashboardFigures.h"
#include "views/dashboard/FirstStepsPanel.h"
#include "views/window/BackgroundTask.h"

#include <QPointer>
#include <QWidget>
#include <functional>

class QChart;
class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QToolButton;

namespace custos {

class Register;

// The register's first page, for SROs and the SIRO: headline tiles of coverage over active
// assets (the same Coverage::compute as custos-cli summary and the report), the current user's
// own gaps, charts by unit, classification, review month and IAO, and coverage week by week from
// the audit trail. Every tile, bar and slice is a way in: clicking it asks for the assets view
// showing exactly the assets it counts. The figures, then the trend, are worked out in the
// background on connections of their own, so a large register never holds up the window.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(QWidget* parent = nullptr);

    // The register to show, or none. The page reads it on connections of its own, and works its
    // figures out again whenever the register says it changed. Work still running for the
    // register before stops first: none outlives it.
    void setRegister(Register* reg);
    // Works the figures out again; a newer refresh stops an older one.
    void refresh();
    bool isRefreshing() const { return m_refreshing; }
    bool isTrendRefreshing() const { return m_trendRefreshing; }
    const DashboardFigures& shownFigures() const { return m_figures; }
    // The unit chosen in "Units of", whose assets (with those of the units below it) every figure
    // counts; none for the whole register.
    std::optional<RecordId> scope() const { return m_scope; }
    const CoverageTrend& shownTrend() const { return m_trend; }

signals:
    void wayIn(const AssetFilter& filter, const QString& description);
    void refreshed();
    void trendRefreshed();
    // In a register with no active assets, the first step the user chose to take.
    void firstStepChosen(FirstStepsPanel::Step step);

protected:
    // A new palette (the theme chosen) colours the tiles and charts again.
    void changeEvent(QEvent* event) override;

private:
    // A total of active assets, a count with its share of them, or a gap (shaded when not zero).
    enum class TileKind { Total, Share, Gap };

    struct Tile
    {
        QToolButton* button;
        QString caption;
        std::function<int(const DashboardFigures&)> count;
        TileKind kind;
    };

    void addTile(QGridLayout* grid,
                 int row,
                 int column,
                 const QString& name,
                 const QString& caption,
                 std::function<int(const DashboardFigures&)> count,
                 std::function<AssetFilter(const DashboardFigures&)> filter,
                 TileKind kind);
    // The register's tiles, and the user's own, each as a block of its own.
    QWidget* addTiles(QWidget* parent);
    QWidget* addMyGaps(QWidget* parent);
    static void showTileText(QToolButton* tile, const QString& text);
    QChartView* addChart(QGridLayout* grid, int row, int column, const QString& name, int columnSpan = 1);
    // The trend, once the figures are shown.
    void refreshTrend();
    // None, with the reason in `error`, when the register could not be read.
    void showFigures(const std::optional<DashboardFigures>& read, const QString& error, qint64 milliseconds);
    void showTrend(const std::optional<CoverageTrend>& read, const QString& error);
    void showUnitChart();
    // "Units of": every unit with units below it, keeping the one chosen while it has them.
    void listScopes(const UnitTree& units);
    void chooseScope();
    static void replaceChart(QChartView* view, QChart* chart);
    // Shades the gap tiles that are not zero in the figures shown.
    void shadeTiles();

    QPointer<Register> m_register;
    QString m_path;
    QList<Tile> m_tiles;
    QList<QToolButton*> m_myGapButtons; // off while nobody in the register signs in as the user
    std::optional<RecordId> m_scope;
    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_me = nullptr;
    bool m_readOnly = false;
    FirstStepsPanel* m_firstSteps = nullptr; // in the charts' place while there is nothing to chart
    QWidget* m_charts = nullptr;
    QComboBox* m_unitLevel = nullptr;
    QChartView* m_byUnit = nullptr;
    QChartView* m_classification = nullptr;
    QChartView* m_reviewsDue = nullptr;
    QChartView* m_mostGaps = nullptr;
    QChartView* m_trendChart = nullptr;
    QLabel* m_trendStatus = nullptr;
    DashboardFigures m_figures;
    CoverageTrend m_trend;
    bool m_refreshing = false;
    bool m_trendRefreshing = false;
    // The figures, then the trend: one job at a time, a newer refresh stopping an older one.
    BackgroundTask m_task;
};

} // namespace custos
