#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/csv/CsvExport.h"
#include "models/csv/CsvReader.h"
#include "models/demo/DemoRegister.h"
#include "models/itemmodels/AssetColumns.h"
#include "models/itemmodels/AssetPageLoader.h"
#include "models/itemmodels/AssetTableModel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QDir>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace custos;

namespace {

const QDate kToday(2026, 11, 28);

// Waits for the row's page to arrive and returns the cell's text.
QString cell(AssetTableModel& model, int row, AssetColumn column, int role = Qt::DisplayRole)
{
    const QModelIndex index = model.index(row, int(column));
    model.data(index, role);
    if (!QTest::qWaitFor([&] { return model.data(index, role).isValid(); }, 5000))
        return {};
    return model.data(index, role).toString();
}

QStringList column(AssetTableModel& model, AssetColumn which)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << cell(model, row, which);
    return values;
}

bool waitLoaded(AssetTableModel& model)
{
    return QTest::qWaitFor([&] { return !model.isLoading(); }, 60000);
}

// The export's cells of the asset with this reference, by header name.
QHash<QString, QString> exportedCells(Register& reg, const QString& reference)
{
    QBuffer file;
    file.open(QIODevice::ReadWrite);
    if (CsvExport(reg, kToday).write(file) < 0)
        return {};
    file.seek(0);
    CsvReader reader(file, CsvFormat());
    CsvRecord header;
    CsvRecord record;
    reader.next(header);
    while (reader.next(record)) {
        if (record.cells.value(0) != reference)
            continue;
        QHash<QString, QString> cells;
        for (int cell = 0; cell < header.cells.size(); ++cell)
            cells.insert(header.cells.at(cell), record.cells.value(cell));
        return cells;
    }
    return {};
}

} // namespace

class TestAssetTableModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestRegister> m_test;
    QTemporaryDir m_varied;
    RecordId m_courts = 0, m_listings = 0, m_corporate = 0;

    void add(const QString& reference,
             const QString& name,
             RecordId unit,
             std::optional<RecordId> iao,
             Classification classification,
             const QDate& lastReviewed = {})
    {
        Asset asset = validAsset(reference, unit);
        asset.name = name;
        asset.iaoId = iao;
        asset.classification = classification;
        asset.lastReviewed = lastReviewed;
        QString error;
        if (!AssetStore(m_test->reg(), kToday).add(asset, &error))
            qFatal("%s", qPrintable(error));
    }

