#include "views/window/Settings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace custos;

class TestSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString file() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

private slots:
    void cleanup() { QFile::remove(file()); }

    void startsFromDefaults()
    {
        Settings settings(file());
        QCOMPARE(settings.value(Settings::Key::WindowGeometry).toByteArray(), QByteArray());
        QCOMPARE(settings.recentRegisters(), QStringList());
    }

    void keepsValuesAndSaysWhenOneChanges()
    {
        {
            Settings settings(file());
            QSignalSpy changed(&settings, &Settings::changed);
            settings.setValue(Settings::Key::AssetTableHeader, QByteArray("state"));
            settings.setValue(Settings::Key::AssetTableHeader, QByteArray("state"));
            QCOMPARE(changed.count(), 1);
            QCOMPARE(changed.first().first().value<Settings::Key>(), Settings::Key::AssetTableHeader);
        }
        Settings reopened(file());
        QCOMPARE(reopened.value(Settings::Key::AssetTableHeader).toByteArray(), QByteArray("state"));
    }

    void remembersRecentRegistersMostRecentFirst()
    {
        Settings settings(file());
        for (int i = 0; i < Settings::kMaxRecentRegisters + 3; ++i)
            settings.addRecentRegister(QStringLiteral("/registers/r%1.custos").arg(i));
        settings.addRecentRegister(QStringLiteral("/registers/r5.custos"));
        const QStringList recent = settings.recentRegisters();
        QCOMPARE(recent.size(), Settings::kMaxRecentRegisters);
        QCOMPARE(recent.first(), QStringLiteral("/registers/r5.custos"));
        QCOMPARE(recent.at(1), QStringLiteral("/registers/r10.custos"));
        QCOMPARE(recent.count(QStringLiteral("/registers/r5.custos")), 1);
    }

    void storesAbsolutePaths()
    {
        Settings settings(file());
        settings.addRecentRegister(QStringLiteral("relative.custos"));
        QVERIFY(QFileInfo(settings.recentRegisters().first()).isAbsolute());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
