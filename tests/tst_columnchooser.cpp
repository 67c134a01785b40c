#include "WindowTest.h"
#include "models/csv/CsvReader.h"
#include "models/itemmodels/AssetColumns.h"

#include <QBuffer>
#include <QStandardItemModel>

using namespace custos;

// The assets table's column menu: every field of the export header can be shown, reads as the
// export writes it, sorts in SQL, and stays chosen when the window opens again.
class TestColumnChooser : public WindowTest
{
    Q_OBJECT

private:
    QHeaderView* header() { return table()->horizontalHeader(); }

    // Opens the column menu as a right click on the header does, hands it to `use` and closes it.
    bool useColumnMenu(const std::function<void(QMenu*)>& use)
    {
        bool used = false;
        auto* poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [&used, poll, use] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            poll->stop();
            poll->deleteLater();
            use(menu);
            used = true;
            menu->close();
        });
        poll->start(10);
        emit header()->customContextMenuRequested(QPoint(10, header()->height() / 2));
        return used;
    }

    bool chooseColumn(const QString& title)
    {
        return useColumnMenu([title](QMenu* menu) {
            for (QAction* action : menu->actions()) {
                if (action->text() == title)
                    action->trigger();
            }
        });
    }

    // The export's cells of the asset with this reference, by header name.
    QHash<QString, QString> exportedCells(const QString& reference)
    {
        QBuffer file;
        file.open(QIODevice::ReadWrite);
        const auto reader = Register::open(m_demo, OpenMode::ReadOnly);
        CsvExport(*reader).write(file);
        file.seek(0);
        CsvReader csv(file, CsvFormat());
        CsvRecord header;
        CsvRecord record;
        csv.next(header);
        while (csv.next(record)) {
            if (record.cells.value(0) == reference) {
                QHash<QString, QString> cells;
                for (int cell = 0; cell < header.cells.size(); ++cell)
                    cells.insert(header.cells.at(cell), record.cells.value(cell));
                return cells;
            }
        }
        return {};
    }

    QString cellText(int row, AssetColumn column)
    {
        const QModelIndex index = table()->model()->index(row, int(column));
        if (!QTest::qWaitFor([&] { return index.data().isValid(); }, 5000))
            return QStringLiteral("(no value)");
        return index.data().toString();
    }

    std::unique_ptr<MainWindow> reopenedWindow()
    {
        m_window->close();
        auto again = std::make_unique<MainWindow>(*m_settings);
        QString error;
        if (!again->openRegister(m_demo, OpenMode::ReadWrite, &error))
            qWarning() << error;
        return again;
    }

