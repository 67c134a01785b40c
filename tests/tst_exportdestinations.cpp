#include "LockedFolder.h"
#include "WindowTest.h"
#include "views/files/CsvExporting.h"
#include "views/files/ReportExporting.h"

using namespace custos;

namespace {

QString canonical(const QString& folder)
{
    return QFileInfo(folder).canonicalFilePath();
}

// Where an export starts when the folder last used is gone: Documents, else home.
QString documentsOrHome()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return canonical(QFileInfo(documents).isDir() ? documents : QDir::homePath());
}

// What a dialog showed, and whether it was still open, after an answer was tried.
struct Answer
{
    QString startedIn;
    bool stillOpen = false;
    QString problem;
};

} // namespace

// Exports and the report start in a folder that exists, and refuse a destination Custos could not
// write while their dialog is still open, saying why, before any question is asked.
class TestExportDestinations : public WindowTest
{
    Q_OBJECT

private:
    std::unique_ptr<Register> m_register;
    QString m_removed;

    // Remembers a last export folder that has since been removed.
    void rememberARemovedFolder()
    {
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("gone")));
        m_removed = m_dir.filePath(QStringLiteral("gone"));
        m_settings->setValue(Settings::Key::ExportFolder, m_removed);
        QVERIFY(QDir(m_removed).removeRecursively());
    }

    enum class As { OrdinaryUser, Tester };
    // Types `path` into Qt's file dialog and accepts it, as an ordinary user would unless told
    // (root may write anywhere); says whether the dialog stayed open, and why; then cancels it.
    static Answer tryInFileDialog(QFileDialog* dialog, const QString& path, As who = As::OrdinaryUser)
    {
        Answer answer {canonical(dialog->directory().absolutePath())};
        dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"))->setText(path);
        {
            std::optional<AsOrdinaryUser> ordinary;
            if (who == As::OrdinaryUser)
                ordinary.emplace();
            static_cast<QDialog*>(dialog)->accept();
        }
        answer.stillOpen = dialog->isVisible() && QApplication::activeModalWidget() == dialog;
        auto* problem = dialog->findChild<QLabel*>(QStringLiteral("fileChoiceProblem"));
        if (problem && problem->isVisible())
            answer.problem = problem->text();
        dialog->reject();
        return answer;
    }

