#include "models/csv/ImportReport.h"

#include "models/domain/Counted.h"
#include "models/domain/PrintableText.h"

#include <QLocale>

namespace custos {

namespace {

void listIn(QString& text, const QString& title, const QStringList& items, qint64 count)
{
    if (count == 0)
        return;
    text += QStringLiteral("%1 (%2):\n").arg(title).arg(count);
    for (const QString& item : items)
        text += QStringLiteral("  ") + PrintableText::escaped(item) + QLatin1Char('\n');
    if (count > items.size())
        text += QStringLiteral("  and %1 more\n").arg(count - items.size());
}

QString number(qint64 value)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(value);
}

QString rowCount(qint64 rows)
{
    return counted(rows, QStringLiteral("row"), QStringLiteral("rows"));
}

QString assetCount(qint64 assets)
{
    return counted(assets, QStringLiteral("asset"), QStringLiteral("assets"));
}

} // namespace

QString ImportProblem::text() const
{
    if (column <= 0)
        return QStringLiteral("line %1: %2").arg(line).arg(reason);
    const QString where = columnName.isEmpty() ? QStringLiteral("column %1").arg(column)
                                               : QStringLiteral("column %1 (%2)").arg(column).arg(columnName);
    return QStringLiteral("line %1, %2: %3").arg(line).arg(where, reason);
}

QString ImportReport::text() const
{
    QString text = QStringLiteral("Read %1 (%2, %3 between cells%4).\n")
                       .arg(rowCount(rows),
                            CsvFormat::encodingName(format.encoding),
                            CsvFormat::delimiterName(format.delimiter),
                            format.byteOrderMark ? QStringLiteral(", byte-order mark") : QString());
    if (!unknownColumns.isEmpty())
        text += QStringLiteral("Columns not imported: %1.\n")
                    .arg(PrintableText::escaped(unknownColumns.join(QStringLiteral(", "))));
    const bool dryRun = outcome == ImportOutcome::Checked;
    switch (outcome) {
    case ImportOutcome::Written:
        text += QStringLiteral("Added %1, updated %2, left %3 unchanged.\n")
                    .arg(assetCount(added), number(updated), number(unchanged));
        if (skipped > 0)
            text += QStringLiteral("Left out %1 with problems, listed below.\n").arg(rowCount(skipped));
        break;
    case ImportOutcome::Checked:
        text += QStringLiteral("Dry run: would add %1, update %2 and leave %3 unchanged; nothing was written.\n")
                    .arg(assetCount(added), number(updated), number(unchanged));
        if (skipped > 0) {
            text += QStringLiteral("Problems in %1, listed below. The counts above leave those rows out; the import "
                                   "writes nothing unless only the valid rows are to be imported.\n")
                        .arg(rowCount(skipped));
        }
        break;
    case ImportOutcome::Refused:
        if (!failure.isEmpty()) {
            text += QStringLiteral("Nothing was written. %1\n").arg(PrintableText::escaped(failure));
            break;
        }
        text += QStringLiteral("Nothing was written: %1 with problems, listed below. Fix them in the file, or "
                               "import only the valid rows.\n")
                    .arg(rowCount(skipped));
        text += QStringLiteral("Importing only the valid rows would add %1, update %2 and leave %3 unchanged.\n")
                    .arg(assetCount(added), number(updated), number(unchanged));
        break;
    case ImportOutcome::Cancelled:
        text += QStringLiteral("The import was cancelled; nothing was written.\n");
        break;
    case ImportOutcome::Failed:
        text += QStringLiteral("Nothing was written. %1\n").arg(PrintableText::escaped(failure));
        break;
    }
    const bool wrote = outcome == ImportOutcome::Written || dryRun;
    if (wrote) {
        listIn(text,
               dryRun ? QStringLiteral("People to add") : QStringLiteral("People added"),
               createdPeople,
               createdPeople.size());
        listIn(text,
               dryRun ? QStringLiteral("Business units to add") : QStringLiteral("Business units added"),
               createdUnits,
               createdUnits.size());
        listIn(text,
               QStringLiteral("Marked as left (an IAO status says Left)"),
               peopleMarkedLeft,
               peopleMarkedLeft.size());
        listIn(text,
               QStringLiteral("Not in the register, so left out as IAO or IAM"),
               peopleLeftOut,
               peopleLeftOut.size());
        listIn(text,
               QStringLiteral("Legacy markings read across and flagged \"classification needs review\""),
               legacyMapped,
               legacyMappedCount);
    }
    QStringList problemLines;
    for (const ImportProblem& problem : problems)
        problemLines << problem.text();
    listIn(text, QStringLiteral("Problems"), problemLines, problemCount);
    return text;
}

} // namespace custos
