#include "WindowTest.h"
#include "models/domain/Counted.h"

#include <QDateEdit>
#include <QLineEdit>
#include <QSqlError>

using namespace custos;

// Drives the Audit Log page offscreen: its filters, search, count, who by name and CSV export.
class TestAuditLogPage : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(createDemo());
        addOtherWritersEntries();
    }
    void init()
    {
        QVERIFY(openWindow());
        showPage("auditLogPage");
    }
    void cleanup() { closeWindow(); }

    void countsItsOwnEntries()
    {
        QCOMPARE(count(), entries(sqlCount(QStringLiteral("1"))));
        QVERIFY(count().contains(QLatin1Char(','))); // thousands apart
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("assetCount"))->isVisible());
        chooseWho(QStringLiteral("=SUM(A1)"));
        setDay("auditTo", QDate(2024, 5, 1));
        QCOMPARE(count(), QStringLiteral("1 entry"));
        QCOMPARE(logTable()->model()->rowCount(), 1);
    }

    void filtersCountAsSqlDoes()
    {
        chooseWho(QStringLiteral("=SUM(A1)"));
        QCOMPARE(count(), QStringLiteral("3 entries"));
        QCOMPARE(count(), entries(sqlCount(QStringLiteral("actor = '=SUM(A1)'"))));
        clearFilter("clearAuditWho");

        chooseKind(QStringLiteral("people"));
        QCOMPARE(count(), entries(sqlCount(QStringLiteral("record_table = 'people'"))));
        typeInto("auditRecord", QStringLiteral("IA-000002"));
        QCOMPARE(count(), QStringLiteral("0 entries")); // no person is called that
        chooseKind(QStringLiteral("assets"));
        QCOMPARE(count(),
                 entries(sqlCount(QStringLiteral("record_table = 'assets' AND record_id = "
                                                 "(SELECT id FROM assets WHERE reference = 'IA-000002')"))));
        QCOMPARE(logTable()->model()->index(0, AuditLogModel::Record).data().toString(),
                 QStringLiteral("Asset IA-000002"));

        setDay("auditFrom", QDate(2024, 5, 1));
        setDay("auditTo", QDate(2024, 5, 2));
        QCOMPARE(count(), QStringLiteral("1 entry"));
        QCOMPARE(count(),
                 entries(sqlCount(QStringLiteral(
                     "record_table = 'assets' AND record_id = (SELECT id FROM assets WHERE reference = 'IA-000002') "
                     "AND date(at, 'localtime') BETWEEN '2024-05-01' AND '2024-05-02'"))));
        // Each filter in use shows, and clears by itself; Clear All clears them all.
        for (const char* shown : {"clearAuditKind", "clearAuditRecord", "clearAuditFrom", "clearAuditTo"})
            QVERIFY2(m_window->findChild<QPushButton*>(QLatin1String(shown)), shown);
        QVERIFY(!m_window->findChild<QPushButton*>(QStringLiteral("clearAuditWho")));
        clearFilter("clearAuditFrom");
        QCOMPARE(count(),
                 entries(sqlCount(QStringLiteral(
                     "record_table = 'assets' AND record_id = (SELECT id FROM assets WHERE reference = 'IA-000002') "
                     "AND date(at, 'localtime') <= '2024-05-02'"))));
        clearFilter("clearAuditFilters");
        QCOMPARE(count(), entries(sqlCount(QStringLiteral("1"))));
        QVERIFY(!m_window->findChild<QWidget*>(QStringLiteral("auditActiveFilters"))->isVisible());
    }

    void searchesTheEntriesText()
    {
        typeInto("auditSearch", QStringLiteral("zanzibar"));
        QCOMPARE(count(), entries(sqlCount(QStringLiteral("changes LIKE '%zanzibar%'"))));
        QCOMPARE(count(), QStringLiteral("2 entries"));
        QVERIFY(logTable()
                    ->model()
                    ->index(0, AuditLogModel::Change)
                    .data()
                    .toString()
                    .contains(QStringLiteral("100% Zanzibar")));
        // The person's name finds what they did, by their login.
        const QString name = personNamed(currentLogin());
        typeInto("auditSearch", name);
        QVERIFY(sqlCount(QStringLiteral("actor = '%1'").arg(currentLogin())) > 0);
        QAbstractItemModel* shown = logTable()->model();
        QCOMPARE(shown->index(0, AuditLogModel::Record).data().toString(), QStringLiteral("Person ") + name);
        int byThem = 0;
        while (byThem < shown->rowCount() && shown->index(byThem, AuditLogModel::Who).data().toString() != name)
            ++byThem;
        QVERIFY(byThem < shown->rowCount());
    }

    void showsWhoByNameWithTheLoginInATooltip()
    {
        const QModelIndex newest = logTable()->model()->index(0, AuditLogModel::Who);
        QCOMPARE(newest.data().toString(), QStringLiteral("=SUM(A1)")); // nobody the register knows
        QVERIFY(!newest.data(Qt::ToolTipRole).isValid());
        chooseWho(currentLogin());
        const QModelIndex mine = logTable()->model()->index(0, AuditLogModel::Who);
        QCOMPARE(mine.data().toString(), personNamed(currentLogin()));
        QCOMPARE(mine.data(Qt::ToolTipRole).toString(), QStringLiteral("Login: %1").arg(currentLogin()));
        auto* who = m_window->findChild<QComboBox*>(QStringLiteral("auditWho"));
        QCOMPARE(who->currentText(), QStringLiteral("%1 (%2)").arg(personNamed(currentLogin()), currentLogin()));
    }

    void exportsTheEntriesShownAsCsv()
    {
        chooseWho(QStringLiteral("=SUM(A1)"));
        const QString csv = m_dir.filePath(QStringLiteral("audit.csv"));
        QString startedIn;
        answerDialog<QFileDialog>([&](QFileDialog* dialog) {
            startedIn = dialog->directory().absolutePath();
            chooseIn(dialog, csv);
        });
        m_window->findChild<QToolButton*>(QStringLiteral("auditExportButton"))->click();
        QTRY_VERIFY(m_window->statusBar()->currentMessage() == QStringLiteral("Exported 3 entries to %1.").arg(csv));
        QVERIFY(QFileInfo(startedIn).isDir());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("When,Who,Login,Action,Record,Changes\r\n"
                                 "2024-05-03T09:00:00Z,'=SUM(A1),'=SUM(A1),Changed,"));
        QCOMPARE(bytes.count("\r\n"), 4);

        // The next export starts where this one went, and a failure says why.
        // A folder that exists but takes no new files, even for root (a folder that does not exist
        // makes the file dialog fall back to the one it shows, at a moment that varies).
        const QString nowhere = QStringLiteral("/proc/custos audit.csv");
        answerDialog<QFileDialog>([&](QFileDialog* dialog) {
            startedIn = dialog->directory().absolutePath();
            chooseIn(dialog, nowhere);
        });
        QString warning;
        auto* poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [&, poll] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                poll->stop();
                warning = box->text();
                box->accept();
            }
        });
        poll->start(20);
        action("actionExportAuditCsv")->trigger();
        QTRY_VERIFY(!warning.isEmpty());
        QCOMPARE(startedIn, QFileInfo(m_dir.path()).canonicalFilePath());
        QVERIFY2(warning.startsWith(QStringLiteral("Cannot write %1: ").arg(nowhere)), qPrintable(warning));
        QVERIFY(!QFile::exists(nowhere));
    }