private slots:
    void init()
    {
        m_test = std::make_unique<TestRegister>();
        m_courts = m_test->addUnit(QStringLiteral("Courts"));
        m_listings = m_test->addUnit(QStringLiteral("Listings"), m_courts);
        m_corporate = m_test->addUnit(QStringLiteral("Corporate"));
        const RecordId ann = m_test->addPerson(QStringLiteral("Ann Smith"), QStringLiteral("ann@justice.gov.uk"));
        Person annWithLogin = *PersonStore(m_test->reg()).get(ann);
        annWithLogin.login = QStringLiteral("asmith");
        PersonStore(m_test->reg()).update(annWithLogin);
        const RecordId bob = m_test->addPerson(QStringLiteral("Bob Jones"), QStringLiteral("bob@justice.gov.uk"), true);
        add("IA-000003", "Payroll", m_corporate, ann, Classification::official(true));
        add("IA-000001", "Court listings", m_listings, bob, Classification::secret());
        add("IA-000002", "audit of 100% of fines", m_courts, std::nullopt, Classification(), QDate(2025, 1, 1));
        add("IA-000004", "Jury summons", m_listings, ann, Classification::official());
    }

    void cleanup() { m_test.reset(); }

    void passesTheModelTester()
    {
        AssetTableModel model(m_test->path(), kToday);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 4);
        QTRY_COMPARE(model.totalAssetCount(), 4); // counted after the first rows
        QCOMPARE(model.columnCount(), int(AssetColumn::Count));
        QCOMPARE(column(model, AssetColumn::Reference),
                 (QStringList {"IA-000001", "IA-000002", "IA-000003", "IA-000004"}));
        model.sort(int(AssetColumn::Name), Qt::DescendingOrder);
        QVERIFY(waitLoaded(model));
        QCOMPARE(cell(model, 0, AssetColumn::Name), QStringLiteral("Payroll"));
    }

    void showsEachColumnAsAPersonReadsIt()
    {
        AssetTableModel model(m_test->path(), kToday);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.headerData(int(AssetColumn::Owner), Qt::Horizontal).toString(), QStringLiteral("IAO name"));
        QCOMPARE(cell(model, 0, AssetColumn::Owner), QStringLiteral("Bob Jones (left)"));
        QCOMPARE(cell(model, 0, AssetColumn::BusinessUnit), QStringLiteral("Courts / Listings"));
        QCOMPARE(cell(model, 1, AssetColumn::Owner), QStringLiteral("None"));
        QCOMPARE(cell(model, 1, AssetColumn::Classification), QStringLiteral("Not yet classified"));
        QCOMPARE(cell(model, 1, AssetColumn::NextReviewDue), QStringLiteral("2026-01-01"));
        QCOMPARE(cell(model, 2, AssetColumn::Classification), QStringLiteral("OFFICIAL-SENSITIVE"));
        QCOMPARE(cell(model, 2, AssetColumn::Status), QStringLiteral("Active"));
    }

    void namesEveryColumnAsTheExportHeaderDoes()
    {
        AssetTableModel model(m_test->path(), kToday);
        QStringList titles;
        for (AssetColumn column : assetColumnsInExportOrder())
            titles << model.headerData(int(column), Qt::Horizontal).toString();
        QCOMPARE(titles, CsvExport::header());
        QCOMPARE(model.columnCount(), int(CsvExport::header().size()));
    }

    void showsTheOtherColumnsAsTheExportWritesThem()
    {
        const RecordId carol
            = m_test->addPerson(QStringLiteral("Carol Price"), QStringLiteral("carol.price@justice.gov.uk"));
        AssetStore store(m_test->reg(), kToday);
        Asset full = *store.findByReference(QStringLiteral("IA-000001")); // its IAO has left
        full.description = QStringLiteral("Daily court lists, with \"quoted\" notes,\nover two lines");
        full.iamId = carol;
        full.format = AssetFormat::Hybrid;
        full.location = QStringLiteral("Libra; basement store B");
        full.classification = Classification::official();
        full.legacyMarking = LegacyMarking::Restricted;
        full.classificationNeedsReview = true;
        full.handlingNotes = QStringLiteral("PERSONAL");
        full.personalData = PersonalData::SpecialCategory;
        full.lawfulBasis = QStringLiteral("Article 6(1)(e) public task");
        full.retention = QStringLiteral("84 months");
        full.disposalAction = QStringLiteral("Destroy");
        full.criticality = Criticality::Vital;
        full.reviewCycleMonths = 6;
        full.lastReviewed = QDate(2026, 2, 28);
        QString error;
        QVERIFY2(store.update(full, &error), qPrintable(error));
        const QHash<QString, QString> exported = exportedCells(m_test->reg(), QStringLiteral("IA-000001"));
        QCOMPARE(exported.value(QStringLiteral("IAO status")), QStringLiteral("Left"));

        AssetTableModel model(m_test->path(), kToday);
        QVERIFY(waitLoaded(model));
        QCOMPARE(cell(model, 0, AssetColumn::Reference), QStringLiteral("IA-000001"));
        int compared = 0;
        for (AssetColumn column : assetColumnsInExportOrder()) {
            if (isShownByDefault(column))
                continue;
            const QString title = assetColumnTitle(column);
            QVERIFY2(exported.contains(title), qPrintable(title));
            QCOMPARE(cell(model, 0, column), exported.value(title));
            ++compared;
        }
        QCOMPARE(compared, int(AssetColumn::Count) - kDefaultAssetColumnCount);
        // And an asset with no IAO, no IAM and none of the optional fields.
        const QHash<QString, QString> bare = exportedCells(m_test->reg(), QStringLiteral("IA-000002"));
        for (AssetColumn column : assetColumnsInExportOrder()) {
            if (!isShownByDefault(column))
                QCOMPARE(cell(model, 1, column), bare.value(assetColumnTitle(column)));
        }
        QCOMPARE(cell(model, 1, AssetColumn::OwnerStatus), QString());
        QCOMPARE(cell(model, 1, AssetColumn::NeedsReview), QStringLiteral("No"));
    }

    void flagsTheCoverageGaps()
    {
        AssetTableModel model(m_test->path(), kToday);
        QVERIFY(waitLoaded(model));
        const int flag = AssetTableModel::FlagRole;
        QCOMPARE(cell(model, 0, AssetColumn::Owner, flag), QStringLiteral("true")); // IAO has left
        QCOMPARE(cell(model, 1, AssetColumn::Owner, flag), QStringLiteral("true")); // no IAO
        QCOMPARE(cell(model, 2, AssetColumn::Owner, flag), QStringLiteral("false"));
        QCOMPARE(cell(model, 1, AssetColumn::Classification, flag), QStringLiteral("true"));
        QCOMPARE(cell(model, 1, AssetColumn::NextReviewDue, flag), QStringLiteral("true")); // due 1 Jan 2026
        QCOMPARE(cell(model, 3, AssetColumn::NextReviewDue, flag), QStringLiteral("false"));
        QCOMPARE(cell(model, 3, AssetColumn::Name, flag), QStringLiteral("false"));
    }

    void sortsInSql_data()
    {
        QTest::addColumn<int>("sortColumn");
        QTest::addColumn<int>("order");
        QTest::addColumn<QStringList>("references");
        QTest::newRow("name") << int(AssetColumn::Name) << int(Qt::AscendingOrder)
                              << QStringList {"IA-000002", "IA-000001", "IA-000004", "IA-000003"};
        QTest::newRow("unit path") << int(AssetColumn::BusinessUnit) << int(Qt::AscendingOrder)
                                   << QStringList {"IA-000003", "IA-000002", "IA-000001", "IA-000004"};
        QTest::newRow("owner, none last") << int(AssetColumn::Owner) << int(Qt::AscendingOrder)
                                          << QStringList {"IA-000003", "IA-000004", "IA-000001", "IA-000002"};
        QTest::newRow("classification, highest first")
            << int(AssetColumn::Classification) << int(Qt::DescendingOrder)
            << QStringList {"IA-000001", "IA-000003", "IA-000004", "IA-000002"};
        QTest::newRow("next review") << int(AssetColumn::NextReviewDue) << int(Qt::AscendingOrder)
                                     << QStringList {"IA-000002", "IA-000003", "IA-000001", "IA-000004"}; // ties by id
    }

    void sortsInSql()
    {
        QFETCH(int, sortColumn);
        QFETCH(int, order);
        QFETCH(QStringList, references);
        AssetTableModel model(m_test->path(), kToday);
        model.sort(sortColumn, Qt::SortOrder(order));
        QVERIFY(waitLoaded(model));
        QCOMPARE(column(model, AssetColumn::Reference), references);
    }

    void sortsTheOtherColumnsAsSqlDoes_data()
    {
        QTest::addColumn<int>("sortColumn");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("orderBy");
        QTest::newRow("location") << int(AssetColumn::Location) << int(Qt::AscendingOrder)
                                  << QStringLiteral("a.location COLLATE NOCASE, a.id");
        QTest::newRow("description, descending") << int(AssetColumn::Description) << int(Qt::DescendingOrder)
                                                 << QStringLiteral("a.description COLLATE NOCASE DESC, a.id DESC");
        QTest::newRow("IAM name, none first") << int(AssetColumn::ManagerName) << int(Qt::AscendingOrder)
                                              << QStringLiteral("coalesce(iam.name, '') COLLATE NOCASE, a.id");
        QTest::newRow("IAO status: none, Active, Left") << int(AssetColumn::OwnerStatus) << int(Qt::AscendingOrder)
                                                        << QStringLiteral("iao.id IS NOT NULL, iao.has_left, a.id");
        QTest::newRow("criticality, Vital first")
            << int(AssetColumn::Criticality) << int(Qt::DescendingOrder)
            << QStringLiteral("CASE a.criticality WHEN 'Vital' THEN 0 WHEN 'High' THEN 1 WHEN 'Medium' THEN 2 "
                              "WHEN 'Low' THEN 3 ELSE 4 END, a.id DESC");
        QTest::newRow("personal data") << int(AssetColumn::PersonalData) << int(Qt::AscendingOrder)
                                       << QStringLiteral("instr('None Personal Special category Criminal offence', "
                                                         "a.personal_data), a.id");
        QTest::newRow("last reviewed, never first")
            << int(AssetColumn::LastReviewed) << int(Qt::AscendingOrder)
            << QStringLiteral("a.last_reviewed IS NOT NULL, a.last_reviewed, a.id");
        QTest::newRow("review cycle") << int(AssetColumn::ReviewCycle) << int(Qt::DescendingOrder)
                                      << QStringLiteral("a.review_cycle_months DESC, a.id DESC");
        QTest::newRow("modified") << int(AssetColumn::Modified) << int(Qt::AscendingOrder)
                                  << QStringLiteral("a.modified_at, a.id");
    }

    void sortsTheOtherColumnsAsSqlDoes()
    {
        QFETCH(int, sortColumn);
        QFETCH(int, order);
        QFETCH(QString, orderBy);
        // A register with every field varied, made once for every sort.
        const QString path = m_varied.filePath(QStringLiteral("varied.custos"));
        QString error;
        if (!QFile::exists(path))
            QVERIFY2(DemoRegister::createFile(path, 400, 4, kToday, &error), qPrintable(error));
        QStringList expected;
        {
            const auto reg = Register::open(path, OpenMode::ReadOnly, &error);
            QVERIFY2(reg, qPrintable(error));
            QSqlQuery query(reg->database());
            QVERIFY(query.exec(QStringLiteral("SELECT a.reference FROM assets a LEFT JOIN people iao ON iao.id = "
                                              "a.iao_id LEFT JOIN people iam ON iam.id = a.iam_id WHERE a.status = "
                                              "'Active' ORDER BY %1")
                                   .arg(orderBy)));
            while (query.next())
                expected << query.value(0).toString();
        }
        AssetTableModel model(path, kToday);
        model.sort(sortColumn, Qt::SortOrder(order));
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.view().sortColumn, AssetColumn(sortColumn));
        QVERIFY(expected.size() > 300);
        QCOMPARE(column(model, AssetColumn::Reference), expected);
    }

    void filtersInSql()
    {
        AssetTableModel model(m_test->path(), kToday);
        auto rowsFor = [&](const AssetFilter& filter) {
            AssetView view;
            view.filter = filter;
            model.setView(view);
            waitLoaded(model);
            return column(model, AssetColumn::Reference);
        };
        QCOMPARE(rowsFor({.unowned = true}), (QStringList {"IA-000001", "IA-000002"}));
        QCOMPARE(rowsFor({.unclassified = true}), QStringList {"IA-000002"});
        QCOMPARE(rowsFor({.overdue = true}), QStringList {"IA-000002"});
        QCOMPARE(rowsFor({.unitId = m_courts}), (QStringList {"IA-000001", "IA-000002", "IA-000004"}));
        QCOMPARE(rowsFor({.unowned = true, .unitId = m_listings}), QStringList {"IA-000001"});
        QCOMPARE(rowsFor({.search = QStringLiteral("PAYROLL")}), QStringList {"IA-000003"});
        QCOMPARE(rowsFor({.search = QStringLiteral("ann smith")}), (QStringList {"IA-000003", "IA-000004"}));
        QCOMPARE(rowsFor({.search = QStringLiteral("000004")}), QStringList {"IA-000004"});
        // Wildcards are searched for as typed.
        QCOMPARE(rowsFor({.search = QStringLiteral("100%")}), QStringList {"IA-000002"});
        QCOMPARE(rowsFor({.search = QStringLiteral("_")}), QStringList());
        // Every word, in any order and case, in any of the searched fields; quotes keep a phrase.
        QCOMPARE(rowsFor({.search = QStringLiteral("listings court")}), QStringList {"IA-000001"});
        QCOMPARE(rowsFor({.search = QStringLiteral("\"listings court\"")}), QStringList());
        QCOMPARE(rowsFor({.search = QStringLiteral("\"court listings\"")}), QStringList {"IA-000001"});
        QCOMPARE(rowsFor({.search = QStringLiteral("jury  LISTINGS")}), QStringList {"IA-000004"}); // its unit
        QCOMPARE(rowsFor({.search = QStringLiteral("bob court")}), QStringList {"IA-000001"}); // its IAO
        QCOMPARE(rowsFor({.search = QStringLiteral("corporate ann")}), QStringList {"IA-000003"});
        QCOMPARE(rowsFor({.search = QStringLiteral("payroll jury")}), QStringList());
        QCOMPARE(rowsFor({.classification = Classification()}), QStringList {"IA-000002"});
        QCOMPARE(rowsFor({.classification = Classification::official()}), QStringList {"IA-000004"});
        QCOMPARE(rowsFor({.classification = Classification::official(true)}), QStringList {"IA-000003"});
        QCOMPARE(rowsFor({.classification = Classification::secret()}), QStringList {"IA-000001"});
        QCOMPARE(rowsFor({.ownerLogin = QStringLiteral("asmith")}), (QStringList {"IA-000003", "IA-000004"}));
    }

    void includesArchivedAndDisposedWhenAsked()
    {
        QString error;
        const auto asset = AssetStore(m_test->reg(), kToday).findByReference(QStringLiteral("IA-000004"));
        QVERIFY(AssetStore(m_test->reg(), kToday).setStatus({asset->id}, AssetStatus::Archived, &error));
        AssetTableModel model(m_test->path(), kToday);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 3);
        QTRY_COMPARE(model.totalAssetCount(), 3); // counted after the first rows
        AssetView everything;
        everything.filter.activeOnly = false;
        model.setView(everything);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 4);
        QTRY_COMPARE(model.totalAssetCount(), 4); // counted after the first rows
        QCOMPARE(cell(model, 3, AssetColumn::Status), QStringLiteral("Archived"));
    }

    void aNewerViewReplacesAnOlderOneStillLoading()
    {
        AssetTableModel model(m_test->path(), kToday);
        QVERIFY(waitLoaded(model));
        QSignalSpy loaded(&model, &AssetTableModel::loaded);
        AssetView unowned;
        unowned.filter.unowned = true;
        AssetView search;
        search.filter.search = QStringLiteral("Jury");
        model.setView(unowned);
        model.setView(search);
        QVERIFY(waitLoaded(model));
        QTest::qWait(100);
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(column(model, AssetColumn::Reference), QStringList {"IA-000004"});
    }

    void aNewerViewStopsAnOlderViewsQueryPartWay()
    {
        const QString path = m_test->dir() + QStringLiteral("/five-thousand.custos");
        QString error;
        QVERIFY2(DemoRegister::createFile(path, 5000, 1, kToday, &error), qPrintable(error));
        std::atomic<int> generation {1};
        // On a thread of its own, as in the window (it lowers its thread's priority).
        QThread thread;
        AssetPageLoader loader(path, kToday, &generation);
        loader.moveToThread(&thread);
        thread.start();
        QSignalSpy totals(&loader, &AssetPageLoader::totalCounted);
        QSignalSpy failures(&loader, &AssetPageLoader::failed);
        auto loadFirstPage = [&](int request) {
            QMetaObject::invokeMethod(
                &loader, [&] { loader.loadFirstPage(request, AssetView()); }, Qt::BlockingQueuedConnection);
        };
        // A newer view arrives as the first page shows, while the register's total is counted:
        // SQLite stops that count (thousands of steps) instead of finishing it.
        const auto newerView = connect(
            &loader, &AssetPageLoader::pageLoaded, &loader, [&] { generation = 2; }, Qt::DirectConnection);
        loadFirstPage(1);
        disconnect(newerView);
        QCOMPARE(totals.count(), 0);
        QCOMPARE(failures.count(), 0); // being stopped is not a failure
        generation = 3;
        loadFirstPage(3);
        QCOMPARE(totals.count(), 1);
        QMetaObject::invokeMethod(
            &loader,
            [&] { loader.moveToThread(QCoreApplication::instance()->thread()); },
            Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
        auto reg = Register::open(path, OpenMode::ReadOnly);
        QSqlQuery active(reg->database());
        QVERIFY(active.exec(QStringLiteral("SELECT count(*) FROM assets WHERE status = 'Active'")) && active.next());
        QCOMPARE(totals.first().at(1).toInt(), active.value(0).toInt());
    }

    // Loading is background work: the window's own thread, which paints, keeps its priority.
    void loadsOnThreadsThatGiveWayToTheWindow()
    {
        AssetTableModel model(m_test->path(), kToday);
        QVERIFY(waitLoaded(model));
        QTRY_COMPARE(model.totalAssetCount(), 4);
        int mainNiceness = 0;
        // Read again until both loader threads are seen: on a loaded machine one may start late.
        const auto loaderNiceness = [&mainNiceness] {
            QList<int> found;
            for (const QString& task :
                 QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(task));
                if (!stat.open(QIODevice::ReadOnly))
                    continue; // a thread that ended meanwhile
                // "tid (name) state ..." with the nice value as field 19; the name may hold spaces.
                const QByteArray line = stat.readAll();
                const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
                const int nice = fields.at(16).toInt();
                if (line.contains("(AssetPageLoader"))
                    found << nice;
                else if (task.toLongLong() == QCoreApplication::applicationPid())
                    mainNiceness = nice;
            }
            return found;
        };
        QTRY_COMPARE(loaderNiceness(), (QList<int> {10, 10}));
        QCOMPARE(mainNiceness, 0);
    }

    void refreshShowsChanges()
    {
        AssetTableModel model(m_test->path(), kToday);
        QVERIFY(waitLoaded(model));
        add("IA-000005", "Witness care", m_courts, std::nullopt, Classification::official());
        model.refresh();
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(cell(model, 4, AssetColumn::Name), QStringLiteral("Witness care"));
    }

    void followingReadsTheHeldRowsAgainAtOnce()
    {
        AssetTableModel model(m_test->path(), kToday);
        QVERIFY(waitLoaded(model));
        QTRY_COMPARE(cell(model, 0, AssetColumn::Name), QStringLiteral("Court listings"));
        AssetStore store(m_test->reg(), kToday);
        Asset renamed = *store.findByReference(QStringLiteral("IA-000001"));
        renamed.name = QStringLiteral("Court listings (renamed elsewhere)");
        QVERIFY(store.update(renamed));
        QSignalSpy pages(&model, &AssetTableModel::pageRequested);
        model.follow();
        // The held page is asked for straight away, not after the whole list of ids.
        QCOMPARE(pages.count(), 1);
        QCOMPARE(pages.first().at(1).toInt(), 0);
        QTRY_COMPARE(cell(model, 0, AssetColumn::Name), QStringLiteral("Court listings (renamed elsewhere)"));
        QCOMPARE(model.rowCount(), 4);
    }

    void followingShowsTheOtherColumnsChanged()
    {
        AssetTableModel model(m_test->path(), kToday);
        QVERIFY(waitLoaded(model));
        QTRY_COMPARE(cell(model, 0, AssetColumn::Location), QString());
        AssetStore store(m_test->reg(), kToday);
        Asset moved = *store.findByReference(QStringLiteral("IA-000001"));
        moved.location = QStringLiteral("Records centre, shelf 12");
        QVERIFY(store.update(moved));
        model.follow();
        QTRY_COMPARE(cell(model, 0, AssetColumn::Location), QStringLiteral("Records centre, shelf 12"));
    }

    void aMissingRegisterIsReported()
    {
        AssetTableModel model(m_test->dir() + QStringLiteral("/missing.custos"), kToday);
        QSignalSpy failures(&model, &AssetTableModel::loadFailed);
        QVERIFY(failures.wait(5000));
        QVERIFY(failures.first().first().toString().contains(QLatin1String("does not exist")));
        QCOMPARE(model.rowCount(), 0);
    }

    // Scrolling through a large register keeps only a few pages of rows in memory.
    void holdsABoundedNumberOfRows()
    {
        TestRegister large;
        QString error;
        QVERIFY2(DemoRegister::fill(large.reg(), 200000, 5, kToday, &error), qPrintable(error));
        large.close();
        AssetTableModel model(large.path(), kToday);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(waitLoaded(model));
        // The first page is shown on its own before the rest is added below it.
        QCOMPARE(resets.count(), 1);
        QCOMPARE(inserts.count(), 1);
        QCOMPARE(inserts.first().at(1).toInt(), AssetTableModel::kPageSize);
        QVERIFY(model.rowCount() > 180000);
        int most = 0;
        for (int row = 0; row < model.rowCount(); row += 997) {
            QVERIFY(!cell(model, row, AssetColumn::Reference).isEmpty());
            most = std::max(most, model.materialisedRowCount());
        }
        QCOMPARE(cell(model, model.rowCount() - 1, AssetColumn::Reference).isEmpty(), false);
        QVERIFY(most <= AssetTableModel::kMaxCachedPages * AssetTableModel::kPageSize);
        QCOMPARE(most, AssetTableModel::kMaxCachedPages * AssetTableModel::kPageSize);
    }
};

QTEST_GUILESS_MAIN(TestAssetTableModel)
#include "tst_assettablemodel.moc"
