#pragma once

#include <QCommandLineParser>
#include <QStringList>

// The commands of custos-cli. Each returns the process exit code below; errors go to stderr and
// name the file.
namespace CliExit {
inline constexpr int kSuccess = 0;
inline constexpr int kUsage = 1;
inline constexpr int kRefused = 2;
inline constexpr int kCannotOpen = 3;
} // namespace CliExit

struct CliCommand
{
    QString name;
    QString synopsis;
    QList<QCommandLineOption> options;
    int (*run)(const QString& registerPath, const QCommandLineParser& parsed);
    // The files the command names: the register, and for export the CSV file after it.
    int files = 1;
};

const QList<CliCommand>& cliCommands();
QString cliUsage();