private:
    // Types the path into the dialog and accepts it at once: selectFile() would race the dialog's
    // own choice of the suggested name, which it makes once the folder's listing has loaded.
    static void chooseIn(QFileDialog* dialog, const QString& path)
    {
        dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"))->setText(path);
        static_cast<QDialog*>(dialog)->accept();
    }

    // Three entries on days of May 2024 by a login the register has no person for, as another
    // writer's copy of Custos would have left them.
    void addOtherWritersEntries()
    {
        auto reg = Register::open(m_demo, OpenMode::ReadWrite);
        QVERIFY(reg);
        const QStringList rows {
            QStringLiteral("'2024-05-01T09:00:00.000Z', 'delete', 'people', 1, '{\"email\":[\"a@x.gov.uk\",null]}'"),
            QStringLiteral("'2024-05-02T09:00:00.000Z', 'update', 'assets', "
                           "(SELECT id FROM assets WHERE reference = 'IA-000002'), '{\"name\":[\"A\",\"Zanzibar\"]}'"),
            QStringLiteral("'2024-05-03T09:00:00.000Z', 'update', 'units', 1, '{\"name\":[\"B\",\"100% Zanzibar\"]}'"),
        };
        for (const QString& row : rows) {
            QSqlQuery insert(reg->database());
            QVERIFY2(
                insert.exec(QStringLiteral("INSERT INTO audit_log (id, at, action, record_table, record_id, changes, "
                                           "actor) SELECT max(id) + 1, %1, '=SUM(A1)' FROM audit_log")
                                .arg(row)),
                qPrintable(insert.lastError().text()));
        }
    }

    qint64 sqlCount(const QString& where)
    {
        return scalarAfterClose(m_demo, QStringLiteral("SELECT count(*) FROM audit_log WHERE %1").arg(where))
            .toLongLong();
    }
    QString personNamed(const QString& login)
    {
        return scalarAfterClose(m_demo, QStringLiteral("SELECT name FROM people WHERE login = '%1'").arg(login))
            .toString();
    }
    static QString entries(qint64 count) { return counted(count, QStringLiteral("entry"), QStringLiteral("entries")); }
    QString count() { return m_window->findChild<QLabel*>(QStringLiteral("auditLogCount"))->text(); }
    QTableView* logTable() { return m_window->findChild<QTableView*>(QStringLiteral("auditLogTable")); }
    void chooseWho(const QString& login)
    {
        auto* who = m_window->findChild<QComboBox*>(QStringLiteral("auditWho"));
        QVERIFY(who->findData(login) > 0);
        who->setCurrentIndex(who->findData(login));
    }
    void chooseKind(const QString& table)
    {
        auto* kind = m_window->findChild<QComboBox*>(QStringLiteral("auditKind"));
        kind->setCurrentIndex(kind->findData(table));
    }
    void setDay(const char* name, const QDate& day)
    {
        m_window->findChild<QDateEdit*>(QLatin1String(name))->setDate(day);
    }
    // Typed, then the page waits a moment before it asks.
    void typeInto(const char* name, const QString& text)
    {
        auto* edit = m_window->findChild<QLineEdit*>(QLatin1String(name));
        edit->clear();
        QTest::keyClicks(edit, text);
        QTest::qWait(400);
    }
    void clearFilter(const char* name)
    {
        auto* button = m_window->findChild<QPushButton*>(QLatin1String(name));
        QVERIFY2(button, name);
        button->click();
        QTest::qWait(400);
    }
};

QTEST_MAIN(TestAuditLogPage)
#include "tst_auditlogpage.moc"
