#include "TestRegister.h"
#include "models/assets/AssetStore.h"
#include "models/store/WriteTransaction.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <sys/wait.h>
#include <unistd.h>

using namespace custos;

class TestWriteTransaction : public QObject
{
    Q_OBJECT

private slots:
    void rollsBackUnlessCommitted()
    {
        TestRegister test;
        {
            WriteTransaction transaction(test.reg());
            QString error;
            QVERIFY(transaction.begin(&error));
            QSqlQuery query(test.reg().database());
            QVERIFY(query.exec(QStringLiteral("INSERT INTO units (name) VALUES ('Courts')")));
        }
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM units")).toInt(), 0);
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM write_session")).toInt(), 0);
    }

    void aRegisterLockedByAnotherWriterFailsWithAMessageAndChangesNothing()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        const int auditRows = test.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
        test.reg().setBusyTimeoutMs(200);
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(test.path());
            QVERIFY(other.open());
            QSqlQuery hold(other);
            QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));

            QString error;
            QVERIFY(!AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-000001"), unit), &error));
            QVERIFY2(error.contains(QLatin1String("being changed by someone else")), qPrintable(error));
            QVERIFY(error.contains(QLatin1String("Nothing was changed")));
            QVERIFY(error.contains(test.path()));

            QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM assets")).toInt(), 0);
        QCOMPARE(test.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), auditRows);

        QString error;
        QVERIFY2(AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-000001"), unit), &error), qPrintable(error));
    }

    // A process that dies half-way through a large write leaves the register as it was.
    void aCrashMidWriteLeavesTheRegisterAsItWas()
    {
        TestRegister test;
        const RecordId unit = test.addUnit(QStringLiteral("Courts"));
        QString error;
        QVERIFY(AssetStore(test.reg()).add(validAsset(QStringLiteral("IA-000001"), unit), &error));
        test.close();

        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            auto reg = Register::open(test.path());
            int made = 0;
            // Enough rows that SQLite spills uncommitted pages to the log before the "crash".
            AssetStore(*reg).addAll([&]() -> std::optional<Asset> {
                if (++made == 20000)
                    ::_exit(0);
                Asset asset = validAsset(QStringLiteral("IA-1%1").arg(made, 6, 10, QLatin1Char('0')), unit);
                asset.description = QString(200, QLatin1Char('x'));
                return asset;
            });
            ::_exit(1); // not reached: the generator ends the process first
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);

        auto reg = Register::open(test.path(), OpenMode::ReadWrite, &error);
        QVERIFY2(reg, qPrintable(error));
        QSqlQuery query(reg->database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        QCOMPARE(AssetStore(*reg).count(AssetFilter {}), 1);
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE record_table = 'assets'"))
                && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM write_session")) && query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWriteTransaction)
#include "tst_writetransaction.moc"
