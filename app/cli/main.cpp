#include "CliCommands.h"
#include "models/domain/PrintableText.h"

#include <QApplication>
#include <QTextStream>
#include <memory>

int main(int argc, char* argv[])
{
    // Laying out a PDF report needs fonts and draws Qt Charts, so that command runs as a
    // (windowless) widgets application.
    const bool drawsPages = argc > 1 && QByteArray(argv[1]) == "report";
    if (drawsPages && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app
        = drawsPages ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("custos-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUSTOS_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    const QString first = arguments.value(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        QTextStream(stdout) << cliUsage();
        return CliExit::kSuccess;
    }
    if (first == QLatin1String("--version")) {
        QTextStream(stdout) << "custos-cli " << CUSTOS_VERSION << Qt::endl;
        return CliExit::kSuccess;
    }
    for (const CliCommand& command : cliCommands()) {
        if (command.name != first)
            continue;
        QCommandLineParser parser;
        parser.addOptions(command.options);
        const QString usageError = QStringLiteral("custos-cli: %1\nUsage: custos-cli %2\n");
        if (!parser.parse(QStringList {arguments.first()} + arguments.mid(2))) {
            QTextStream(stderr) << usageError.arg(custos::PrintableText::escaped(parser.errorText()), command.synopsis);
            return CliExit::kUsage;
        }
        if (parser.positionalArguments().size() != command.files) {
            const QString expected = command.files == 1 ? QStringLiteral("give exactly one REGISTER file.")
                                                        : QStringLiteral("give both files the command names.");
            QTextStream(stderr) << usageError.arg(expected, command.synopsis);
            return CliExit::kUsage;
        }
        return command.run(parser.positionalArguments().first(), parser);
    }
    QTextStream(stderr)
        << (first.isEmpty()
                ? QStringLiteral("custos-cli: no command given.\n")
                : QStringLiteral("custos-cli: unknown command \"%1\".\n").arg(custos::PrintableText::escaped(first)))
        << cliUsage();
    return CliExit::kUsage;
}
