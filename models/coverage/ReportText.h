#pragma once

#include "models/coverage/ReportContents.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace custos {

// A table of the report: its header row, each column's share of the page width, and its rows.
struct ReportTable
{
    QStringList header;
    QList<double> widths;
    QList<QStringList> rows;
};

// The report's words that hold what people typed: the register's name, units' paths, assets'
// references and names, IAOs' names. Each such piece is escaped and isolated
// (PrintableText::isolated), so that it reads as stored and cannot reorder the words after it: a
// name "invoice<RLO>exe.txt" prints as "invoice\u202eexe.txt", never as "invoicetxt.exe", and a
// right-to-left name keeps " (left)" after it.
namespace ReportText {

// The title page's "Register: …" and "Scope: …" lines.
QString registerLine(const ReportContents& contents);
QString scopeLine(const ReportContents& contents);

// Coverage by business unit: each unit's path and counts.
ReportTable unitTable(const ReportContents& contents);

// A list of unowned, unclassified or overdue assets: reference, name, unit, IAO, classification.
ReportTable assetTable(const QList<ReportAsset>& assets);

} // namespace ReportText

} // namespace custos
