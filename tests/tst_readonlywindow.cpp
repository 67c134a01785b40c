#include "WindowTest.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QMenuBar>
#include <QSqlError>
#include <QWidgetAction>

using namespace custos;

namespace {

// Everything the window offers that only reads the register (the filter bar's filters too), or
// leaves it (Close, Quit). Every other command writes, and is off on a read-only register.
const QStringList kReadingActions {QStringLiteral("actionNew"),
                                   QStringLiteral("actionOpen"),
                                   QStringLiteral("actionClose"),
                                   QStringLiteral("actionExportCsv"),
                                   QStringLiteral("actionExportAuditCsv"),
                                   QStringLiteral("actionExportReport"),
                                   QStringLiteral("actionPrint"),
                                   QStringLiteral("actionVerify"),
                                   QStringLiteral("actionBackUp"),
                                   QStringLiteral("&Quit"),
                                   QStringLiteral("Open &Recent"),
                                   QStringLiteral("filterUnowned"),
                                   QStringLiteral("filterUnclassified"),
                                   QStringLiteral("filterOverdue"),
                                   QStringLiteral("filterMine"),
                                   QStringLiteral("filterInactive"),
                                   QStringLiteral("actionSearch"),
                                   QStringLiteral("actionPage1"),
                                   QStringLiteral("actionPage2"),
                                   QStringLiteral("actionPage3"),
                                   QStringLiteral("actionPage4"),
                                   QStringLiteral("actionPage5"),
                                   QStringLiteral("actionShowUnitTree"),
                                   QStringLiteral("actionShowEditor"),
                                   QStringLiteral("actionResetLayout"),
                                   QStringLiteral("&Theme"),
                                   QStringLiteral("actionThemeLight"),
                                   QStringLiteral("actionThemeDark"),
                                   QStringLiteral("actionThemeSystem"),
                                   QStringLiteral("actionUserGuide"),
                                   QStringLiteral("actionShortcuts"),
                                   QStringLiteral("actionAbout"),
                                   QStringLiteral("&View"),
                                   QStringLiteral("F&ilter"),
                                   QStringLiteral("&Help")};

// The commands that change the register, as the window names them.
const QStringList kWritingActions {QStringLiteral("actionImportCsv"),
                                   QStringLiteral("actionUndo"),
                                   QStringLiteral("actionRedo"),
                                   QStringLiteral("actionNewAsset"),
                                   QStringLiteral("actionBulkEdit"),
                                   QStringLiteral("actionRecordReview"),
                                   QStringLiteral("actionAddPerson"),
                                   QStringLiteral("actionEditPerson"),
                                   QStringLiteral("actionMarkLeft"),
                                   QStringLiteral("actionAddUnit"),
                                   QStringLiteral("actionRenameUnit"),
                                   QStringLiteral("actionMoveUnit"),
                                   QStringLiteral("actionRestore")};

// What the register's file holds, with its write-ahead log if one is left beside it.
QByteArray fileHash(const QString& path)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& file : {path, path + QStringLiteral("-wal")}) {
        QFile in(file);
        if (in.open(QIODevice::ReadOnly))
            hash.addData(in.readAll());
        hash.addData(file.toUtf8());
    }
    return hash.result().toHex();
}

} // namespace

// A register opened read-only in the real window: every command that writes is off, and nothing
// the window can be made to do changes a byte of the file.
class TestReadOnlyWindow : public WindowTest
{
    Q_OBJECT

private:
    QByteArray m_before;
    QStringList m_dialogsShown;

    // Every action in the window's menus and tool bars (its own and its pages'), by object name (or
    // text, where it has none). Left out: separators, and the widgets a tool bar holds (the search
    // box, the classification choice), which are no commands.
    QHash<QString, QAction*> windowActions()
    {
        QHash<QString, QAction*> actions;
        QList<QWidget*> holders;
        for (QMenu* menu : m_window->menuBar()->findChildren<QMenu*>())
            holders << menu;
        for (QToolBar* bar : m_window->findChildren<QToolBar*>())
            holders << bar;
        for (QWidget* holder : holders) {
            for (QAction* action : holder->actions()) {
                if (action->isSeparator() || qobject_cast<QWidgetAction*>(action))
                    continue;
                actions.insert(action->objectName().isEmpty() ? action->text() : action->objectName(), action);
            }
        }
        return actions;
    }

    // Shows each page and chooses its first record, so that commands that need a choice could come on.
    void chooseSomethingEverywhere()
    {
        selectRow(0);
        table()->selectAll();
        showPage("peoplePage");
        QTRY_VERIFY(m_window->findChild<QTableView*>(QStringLiteral("peopleTable"))->model()->rowCount() > 0);
        m_window->findChild<QTableView*>(QStringLiteral("peopleTable"))->selectRow(0);
        showPage("unitsPage");
        auto* units = m_window->findChild<QTreeWidget*>(QStringLiteral("unitsTree"));
        QTRY_VERIFY(units->topLevelItemCount() > 0);
        units->setCurrentItem(units->topLevelItem(0));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(createDemo());
        m_before = fileHash(m_demo);
        QVERIFY(!QFile::exists(m_demo + QStringLiteral("-wal")));
    }

