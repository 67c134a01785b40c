#include "ProcessLocks.h"
#include "WindowTest.h"
#include "models/store/AutomaticBackups.h"

#include <QThreadPool>
#include <sys/stat.h>

using namespace custos;

// File → Back Up Register… and File → Restore….
class TestWindowBackups : public WindowTest
{
    Q_OBJECT

private:
    QString m_csv;

    static int count(const QString& path, const QString& sql)
    {
        QString error;
        const std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly, &error);
        QSqlQuery query(reg ? reg->database() : QSqlDatabase());
        return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
    }

    static int runCli(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(CUSTOS_CLI), arguments);
        process.waitForFinished(120000);
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    void reviewFirstRow()
    {
        showPage("assetTable");
        QTRY_VERIFY(table()->model()->index(0, 0).data().isValid());
        table()->selectionModel()->select(table()->model()->index(0, 0),
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        action("actionRecordReview")->trigger();
    }

    void chooseFileNext(const QString& path)
    {
        // Typed, not selectFile(): that races the dialog's own choice of the suggested name.
        answerDialog<QFileDialog>([path](QFileDialog* dialog) {
            dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"))->setText(path);
            static_cast<QDialog*>(dialog)->accept();
        });
    }

    int todaysReviews(const QString& path)
    {
        return count(path,
                     QStringLiteral("SELECT count(*) FROM reviews WHERE reviewed_on = '%1'")
                         .arg(QDate::currentDate().toString(Qt::ISODate)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(createDemo());
        m_csv = m_dir.filePath(QStringLiteral("more.csv"));
        QFile csv(m_csv);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("Name,Business unit\r\nNew asset one,Imported unit\r\nNew asset two,Imported unit\r\n");
    }
    void init() { QVERIFY(openWindow()); }
    void cleanup() { closeWindow(); }

    // The window's own writes, still in the write-ahead log, are in the backup.
    void backsUpTheRegisterWithTheWindowsLatestChanges()
    {
        QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
        const int reviewsBefore = todaysReviews(m_demo);
        reviewFirstRow();
        QTRY_COMPARE(todaysReviews(m_demo), reviewsBefore + 1);
        const QString backup = m_dir.filePath(QStringLiteral("window-backup.custos"));
        chooseFileNext(backup);
        action("actionBackUp")->trigger();
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Backed up demo to")),
                     qPrintable(m_window->statusBar()->currentMessage()));
        struct stat info
        {
        };
        QCOMPARE(::stat(QFile::encodeName(backup).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QCOMPARE(todaysReviews(backup), reviewsBefore + 1);
        QCOMPARE(count(backup, QStringLiteral("SELECT count(*) FROM assets")),
                 count(m_demo, QStringLiteral("SELECT count(*) FROM assets")));
        QVERIFY(processlocks::heldOn(m_demo) > 0);

        // Never over an existing file: the window says so, and leaves the file as it was.
        chooseFileNext(backup);
        QString refusal;
        answerDialog<QMessageBox>([&refusal](QMessageBox* box) {
            refusal = box->text();
            box->accept();
        });
        action("actionBackUp")->trigger();
        QTRY_VERIFY(refusal.contains(QLatin1String("already exists")));
        QCOMPARE(todaysReviews(backup), reviewsBefore + 1);
    }

    void restoresABackupAndTheWindowFollows()
    {
        const QString backup = m_dir.filePath(QStringLiteral("before-import.custos"));
        QCOMPARE(runCli({QStringLiteral("backup"), m_demo, backup}), 0);
        showPage("assetTable");
        QVERIFY(settled());
        const int rows = table()->model()->rowCount();
        QCOMPARE(runCli({QStringLiteral("import"), m_demo, m_csv}), 0);
        QTRY_COMPARE(table()->model()->rowCount(), rows + 2);
        reviewFirstRow();
        QTRY_VERIFY(m_window->undoStack()->canUndo());

        chooseFileNext(backup);
        QString question;
        answerDialog<QMessageBox>([&question](QMessageBox* box) {
            question = box->text();
            box->button(QMessageBox::Yes)->click();
        });
        action("actionRestore")->trigger();
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Restored demo from")),
                     qPrintable(m_window->statusBar()->currentMessage()));
        QVERIFY(question.contains(QDir::toNativeSeparators(AutomaticBackups::folderFor(m_demo))));
        QTRY_COMPARE(table()->model()->rowCount(), rows);
        QVERIFY(!m_window->undoStack()->canUndo());
        const QStringList kept = AutomaticBackups::list(m_demo);
        QVERIFY(!kept.isEmpty());
        QVERIFY(kept.constFirst().endsWith(QLatin1String("-before-restore.custos")));
        QCOMPARE(count(kept.constFirst(), QStringLiteral("SELECT count(*) FROM assets WHERE name LIKE 'New asset %'")),
                 2);
        QCOMPARE(count(m_demo, QStringLiteral("SELECT count(*) FROM assets WHERE name LIKE 'New asset %'")), 0);
        // The window writes on to the restored register.
        const int reviews = todaysReviews(m_demo);
        reviewFirstRow();
        QTRY_COMPARE(todaysReviews(m_demo), reviews + 1);
    }

    void aReadOnlyRegisterCannotBeRestoredInto()
    {
        closeWindow();
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_window = std::make_unique<MainWindow>(*m_settings);
        QVERIFY(m_window->openRegister(m_demo, OpenMode::ReadOnly));
        QVERIFY(action("actionBackUp")->isEnabled());
        QVERIFY(!action("actionRestore")->isEnabled());
    }
};

QTEST_MAIN(TestWindowBackups)
#include "tst_windowbackups.moc"
