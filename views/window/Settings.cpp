#include "views/window/Settings.h"

#include "models/assets/AssetView.h"

#include <QFileInfo>
#include <array>

namespace custos {

namespace {

struct KeyEntry
{
    Settings::Key key;
    const char* name;
    QVariant defaultValue;
};

const std::array<KeyEntry, 7>& keys()
{
    static const std::array<KeyEntry, 7> table {{
        {Settings::Key::WindowGeometry, "window/geometry", QByteArray()},
        {Settings::Key::WindowState, "window/state", QByteArray()},
        {Settings::Key::AssetTableHeader, "assets/header", QByteArray()},
        {Settings::Key::RecentRegisters, "registers/recent", QStringList()},
        {Settings::Key::ExportFolder, "files/exportFolder", QString()},
        // A header saved before this key existed knew the seven columns of that time.
        {Settings::Key::AssetTableColumns, "assets/columns", kDefaultAssetColumnCount},
        {Settings::Key::Theme, "view/theme", QStringLiteral("system")},
    }};
    return table;
}

const KeyEntry& entry(Settings::Key key)
{
    return keys()[static_cast<std::size_t>(key)];
}

} // namespace

Settings::Settings(const QString& fileName, QObject* parent)
    : QObject(parent)
    , m_settings(fileName.isEmpty() ? std::make_unique<QSettings>(QStringLiteral("Custos"), QStringLiteral("Custos"))
                                    : std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

QVariant Settings::value(Key key) const
{
    return m_settings->value(QLatin1String(entry(key).name), entry(key).defaultValue);
}

void Settings::setValue(Key key, const QVariant& value)
{
    if (this->value(key) == value)
        return;
    m_settings->setValue(QLatin1String(entry(key).name), value);
    emit changed(key);
}

QStringList Settings::recentRegisters() const
{
    return value(Key::RecentRegisters).toStringList();
}

void Settings::addRecentRegister(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = recentRegisters();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    setValue(Key::RecentRegisters, QStringList(recent.mid(0, kMaxRecentRegisters)));
}

} // namespace custos