    void init()
    {
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_window->show();
        QString error;
        QVERIFY2(m_window->openRegister(m_demo, OpenMode::ReadOnly, &error), qPrintable(error));
        QVERIFY(settled());
        QVERIFY(m_window->currentRegister()->isReadOnly());
        // A dialog a write command would open is closed at once, and counted against the window.
        m_dialogsShown.clear();
        auto* poll = new QTimer(m_window.get());
        connect(poll, &QTimer::timeout, this, [this] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                m_dialogsShown << modal->windowTitle();
                if (auto* dialog = qobject_cast<QDialog*>(modal))
                    dialog->reject();
                else
                    modal->close();
            }
        });
        poll->start(20);
    }

    void cleanup()
    {
        closeWindow();
        QCOMPARE(fileHash(m_demo), m_before);
    }

    void everyWritingCommandIsOff()
    {
        chooseSomethingEverywhere();
        const QHash<QString, QAction*> actions = windowActions();
        for (const QString& name : kWritingActions) {
            QAction* action = m_window->findChild<QAction*>(name);
            QVERIFY2(action, qPrintable(name));
            QVERIFY2(!action->isEnabled(), qPrintable(name + QStringLiteral(" is on")));
        }
        // A command added later is one of the two kinds, or this test says so.
        for (auto it = actions.cbegin(); it != actions.cend(); ++it) {
            QVERIFY2(kReadingActions.contains(it.key()) || kWritingActions.contains(it.key()),
                     qPrintable(it.key() + QStringLiteral(" is neither a reading nor a writing command")));
        }
        for (const QString& name : kWritingActions)
            QVERIFY2(actions.contains(name), qPrintable(name + QStringLiteral(" is in no menu or tool bar")));
        // Tool bar buttons follow their actions.
        for (QToolButton* button : m_window->findChildren<QToolButton*>()) {
            if (button->defaultAction() && kWritingActions.contains(button->defaultAction()->objectName()))
                QVERIFY2(!button->isEnabled(), qPrintable(button->defaultAction()->objectName()));
        }
        // The asset editor shows the asset, and takes no edit.
        showPage("assetsPage");
        selectRow(0);
        QVERIFY(editorLine("editName")->isReadOnly());
        QVERIFY(!editorButton("editSave")->isEnabled());
        for (const char* picker : {"editOwner", "editManager"}) {
            QVERIFY(m_window->findChild<PersonPicker*>(QLatin1String(picker))
                        ->findChild<QLineEdit*>(QStringLiteral("personPickerField"))
                        ->isReadOnly());
        }
        for (const char* choice : {"editUnit", "editClassification", "editStatus"})
            QVERIFY(!m_window->findChild<QComboBox*>(QLatin1String(choice))->isEnabled());
    }

    // What the editor shows can be selected and copied, though not changed.
    void fieldsCanBeSelectedAndCopiedButNotEdited()
    {
        showPage("assetTable");
        selectRow(0);
        QLineEdit* name = editorLine("editName");
        const QString text = name->text();
        QVERIFY(!text.isEmpty());
        QVERIFY(name->isEnabled());
        name->selectAll();
        QCOMPARE(name->selectedText(), text);
        name->copy();
        QCOMPARE(QApplication::clipboard()->text(), text);
        name->setFocus();
        name->end(false);
        QTest::keyClicks(name, QStringLiteral("x"));
        QTest::keyClick(name, Qt::Key_Backspace);
        QCOMPARE(name->text(), text);

        auto* description = m_window->findChild<QPlainTextEdit*>(QStringLiteral("editDescription"));
        QVERIFY(description->isReadOnly());
        QVERIFY(description->textInteractionFlags() & Qt::TextSelectableByKeyboard);
        // What Custos works out or records reads as text, and selects as text.
        for (const char* shown : {"editNextDue", "editCreated", "editLegacy"}) {
            QLineEdit* line = editorLine(shown);
            QVERIFY2(line->isEnabled() && line->isReadOnly() && !line->text().isEmpty(), shown);
            line->selectAll();
            QCOMPARE(line->selectedText(), line->text());
        }
        QVERIFY(!editorButton("editSave")->isEnabled());
        QVERIFY(!m_window->findChild<AssetEditor*>()->hasUnsavedEdits());
    }

    // Shortcuts, double clicks and the commands themselves: none opens a dialog or writes.
    void attemptedWritesChangeNothing()
    {
        chooseSomethingEverywhere();
        for (const QString& name : kWritingActions)
            m_window->findChild<QAction*>(name)->trigger();
        showPage("assetsPage");
        selectRow(0);
        table()->setFocus();
        for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                                         QKeySequence(Qt::CTRL | Qt::Key_B),
                                         QKeySequence(Qt::CTRL | Qt::Key_R),
                                         QKeySequence(Qt::CTRL | Qt::Key_I),
                                         QKeySequence(QKeySequence::Undo)}) {
            QTest::keySequence(m_window.get(), keys);
        }
        showPage("peoplePage");
        auto* people = m_window->findChild<QTableView*>(QStringLiteral("peopleTable"));
        QTest::mouseDClick(
            people->viewport(), Qt::LeftButton, {}, people->visualRect(people->model()->index(0, 0)).center());
        showPage("unitsPage");
        auto* units = m_window->findChild<QTreeWidget*>(QStringLiteral("unitsTree"));
        QTest::mouseDClick(
            units->viewport(), Qt::LeftButton, {}, units->visualItemRect(units->topLevelItem(0)).center());
        QTest::qWait(200);
        QVERIFY2(m_dialogsShown.isEmpty(), qPrintable(m_dialogsShown.join(QStringLiteral(", "))));

        // The stores refuse too, and so does SQLite under them.
        auto reg = Register::open(m_demo, OpenMode::ReadOnly);
        QString error;
        QVERIFY(!UnitStore(*reg).add(QStringLiteral("Estates"), std::nullopt, &error));
        QVERIFY(!error.isEmpty());
        QSqlQuery query(m_window->currentRegister()->database());
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO write_session (actor) VALUES ('raw')")));
        QVERIFY2(query.lastError().text().contains(QLatin1String("readonly")), qPrintable(query.lastError().text()));
    }
};

QTEST_MAIN(TestReadOnlyWindow)
#include "tst_readonlywindow.moc"
