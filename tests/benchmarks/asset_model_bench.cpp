// Times the assets table model on a register: how long until the rows of a view are known, and
// until a page far down the table has arrived, with the peak memory of the process.
//   asset_model_bench REGISTER
#include "models/itemmodels/AssetPageLoader.h"
#include "models/itemmodels/AssetTableModel.h"
#include "models/store/Register.h"
#include "models/units/UnitStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <algorithm>
#include <cstdio>

using namespace custos;

namespace {

constexpr int kOpenings = 11;
constexpr int kPageReads = 101;

long peakResidentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

double secondsUntil(const std::function<bool()>& done)
{
    QElapsedTimer timer;
    timer.start();
    if (!QTest::qWaitFor(done, 600000))
        return -1;
    return timer.nsecsElapsed() / 1e9;
}

// The sqlite3 shell running the same SQL as the model's id query on the same file.
double sqliteSeconds(const QString& path, const AssetView& view)
{
    const auto reg = Register::open(path, OpenMode::ReadOnly);
    const QString sql = view.idsSql(UnitStore(*reg).tree());
    // The same values bound to the same parameters: text quoted, numbers as they are.
    QString parameters = QStringLiteral(".parameter init\n");
    const QVariantMap values = view.filter.parameters(QDate::currentDate());
    for (auto it = values.begin(); it != values.end(); ++it) {
        const bool text = it.value().typeId() == QMetaType::QString;
        QString value = it.value().toString();
        parameters
            += QStringLiteral(".parameter set %1 %2\n")
                   .arg(it.key(),
                        text ? QLatin1Char('\'') + value.replace(QLatin1Char('\''), QString()) + QLatin1Char('\'')
                             : value);
    }
    QProcess sqlite;
    QElapsedTimer timer;
    timer.start();
    sqlite.start(QStringLiteral("sqlite3"), {QStringLiteral("-readonly"), path});
    sqlite.write((parameters + QStringLiteral(".output /dev/null\n%1;\n").arg(sql)).toUtf8());
    sqlite.closeWriteChannel();
    sqlite.waitForFinished(600000);
    return timer.nsecsElapsed() / 1e9;
}

// Reading the default view's first page of rows, as the model does for every page it shows: the
// query for 256 ids and a row for each. On this thread, after the steps that need it at its
// normal priority (the loader lowers its thread's); the loader's first page opens the register.
double pageReadSeconds(const QString& path, const QList<RecordId>& ids)
{
    std::atomic<int> generation {1};
    AssetPageLoader loader(path, QDate::currentDate(), &generation);
    qsizetype rows = 0;
    QObject::connect(
        &loader, &AssetPageLoader::pageLoaded, [&](int, int, const QList<AssetRow>& page) { rows = page.size(); });
    loader.loadFirstPage(1, AssetView()); // opens the register and reads its units
    QList<double> times;
    for (int read = 0; read < kPageReads; ++read) {
        QElapsedTimer timer;
        timer.start();
        loader.loadPage(1, 0, ids);
        times << timer.nsecsElapsed() / 1e9;
    }
    std::sort(times.begin(), times.end());
    return rows == ids.size() ? times.at(kPageReads / 2) : -1;
}

void report(const char* what, double seconds, const AssetTableModel& model)
{
    std::printf("| %s | %.3f s | %d rows | |\n", what, seconds, model.rowCount());
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: asset_model_bench REGISTER\n");
        return 1;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    // The default view's first page, from creating the model until its first row shows: the ids of
    // the first page and their rows. Opened afresh each time; the median of the openings.
    QList<double> openings;
    for (int opening = 0; opening < kOpenings; ++opening) {
        QElapsedTimer timer;
        timer.start();
        AssetTableModel fresh(path, QDate::currentDate());
        secondsUntil([&] { return fresh.rowCount() > 0 && fresh.data(fresh.index(0, 0)).isValid(); });
        openings << timer.nsecsElapsed() / 1e9;
    }
    std::sort(openings.begin(), openings.end());
    AssetTableModel model(path, QDate::currentDate());
    auto loaded = [&] { return !model.isLoading(); };
    auto cellArrives = [&](int row) {
        const QModelIndex index = model.index(row, 0);
        model.data(index);
        return secondsUntil([&] { return model.data(index).isValid(); });
    };

    std::printf("| step | time | rows | same SQL in sqlite3 |\n| --- | --- | --- | --- |\n");
    std::printf("| first row shown, from opening (median of %d openings) | %.3f s | | |\n",
                kOpenings,
                openings.at(kOpenings / 2));
    report("open: ids of all active assets, by reference", secondsUntil(loaded), model);
    report("first row shown", cellArrives(0), model);
    report("jump to the last row", cellArrives(model.rowCount() - 1), model);
    double jumps = 0;
    for (int row = 0; row < model.rowCount(); row += model.rowCount() / 200)
        jumps += cellArrives(row);
    report("200 jumps from top to bottom, each until its row shows (total)", jumps, model);

    // For each new view: until its first row shows, then until every matching id is known.
    auto change = [&](const char* what, const std::function<void()>& apply) {
        bool reset = false;
        const auto connection = QObject::connect(&model, &QAbstractItemModel::modelReset, [&] { reset = true; });
        QElapsedTimer timer;
        timer.start();
        apply();
        secondsUntil([&] { return reset && model.rowCount() > 0 && model.data(model.index(0, 0)).isValid(); });
        QObject::disconnect(connection);
        const double first = timer.nsecsElapsed() / 1e9;
        secondsUntil(loaded);
        const double all = timer.nsecsElapsed() / 1e9;
        const double sqlite = sqliteSeconds(path, model.view());
        std::printf("| %s | first row %.3f s, all %.3f s | %d rows | %.3f s, ratio %.2f |\n",
                    what,
                    first,
                    all,
                    model.rowCount(),
                    sqlite,
                    all / sqlite);
    };
    change("sort by name", [&] { model.sort(int(AssetColumn::Name), Qt::AscendingOrder); });
    change("sort by classification", [&] { model.sort(int(AssetColumn::Classification), Qt::DescendingOrder); });
    // Columns no index serves: the first page needs every active asset read.
    change("sort by location", [&] { model.sort(int(AssetColumn::Location), Qt::AscendingOrder); });
    change("sort by IAM name", [&] { model.sort(int(AssetColumn::ManagerName), Qt::AscendingOrder); });
    change("sort by reference", [&] { model.sort(int(AssetColumn::Reference), Qt::AscendingOrder); });
    // Searches of one to three words, in reference order and in name order.
    for (const char* words : {"payroll", "payroll midlands", "payroll midlands reports"}) {
        for (const AssetColumn order : {AssetColumn::Reference, AssetColumn::Name}) {
            AssetView search;
            search.filter.search = QString::fromUtf8(words);
            search.sortColumn = order;
            const QByteArray what
                = QStringLiteral("search \"%1\", by %2")
                      .arg(search.filter.search,
                           order == AssetColumn::Name ? QStringLiteral("name") : QStringLiteral("reference"))
                      .toUtf8();
            change(what.constData(), [&] { model.setView(search); });
        }
    }
    AssetView gaps;
    gaps.filter.unowned = true;
    gaps.filter.overdue = true;
    change("unowned and overdue", [&] { model.setView(gaps); });
    AssetView byReference;
    model.setView(byReference);
    secondsUntil(loaded);
    QList<RecordId> firstPage;
    for (int row = 0; row < AssetView::kFirstPageSize && row < model.rowCount(); ++row)
        firstPage << model.index(row, 0).data(AssetTableModel::IdRole).toLongLong();
    std::printf("| read the first page's %d rows again (median of %d reads) | %.4f s | | |\n",
                int(firstPage.size()),
                kPageReads,
                pageReadSeconds(path, firstPage));
    std::printf("\nPeak resident memory: %ld MB; rows held at the end: %d\n",
                peakResidentKb() / 1024,
                model.materialisedRowCount());
    return 0;
}
