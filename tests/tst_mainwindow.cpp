#include "WindowTest.h"
#include "models/store/Migrations.h"

#include <QDialog>
#include <QDockWidget>
#include <QRegularExpression>
#include <QTextBrowser>

using namespace custos;

// Drives the real window offscreen, by object name, as a person would: opening, the assets
// table, its filters and the asset editor.
class TestMainWindow : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(createDemo()); }
    void init() { QVERIFY(openWindow()); }
    void cleanup() { closeWindow(); }

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
        const int mine = AssetStore(*reg).count(AssetFilter {.ownerLogin = currentLogin()}).value();
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
            const int expected
                = AssetStore(*reg).count(AssetFilter {.classification = Classification::fromText(text)}).value();
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
        selectRow(0); // the editor's fields show
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

    void problemsShowAsYouTypeAndBlockSaving()
    {
        selectRow(0);
        editorLine("editName")->clear();
        auto* problems = m_window->findChild<QLabel*>(QStringLiteral("editProblems"));
        QVERIFY(problems->text().contains(QLatin1String("Name is required")));
        QCOMPARE(problems->textFormat(), Qt::PlainText);
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
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("saved");
        QTest::newRow("not consulted: nothing saved") << QStringLiteral("Cancel") << QString();
        QTest::newRow("consulted: saved") << QStringLiteral("Classify as SECRET") << QStringLiteral("SECRET");
    }

    void secretAsksWhetherTheSecurityAdviserWasConsulted()
    {
        QFETCH(QString, answer);
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
            // Two buttons, each saying what it does.
            QStringList buttons;
            for (QAbstractButton* button : box->buttons())
                buttons << button->text().remove(QLatin1Char('&'));
            buttons.sort();
            QCOMPARE(buttons, QStringList({QStringLiteral("Cancel"), QStringLiteral("Classify as SECRET")}));
            for (QAbstractButton* button : box->buttons()) {
                if (button->text().remove(QLatin1Char('&')) == answer)
                    button->click();
            }
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
            auto* owner = dialog->findChild<PersonPicker*>(QStringLiteral("bulkOwner"));
            QVERIFY(!owner->isEnabled());
            dialog->findChild<QCheckBox*>(QStringLiteral("bulkOwnerTick"))->setChecked(true);
            pickByKeyboard(owner, QStringLiteral("@justice"));
            chosenName = pickerField(owner)->text();
            dialog->accept();
        });
        action("actionBulkEdit")->trigger();
        QVERIFY(!chosenName.isEmpty());
        const auto owner = store.findByReference(QStringLiteral("IA-000001"))->iaoId;
        QVERIFY(owner.has_value());
        for (const QString& reference : references) {
            const Asset asset = *store.findByReference(reference);
            QCOMPARE(asset.iaoId, owner);
            QCOMPARE(chosenName, PersonStore(*reg).get(*owner)->name);
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
        m_window->findChild<QTabWidget*>(QStringLiteral("assetEditorTabs"))->setCurrentIndex(1); // History
        action("actionNewAsset")->trigger();
        QCOMPARE(m_window->findChild<QTabWidget*>(QStringLiteral("assetEditorTabs"))->currentIndex(), 0);
        QCOMPARE(editorLine("editReference")->text(), QStringLiteral("IA-001501"));
        QVERIFY(!editorButton("editSave")->isEnabled()); // a name is still needed
        editorLine("editName")->setText(QStringLiteral("Jury summons – Welsh language (Wales)"));
        // With All units chosen in the tree, no unit is chosen for the person.
        auto* unit = m_window->findChild<QComboBox*>(QStringLiteral("editUnit"));
        QCOMPARE(unit->currentIndex(), -1);
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("editProblems"))
                    ->text()
                    .contains(QLatin1String("Business unit is required")));
        QVERIFY(!editorButton("editSave")->isEnabled());
        unit->setCurrentIndex(0);
        QVERIFY(editorButton("editSave")->isEnabled());
        editorButton("editSave")->click();
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const auto added = AssetStore(*reg).findByReference(QStringLiteral("IA-001501"));
        QVERIFY(added);
        QCOMPARE(added->name, QStringLiteral("Jury summons – Welsh language (Wales)"));
        QTRY_COMPARE(table()->model()->rowCount(), before + 1); // the table follows the change signal
        QCOMPARE(editorLine("editReference")->text(), QStringLiteral("IA-001501"));

        action("actionUndo")->trigger();
        QVERIFY(!AssetStore(*reg).findByReference(QStringLiteral("IA-001501")));
        QTRY_COMPARE(table()->model()->rowCount(), before);
        action("actionRedo")->trigger();
        QVERIFY(AssetStore(*reg).findByReference(QStringLiteral("IA-001501")));
        action("actionUndo")->trigger();
    }

    // A unit chosen in the tree is the new asset's unit.
    void aNewAssetIsInTheUnitChosenInTheTree()
    {
        auto* tree = m_window->findChild<QTreeWidget*>(QStringLiteral("unitTree"));
        QTreeWidgetItem* directorate = tree->topLevelItem(0)->child(0);
        tree->setCurrentItem(directorate);
        action("actionNewAsset")->trigger();
        QCOMPARE(m_window->findChild<QComboBox*>(QStringLiteral("editUnit"))->currentText(), directorate->text(0));
        tree->setCurrentItem(tree->topLevelItem(0));
        settled();
    }

    // With My assets on, a new asset is the signed-in person's; with it off, the IAO is left empty.
    void aNewAssetWithMyAssetsOnIsMine()
    {
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        std::optional<Person> me;
        for (const Person& person : PersonStore(*reg).all()) {
            if (person.login == currentLogin() && !person.hasLeft)
                me = person;
        }
        QVERIFY(me);
        auto* editor = m_window->findChild<AssetEditor*>();
        action("filterMine")->trigger();
        QVERIFY(settled());
        action("actionNewAsset")->trigger();
        QCOMPARE(editor->editedAsset().iaoId, std::optional<RecordId>(me->id));
        action("filterMine")->trigger();
        QVERIFY(settled());
        action("actionNewAsset")->trigger();
        QCOMPARE(editor->editedAsset().iaoId, std::nullopt);
        QVERIFY(settled());
    }

    // Whatever changes the rows (a quick filter, My assets, a tile), the editor shows the table's
    // selected asset, or none and says so.
    void theEditorShowsOnlyTheSelectedAsset()
    {
        showPage("assetTable");
        auto* editor = m_window->findChild<AssetEditor*>();
        auto* nothingShown = m_window->findChild<QLabel*>(QStringLiteral("editorNothingShown"));
        const auto showsTheSelection = [&] {
            if (!table()->selectionModel()->hasSelection())
                return !editor->shownAsset() && nothingShown->isVisible();
            return editor->shownAsset()
                && editor->shownAsset()->id == table()->currentIndex().data(AssetTableModel::IdRole).toLongLong()
                && !nothingShown->isVisible();
        };
        QVERIFY(showsTheSelection());
        // An owned asset, which Unowned hides: the editor empties.
        int owned = 0;
        while (table()->model()->index(owned, int(AssetColumn::Owner)).data(AssetTableModel::FlagRole).toBool())
            ++owned;
        selectRow(owned);
        QVERIFY(editor->shownAsset() && !nothingShown->isVisible());
        action("filterUnowned")->trigger();
        QVERIFY(settled());
        QVERIFY(!editor->shownAsset());
        QVERIFY(showsTheSelection());
        // An asset the new rows hold stays shown, and selected.
        selectRow(0);
        const RecordId kept = editor->shownAsset()->id;
        action("filterUnowned")->trigger(); // every asset again
        QVERIFY(settled());
        QCOMPARE(editor->shownAsset()->id, kept);
        QVERIFY(showsTheSelection());
        for (const char* filter :
             {"filterOverdue", "filterOverdue", "filterMine", "filterMine", "filterUnclassified"}) {
            action(filter)->trigger();
            QVERIFY(settled());
            QVERIFY2(showsTheSelection(), filter);
        }
    }

    // F1 opens the user guide, which covers every page and every command of custos-cli.
    void theUserGuideCoversEveryPageAndCommand()
    {
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QDialog* guide = nullptr;
        QTRY_VERIFY((guide = m_window->findChild<QDialog*>(QStringLiteral("userGuide"))) && guide->isVisible());
        const QString text = guide->findChild<QTextBrowser*>(QStringLiteral("userGuideText"))->toPlainText();
        auto* pages = m_window->findChild<QTabWidget*>(QStringLiteral("registerPages"));
        for (int page = 0; page < pages->count(); ++page)
            QVERIFY2(text.contains(pages->tabText(page)), qPrintable(pages->tabText(page)));
        QProcess help;
        help.start(QStringLiteral(CUSTOS_CLI), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(30000));
        const QRegularExpression command(QStringLiteral("^  custos-cli (\\w+) "), QRegularExpression::MultilineOption);
        int commands = 0;
        for (const QRegularExpressionMatch& match :
             command.globalMatch(QString::fromUtf8(help.readAllStandardOutput()))) {
            ++commands;
            QVERIFY2(text.contains(QStringLiteral("custos-cli ") + match.captured(1)), qPrintable(match.captured(1)));
        }
        QVERIFY(commands >= 10);
        guide->close();
    }

    // The shortcuts are read from the window's actions: every one of them is listed.
    void keyboardShortcutsListEveryShortcut()
    {
        action("actionShortcuts")->trigger();
        auto* table = m_window->findChild<QTableWidget*>(QStringLiteral("shortcutsTable"));
        QVERIFY(table && table->isVisible());
        QStringList listed;
        for (int row = 0; row < table->rowCount(); ++row)
            listed << table->item(row, 1)->text();
        for (const char* name : {"actionNewAsset",
                                 "actionRecordReview",
                                 "actionUndo",
                                 "actionUserGuide",
                                 "actionPage3",
                                 "filterUnowned",
                                 "filterMine",
                                 "actionSearch"}) {
            const QString shortcut = action(name)->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(!shortcut.isEmpty() && listed.contains(shortcut), name);
        }
        table->window()->close();
    }

    void aboutNamesTheRegisterAndTheVersions()
    {
        action("actionAbout")->trigger();
        auto* text = m_window->findChild<QLabel*>(QStringLiteral("aboutText"));
        QVERIFY(text && text->isVisible());
        QVERIFY(text->text().contains(m_demo));
        QVERIFY(text->text().contains(QStringLiteral("Schema version: %1").arg(Migrations::latestVersion())));
        QVERIFY(text->text().contains(QStringLiteral("SQLite 3.")));
        QVERIFY(text->text().contains(QStringLiteral("Qt %1").arg(QLatin1String(qVersion()))));
        QVERIFY(text->text().contains(QStringLiteral("Licence")));
        text->window()->close();
    }

    // Ctrl+1 to Ctrl+5 go to the pages; the View menu hides and shows the docks, and puts them back.
    void theViewMenuGoesToPagesAndArrangesTheDocks()
    {
        auto* pages = m_window->findChild<QTabWidget*>(QStringLiteral("registerPages"));
        for (int page = 1; page <= pages->count(); ++page) {
            QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_0 + page), Qt::ControlModifier);
            QCOMPARE(pages->currentIndex(), page - 1);
        }
        showPage("assetTable");
        auto* editor = m_window->findChild<AssetEditor*>();
        auto* units = m_window->findChild<QDockWidget*>(QStringLiteral("unitDock"));
        QVERIFY(editor->isVisible() && units->isVisible());
        action("actionShowEditor")->trigger();
        action("actionShowUnitTree")->trigger();
        QVERIFY(!editor->isVisible() && !units->isVisible());
        showPage("peoplePage");
        showPage("assetTable");
        QVERIFY(!editor->isVisible()); // still hidden, as the menu says
        action("actionResetLayout")->trigger();
        QVERIFY(editor->isVisible() && units->isVisible());
        QVERIFY(action("actionShowEditor")->isChecked());
    }

    // Each quick filter has a shortcut, named in its tooltip and in the Filter menu.
    void quickFiltersHaveShortcuts()
    {
        for (const char* name :
             {"filterUnowned", "filterUnclassified", "filterOverdue", "filterMine", "filterInactive"}) {
            QAction* toggle = action(name);
            const QString shortcut = toggle->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(!shortcut.isEmpty() && toggle->toolTip().contains(shortcut), name);
            QVERIFY(m_window->findChild<QMenu*>(QStringLiteral("menuFilter"))->actions().contains(toggle));
        }
        showPage("assetTable");
        table()->setFocus();
        const int all = shownRows();
        QTest::keyClick(m_window.get(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(action("filterUnowned")->isChecked());
        QCOMPARE(shownRows(), cliListCount(m_demo, {QStringLiteral("--unowned")}));
        QTest::keyClick(m_window.get(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(shownRows(), all);
    }

    void readOnlyDisablesEditing()
    {
        QString error;
        QVERIFY(m_window->openRegister(m_demo, OpenMode::ReadOnly, &error));
        QVERIFY(settled());
        selectRow(0);
        QCOMPARE(editorLine("editReference")->text(), QStringLiteral("IA-000001"));
        QVERIFY(editorLine("editName")->isReadOnly()); // still selectable, to copy from
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

    // Words in any order, across the fields, as custos-cli list --search counts them.
    void searchMatchesEveryWordAsTheCommandLineDoes()
    {
        auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("searchField"));
        for (const QString& words : {QStringLiteral("reports midlands"),
                                     QStringLiteral("Midlands risk reports"),
                                     QStringLiteral("\"scanned documents\" south")}) {
            search->setText(words);
            const int rows = shownRows();
            QVERIFY2(rows > 0, qPrintable(words));
            QCOMPARE(rows, cliListCount(m_demo, {QStringLiteral("--search"), words}));
        }
        search->setText(QStringLiteral("midlands reports"));
        QCOMPARE(shownRows(), cliListCount(m_demo, {QStringLiteral("--search"), QStringLiteral("reports midlands")}));
        search->clear();
        QVERIFY(settled());
    }

    // A search that matches nothing says so in the table's place, with a way back.
    void anEmptyResultSaysSoWithAWayBack()
    {
        showPage("assetTable");
        auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("searchField"));
        auto* notice = m_window->findChild<QWidget*>(QStringLiteral("noMatches"));
        QVERIFY(!notice->isVisible());
        search->setText(QStringLiteral("payroll zanzibar"));
        QCOMPARE(shownRows(), 0);
        QTRY_VERIFY(notice->isVisible());
        QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("noMatchesText"))->text(),
                 QStringLiteral("No assets match \u201cpayroll zanzibar\u201d."));
        QCOMPARE(notice->size(), table()->viewport()->size());
        m_window->findChild<QPushButton*>(QStringLiteral("noMatchesClear"))->click();
        QVERIFY(search->text().isEmpty());
        QCOMPARE(shownRows(), cliListCount(m_demo, {}));
        QVERIFY(!notice->isVisible());
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
        QVERIFY(!m_window->currentRegister()->isReadOnly());
        // `custos --demo --read-only`
        QString error;
        QVERIFY2(m_window->openDemo(OpenMode::ReadOnly, &error), qPrintable(error));
        QVERIFY(m_window->currentRegister()->isReadOnly());
        QVERIFY(settled());
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
