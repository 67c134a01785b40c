#include "models/csv/CsvWriter.h"

#include "models/csv/ImportValues.h"
#include "models/store/OwnerOnlyFiles.h"
#include "models/store/Register.h"
#include "models/store/SqlValues.h"

#include <QSaveFile>
#include <algorithm>
#include <cstring>

namespace custos {

void appendCsvCell(std::string& line, const char* text, size_t size, bool guard)
{
    const char* end = text + size;
    const bool formula = guard && ImportValues::needsFormulaGuard(text, size);
    const bool quoted
        = std::find_if(text, end, [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; }) != end;
    if (quoted)
        line += '"';
    if (formula)
        line += '\'';
    if (!quoted) {
        line.append(text, size);
        return;
    }
    // Whole runs between quotes at a time: this loop writes every description.
    const char* start = text;
    while (const auto* quote = static_cast<const char*>(std::memchr(start, '"', size_t(end - start)))) {
        line.append(start, size_t(quote - start + 1));
        line += '"';
        start = quote + 1;
    }
    line.append(start, size_t(end - start));
    line += '"';
}

void appendCsvCell(std::string& line, const QString& text, bool guard)
{
    const QByteArray utf8 = text.toUtf8();
    appendCsvCell(line, utf8.constData(), size_t(utf8.size()), guard);
}

qint64 writeCsvFile(const QString& path, const std::function<qint64(QIODevice&, QString*)>& write, QString* error)
{
    if (const QString conflict = openRegisterFileConflict(path); !conflict.isEmpty()) {
        setError(error, conflict);
        return -1;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        return -1;
    }
    // Owner-only before the first byte, whatever the umask or the permissions of a file it replaces.
    if (!makeOwnerOnly(file, error)) {
        file.cancelWriting();
        return -1;
    }
    const qint64 written = write(file, error);
    if (written < 0) {
        file.cancelWriting();
        return -1;
    }
    if (!file.commit()) {
        setError(error, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        return -1;
    }
    return written;
}

} // namespace custos