private slots:
    void initTestCase() { QVERIFY(createDemo()); }
    void init()
    {
        QVERIFY(openWindow());
        m_register = Register::open(m_demo, OpenMode::ReadOnly);
        QVERIFY(m_register);
    }
    void cleanup()
    {
        m_register.reset();
        closeWindow();
    }

    void csvExportStartsInAFolderThatExists()
    {
        CsvExporting exporting(m_window.get(), m_settings.get());
        exporting.setRegister(m_register.get(), m_window->assetModel());
        rememberARemovedFolder();
        QString suggested;
        QString choosingStartedIn;
        answerDialog<CsvExportDialog>([&](CsvExportDialog* dialog) {
            suggested = dialog->findChild<QLineEdit*>(QStringLiteral("exportPath"))->text();
            answerDialog<QFileDialog>([&](QFileDialog* files) {
                choosingStartedIn = canonical(files->directory().absolutePath());
                files->reject();
            });
            dialog->findChild<QPushButton*>(QStringLiteral("exportChooseFile"))->click();
            dialog->reject();
        });
        exporting.exportAction()->trigger();
        QCOMPARE(canonical(QFileInfo(suggested).absolutePath()), documentsOrHome());
        QCOMPARE(QFileInfo(suggested).fileName(), m_register->name() + QStringLiteral(".csv"));
        QCOMPARE(choosingStartedIn, documentsOrHome());
    }

    // Refused in the dialog: a folder that takes no new files, a folder's name. Then a good file
    // is written, after the question its classification asks, and its folder is where the next
    // export starts.
    void csvExportChecksTheFileBeforeAnyQuestion()
    {
        CsvExporting exporting(m_window.get(), m_settings.get());
        exporting.setRegister(m_register.get(), m_window->assetModel());
        const LockedFolder locked;
        const QString good = m_dir.filePath(QStringLiteral("checked.csv"));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("a folder.csv")));
        Answer refused;
        Answer folder;
        bool problemGone = false;
        QString question;
        answerDialog<CsvExportDialog>([&](CsvExportDialog* dialog) {
            auto* path = dialog->findChild<QLineEdit*>(QStringLiteral("exportPath"));
            auto* problem = dialog->findChild<QLabel*>(QStringLiteral("exportProblem"));
            path->setText(locked.filePath(QStringLiteral("register.csv")));
            {
                AsOrdinaryUser ordinary;
                dialog->accept();
            }
            refused = {QString(),
                       dialog->isVisible() && QApplication::activeModalWidget() == dialog,
                       problem->isVisible() ? problem->text() : QString()};
            path->setText(m_dir.filePath(QStringLiteral("a folder.csv")));
            dialog->accept();
            folder = {QString(), dialog->isVisible(), problem->isVisible() ? problem->text() : QString()};
            path->setText(good);
            problemGone = !problem->isVisible(); // said of a file no longer chosen
            answerDialog<QMessageBox>([&](QMessageBox* box) {
                question = box->text();
                box->button(QMessageBox::Yes)->click();
            });
            dialog->accept();
        });
        exporting.exportAction()->trigger();
        QTRY_VERIFY(m_window->statusBar()->currentMessage().endsWith(good + QLatin1Char('.')));

        QVERIFY2(refused.stillOpen, qPrintable(refused.problem));
        QCOMPARE(refused.problem,
                 QStringLiteral("You may not write in the folder %1. Choose another folder, or ask for write access.")
                     .arg(locked.path()));
        QVERIFY(!QFile::exists(locked.filePath(QStringLiteral("register.csv"))));
        QVERIFY(problemGone);
        QVERIFY(folder.stillOpen);
        QCOMPARE(folder.problem,
                 QStringLiteral("%1 is a folder. Give the file a name in it.")
                     .arg(m_dir.filePath(QStringLiteral("a folder.csv"))));
        QVERIFY(question.contains(QStringLiteral("Export them?"))); // asked only of the good file
        QVERIFY(QFile::exists(good));
        QCOMPARE(m_settings->value(Settings::Key::ExportFolder).toString(), m_dir.path());

        QString suggested;
        answerDialog<CsvExportDialog>([&](CsvExportDialog* dialog) {
            suggested = dialog->findChild<QLineEdit*>(QStringLiteral("exportPath"))->text();
            dialog->reject();
        });
        exporting.exportAction()->trigger();
        QCOMPARE(QFileInfo(suggested).absolutePath(), m_dir.path());
    }

    void auditExportStartsInAFolderThatExistsAndChecksTheFile()
    {
        showPage("auditLogPage");
        rememberARemovedFolder();
        const LockedFolder locked;
        Answer answer;
        answerDialog<QFileDialog>([&](QFileDialog* dialog) {
            answer = tryInFileDialog(dialog, locked.filePath(QStringLiteral("audit.csv")));
        });
        action("actionExportAuditCsv")->trigger();
        QCOMPARE(answer.startedIn, documentsOrHome());
        QVERIFY2(answer.stillOpen, qPrintable(answer.problem));
        QVERIFY2(answer.problem.startsWith(QStringLiteral("You may not write in the folder %1.").arg(locked.path())),
                 qPrintable(answer.problem));
        QVERIFY(!QFile::exists(locked.filePath(QStringLiteral("audit.csv"))));
        QCOMPARE(m_settings->value(Settings::Key::ExportFolder).toString(), m_removed); // nothing chosen
    }

    void reportStartsInAFolderThatExistsAndChecksTheFile()
    {
        ReportExporting reporting(
            m_window.get(), [] { return std::nullopt; }, m_settings.get());
        reporting.setRegister(m_register.get());
        rememberARemovedFolder();
        const LockedFolder locked;
        Answer answer;
        answerDialog<QFileDialog>([&](QFileDialog* dialog) {
            answer = tryInFileDialog(dialog, locked.filePath(QStringLiteral("coverage.pdf")));
        });
        reporting.exportAction()->trigger();
        QCOMPARE(answer.startedIn, documentsOrHome());
        QVERIFY2(answer.stillOpen, qPrintable(answer.problem));
        QVERIFY2(answer.problem.startsWith(QStringLiteral("You may not write in the folder %1.").arg(locked.path())),
                 qPrintable(answer.problem));
        QVERIFY(!QFile::exists(locked.filePath(QStringLiteral("coverage.pdf"))));

        // A file of the open register is refused there too, before the dialog asks to replace it.
        answerDialog<QFileDialog>([&](QFileDialog* dialog) { answer = tryInFileDialog(dialog, m_demo, As::Tester); });
        reporting.exportAction()->trigger();
        QVERIFY2(answer.stillOpen, qPrintable(answer.problem));
        QVERIFY2(answer.problem.contains(QStringLiteral("belongs to the register")), qPrintable(answer.problem));

        // The report remembers where it went, for the next export.
        const QString pdf = m_dir.filePath(QStringLiteral("remembered.pdf"));
        answerDialog<QFileDialog>([&](QFileDialog* dialog) {
            dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"))->setText(pdf);
            static_cast<QDialog*>(dialog)->accept();
        });
        reporting.exportAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(pdf), 30000);
        QCOMPARE(m_settings->value(Settings::Key::ExportFolder).toString(), m_dir.path());
    }
};

QTEST_MAIN(TestExportDestinations)
#include "tst_exportdestinations.moc"
