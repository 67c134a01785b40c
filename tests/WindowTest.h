#pragma once

#include "PersonPicking.h"
#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/coverage/ReportContents.h"
#include "models/csv/CsvExport.h"
#include "models/demo/DemoRegister.h"
#include "models/domain/ReviewSchedule.h"
#include "models/itemmodels/AssetTableModel.h"
#include "models/itemmodels/AuditLogModel.h"
#include "models/itemmodels/PeopleModel.h"
#include "views/assets/AssetEditor.h"
#include "views/assets/BulkEditDialog.h"
#include "views/dashboard/DashboardPage.h"
#include "views/files/CsvExportDialog.h"
#include "views/files/ImportWizard.h"
#include "views/pages/LeaveDialog.h"
#include "views/pages/PersonDialog.h"
#include "views/window/MainWindow.h"
#include "views/window/Settings.h"
#include "views/window/WelcomePage.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
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
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <functional>
#include <memory>

// The window tests' fixture: a demo register made once, and a window opened on it for each
// test, driven by object name as a person would.
class WindowTest : public QObject
{
protected:
    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<custos::Settings> m_settings;
    std::unique_ptr<custos::MainWindow> m_window;

    bool createDemo()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_demo = m_dir.filePath(QStringLiteral("demo.custos"));
        QString error;
        if (!custos::DemoRegister::createFile(m_demo, 1500, 9, QDate::currentDate(), &error))
            qWarning() << error;
        return error.isEmpty();
    }

    bool openWindow()
    {
        m_settings = std::make_unique<custos::Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_window = std::make_unique<custos::MainWindow>(*m_settings);
        m_window->show();
        QString error;
        if (!m_window->openRegister(m_demo, custos::OpenMode::ReadWrite, &error))
            qWarning() << error;
        return error.isEmpty() && settled();
    }

    void closeWindow()
    {
        m_window.reset();
        m_settings.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    }

    // How many lines custos-cli list prints for the register with these flags.
    static int cliListCount(const QString& path, const QStringList& flags)
    {
        QProcess process;
        process.start(QStringLiteral(CUSTOS_CLI), QStringList {QStringLiteral("list"), path} + flags);
        process.waitForFinished(60000);
        return int(process.readAllStandardOutput().count('\n'));
    }

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
    // Shows the page that holds the widget of this name (the assets table is on the assets page).
    void showPage(const char* name)
    {
        auto* pages = m_window->findChild<QTabWidget*>(QStringLiteral("registerPages"));
        QWidget* page = m_window->findChild<QWidget*>(QLatin1String(name));
        while (page && pages->indexOf(page) < 0)
            page = page->parentWidget();
        pages->setCurrentWidget(page);
    }
    QWidget* assetsPage() { return m_window->findChild<QWidget*>(QStringLiteral("assetsPage")); }
    // Answers the next dialog of this kind the window opens, once it is showing: looked for every
    // 10 ms, since a dialog may come only after work in the background (an export's question box
    // after its count), later on a busy machine.
    template <typename Dialog>
    void answerDialog(const std::function<void(Dialog*)>& answer)
    {
        auto* poll = new QTimer(this);
        auto waited = std::make_shared<QElapsedTimer>();
        waited->start();
        connect(poll, &QTimer::timeout, this, [poll, answer, waited] {
            auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
            if (!dialog && waited->elapsed() < 30000)
                return;
            poll->stop();
            poll->deleteLater();
            if (!dialog)
                qWarning("The dialog to answer did not show within 30 s.");
            else
                answer(dialog);
        });
        poll->start(10);
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
};
