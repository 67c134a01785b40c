#pragma once

#include <QString>

namespace custos {

// "1 asset", "2 assets", "1,873 assets": a count with its noun in the right number, the count in
// the tiles' number format (English, United Kingdom).
QString counted(qint64 count, const QString& one, const QString& many);

} // namespace custos
