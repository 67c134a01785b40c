#include "TestRegister.h"
#include "models/store/Migrations.h"
#include "models/store/Register.h"
#include "models/store/Schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace custos;

namespace {

QByteArray fingerprint(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
        + QByteArray::number(QFileInfo(path).lastModified().toMSecsSinceEpoch());
}

void runSql(const QString& path, const QStringList& statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const QString& statement : statements)
            QVERIFY2(query.exec(statement), qPrintable(statement));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

} // namespace

class TestRegisterFile : public QObject
{
    Q_OBJECT

private slots:
    void createsAFileOnlyItsOwnerCanReadOrWrite()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts")); // a write, so the write-ahead log exists too
        for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
            struct stat info
            {
            };
            QCOMPARE(::stat(QFile::encodeName(test.path() + suffix).constData(), &info), 0);
            QCOMPARE(info.st_mode & 0777, 0600u);
        }
    }

    void createsTheCurrentSchemaWithForeignKeysAndWal()
    {
        TestRegister test;
        QCOMPARE(test.scalar(QStringLiteral("PRAGMA user_version")).toInt(), Migrations::latestVersion());
        QCOMPARE(test.scalar(QStringLiteral("PRAGMA application_id")).toInt(), Schema::kApplicationId);
        QCOMPARE(test.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(test.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(test.scalar(QStringLiteral("PRAGMA busy_timeout")).toInt(), Register::kDefaultBusyTimeoutMs);
        for (const char* table : {"assets", "people", "units", "reviews", "audit_log"}) {
            QCOMPARE(
                test.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                                .arg(QLatin1String(table)))
                    .toInt(),
                1);
        }
    }

    void createRefusesAnExistingFile()
    {
        TestRegister test;
        QString error;
        QVERIFY(!Register::create(test.path(), &error));
        QVERIFY(error.contains(QLatin1String("already exists")));
        QVERIFY(error.contains(test.path()));
    }

    void reopensWhatItCreated()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        test.close();
        QString error;
        auto reg = Register::open(test.path(), OpenMode::ReadWrite, &error);
        QVERIFY2(reg, qPrintable(error));
        QVERIFY(!reg->isReadOnly());
        QCOMPARE(reg->name(), QStringLiteral("test"));
        QCOMPARE(UnitStore(*reg).tree().units().size(), 1);
    }

    void refusesAMissingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing.custos"));
        QString error;
        QVERIFY(!Register::open(path, OpenMode::ReadWrite, &error));
        QVERIFY(error.contains(path));
        QVERIFY(error.contains(QLatin1String("does not exist")));
        QVERIFY(!QFile::exists(path));
    }

    void refusesAFileThatIsNotSqlite_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("spreadsheet export") << QByteArray("Reference,Name\r\nIA-000001,Payroll\r\n");
        QTest::newRow("empty file") << QByteArray();
        QTest::newRow("truncated header") << QByteArray("SQLite for");
    }

    void refusesAFileThatIsNotSqlite()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("register.custos"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const QByteArray before = fingerprint(path);

        QString error;
        QVERIFY(!Register::open(path, OpenMode::ReadWrite, &error));
        QVERIFY(error.contains(path));
        QVERIFY(error.contains(QLatin1String("not an SQLite database")));
        QCOMPARE(fingerprint(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("register.custos")});
    }

    void refusesAnSqliteFileThatIsNotARegister()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        runSql(path,
               {QStringLiteral("CREATE TABLE assets (id INTEGER PRIMARY KEY, name TEXT)"),
                QStringLiteral("INSERT INTO assets (name) VALUES ('not ours')")});
        const QByteArray before = fingerprint(path);

        QString error;
        QVERIFY(!Register::open(path, OpenMode::ReadWrite, &error));
        QVERIFY(error.contains(QLatin1String("not a Custos register")));
        QVERIFY(error.contains(path));
        QCOMPARE(fingerprint(path), before);
    }

    void refusesARegisterFromANewerVersion()
    {
        TestRegister test;
        test.close();
        runSql(test.path(), {QStringLiteral("PRAGMA user_version = %1").arg(Migrations::latestVersion() + 1)});
        const QByteArray before = fingerprint(test.path());

        QString error;
        QVERIFY(!Register::open(test.path(), OpenMode::ReadWrite, &error));
        QVERIFY(error.contains(QLatin1String("newer version of Custos")));
        QVERIFY(error.contains(QLatin1String("Update Custos")));
        QCOMPARE(fingerprint(test.path()), before);
    }

    void opensReadOnlyWhenAsked()
    {
        TestRegister test;
        test.close();
        QString error;
        auto reg = Register::open(test.path(), OpenMode::ReadOnly, &error);
        QVERIFY2(reg, qPrintable(error));
        QVERIFY(reg->isReadOnly());
        QVERIFY(!UnitStore(*reg).add(QStringLiteral("Courts"), std::nullopt, &error));
        QVERIFY(error.contains(QLatin1String("read-only")));
        QVERIFY(error.contains(QLatin1String("Nothing was changed")));
    }

    // Read-only is SQLite's, not only the stores': on the register's own connection, writes made
    // as Custos makes them (a write session, then the change) are refused with SQLITE_READONLY, and
    // the file keeps every byte.
    void aReadOnlyRegisterRefusesARawWriteOnItsOwnConnection()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        test.close();
        const QByteArray before = fingerprint(test.path());
        {
            QString error;
            auto reg = Register::open(test.path(), OpenMode::ReadOnly, &error);
            QVERIFY2(reg, qPrintable(error));
            QSqlQuery query(reg->database());
            for (const char* statement : {"INSERT INTO write_session (actor) VALUES ('raw')",
                                          "INSERT INTO units (name) VALUES ('Estates')",
                                          "UPDATE units SET name = 'Renamed'",
                                          "DELETE FROM audit_log",
                                          "PRAGMA user_version = 99"}) {
                QVERIFY2(!query.exec(QLatin1String(statement)), statement);
                QVERIFY2(query.lastError().nativeErrorCode().toInt() % 256 == 8, // SQLITE_READONLY
                         qPrintable(QLatin1String(statement) + QStringLiteral(": ") + query.lastError().text()));
            }
        }
        QCOMPARE(fingerprint(test.path()), before);
        QCOMPARE(scalarAfterClose(test.path(), QStringLiteral("SELECT group_concat(name) FROM units")).toString(),
                 QStringLiteral("Courts"));
    }

    void aBackgroundReaderIsReadOnlyWithASmallPageCache()
    {
        TestRegister test;
        test.close();
        QString error;
        auto reg = Register::open(test.path(), OpenMode::Background, &error);
        QVERIFY2(reg, qPrintable(error));
        QVERIFY(reg->isReadOnly());
        QSqlQuery cache(reg->database());
        QVERIFY(cache.exec(QStringLiteral("PRAGMA cache_size")) && cache.next());
        QCOMPARE(cache.value(0).toInt(), -512);
        QVERIFY(!UnitStore(*reg).add(QStringLiteral("Courts"), std::nullopt, &error));
    }

    void opensReadOnlyAFileTheUserMayNotWrite()
    {
        TestRegister test;
        test.addUnit(QStringLiteral("Courts"));
        test.close();
        QVERIFY(QFile::setPermissions(test.path(),
                                      QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QVERIFY(QFile::setPermissions(test.dir(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                          | QFileDevice::ExeOther));
        // Root may write anything; act as an ordinary user for the open, as a colleague would.
        const bool dropRights = geteuid() == 0;
        if (dropRights)
            QCOMPARE(seteuid(65534), 0);
        QString error;
        auto reg = Register::open(test.path(), OpenMode::ReadWrite, &error);
        const bool opened = reg != nullptr;
        const bool readOnly = opened && reg->isReadOnly();
        const QString reason = opened ? reg->readOnlyReason() : error;
        const int units = opened ? int(UnitStore(*reg).tree().units().size()) : -1;
        reg.reset();
        if (dropRights)
            QCOMPARE(seteuid(0), 0);
        QVERIFY2(opened, qPrintable(error));
        QVERIFY(readOnly);
        QVERIFY(reason.contains(QLatin1String("read-only")));
        QVERIFY(reason.contains(QLatin1String("write access")));
        QCOMPARE(units, 1);
    }
};

QTEST_GUILESS_MAIN(TestRegisterFile)
#include "tst_register.moc"
