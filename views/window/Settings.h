#pragma once

#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QVariant>
#include <memory>

namespace custos {

// The window's remembered state, typed by key. The default instance uses the user's settings
// file (~/.config/Custos/Custos.conf); tests give a file of their own so they never touch a
// person's settings.
class Settings : public QObject
{
    Q_OBJECT

public:
    // ExportFolder: the folder the last export (a CSV file, the audit log, a report) went to.
    // AssetTableColumns: how many columns the assets table had when AssetTableHeader was saved;
    // columns added since are new to that layout. Theme: "light", "dark" or "system" (see Theme).
    enum class Key {
        WindowGeometry,
        WindowState,
        AssetTableHeader,
        RecentRegisters,
        ExportFolder,
        AssetTableColumns,
        Theme
    };
    static constexpr int kMaxRecentRegisters = 8;

    explicit Settings(const QString& fileName = {}, QObject* parent = nullptr);
    ~Settings() override;

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);

    // Most recent first; the first is the register to reopen when Custos starts without one.
    QStringList recentRegisters() const;
    void addRecentRegister(const QString& path);

signals:
    void changed(custos::Settings::Key key);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace custos
