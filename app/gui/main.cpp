#include "views/window/MainWindow.h"
#include "views/window/Settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMessageBox>

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
    parser.addPositionalArgument(QStringLiteral("register"),
                                 QStringLiteral("The register to open; without one, the last register opened."),
                                 QStringLiteral("[REGISTER]"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open the demo register, creating it if need be."));
    const QCommandLineOption readOnly(QStringLiteral("read-only"), QStringLiteral("Open the register read-only."));
    parser.addOptions({demo, readOnly});
    parser.process(app);

    Settings settings;
    MainWindow window(settings);
    window.show();

    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty() && !parser.isSet(demo)) {
        const QString last = settings.recentRegisters().value(0);
        if (QFile::exists(last))
            path = last;
    }
    QString error;
    const OpenMode mode = parser.isSet(readOnly) ? OpenMode::ReadOnly : OpenMode::ReadWrite;
    const bool opened = parser.isSet(demo) ? window.openDemo(mode, &error)
                                           : path.isEmpty() || window.openRegister(path, mode, &error);
    if (!opened)
        QMessageBox::warning(&window, QStringLiteral("Custos"), error);
    return QApplication::exec();
}
