#include "DemoRegister.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QStandardPaths>

using namespace custos;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Custos"));
    QApplication::setApplicationVersion(QStringLiteral(CUSTOS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Custos information asset register"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("register"), QStringLiteral("The register to open."), QStringLiteral("[REGISTER]"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open the demo register, creating it if need be."));
    const QCommandLineOption readOnly(QStringLiteral("read-only"), QStringLiteral("Open the register read-only."));
    parser.addOptions({demo, readOnly});
    parser.process(app);

    QString path = parser.positionalArguments().value(0);
    if (parser.isSet(demo)) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(folder);
        path = QDir(folder).filePath(QStringLiteral("demo.custos"));
        QString error;
        if (!QFile::exists(path)
            && !DemoRegister::createFile(path, DemoRegister::kDefaultAssets, 1, QDate::currentDate(), &error)) {
            QMessageBox::critical(nullptr, QStringLiteral("Custos"), error);
            return 1;
        }
    }

    MainWindow window;
    window.show();
    QString error;
    if (!path.isEmpty()
        && !window.openRegister(path, parser.isSet(readOnly) ? OpenMode::ReadOnly : OpenMode::ReadWrite, &error))
        QMessageBox::warning(&window, QStringLiteral("Custos"), error);
    return QApplication::exec();
}
