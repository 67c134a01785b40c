#include "AssetEditor.h"
#include "AssetStore.h"
#include "AssetTableModel.h"
#include "AuditLogModel.h"
#include "BulkEditDialog.h"
#include "CsvExport.h"
#include "CsvExportDialog.h"
#include "DemoRegister.h"
#include "LeaveDialog.h"
#include "MainWindow.h"
#include "PeopleModel.h"
#include "PersonDialog.h"
#include "ReviewSchedule.h"
#include "Settings.h"
#include "TestRegister.h"
#include "WelcomePage.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

using namespace custos;

namespace {

int cliListCount(const QString& path, const QStringList& flags)
{
    QProcess process;
    process.start(QStringLiteral(CUSTOS_CLI), QStringList {QStringLiteral("list"), path} + flags);
    process.waitForFinished(60000);
    return int(process.readAllStandardOutput().count('\n'));
}

} // namespace

// Drives the real window offscreen, by object name, as a person would.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    QTableView* table() { return m_window->findChild<QTableView*>(QStringLiteral("assetTable")); }
    QAction* action(const char* name) { return m_window->findChild<QAction*>(QLatin1String(name)); }
    bool settled()
    {
        return QTest::qWaitFor([&] { return !m_window->assetModel()->isLoading(); }, 20000);
    }
    QLineEdit* editorLine(const char* name) { return m_window->findChild<QLineEdit*>(QLatin1String(name)); }
    QPushButton* editorButton(const char* name) { return m_window->findChild<QPushButton*>(QLatin1String(name)); }
    void selectRow(int row)
    {
        QTRY_VERIFY(table()->model()->index(row, 0).data().isValid());
        table()->setCurrentIndex(table()->model()->index(row, 0));
    }
    void showPage(const char* name)
    {
        m_window->findChild<QTabWidget*>(QStringLiteral("registerPages"))
            ->setCurrentWidget(m_window->findChild<QWidget*>(QLatin1String(name)));
    }
    // Answers the next dialog the window opens, once it is showing.
    template <typename Dialog>
    void answerDialog(const std::function<void(Dialog*)>& answer)
    {
        QTimer::singleShot(0, this, [answer] {
            auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            answer(dialog);
        });
    }
    void answerInput(const QString& text)
    {
        answerDialog<QInputDialog>([text](QInputDialog* input) {
            input->setTextValue(text);
            input->accept();
        });
    }
    int shownRows()
    {
        // The search box waits a moment before it asks; then the model loads off the UI thread.
        QTest::qWait(300);
        return settled() ? table()->model()->rowCount() : -1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_demo = m_dir.filePath(QStringLiteral("demo.custos"));
        QString error;
        QVERIFY2(DemoRegister::createFile(m_demo, 1500, 9, QDate::currentDate(), &error), qPrintable(error));
    }

    void init()
    {
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_window->show();
        QString error;
        QVERIFY2(m_window->openRegister(m_demo, OpenMode::ReadWrite, &error), qPrintable(error));
        QVERIFY(settled());
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    }

    void opensARegisterAndCountsItsAssets()
    {
        QCOMPARE(m_window->windowTitle(), QStringLiteral("demo \u2014 Custos"));
        const int active = cliListCount(m_demo, {});
        QCOMPARE(table()->model()->rowCount(), active);
        // The register's total is counted after the first rows, and the label follows it.
        QTRY_COMPARE(m_window->findChild<QLabel*>(QStringLiteral("assetCount"))->text(),
                     QStringLiteral("%1 of %1 assets shown").arg(QLocale().toString(active)));
        QTRY_COMPARE(table()->model()->index(0, 0).data().toString(), QStringLiteral("IA-000001"));
    }

    void eachQuickFilterMatchesTheCommandLine_data()
    {
        QTest::addColumn<QString>("actionName");
        QTest::addColumn<QString>("flag");
        QTest::newRow("unowned") << "filterUnowned"
                                 << "--unowned";
        QTest::newRow("unclassified") << "filterUnclassified"
                                      << "--unclassified";
        QTest::newRow("overdue") << "filterOverdue"
                                 << "--overdue";
    }

    void eachQuickFilterMatchesTheCommandLine()
    {
        QFETCH(QString, actionName);
        QFETCH(QString, flag);
        action(qPrintable(actionName))->trigger();
        const int expected = cliListCount(m_demo, {flag});
        QVERIFY(expected > 0);
        QCOMPARE(shownRows(), expected);
        action(qPrintable(actionName))->trigger();
        QCOMPARE(shownRows(), cliListCount(m_demo, {}));
    }

    void myAssetsAreThoseOfTheSignedInUser()
    {
        action("filterMine")->trigger();
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const int mine = AssetStore(*reg).count(AssetFilter {.ownerLogin = currentLogin()});
        QVERIFY(mine > 0);
        QCOMPARE(shownRows(), mine);
    }

    void archivedAndDisposedShowWhenAsked()
    {
        action("filterInactive")->trigger();
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        QCOMPARE(shownRows(), AssetStore(*reg).count(AssetFilter {.activeOnly = false}));
        QVERIFY(table()->model()->rowCount() > cliListCount(m_demo, {}));
    }

    void classificationChoiceFilters()
    {
        auto* combo = m_window->findChild<QComboBox*>(QStringLiteral("filterClassification"));
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        for (const QString& text : {QStringLiteral("SECRET"), QStringLiteral("OFFICIAL-SENSITIVE")}) {
            combo->setCurrentIndex(combo->findText(text));
            const int expected = AssetStore(*reg).count(AssetFilter {.classification = Classification::fromText(text)});
            QVERIFY(expected > 0);
            QCOMPARE(shownRows(), expected);
        }
        combo->setCurrentIndex(combo->findText(QStringLiteral("Not yet classified")));
        QCOMPARE(shownRows(), AssetStore(*reg).count(AssetFilter {.classification = Classification()}));
    }

    void theUnitTreeShowsAUnitWithTheUnitsBelowIt()
    {
        auto* tree = m_window->findChild<QTreeWidget*>(QStringLiteral("unitTree"));
        QTreeWidgetItem* all = tree->topLevelItem(0);
        QCOMPARE(all->text(0), QStringLiteral("All units"));
        QVERIFY(all->childCount() >= 3);
        QTreeWidgetItem* directorate = all->child(0);
        QVERIFY(directorate->childCount() > 0);
        tree->setCurrentItem(directorate);
        const QString path = directorate->text(0);
        QCOMPARE(shownRows(), cliListCount(m_demo, {QStringLiteral("--unit"), path}));
        QTreeWidgetItem* unit = directorate->child(0);
        tree->setCurrentItem(unit);
        QCOMPARE(shownRows(),
                 cliListCount(m_demo, {QStringLiteral("--unit"), path + QStringLiteral(" / ") + unit->text(0)}));
        tree->setCurrentItem(all);
        QCOMPARE(shownRows(), cliListCount(m_demo, {}));
    }

    void selectingARowShowsItsAssetInTheEditor()
    {
        selectRow(0);
        QCOMPARE(editorLine("editReference")->text(), QStringLiteral("IA-000001"));
        QVERIFY(editorLine("editName")->isEnabled());
        QVERIFY(!editorButton("editSave")->isEnabled());
    }

    void editsAreSavedShownAndUndone()
    {
        selectRow(0);
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const QString original = AssetStore(*reg).findByReference(QStringLiteral("IA-000001"))->name;
        editorLine("editName")->setText(QStringLiteral("Interpreter bookings (national)"));
        QVERIFY(editorButton("editSave")->isEnabled());
        editorButton("editSave")->click();
        QCOMPARE(AssetStore(*reg).findByReference(QStringLiteral("IA-000001"))->name,
                 QStringLiteral("Interpreter bookings (national)"));
        QTRY_COMPARE(table()->model()->index(0, int(AssetColumn::Name)).data().toString(),
                     QStringLiteral("Interpreter bookings (national)"));

        action("actionUndo")->trigger();
        QCOMPARE(AssetStore(*reg).findByReference(QStringLiteral("IA-000001"))->name, original);
        QCOMPARE(editorLine("editName")->text(), original);
        QTRY_COMPARE(table()->model()->index(0, int(AssetColumn::Name)).data().toString(), original);
        action("actionRedo")->trigger();
        QCOMPARE(AssetStore(*reg).findByReference(QStringLiteral("IA-000001"))->name,
                 QStringLiteral("Interpreter bookings (national)"));
        action("actionUndo")->trigger();
    }

    void anEditShowsInTheAssetsHistoryAndTheAuditLog()
    {
        selectRow(0);
        const QString original = editorLine("editName")->text();
        auto* history = m_window->findChild<QTreeWidget*>(QStringLiteral("assetHistory"));
        const int entries = history->topLevelItemCount();
        QVERIFY(entries >= 1);
        QCOMPARE(history->topLevelItem(entries - 1)->text(2), QStringLiteral("Added"));
        editorLine("editName")->setText(QStringLiteral("Interpreter bookings (national)"));
        editorButton("editSave")->click();
        const QString change = QStringLiteral("Name: %1 \u2192 Interpreter bookings (national)").arg(original);
        QCOMPARE(history->topLevelItemCount(), entries + 1);
        QCOMPARE(history->topLevelItem(0)->text(2), change);

        showPage("auditLogPage");
        auto* log = m_window->findChild<QTableView*>(QStringLiteral("auditLogTable"));
        QCOMPARE(log->model()->index(0, AuditLogModel::Record).data().toString(), QStringLiteral("Asset IA-000001"));
        QCOMPARE(log->model()->index(0, AuditLogModel::Change).data().toString(), change);
        action("actionUndo")->trigger(); // shows at once on the open audit log
        QVERIFY(log->model()
                    ->index(0, AuditLogModel::Change)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("\u2192 ") + original));
    }

    void marksAPersonAsLeftHandingTheirAssetsOverInOneUndoableStep()
    {
        showPage("peoplePage");
        auto* people = m_window->findChild<QTableView*>(QStringLiteral("peopleTable"));
        auto cell = [&](int row, int column) { return people->model()->index(row, column).data(); };
        int row = 0;
        while (cell(row, PeopleModel::Status).toString() != QLatin1String("Current")
               || cell(row, PeopleModel::OwnerOf).toInt() < 2)
            ++row;
        people->selectRow(row);
        const RecordId leaver = people->model()->index(row, 0).data(PeopleModel::IdRole).toLongLong();
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        PersonStore store(*reg);
        const int holds = store.assetCount(leaver);
        const int unowned = cliListCount(m_demo, {QStringLiteral("--unowned")});

        QString summary;
        RecordId successor = 0;
        int successorHeld = 0;
        answerDialog<LeaveDialog>([&](LeaveDialog* dialog) {
            summary = dialog->findChild<QLabel*>(QStringLiteral("leaveSummary"))->text();
            auto* choice = dialog->findChild<QComboBox*>(QStringLiteral("leaveSuccessor"));
            choice->setCurrentIndex(1);
            successor = choice->currentData().toLongLong();
            successorHeld = store.assetCount(successor);
            dialog->accept();
        });
        action("actionMarkLeft")->trigger();
        QVERIFY2(summary.contains(QStringLiteral("owns or manages %1 assets").arg(holds)), qPrintable(summary));
        QVERIFY(store.get(leaver)->hasLeft);
        QCOMPARE(store.assetCount(leaver), 0);
        QVERIFY(store.assetCount(successor) >= successorHeld + 1);
        QCOMPARE(cliListCount(m_demo, {QStringLiteral("--unowned")}), unowned);
        QCOMPARE(cell(row, PeopleModel::Status).toString(), QStringLiteral("Left"));
        QVERIFY(!action("actionMarkLeft")->isEnabled());

        QCOMPARE(m_window->undoStack()->count(), 1);
        action("actionUndo")->trigger();
        QVERIFY(!store.get(leaver)->hasLeft);
        QCOMPARE(store.assetCount(leaver), holds);
        QCOMPARE(store.assetCount(successor), successorHeld);
    }

    void leavingWithoutASuccessorLeavesTheAssetsUnowned()
    {
        showPage("peoplePage");
        auto* people = m_window->findChild<QTableView*>(QStringLiteral("peopleTable"));
        int row = 0;
        while (people->model()->index(row, PeopleModel::Status).data().toString() != QLatin1String("Current")
               || people->model()->index(row, PeopleModel::OwnerOf).data().toInt() == 0)
            ++row;
        people->selectRow(row);
        const RecordId leaver = people->model()->index(row, 0).data(PeopleModel::IdRole).toLongLong();
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const int owned = AssetStore(*reg).count(AssetFilter {.ownerId = leaver});
        const int unowned = cliListCount(m_demo, {QStringLiteral("--unowned")});
        answerDialog<LeaveDialog>([](LeaveDialog* dialog) { dialog->accept(); });
        action("actionMarkLeft")->trigger();
        QCOMPARE(cliListCount(m_demo, {QStringLiteral("--unowned")}), unowned + owned);
        showPage("assetTable");
        m_window->findChild<QAction*>(QStringLiteral("filterUnowned"))->trigger();
        QCOMPARE(shownRows(), unowned + owned);
        action("actionUndo")->trigger();
        QCOMPARE(cliListCount(m_demo, {QStringLiteral("--unowned")}), unowned);
        QCOMPARE(shownRows(), unowned);
    }

    void addsAndEditsAPersonWhomTheEditorThenOffers()
    {
        showPage("peoplePage");
        auto* people = m_window->findChild<QTableView*>(QStringLiteral("peopleTable"));
        const int before = people->model()->rowCount();
        answerDialog<PersonDialog>([](PersonDialog* dialog) {
            dialog->findChild<QLineEdit*>(QStringLiteral("personName"))->setText(QStringLiteral("Nia Evans"));
            dialog->findChild<QLineEdit*>(QStringLiteral("personEmail"))
                ->setText(QStringLiteral("nia.evans@justice.gov.uk"));
            dialog->accept();
        });
        action("actionAddPerson")->trigger();
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const auto added = PersonStore(*reg).findByEmail(QStringLiteral("nia.evans@justice.gov.uk"));
        QVERIFY(added);
        QCOMPARE(people->model()->rowCount(), before + 1);
        auto* owner = m_window->findChild<QComboBox*>(QStringLiteral("editOwner"));
        QVERIFY(owner->findData(added->id) >= 0);

        people->selectRow(
            people->model()->match(people->model()->index(0, 0), Qt::DisplayRole, added->name).first().row());
        answerDialog<PersonDialog>([](PersonDialog* dialog) {
            dialog->findChild<QLineEdit*>(QStringLiteral("personLogin"))->setText(QStringLiteral("nevans"));
            dialog->accept();
        });
        action("actionEditPerson")->trigger();
        QCOMPARE(PersonStore(*reg).get(added->id)->login, QStringLiteral("nevans"));

        action("actionUndo")->trigger();
        QCOMPARE(PersonStore(*reg).get(added->id)->login, QString());
        action("actionUndo")->trigger();
        QVERIFY(!PersonStore(*reg).get(added->id));
        QCOMPARE(people->model()->rowCount(), before);
        QCOMPARE(owner->findData(added->id), -1);
    }

    void addsRenamesAndMovesAUnitEachUndoably()
    {
        showPage("unitsPage");
        auto* units = m_window->findChild<QTreeWidget*>(QStringLiteral("unitsTree"));
        units->clearSelection();
        answerInput(QStringLiteral("Tribunals"));
        action("actionAddUnit")->trigger();
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const auto id = UnitStore(*reg).tree().find(QStringLiteral("Tribunals"));
        QVERIFY(id);
        const auto items = units->findItems(QStringLiteral("Tribunals"), Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(items.size(), 1);
        auto* dockTree = m_window->findChild<QTreeWidget*>(QStringLiteral("unitTree"));
        QCOMPARE(dockTree->findItems(QStringLiteral("Tribunals"), Qt::MatchExactly | Qt::MatchRecursive).size(), 1);

        units->setCurrentItem(items.first());
        answerInput(QStringLiteral("Employment Tribunals"));
        action("actionRenameUnit")->trigger();
        answerInput(QStringLiteral("Courts and Tribunals"));
        action("actionMoveUnit")->trigger();
        QCOMPARE(UnitStore(*reg).tree().path(*id), QStringLiteral("Courts and Tribunals / Employment Tribunals"));
        QCOMPARE(m_window->undoStack()->count(), 3);

        action("actionUndo")->trigger();
        QCOMPARE(UnitStore(*reg).tree().path(*id), QStringLiteral("Employment Tribunals"));
        action("actionUndo")->trigger();
        QCOMPARE(UnitStore(*reg).tree().path(*id), QStringLiteral("Tribunals"));
        action("actionUndo")->trigger();
        QVERIFY(UnitStore(*reg).tree().path(*id).isEmpty());
        QCOMPARE(dockTree->findItems(QStringLiteral("Tribunals"), Qt::MatchExactly | Qt::MatchRecursive).size(), 0);
    }

    void everyCommandHasAnIconSharpAtDoubleScale()
    {
        for (const char* name : {"actionNew",
                                 "actionOpen",
                                 "actionExportCsv",
                                 "actionUndo",
                                 "actionRedo",
                                 "actionNewAsset",
                                 "actionBulkEdit",
                                 "actionRecordReview",
                                 "actionAddPerson",
                                 "actionEditPerson",
                                 "actionMarkLeft",
                                 "actionAddUnit",
                                 "actionRenameUnit",
                                 "actionMoveUnit"})
            QVERIFY2(!action(name)->icon().isNull(), name);
        const QStringList icons = QDir(QStringLiteral(":/icons")).entryList();
        QVERIFY(icons.size() >= 18);
        for (const QString& file : icons) {
            // Drawn from the SVG at the screen's scale, not a 24 px bitmap blown up.
            const QImage image = QIcon(QStringLiteral(":/icons/") + file).pixmap(QSize(24, 24), 2.0).toImage();
            QCOMPARE(image.size(), QSize(48, 48));
            int opaque = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x)
                    opaque += qAlpha(image.pixel(x, y)) == 255;
            }
            QVERIFY2(opaque > 40, qPrintable(file));
        }
    }

    void everyControlHasAnAccessibleName()
    {
        QStringList unnamed;
        int checked = 0;
        for (const char* page : {"assetTable", "peoplePage", "unitsPage", "auditLogPage"}) {
            showPage(page);
            const QList<QWidget*> widgets = m_window->findChildren<QWidget*>();
            for (QWidget* widget : widgets) {
                const bool control = qobject_cast<QLineEdit*>(widget) || qobject_cast<QComboBox*>(widget)
                    || qobject_cast<QPlainTextEdit*>(widget) || qobject_cast<QAbstractButton*>(widget)
                    || qobject_cast<QAbstractItemView*>(widget);
                // A table's header is read out as part of its table.
                if (!control || !widget->isVisible() || qobject_cast<QHeaderView*>(widget))
                    continue;
                ++checked;
                QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
                if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << QStringLiteral("%1 (%2)").arg(widget->objectName(), widget->metaObject()->className());
            }
        }
        QVERIFY(checked > 40); // the editor's fields, filters, tool buttons, tables and trees
        unnamed.removeDuplicates();
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void exportsCsvAfterSayingTheHighestClassification()
    {
        const QString whole = m_dir.filePath(QStringLiteral("whole.csv"));
        QString question;
        answerDialog<CsvExportDialog>([&](CsvExportDialog* dialog) {
            dialog->findChild<QLineEdit*>(QStringLiteral("exportPath"))->setText(whole);
            dialog->findChild<QCheckBox*>(QStringLiteral("exportForExcel"))->setChecked(true);
            answerDialog<QMessageBox>([&](QMessageBox* box) {
                question = box->text();
                box->button(QMessageBox::Yes)->click();
            });
            dialog->accept();
        });
        action("actionExportCsv")->trigger();
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const Classification highest = CsvExport(*reg).contents().highest;
        QVERIFY(highest.needsSecurityAdviser()); // the demo holds SECRET and TOP SECRET assets
        QVERIFY2(question.contains(QStringLiteral("include %1 information").arg(highest.toText())),
                 qPrintable(question));
        QVERIFY(question.contains(QStringLiteral("These 1,500 assets")));
        QFile file(whole);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("\xEF\xBB\xBFReference,Name,"));
        QCOMPARE(csv.count("\r\n"), 1501);

        // Only what the table shows, all plain OFFICIAL: no question to answer.
        auto* level = m_window->findChild<QComboBox*>(QStringLiteral("filterClassification"));
        level->setCurrentIndex(level->findData(QStringLiteral("OFFICIAL")));
        const int shown = shownRows();
        const QString part = m_dir.filePath(QStringLiteral("official"));
        answerDialog<CsvExportDialog>([&](CsvExportDialog* dialog) {
            dialog->findChild<QRadioButton*>(QStringLiteral("exportShown"))->setChecked(true);
            dialog->findChild<QLineEdit*>(QStringLiteral("exportPath"))->setText(part);
            dialog->accept();
        });
        action("actionExportCsv")->trigger();
        QFile partFile(part + QStringLiteral(".csv"));
        QVERIFY(partFile.open(QIODevice::ReadOnly));
        QCOMPARE(partFile.readAll().count("\r\n"), shown + 1);
        QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Exported %1 assets").arg(shown)));
    }

    void problemsShowAsYouTypeAndBlockSaving()
    {
        selectRow(0);
        editorLine("editName")->clear();
        auto* problems = m_window->findChild<QLabel*>(QStringLiteral("editProblems"));
        QVERIFY(problems->text().contains(QLatin1String("Name is required")));
        QVERIFY(!editorButton("editSave")->isEnabled());
        editorButton("editRevert")->click();
        QCOMPARE(editorLine("editReference")->text(), QStringLiteral("IA-000001"));
        QVERIFY(problems->text().isEmpty());
    }

    void theSensitiveMarkingGoesOnlyWithOfficial()
    {
        selectRow(0);
        auto* classification = m_window->findChild<QComboBox*>(QStringLiteral("editClassification"));
        auto* sensitive = m_window->findChild<QCheckBox*>(QStringLiteral("editSensitive"));
        classification->setCurrentIndex(classification->findText(QStringLiteral("OFFICIAL")));
        QVERIFY(sensitive->isEnabled());
        sensitive->setChecked(true);
        classification->setCurrentIndex(classification->findText(QStringLiteral("SECRET")));
        QVERIFY(!sensitive->isEnabled());
        QVERIFY(!sensitive->isChecked());
    }

    void secretAsksWhetherTheSecurityAdviserWasConsulted_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addColumn<QString>("saved");
        QTest::newRow("not consulted: nothing saved") << int(QMessageBox::No) << QString();
        QTest::newRow("consulted: saved") << int(QMessageBox::Yes) << QStringLiteral("SECRET");
    }

    void secretAsksWhetherTheSecurityAdviserWasConsulted()
    {
        QFETCH(int, answer);
        QFETCH(QString, saved);
        selectRow(1); // IA-000002, not SECRET
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const QString before = AssetStore(*reg).findByReference(QStringLiteral("IA-000002"))->classification.toText();
        QVERIFY(before != QLatin1String("SECRET"));
        auto* classification = m_window->findChild<QComboBox*>(QStringLiteral("editClassification"));
        classification->setCurrentIndex(classification->findText(QStringLiteral("SECRET")));
        QString question;
        QTimer::singleShot(0, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            question = box->text();
            box->button(QMessageBox::StandardButton(answer))->click();
        });
        editorButton("editSave")->click();
        QVERIFY(question.contains(QLatin1String("security adviser")));
        const QString after = AssetStore(*reg).findByReference(QStringLiteral("IA-000002"))->classification.toText();
        QCOMPARE(after, saved.isEmpty() ? before : saved);
        if (!saved.isEmpty())
            action("actionUndo")->trigger();
        QCOMPARE(AssetStore(*reg).findByReference(QStringLiteral("IA-000002"))->classification.toText(), before);
    }

    void bulkEditAssignsAnOwnerToManyInOneUndoableStep()
    {
        for (int row = 0; row < 3; ++row)
            QTRY_VERIFY(table()->model()->index(row, 0).data().isValid());
        table()->selectionModel()->select(QItemSelection(table()->model()->index(0, 0), table()->model()->index(2, 0)),
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(action("actionBulkEdit")->isEnabled());
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        AssetStore store(*reg);
        const QStringList references {"IA-000001", "IA-000002", "IA-000003"};
        QList<std::optional<RecordId>> before;
        for (const QString& reference : references)
            before << store.findByReference(reference)->iaoId;

        QString chosenName;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<BulkEditDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QVERIFY(dialog->windowTitle().contains(QLatin1String("3")));
            dialog->findChild<QCheckBox*>(QStringLiteral("bulkOwnerTick"))->setChecked(true);
            auto* owner = dialog->findChild<QComboBox*>(QStringLiteral("bulkOwner"));
            owner->setCurrentIndex(1);
            chosenName = owner->currentText();
            dialog->accept();
        });
        action("actionBulkEdit")->trigger();
        QVERIFY(!chosenName.isEmpty());
        const auto owner = store.findByReference(QStringLiteral("IA-000001"))->iaoId;
        QVERIFY(owner.has_value());
        for (const QString& reference : references) {
            const Asset asset = *store.findByReference(reference);
            QCOMPARE(asset.iaoId, owner);
            QVERIFY(chosenName.startsWith(PersonStore(*reg).get(*owner)->name));
            QCOMPARE(asset.name.isEmpty(), false); // nothing else changed
        }
        QCOMPARE(m_window->undoStack()->count(), 1);
        action("actionUndo")->trigger();
        for (int i = 0; i < references.size(); ++i)
            QCOMPARE(store.findByReference(references[i])->iaoId, before[i]);
    }

    void recordsAReviewOfTheSelectedAssetsAndUndoesIt()
    {
        for (int row = 0; row < 2; ++row)
            QTRY_VERIFY(table()->model()->index(row, 0).data().isValid());
        table()->selectionModel()->select(QItemSelection(table()->model()->index(0, 0), table()->model()->index(1, 0)),
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        AssetStore store(*reg);
        const Asset first = *store.findByReference(QStringLiteral("IA-000001"));
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_R));
        for (const char* reference : {"IA-000001", "IA-000002"})
            QCOMPARE(store.findByReference(QLatin1String(reference))->lastReviewed, QDate::currentDate());
        QSqlQuery reviews(reg->database());
        QVERIFY(reviews.exec(QStringLiteral("SELECT count(*) FROM reviews WHERE reviewed_on = '%1'")
                                 .arg(QDate::currentDate().toString(Qt::ISODate)))
                && reviews.next());
        QCOMPARE(reviews.value(0).toInt(), 2);
        reviews.finish(); // an unfinished read would keep this connection on its old snapshot
        const QString due
            = ReviewSchedule::addMonths(QDate::currentDate(), first.reviewCycleMonths).toString(Qt::ISODate);
        QTRY_COMPARE(table()->model()->index(0, int(AssetColumn::NextReviewDue)).data().toString(), due);

        action("actionUndo")->trigger();
        QCOMPARE(store.findByReference(QStringLiteral("IA-000001"))->lastReviewed, first.lastReviewed);
        QVERIFY(reviews.exec(QStringLiteral("SELECT count(*) FROM reviews")) && reviews.next());
        QCOMPARE(reviews.value(0).toInt(), 0);
    }

    void addsANewAssetAndUndoesIt()
    {
        const int before = table()->model()->rowCount();
        action("actionNewAsset")->trigger();
        QCOMPARE(editorLine("editReference")->text(), QStringLiteral("IA-001501"));
        QVERIFY(!editorButton("editSave")->isEnabled()); // a name is still needed
        editorLine("editName")->setText(QStringLiteral("Jury summons – Welsh language (Wales)"));
        QVERIFY(editorButton("editSave")->isEnabled());
        editorButton("editSave")->click();
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const auto added = AssetStore(*reg).findByReference(QStringLiteral("IA-001501"));
        QVERIFY(added);
        QCOMPARE(added->name, QStringLiteral("Jury summons – Welsh language (Wales)"));
        QVERIFY(settled());
        QCOMPARE(table()->model()->rowCount(), before + 1);
        QCOMPARE(editorLine("editReference")->text(), QStringLiteral("IA-001501"));

        action("actionUndo")->trigger();
        QVERIFY(!AssetStore(*reg).findByReference(QStringLiteral("IA-001501")));
        QVERIFY(settled());
        QCOMPARE(table()->model()->rowCount(), before);
        action("actionRedo")->trigger();
        QVERIFY(AssetStore(*reg).findByReference(QStringLiteral("IA-001501")));
        action("actionUndo")->trigger();
    }

    void readOnlyDisablesEditing()
    {
        QString error;
        QVERIFY(m_window->openRegister(m_demo, OpenMode::ReadOnly, &error));
        QVERIFY(settled());
        selectRow(0);
        QCOMPARE(editorLine("editReference")->text(), QStringLiteral("IA-000001"));
        QVERIFY(!editorLine("editName")->isEnabled());
        QVERIFY(!editorButton("editSave")->isEnabled());
        table()->selectAll();
        QVERIFY(!action("actionBulkEdit")->isEnabled());
        QVERIFY(!action("actionRecordReview")->isEnabled());
        QVERIFY(!action("actionNewAsset")->isEnabled());
        showPage("peoplePage");
        m_window->findChild<QTableView*>(QStringLiteral("peopleTable"))->selectRow(0);
        showPage("unitsPage");
        auto* units = m_window->findChild<QTreeWidget*>(QStringLiteral("unitsTree"));
        units->setCurrentItem(units->topLevelItem(0));
        for (const char* name : {"actionAddPerson",
                                 "actionEditPerson",
                                 "actionMarkLeft",
                                 "actionAddUnit",
                                 "actionRenameUnit",
                                 "actionMoveUnit"})
            QVERIFY2(!action(name)->isEnabled(), name);
    }

    void quickFiltersCombine()
    {
        action("filterUnowned")->trigger();
        action("filterOverdue")->trigger();
        QCOMPARE(shownRows(), cliListCount(m_demo, {QStringLiteral("--unowned"), QStringLiteral("--overdue")}));
        const QString count = m_window->findChild<QLabel*>(QStringLiteral("assetCount"))->text();
        QVERIFY(count.startsWith(QString::number(table()->model()->rowCount()) + QStringLiteral(" of ")));
    }

    void searchFiltersAsYouType()
    {
        auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("searchField"));
        QTest::keySequence(m_window.get(), QKeySequence::Find);
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("payroll"));
        const int rows = shownRows();
        QVERIFY(rows > 0);
        QVERIFY(rows < cliListCount(m_demo, {}));
        for (int row = 0; row < rows; ++row) {
            const QModelIndex name = table()->model()->index(row, int(AssetColumn::Name));
            QTRY_VERIFY(name.data().isValid());
            QVERIFY(name.data().toString().contains(QLatin1String("Payroll")));
        }
        search->clear();
        QCOMPARE(shownRows(), cliListCount(m_demo, {}));
    }

    void sortsByClickingAHeader()
    {
        table()->sortByColumn(int(AssetColumn::Reference), Qt::DescendingOrder);
        QVERIFY(settled());
        QTRY_COMPARE(table()->model()->index(0, 0).data().toString(), QStringLiteral("IA-001500"));
    }

    void readOnlySaysSoInTheTitle()
    {
        QString error;
        QVERIFY(m_window->openRegister(m_demo, OpenMode::ReadOnly, &error));
        QVERIFY(m_window->windowTitle().contains(QLatin1String("(read-only)")));
        QVERIFY(m_window->currentRegister()->isReadOnly());
    }

    void aRefusedFileKeepsTheOpenRegister()
    {
        const QString notARegister = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(notARegister);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a register");
        file.close();
        QString error;
        QVERIFY(!m_window->openRegister(notARegister, OpenMode::ReadWrite, &error));
        QVERIFY(error.contains(QLatin1String("not a Custos register")));
        QCOMPARE(m_window->currentRegister()->path(), m_demo);
        QCOMPARE(m_window->windowTitle(), QStringLiteral("demo \u2014 Custos"));
    }

    void opensAppearInOpenRecent()
    {
        QCOMPARE(m_settings->recentRegisters(), QStringList {m_demo});
        auto* recent = m_window->findChild<QMenu*>(QStringLiteral("menuRecent"));
        emit recent->aboutToShow();
        QCOMPARE(recent->actions().size(), 1);
        QCOMPARE(recent->actions().first()->text(), m_demo);
    }

    void closingShowsTheWelcomePageWithRecentRegisters()
    {
        action("actionClose")->trigger();
        QVERIFY(!m_window->currentRegister());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Custos"));
        auto* pages = m_window->findChild<QStackedWidget*>();
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("welcomePage"));
        QVERIFY(!m_window->findChild<QToolBar*>(QStringLiteral("filterBar"))->isEnabled());
        auto* recent = m_window->findChild<QListWidget*>(QStringLiteral("recentRegisters"));
        QCOMPARE(recent->count(), 1);
        emit recent->itemActivated(recent->item(0));
        QVERIFY(m_window->currentRegister());
        QCOMPARE(m_window->currentRegister()->path(), m_demo);
    }

    void welcomeOpensTheDemoRegister()
    {
        action("actionClose")->trigger();
        QFile::remove(MainWindow::demoRegisterPath());
        m_window->findChild<QPushButton*>(QStringLiteral("welcomeDemo"))->click();
        QVERIFY(m_window->currentRegister());
        QCOMPARE(m_window->currentRegister()->path(), MainWindow::demoRegisterPath());
        QVERIFY(settled());
        QVERIFY(table()->model()->rowCount() > 1500);
        QFile::remove(MainWindow::demoRegisterPath());
    }

    void columnChoicesAreRemembered()
    {
        QHeaderView* header = table()->horizontalHeader();
        header->setSectionHidden(int(AssetColumn::Status), true);
        header->resizeSection(int(AssetColumn::Name), 123);
        m_window->close();
        MainWindow again(*m_settings);
        QString error;
        QVERIFY(again.openRegister(m_demo, OpenMode::ReadWrite, &error));
        QHeaderView* restored = again.findChild<QTableView*>(QStringLiteral("assetTable"))->horizontalHeader();
        QVERIFY(restored->isSectionHidden(int(AssetColumn::Status)));
        QCOMPARE(restored->sectionSize(int(AssetColumn::Name)), 123);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
