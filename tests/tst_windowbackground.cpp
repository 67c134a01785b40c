#include "WindowTest.h"
#include "views/window/BackgroundTask.h"

#include <QSqlDatabase>

using namespace custos;

// Nothing outlives what it works for: closing a register, or the window, while an export, an
// import or the dashboard still works on it stops that work, and waits for it, before the
// register closes. Driven offscreen through the real window.
class TestWindowBackground : public WindowTest
{
    Q_OBJECT

private:
    // A register large enough that its dashboard is still being worked out, or its export still
    // written, just after the window starts it: 20,000 assets, made the first time it is asked for.
    QString largeRegister()
    {
        const QString path = m_dir.filePath(QStringLiteral("large.custos"));
        QString error;
        if (!QFile::exists(path) && !DemoRegister::createFile(path, 20000, 3, QDate::currentDate(), &error))
            qWarning() << error;
        return path;
    }

    DashboardPage* dashboard() { return m_window->findChild<DashboardPage*>(QStringLiteral("dashboardPage")); }

    // Nothing is left of a register once it is closed: no job runs and no connection is open.
    static bool nothingLeftRunning()
    {
        return BackgroundTask::runningJobs() == 0 && QSqlDatabase::connectionNames().isEmpty();
    }

private slots:
    void initTestCase() { QVERIFY(createDemo()); }
    void init() { QVERIFY(openWindow()); }
    void cleanup() { closeWindow(); }

    // Closing a register stops the dashboard still working its figures out, and waits for it,
    // before the register closes.
    void closingARegisterStopsItsWorkFirst()
    {
        QString error;
        QVERIFY2(m_window->openRegister(largeRegister(), OpenMode::ReadOnly, &error), qPrintable(error));
        QVERIFY(dashboard()->isRefreshing());
        QVERIFY(BackgroundTask::runningJobs() > 0);
        action("actionClose")->trigger();
        QVERIFY(!m_window->currentRegister());
        QVERIFY2(nothingLeftRunning(), qPrintable(QSqlDatabase::connectionNames().join(QLatin1Char(' '))));
        QVERIFY(!dashboard()->isRefreshing());
    }

    // Quitting while the dashboard is being worked out: the window waits for it as it goes.
    void quittingDuringARefreshLeavesNothingRunning()
    {
        QString error;
        QVERIFY2(m_window->openRegister(largeRegister(), OpenMode::ReadOnly, &error), qPrintable(error));
        QVERIFY(dashboard()->isRefreshing());
        QVERIFY(m_window->close());
        m_window.reset();
        QVERIFY2(nothingLeftRunning(), qPrintable(QSqlDatabase::connectionNames().join(QLatin1Char(' '))));
    }

    // An export still being written when its register closes stops there and writes no file.
    void closingARegisterCancelsItsExport()
    {
        QString error;
        QVERIFY2(m_window->openRegister(largeRegister(), OpenMode::ReadOnly, &error), qPrintable(error));
        // The plain OFFICIAL assets the table shows, so that no question comes before the export.
        auto* level = m_window->findChild<QComboBox*>(QStringLiteral("filterClassification"));
        level->setCurrentIndex(level->findData(QStringLiteral("OFFICIAL")));
        QVERIFY(shownRows() > 5000);
        const QString csv = m_dir.filePath(QStringLiteral("large.csv"));
        answerDialog<CsvExportDialog>([&](CsvExportDialog* dialog) {
            dialog->findChild<QRadioButton*>(QStringLiteral("exportShown"))->setChecked(true);
            dialog->findChild<QLineEdit*>(QStringLiteral("exportPath"))->setText(csv);
            dialog->accept();
        });
        action("actionExportCsv")->trigger();
        QVERIFY(!action("actionExportCsv")->isEnabled()); // while it is written
        action("actionClose")->trigger();
        QVERIFY2(nothingLeftRunning(), qPrintable(QSqlDatabase::connectionNames().join(QLatin1Char(' '))));
        QVERIFY(!QFile::exists(csv));
        QTRY_VERIFY(!m_window->findChild<QWidget*>(QStringLiteral("taskProgress"))); // the progress dialog went too
    }

    // An import still running when its register closes stops at its next look (every 4,096
    // rows), writing nothing; the register closes only after it.
    void closingARegisterStopsItsImportFirst()
    {
        const QString csv = m_dir.filePath(QStringLiteral("large-import.csv"));
        {
            auto large = Register::open(largeRegister(), OpenMode::ReadOnly);
            QVERIFY(CsvExport(*large).writeFile(csv) > 0);
        }
        const QString empty = m_dir.filePath(QStringLiteral("import-into.custos"));
        QString error;
        QVERIFY2(Register::create(empty, &error), qPrintable(error));
        QVERIFY2(m_window->openRegister(empty, OpenMode::ReadWrite, &error), qPrintable(error));
        answerDialog<ImportWizard>([&](ImportWizard* wizard) {
            wizard->setFilePath(csv);
            wizard->next();
            wizard->next();
            wizard->next();
            QCOMPARE(wizard->currentId(), int(ImportWizard::CheckPage));
            QTRY_VERIFY_WITH_TIMEOUT(!wizard->isChecking(), 120000);
            QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
            wizard->button(QWizard::FinishButton)->click();
        });
        action("actionImportCsv")->trigger();
        QVERIFY(!action("actionImportCsv")->isEnabled()); // while it is written
        action("actionClose")->trigger();
        QVERIFY2(nothingLeftRunning(), qPrintable(QSqlDatabase::connectionNames().join(QLatin1Char(' '))));
        auto reg = Register::open(empty, OpenMode::ReadOnly);
        QCOMPARE(AssetStore(*reg).count(AssetFilter {.activeOnly = false}), 0);
    }
};

QTEST_MAIN(TestWindowBackground)
#include "tst_windowbackground.moc"
