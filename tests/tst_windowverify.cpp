#include "WindowTest.h"
#include "models/verify/VerifyReport.h"
#include "views/files/RegisterVerifying.h"

#include <QSignalSpy>

using namespace custos;

Q_DECLARE_METATYPE(custos::VerifyReport)

// File → Verify Register… in the real window, and the banner over a register changed outside Custos.
class TestWindowVerify : public WindowTest
{
    Q_OBJECT

    // Drops one of the register's audit triggers and changes an asset, as someone with the sqlite3
    // shell could; no Custos connection is open on the file meanwhile.
    void tamperWith(const QString& path)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("outside"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("DROP TRIGGER assets_audit_update")));
            QVERIFY(query.exec(QStringLiteral("UPDATE assets SET name = 'Quietly renamed' WHERE id = 2")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("outside"));
    }

    QLabel* banner() { return m_window->findChild<QLabel*>(QStringLiteral("readOnlyBanner")); }

    // Runs File → Verify Register… to its end, closing the message it ends with; the report it showed.
    VerifyReport verifyFromTheMenu(QMessageBox::Icon expectedIcon)
    {
        QSignalSpy verified(m_window->findChild<RegisterVerifying*>(), &RegisterVerifying::verified);
        QMessageBox::Icon shown = QMessageBox::NoIcon;
        answerDialog<QMessageBox>([&shown](QMessageBox* box) {
            shown = box->icon();
            box->accept();
        });
        action("actionVerify")->trigger();
        if (!QTest::qWaitFor([&] { return verified.size() == 1 && shown != QMessageBox::NoIcon; }, 60000))
            return {};
        [&] { QCOMPARE(shown, expectedIcon); }();
        return verified.first().first().value<VerifyReport>();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<VerifyReport>();
        QVERIFY(createDemo());
    }
    void init() { QVERIFY(openWindow()); }
    void cleanup() { closeWindow(); }

    void anIntactRegisterVerifies()
    {
        QVERIFY(!banner()->isVisible());
        QVERIFY(action("actionVerify")->isEnabled());
        const VerifyReport report = verifyFromTheMenu(QMessageBox::Information);
        QVERIFY2(report.outcome == VerifyReport::Outcome::Intact, qPrintable(report.text()));
        QVERIFY(report.head.length > 1500);
    }

    // A register whose audit trigger was dropped opens read-only under a banner that says why and
    // points at Verify, which names what was done.
    void aTamperedRegisterOpensReadOnlyUnderABanner()
    {
        const QString copy = m_dir.filePath(QStringLiteral("tampered.custos"));
        m_window->closeRegister();
        QString error;
        {
            const std::unique_ptr<Register> original = Register::open(m_demo, OpenMode::ReadOnly, &error);
            QVERIFY2(original, qPrintable(error));
            QSqlQuery query(original->database());
            QVERIFY(query.exec(QStringLiteral("VACUUM INTO '%1'").arg(copy)));
        }
        tamperWith(copy);
        QVERIFY2(m_window->openRegister(copy, OpenMode::ReadWrite, &error), qPrintable(error));
        QVERIFY(m_window->currentRegister()->isReadOnly());
        QTRY_VERIFY(banner()->isVisible());
        QCOMPARE(banner()->textFormat(), Qt::PlainText); // it names files
        QVERIFY(banner()->text().contains(QStringLiteral("changed outside Custos")));
        QVERIFY(banner()->text().contains(QStringLiteral("assets_audit_update")));
        QVERIFY(banner()->text().contains(QStringLiteral("Verify Register")));
        QVERIFY(!action("actionNewAsset")->isEnabled());

        const VerifyReport report = verifyFromTheMenu(QMessageBox::Critical);
        QVERIFY(report.outcome == VerifyReport::Outcome::Tampered);
        QVERIFY2(report.text().contains(QStringLiteral("name is \"Quietly renamed\" in the register")),
                 qPrintable(report.text()));

        QVERIFY2(m_window->openRegister(m_demo, OpenMode::ReadWrite, &error), qPrintable(error));
        QVERIFY(!banner()->isVisible());
    }
};

QTEST_MAIN(TestWindowVerify)
#include "tst_windowverify.moc"
