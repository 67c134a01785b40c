#include "ProcessLocks.h"
#include "WindowTest.h"

#include <QElapsedTimer>
#include <QFileSystemModel>
#include <QProgressDialog>
#include <QThreadPool>

using namespace custos;

// The window open on a register while another process writes to it.
class TestWindowWriters : public WindowTest
{
    Q_OBJECT

private:
    QString m_csv;

    int runCli(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(CUSTOS_CLI), arguments);
        process.waitForFinished(120000);
        if (process.exitCode() != 0)
            qWarning() << process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    static int todaysReviews(const QString& path)
    {
        const std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly);
        QSqlQuery query(reg ? reg->database() : QSqlDatabase());
        return query.exec(QStringLiteral("SELECT count(*) FROM reviews WHERE reviewed_on = '%1'")
                              .arg(QDate::currentDate().toString(Qt::ISODate)))
                && query.next()
            ? query.value(0).toInt()
            : -1;
    }

    void reviewRow(int row)
    {
        QTRY_VERIFY(table()->model()->index(row, 0).data().isValid());
        table()->selectionModel()->select(table()->model()->index(row, 0),
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_R));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(createDemo());
        m_csv = m_dir.filePath(QStringLiteral("more.csv"));
        QFile csv(m_csv);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("Name,Business unit\r\n");
        for (int i = 1; i <= 500; ++i)
            csv.write(QByteArrayLiteral("Imported asset %1,Imported unit\r\n").replace("%1", QByteArray::number(i)));
    }
    void init() { QVERIFY(openWindow()); }
    void cleanup() { closeWindow(); }

    void reviewsBeforeAndAfterAnotherProcessesImportBothLast()
    {
        // The dashboard, the page the register opens on, reads through connections of its own.
        QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
        showPage("assetTable");
        reviewRow(0);
        QVERIFY(processlocks::heldOn(m_demo) > 0);
        const ino_t walInode = processlocks::inodeOf(m_demo + QStringLiteral("-wal"));

        QCOMPARE(runCli({QStringLiteral("import"), m_demo, m_csv}), 0);
        QVERIFY(processlocks::heldOn(m_demo) > 0);
        QCOMPARE(processlocks::inodeOf(m_demo + QStringLiteral("-wal")), walInode);

        reviewRow(1);
        closeWindow();
        QCOMPARE(scalarAfterClose(m_demo, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(scalarAfterClose(m_demo,
                                  QStringLiteral("SELECT count(*) FROM reviews WHERE reviewed_on = '%1'")
                                      .arg(QDate::currentDate().toString(Qt::ISODate)))
                     .toInt(),
                 2);
        QCOMPARE(
            scalarAfterClose(m_demo, QStringLiteral("SELECT count(*) FROM assets WHERE name LIKE 'Imported asset %'"))
                .toInt(),
            500);
    }

    // Another process adds 500 assets and renames one: within 2 s the table, its count and the
    // dashboard show it, and the asset chosen in the table stays chosen.
    void anotherProcessesChangesShowWithinTwoSeconds()
    {
        auto* dashboard = m_window->findChild<DashboardPage*>();
        QTRY_VERIFY(!dashboard->isRefreshing());
        const int assetsBefore = dashboard->shownFigures().coverage.total.assets;
        showPage("assetTable");
        const int rowsBefore = table()->model()->rowCount();
        selectRow(5);
        const RecordId chosen = table()->currentIndex().data(AssetTableModel::IdRole).toLongLong();

        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const Asset renamed = *AssetStore(*reg).findByReference(QStringLiteral("IA-000003"));
        const QString changes = m_dir.filePath(QStringLiteral("changes.csv"));
        QFile csv(changes);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(QStringLiteral("Reference,Name,Business unit\r\nIA-000003,Renamed elsewhere,\"%1\"\r\n")
                      .arg(UnitStore(*reg).tree().path(renamed.unitId))
                      .toUtf8());
        for (int i = 1; i <= 500; ++i)
            csv.write(QByteArrayLiteral(",Added elsewhere %1,Imported unit\r\n").replace("%1", QByteArray::number(i)));
        csv.close();
        reg.reset();

        QElapsedTimer sinceCommit;
        QCOMPARE(runCli({QStringLiteral("import"), m_demo, changes}), 0);
        sinceCommit.start();
        QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), rowsBefore + 500, 2000);
        const auto shownName = [&] {
            const int row = m_window->assetModel()->rowOf(renamed.id);
            return row < 0 ? QString() : table()->model()->index(row, int(AssetColumn::Name)).data().toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(shownName(), QStringLiteral("Renamed elsewhere"), 2000);
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->shownFigures().coverage.total.assets, assetsBefore + 500, 2000);
        QVERIFY2(sinceCommit.elapsed() <= 2000, qPrintable(QString::number(sinceCommit.elapsed())));
        QCOMPARE(table()->currentIndex().data(AssetTableModel::IdRole).toLongLong(), chosen);
        QVERIFY(table()->selectionModel()->isRowSelected(table()->currentIndex().row(), {}));
        QTRY_VERIFY(m_window->findChild<QLabel*>(QStringLiteral("assetCount"))
                        ->text()
                        .contains(QLocale().toString(rowsBefore + 500)));
    }

    // The window's editor holds an unsaved edit of an asset that another process then renames:
    // Save is refused with the other change named, and the user chooses whose version stands.
    void aSaveOverAnotherProcessesChangeAsksWhoseVersionStands()
    {
        showPage("assetTable");
        selectRow(0);
        const RecordId id = table()->currentIndex().data(AssetTableModel::IdRole).toLongLong();
        const auto renameElsewhere = [&](const QString& name) {
            auto reg = Register::open(m_demo, OpenMode::ReadOnly);
            const Asset asset = *AssetStore(*reg).get(id);
            const QString csvPath = m_dir.filePath(QStringLiteral("rename.csv"));
            QFile csv(csvPath);
            if (!csv.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return -1;
            csv.write(QStringLiteral("Reference,Name,Business unit\r\n%1,%2,\"%3\"\r\n")
                          .arg(asset.reference, name, UnitStore(*reg).tree().path(asset.unitId))
                          .toUtf8());
            csv.close();
            return runCli({QStringLiteral("import"), m_demo, csvPath});
        };
        const auto answerConflict = [&](const QString& choice, QString* asked) {
            answerDialog<QMessageBox>([choice, asked](QMessageBox* box) {
                QCOMPARE(box->objectName(), QStringLiteral("saveConflict"));
                *asked = box->text();
                for (QAbstractButton* button : box->buttons()) {
                    if (button->text() == choice)
                        button->click();
                }
            });
        };
        const auto stored = [&] {
            auto reg = Register::open(m_demo, OpenMode::ReadOnly);
            return *AssetStore(*reg).get(id);
        };

        const QString location = stored().location;
        editorLine("editLocation")->setText(QStringLiteral("Mine"));
        QCOMPARE(renameElsewhere(QStringLiteral("Their name")), 0);
        QTest::qWait(2 * Register::kWatchIntervalMs); // the window notices; the edit stays on screen
        QCOMPARE(editorLine("editLocation")->text(), QStringLiteral("Mine"));
        QString asked;
        answerConflict(QStringLiteral("Reload Their Version"), &asked);
        editorButton("editSave")->click();
        QVERIFY2(asked.contains(QLatin1String("Name:")) && asked.contains(QLatin1String("Their name"))
                     && asked.contains(currentLogin()),
                 qPrintable(asked));
        QCOMPARE(editorLine("editName")->text(), QStringLiteral("Their name"));
        QCOMPARE(stored().location, location);
        QCOMPARE(editorLine("editLocation")->text(), location);

        editorLine("editLocation")->setText(QStringLiteral("Mine"));
        QCOMPARE(renameElsewhere(QStringLiteral("Their second name")), 0);
        answerConflict(QStringLiteral("Overwrite"), &asked);
        editorButton("editSave")->click();
        QCOMPARE(stored().location, QStringLiteral("Mine"));
        QCOMPARE(stored().name, QStringLiteral("Their name"));
        // The audit trail keeps both: their rename, then the deliberate overwrite.
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const QList<AuditEntry> history = AuditLog(*reg).forRecord(QStringLiteral("assets"), id);
        QVERIFY(history.size() >= 3);
        QVERIFY2(history.at(0).summary().contains(QStringLiteral("Their second name \u2192 Their name")),
                 qPrintable(history.at(0).summary()));
        QVERIFY2(history.at(1).summary().contains(QStringLiteral("\u2192 Their second name")),
                 qPrintable(history.at(1).summary()));
    }

    // Qt's file dialog lists the register's folder without opening the register's files.
    void theFileDialogLeavesTheRegistersLocksInPlace()
    {
        QVERIFY(processlocks::heldOn(m_demo) > 0);
        int lockedWhileListed = -1;
        answerDialog<QFileDialog>([&](QFileDialog* dialog) {
            auto* listing = dialog->findChild<QFileSystemModel*>();
            const QModelIndex folder = listing->index(dialog->directory().absolutePath());
            // The dialog lists the register, as its filter asks.
            const bool listed = QTest::qWaitFor([&] { return listing->rowCount(folder) >= 1; }, 10000);
            // Each row's icon and type, as the view draws them.
            for (int row = 0; row < listing->rowCount(folder); ++row) {
                listing->index(row, 0, folder).data(Qt::DecorationRole);
                listing->index(row, 2, folder).data();
            }
            QTest::qWait(500);
            lockedWhileListed = listed ? processlocks::heldOn(m_demo) : -1;
            dialog->reject();
        });
        action("actionOpen")->trigger();
        QVERIFY(lockedWhileListed > 0);
    }

    // Another process holds the register: the window's write waits behind a dialog, and is made
    // as soon as the other finishes.
    void aWriteWaitsItsTurnBehindADialog()
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(m_demo);
        QVERIFY(other.open());
        {
            QSqlQuery hold(other);
            QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
            const int reviews = todaysReviews(m_demo);
            bool dialogShown = false;
            answerDialog<QProgressDialog>([&](QProgressDialog* wait) {
                dialogShown = wait->objectName() == QLatin1String("writeWait") && wait->isVisible();
                QTest::qWait(300); // the window goes on while it waits
                hold.exec(QStringLiteral("ROLLBACK"));
            });
            showPage("assetTable");
            reviewRow(10);
            QVERIFY(dialogShown);
            QCOMPARE(todaysReviews(m_demo), reviews + 1);
            QVERIFY(!m_window->findChild<QProgressDialog*>(QStringLiteral("writeWait"))
                    || !m_window->findChild<QProgressDialog*>(QStringLiteral("writeWait"))->isVisible());
        }
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    }

    void cancellingTheWaitChangesNothing()
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(m_demo);
        QVERIFY(other.open());
        {
            QSqlQuery hold(other);
            QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
            const int reviews = todaysReviews(m_demo);
            answerDialog<QProgressDialog>([](QProgressDialog* wait) { wait->cancel(); });
            QString warning;
            answerDialog<QMessageBox>([&warning](QMessageBox* box) {
                warning = box->text();
                box->accept();
            });
            showPage("assetTable");
            reviewRow(11);
            QTRY_VERIFY2(warning.contains(QLatin1String("You stopped waiting")), qPrintable(warning));
            QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
            QCOMPARE(todaysReviews(m_demo), reviews);
            QVERIFY(!m_window->undoStack()->canUndo());
        }
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    }
};

QTEST_MAIN(TestWindowWriters)
#include "tst_windowwriters.moc"