private slots:
    void initTestCase() { QVERIFY(createDemo()); }
    void init() { QVERIFY(openWindow()); }
    void cleanup() { closeWindow(); }

    void listsEveryExportFieldInTheHeadersOrder()
    {
        QStringList titles;
        QStringList checked;
        bool referenceFixed = false;
        QVERIFY(useColumnMenu([&](QMenu* menu) {
            QCOMPARE(menu->objectName(), QStringLiteral("assetColumnMenu"));
            for (QAction* action : menu->actions()) {
                titles << action->text();
                if (action->isChecked())
                    checked << action->text();
                if (action->text() == QLatin1String("Reference"))
                    referenceFixed = !action->isEnabled();
            }
        }));
        QCOMPARE(titles, CsvExport::header());
        QCOMPARE(titles.size(), 26);
        // The seven columns shown before the others could be chosen, and no more.
        QCOMPARE(checked,
                 (QStringList {
                     "Reference", "Name", "Business unit", "IAO name", "Classification", "Next review due", "Status"}));
        QVERIFY(referenceFixed);
        for (int column = 0; column < int(AssetColumn::Count); ++column)
            QCOMPARE(header()->isSectionHidden(column), !isShownByDefault(AssetColumn(column)));
    }

    void aChosenColumnShowsItsFieldAsTheExportWritesIt()
    {
        for (const char* title : {"Location", "IAM email", "Classification needs review", "Last reviewed"})
            QVERIFY(chooseColumn(QLatin1String(title)));
        const QString reference = cellText(0, AssetColumn::Reference);
        const QHash<QString, QString> exported = exportedCells(reference);
        QVERIFY(!exported.value(QStringLiteral("Location")).isEmpty());
        for (AssetColumn column :
             {AssetColumn::Location, AssetColumn::ManagerEmail, AssetColumn::NeedsReview, AssetColumn::LastReviewed}) {
            QVERIFY(!table()->isColumnHidden(int(column)));
            QCOMPARE(cellText(0, column), exported.value(assetColumnTitle(column)));
        }
        // Shown where the menu lists it: Location between the IAO and the classification.
        QVERIFY(header()->visualIndex(int(AssetColumn::Owner)) < header()->visualIndex(int(AssetColumn::Location)));
        QVERIFY(header()->visualIndex(int(AssetColumn::Location))
                < header()->visualIndex(int(AssetColumn::Classification)));
        QVERIFY(table()->columnViewportPosition(int(AssetColumn::Location)) >= 0);
        QVERIFY(header()->sectionSize(int(AssetColumn::Location)) > 0);
        // Chosen again, it hides.
        QVERIFY(chooseColumn(QStringLiteral("Location")));
        QVERIFY(table()->isColumnHidden(int(AssetColumn::Location)));
    }

    void aChosenColumnSortsAsSqlDoes()
    {
        QVERIFY(chooseColumn(QStringLiteral("Criticality")));
        table()->sortByColumn(int(AssetColumn::Criticality), Qt::DescendingOrder);
        QVERIFY(settled());
        QSqlQuery query(m_window->currentRegister()->database());
        QVERIFY(query.exec(QStringLiteral("SELECT reference, coalesce(criticality, '') FROM assets WHERE status = "
                                          "'Active' ORDER BY instr('Low Medium High Vital', criticality) DESC, id DESC "
                                          "LIMIT 300")));
        for (int row = 0; query.next(); ++row) {
            QCOMPARE(cellText(row, AssetColumn::Reference), query.value(0).toString());
            QCOMPARE(cellText(row, AssetColumn::Criticality), query.value(1).toString());
        }
    }

    void theChoiceSurvivesClosingAndOpeningTheWindow()
    {
        QVERIFY(chooseColumn(QStringLiteral("Retention")));
        QVERIFY(chooseColumn(QStringLiteral("Status")));
        header()->resizeSection(int(AssetColumn::Retention), 131);
        const std::unique_ptr<MainWindow> again = reopenedWindow();
        QHeaderView* restored = again->findChild<QTableView*>(QStringLiteral("assetTable"))->horizontalHeader();
        QVERIFY(!restored->isSectionHidden(int(AssetColumn::Retention)));
        QCOMPARE(restored->sectionSize(int(AssetColumn::Retention)), 131);
        QVERIFY(restored->isSectionHidden(int(AssetColumn::Status)));
        QVERIFY(restored->isSectionHidden(int(AssetColumn::Description)));
        QVERIFY(!restored->isSectionHidden(int(AssetColumn::Name)));
    }

    void aLayoutSavedBeforeTheOtherColumnsKeepsItsChoicesAndHidesThem()
    {
        // The seven columns' layout as an earlier Custos saved it: Status hidden, Name narrowed.
        QStandardItemModel sevenColumns(0, kDefaultAssetColumnCount);
        QTableView earlier;
        earlier.setModel(&sevenColumns);
        earlier.horizontalHeader()->setSectionHidden(int(AssetColumn::Status), true);
        earlier.horizontalHeader()->resizeSection(int(AssetColumn::Name), 123);
        closeWindow();
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setValue(Settings::Key::AssetTableHeader, earlier.horizontalHeader()->saveState());
        m_window = std::make_unique<MainWindow>(*m_settings);
        QString error;
        QVERIFY2(m_window->openRegister(m_demo, OpenMode::ReadWrite, &error), qPrintable(error));
        QVERIFY(header()->isSectionHidden(int(AssetColumn::Status)));
        QCOMPARE(header()->sectionSize(int(AssetColumn::Name)), 123);
        QStringList visibleInOrder;
        for (int visual = 0; visual < header()->count(); ++visual) {
            if (!header()->isSectionHidden(header()->logicalIndex(visual)))
                visibleInOrder
                    << table()->model()->headerData(header()->logicalIndex(visual), Qt::Horizontal).toString();
        }
        QCOMPARE(visibleInOrder,
                 (QStringList {"Reference", "Name", "Business unit", "IAO name", "Classification", "Next review due"}));
        QCOMPARE(m_settings->value(Settings::Key::AssetTableColumns).toInt(), int(AssetColumn::Count));
        // The hidden columns wait where the menu lists them.
        QVERIFY(chooseColumn(QStringLiteral("Description")));
        QCOMPARE(header()->visualIndex(int(AssetColumn::Description)),
                 header()->visualIndex(int(AssetColumn::Name)) + 1);
    }
};

QTEST_MAIN(TestColumnChooser)
#include "tst_columnchooser.moc"
