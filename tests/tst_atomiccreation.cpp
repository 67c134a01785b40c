#include "TestRegister.h"
#include "models/assets/AssetStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace custos;

namespace {

constexpr int kAssets = 20000;

QStringList leftovers(const QString& folder, const QString& name)
{
    return QDir(folder).entryList({name + QStringLiteral(".creating-*")}, QDir::Files | QDir::Hidden);
}

void touch(const QString& path, const QByteArray& content = "left behind")
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(content);
}

// The id of a process that has ended.
qint64 endedProcess()
{
    QProcess process;
    process.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("echo $$")});
    process.waitForFinished();
    return process.readAllStandardOutput().trimmed().toLongLong();
}

} // namespace

class TestAtomicCreation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QStringList demo(const QString& path, int assets) const
    {
        return {QStringLiteral("demo"), path, QStringLiteral("--assets"), QString::number(assets)};
    }

private slots:
    // custos-cli demo killed at moments through its run: never a file at REGISTER that is not the
    // whole register, and the next demo of that name goes ahead.
    void aKilledDemoLeavesNoRegisterOrAWholeOne()
    {
        QElapsedTimer clock;
        clock.start();
        QProcess whole;
        whole.start(QStringLiteral(CUSTOS_CLI), demo(m_dir.filePath(QStringLiteral("whole.custos")), kAssets));
        QVERIFY(whole.waitForFinished(120000));
        QCOMPARE(whole.exitCode(), 0);
        const qint64 duration = clock.elapsed();

        int cutShort = 0;
        for (const double share : {0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 1.2}) {
            const QString name = QStringLiteral("killed-%1.custos").arg(int(share * 100));
            const QString path = m_dir.filePath(name);
            QProcess process;
            process.start(QStringLiteral(CUSTOS_CLI), demo(path, kAssets));
            QVERIFY(process.waitForStarted());
            QTest::qWait(int(duration * share));
            if (process.state() != QProcess::NotRunning) {
                process.kill(); // SIGKILL
                QVERIFY(process.waitForFinished(30000));
            }
            if (QFile::exists(path)) {
                QString error;
                auto reg = Register::open(path, OpenMode::ReadOnly, &error);
                QVERIFY2(reg, qPrintable(error));
                QSqlQuery query(reg->database());
                QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
                QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
                QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM assets")) && query.next());
                QCOMPARE(query.value(0).toInt(), kAssets);
                continue;
            }
            if (!leftovers(m_dir.path(), name).isEmpty())
                ++cutShort;
            QProcess again;
            again.start(QStringLiteral(CUSTOS_CLI), demo(path, 50));
            QVERIFY(again.waitForFinished(60000));
            QVERIFY2(again.exitCode() == 0, again.readAllStandardError().constData());
            QCOMPARE(leftovers(m_dir.path(), name), QStringList());
        }
        // Some kills came while the register was being built.
        QVERIFY(cutShort >= 2);
    }

    void aFileThatAppearsMeanwhileIsLeftAsItIs()
    {
        const QString path = m_dir.filePath(QStringLiteral("raced.custos"));
        QString error;
        const auto someoneElse = [&path](Register&, QString*) {
            touch(path, "someone else's");
            return true;
        };
        QVERIFY(!Register::create(path, &error, someoneElse));
        QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("someone else's"));
        QCOMPARE(leftovers(m_dir.path(), QStringLiteral("raced.custos")), QStringList());
    }

    void aFailedFillingLeavesNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("failed.custos"));
        QString error;
        const auto failing = [](Register& reg, QString* fillError) {
            *fillError = QStringLiteral("%1 could not be filled").arg(reg.path());
            return false;
        };
        QVERIFY(!Register::create(path, &error, failing));
        QCOMPARE(error, QStringLiteral("%1 could not be filled").arg(path));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(leftovers(m_dir.path(), QStringLiteral("failed.custos")), QStringList());
    }

    // Only the leftovers of processes that have ended are removed: another process may be
    // creating the same register right now.
    void leftoversAreRemovedOnlyWhenTheirProcessHasEnded()
    {
        const QString path = m_dir.filePath(QStringLiteral("again.custos"));
        const QString ended = QStringLiteral("%1.creating-%2-0").arg(path).arg(endedProcess());
        const QString running = QStringLiteral("%1.creating-%2-77").arg(path).arg(QCoreApplication::applicationPid());
        for (const QString& file : {ended, ended + QStringLiteral("-wal"), running})
            touch(file);
        QString error;
        QVERIFY2(Register::create(path, &error), qPrintable(error));
        QVERIFY(!QFile::exists(ended));
        QVERIFY(!QFile::exists(ended + QStringLiteral("-wal")));
        QVERIFY(QFile::exists(running));
        QFile::remove(running);
    }
};

QTEST_GUILESS_MAIN(TestAtomicCreation)
#include "tst_atomiccreation.moc"
