// Runs one operation that custos-cli has no command for, so that tst_crashtrials can kill it:
//   crash_target bulk-edit REGISTER   every active asset's location and review cycle changed in
//                                     one write, as the window's bulk edit makes it
//   crash_target upgrade REGISTER     opens the register for writing, which upgrades an old one
#include "models/assets/AssetStore.h"
#include "models/store/Register.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTextStream>

using namespace custos;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        QTextStream(stderr) << "Usage: crash_target bulk-edit|upgrade REGISTER\n";
        return 1;
    }
    QString error;
    const std::unique_ptr<Register> reg = Register::open(arguments.at(2), OpenMode::ReadWrite, &error);
    if (!reg || reg->isReadOnly()) {
        QTextStream(stderr) << (reg ? reg->readOnlyReason() : error) << '\n';
        return 3;
    }
    if (arguments.at(1) == QLatin1String("upgrade"))
        return 0;

    AssetStore store(*reg);
    QList<Asset> assets;
    QSqlQuery ids(reg->database());
    ids.exec(QStringLiteral("SELECT id FROM assets WHERE status = 'Active' ORDER BY id"));
    while (ids.next()) {
        Asset asset = store.get(ids.value(0).toLongLong()).value();
        asset.location = QStringLiteral("Moved by bulk edit");
        asset.reviewCycleMonths = asset.reviewCycleMonths == 12 ? 6 : 12;
        assets.append(asset);
    }
    if (!store.update(assets, &error)) {
        QTextStream(stderr) << error << '\n';
        return 3;
    }
    return 0;
}
