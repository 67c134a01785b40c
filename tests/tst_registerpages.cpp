#include "WindowTest.h"

#include <QPrintDialog>
#include <sys/stat.h>

using namespace custos;

// Drives the window's other pages offscreen: People, Business Units, the Audit Log and an
// asset's History, and File → Export CSV.
class TestRegisterPages : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(createDemo()); }
    void init() { QVERIFY(openWindow()); }
    void cleanup() { closeWindow(); }

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
        m_window->findChild<QCheckBox*>(QStringLiteral("peopleShowLeavers"))->setChecked(true); // the row stays
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
        const Person leaving = *store.get(leaver);

        QString summary;
        QStringList offered;
        RecordId successor = 0;
        int successorHeld = 0;
        answerDialog<LeaveDialog>([&](LeaveDialog* dialog) {
            summary = dialog->findChild<QLabel*>(QStringLiteral("leaveSummary"))->text();
            QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("leaveSummary"))->textFormat(), Qt::PlainText);
            auto* choice = dialog->findChild<PersonPicker*>(QStringLiteral("leaveSuccessor"));
            offered = listedFor(choice, leaving.email); // never the leaver themselves
            pickByKeyboard(choice, QStringLiteral("@justice"));
            successor = choice->chosen().value_or(0);
            successorHeld = store.assetCount(successor);
            dialog->accept();
        });
        action("actionMarkLeft")->trigger();
        // Named with email and unit, as two people may share a name.
        const QString named = QStringLiteral("%1 (%2 \u00B7 %3) owns or manages %4 assets")
                                  .arg(leaving.name,
                                       leaving.email,
                                       UnitStore(*reg).tree().path(*leaving.unitId),
                                       QString::number(holds));
        QVERIFY2(summary.startsWith(named), qPrintable(summary));
        QVERIFY(offered.isEmpty());
        QVERIFY(successor != 0 && successor != leaver);
        QVERIFY(!store.get(successor)->hasLeft);
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
        const int owned = AssetStore(*reg).count(AssetFilter {.ownerId = leaver}).value();
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
        const QString offered = QStringLiteral("Nia Evans \u2014 nia.evans@justice.gov.uk");
        auto offeredByTheEditor = [&] {
            showPage("assetTable");
            selectRow(0);
            const QStringList listed
                = listedFor(m_window->findChild<PersonPicker*>(QStringLiteral("editOwner")), QStringLiteral("nia.ev"));
            showPage("peoplePage");
            return listed;
        };
        QCOMPARE(offeredByTheEditor(), QStringList {offered});

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
        QCOMPARE(offeredByTheEditor(), QStringList());
    }

    void thePeoplePageFindsPeopleAsYouTypeAndHidesLeaversUnlessAsked()
    {
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const QList<Person> everyone = PersonStore(*reg).all();
        const UnitTree units = UnitStore(*reg).tree();
        const int total = int(everyone.size());
        const int current = int(
            std::count_if(everyone.cbegin(), everyone.cend(), [](const Person& person) { return !person.hasLeft; }));
        QVERIFY(current < total); // the demo has leavers

        showPage("peoplePage");
        auto* people = m_window->findChild<QTableView*>(QStringLiteral("peopleTable"));
        auto* count = m_window->findChild<QLabel*>(QStringLiteral("peopleCount"));
        auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("peopleSearch"));
        auto* leavers = m_window->findChild<QCheckBox*>(QStringLiteral("peopleShowLeavers"));
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("assetCount"))->isVisible());
        QCOMPARE(people->model()->rowCount(), current);
        QCOMPARE(count->text(), QStringLiteral("%1 people of %2").arg(current).arg(total));
        for (int row = 0; row < current; ++row)
            QCOMPARE(people->model()->index(row, PeopleModel::Status).data().toString(), QStringLiteral("Current"));
        leavers->click();
        QCOMPARE(people->model()->rowCount(), total);
        QCOMPARE(count->text(), QStringLiteral("%1 people").arg(total));

        // Any part of an email, in any case: one person.
        QTest::keyClicks(search, everyone.last().email.section(QLatin1Char('@'), 0, 0).toUpper() + QLatin1Char('@'));
        QCOMPARE(people->model()->rowCount(), 1);
        QCOMPARE(count->text(), QStringLiteral("1 person of %1").arg(total));
        QCOMPARE(people->model()->index(0, PeopleModel::Email).data().toString(), everyone.last().email);

        // A business unit: everyone in it or below it, and anyone whose name or email holds its name.
        const QString unit = units.unit(*everyone.first().unitId)->name;
        search->clear();
        QTest::keyClicks(search, unit.toLower());
        const int inUnit = int(std::count_if(everyone.cbegin(), everyone.cend(), [&](const Person& person) {
            return person.matches(unit) || units.path(*person.unitId).contains(unit, Qt::CaseInsensitive);
        }));
        QVERIFY(inUnit > 1);
        QCOMPARE(people->model()->rowCount(), inUnit);
        QCOMPARE(count->text(), QStringLiteral("%1 people of %2").arg(inUnit).arg(total));
    }

    void theEditorShowsALeaverIaoAsLeftAndPicksAnotherByKeyboard()
    {
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        QSqlQuery query(reg->database());
        QVERIFY(query.exec(QStringLiteral("SELECT a.reference, p.name FROM assets a JOIN people p ON p.id = a.iao_id "
                                          "WHERE p.has_left = 1 ORDER BY a.reference LIMIT 1")));
        QVERIFY(query.next());
        const QString reference = query.value(0).toString();
        const QString leaver = query.value(1).toString();
        query.finish(); // else its read would go on seeing the register as it was
        QTest::keyClicks(m_window->findChild<QLineEdit*>(QStringLiteral("searchField")), reference);
        QCOMPARE(shownRows(), 1);
        selectRow(0);
        auto* owner = m_window->findChild<PersonPicker*>(QStringLiteral("editOwner"));
        QCOMPARE(pickerField(owner)->text(), leaver + QStringLiteral(" (left)"));

        pickByKeyboard(owner, QStringLiteral("@JUSTICE"));
        const std::optional<RecordId> chosen = owner->chosen();
        QVERIFY(chosen && !PersonStore(*reg).get(*chosen)->hasLeft);
        QVERIFY(editorButton("editSave")->isEnabled());
        editorButton("editSave")->click();
        QCOMPARE(AssetStore(*reg).findByReference(reference)->iaoId, chosen);
    }

    void someoneAnotherWriterAddsShowsOnThePeoplePageAndInThePickers()
    {
        showPage("peoplePage");
        auto* people = m_window->findChild<QTableView*>(QStringLiteral("peopleTable"));
        const int before = people->model()->rowCount();
        auto other = Register::open(m_demo);
        Person nia;
        nia.name = QStringLiteral("Nia Evans");
        nia.email = QStringLiteral("nia.evans@justice.gov.uk");
        QVERIFY(PersonStore(*other).add(nia));
        QTRY_COMPARE(people->model()->rowCount(), before + 1);
        showPage("assetTable");
        selectRow(0);
        QCOMPARE(listedFor(m_window->findChild<PersonPicker*>(QStringLiteral("editManager")), QStringLiteral("NIA.E")),
                 QStringList {QStringLiteral("Nia Evans \u2014 nia.evans@justice.gov.uk")});
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
        // The file is written in the background; the status bar says when it is.
        QTRY_VERIFY(m_window->statusBar()->currentMessage().endsWith(whole + QLatin1Char('.')));
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
        QTRY_VERIFY(m_window->statusBar()->currentMessage().endsWith(part + QStringLiteral(".csv.")));
        QFile partFile(part + QStringLiteral(".csv"));
        QVERIFY(partFile.open(QIODevice::ReadOnly));
        QCOMPARE(partFile.readAll().count("\r\n"), shown + 1);
        QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Exported %1 assets").arg(shown)));
    }

    // The wizard's check shows the bad row by line and column and holds Import back until the
    // user chooses to import only the valid rows; then the table shows the new assets.
    void importsCsvThroughTheWizard()
    {
        const int before = cliListCount(m_demo, {});
        QCOMPARE(shownRows(), before);
        QString report;
        bool importHeldBack = false;
        answerDialog<ImportWizard>([&](ImportWizard* wizard) {
            wizard->setFilePath(QStringLiteral(CUSTOS_TEST_DATA "/csv/unknown-classification.csv"));
            wizard->next();
            QCOMPARE(wizard->currentId(), int(ImportWizard::FormatPage));
            QCOMPARE(wizard->findChild<QComboBox*>(QStringLiteral("importDelimiter"))->currentData().toInt(), int(','));
            QCOMPARE(wizard->findChild<QTableWidget*>(QStringLiteral("importRawRows"))->rowCount(), 3);
            wizard->next();
            QCOMPARE(wizard->findChild<QTableWidget*>(QStringLiteral("importColumns"))->rowCount(), 4);
            wizard->next();
            QCOMPARE(wizard->currentId(), int(ImportWizard::CheckPage));
            // The dry run runs in the background; Import waits for it.
            QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled());
            QTRY_VERIFY(!wizard->isChecking());
            report = wizard->findChild<QPlainTextEdit*>(QStringLiteral("importReport"))->toPlainText();
            importHeldBack = !wizard->button(QWizard::FinishButton)->isEnabled();
            wizard->findChild<QCheckBox*>(QStringLiteral("importValidRowsOnly"))->setChecked(true);
            QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
            wizard->button(QWizard::FinishButton)->click();
        });
        action("actionImportCsv")->trigger();
        QTRY_VERIFY(m_window->statusBar()->currentMessage().startsWith(
            QStringLiteral("Imported unknown-classification.csv: 2 assets added")));
        QVERIFY2(report.contains(QStringLiteral("line 4, column 4 (Classification)")), qPrintable(report));
        QVERIFY(report.contains(QStringLiteral("would add 2 assets")));
        QVERIFY(importHeldBack);
        QCOMPARE(cliListCount(m_demo, {}), before + 2);
        QTRY_COMPARE(shownRows(), before + 2);
        QVERIFY(!m_window->undoStack()->canUndo());
    }

    void exportsTheReportAsAMarkedPdf()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("board.pdf"));
        answerDialog<QFileDialog>([&](QFileDialog* dialog) {
            dialog->selectFile(pdf);
            static_cast<QDialog*>(dialog)->accept();
        });
        action("actionExportReport")->trigger();
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        const QString marking = ReportContents::gather(*reg, QDate::currentDate())->marking();
        QVERIFY(!marking.isEmpty());
        // Gathered in the background, then written: the status bar says when.
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().endsWith(QStringLiteral(", marked %1.").arg(marking)),
                     qPrintable(m_window->statusBar()->currentMessage()));
        QVERIFY(QFile::exists(pdf));
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(60000));
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
        QVERIFY(text.startsWith(marking + QLatin1Char('\n')));
        QVERIFY(text.contains(QStringLiteral("Scope: All units")));
    }

    // Printed to a PDF file, the report is readable by its owner alone, whatever the umask.
    void printsTheReportToAnOwnerOnlyFile()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("printed.pdf"));
        answerDialog<QPrintDialog>([&](QPrintDialog* dialog) {
            auto* printers = dialog->findChild<QComboBox*>(QStringLiteral("printers"));
            printers->setCurrentIndex(printers->count() - 1); // Print to File (PDF)
            dialog->findChild<QLineEdit*>(QStringLiteral("filename"))->setText(pdf);
            dialog->accept();
        });
        const mode_t before = ::umask(0);
        action("actionPrint")->trigger();
        ::umask(before);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pdf).size() > 0, 30000);
        struct stat info
        {
        };
        QCOMPARE(::stat(QFile::encodeName(pdf).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
    }
};

QTEST_MAIN(TestRegisterPages)
#include "tst_registerpages.moc"
