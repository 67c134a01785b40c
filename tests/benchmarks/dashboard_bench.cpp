// Times the dashboard's two background steps on a register: the figures (tiles and charts) and
// the weekly trend from the audit trail. Prints the median of RUNS in seconds.
//   dashboard_bench REGISTER [RUNS]
#include "models/coverage/CoverageTrend.h"
#include "models/coverage/DashboardFigures.h"
#include "models/store/Register.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>

using namespace custos;

namespace {

double medianSeconds(int runs, const std::function<void()>& step)
{
    QList<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        step();
        times.append(timer.nsecsElapsed() / 1e9);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "Usage: dashboard_bench REGISTER [RUNS]\n");
        return 1;
    }
    const std::unique_ptr<Register> reg = Register::open(QString::fromLocal8Bit(argv[1]), OpenMode::ReadOnly);
    if (!reg)
        return 1;
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const QDate today = QDate::currentDate();
    const double figures = medianSeconds(runs, [&] { DashboardFigures::compute(*reg, today, currentLogin()); });
    const double trend = medianSeconds(runs, [&] { CoverageTrend::compute(*reg, today); });
    std::printf("figures %.2f\ntrend %.2f\n", figures, trend);
    return 0;
}
