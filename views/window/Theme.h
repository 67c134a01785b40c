#pragma once

#include <QColor>
#include <QPalette>
#include <QString>
#include <optional>

namespace custos {

class Settings;

// How the window looks, light, dark or as the system has it, and the one place that decides the
// colours Custos draws itself (the assets table's tints, the dashboard's gap tiles) so that their
// text reads on either.
namespace Theme {

enum class Choice { Light, Dark, System };

// The choice as Settings keeps it: "light", "dark" or "system"; anything else reads as System.
QString name(Choice choice);
Choice fromName(const QString& name);
Choice saved(const Settings& settings);

// Light and Dark draw every widget in the Fusion style with a palette of their own, Fusion's
// standard one or a dark one, the same on every platform. System goes back to the style the
// platform gave Custos at start-up and to the platform's palette: its desktop theme's where it
// has one (so a dark desktop gives a dark window), the style's standard palette where not.
// Qt 6.4 cannot ask the platform whether it is dark, so System takes its palette as it is.
void apply(Choice choice);

// A cell's or tile's background, and the text drawn on it.
struct Colours
{
    QColor background;
    QColor text;
};

// The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white).
double contrast(const QColor& one, const QColor& other);
// The palette's text colour where it reads on `background` (a contrast of at least 4.5), else
// black or white, whichever reads better.
QColor textOn(const QColor& background, const QPalette& palette);

// An unowned, unclassified or overdue cell of the assets table.
Colours flag(const QPalette& palette);
// A classification marking in the assets table; none for a marking drawn like any other cell
// (OFFICIAL, none yet, a legacy marking).
std::optional<Colours> classification(const QString& marking, const QPalette& palette);
// A dashboard tile counting a gap that is not zero, and the colour of its border.
Colours gapTile(const QPalette& palette);
QColor gapBorder();

} // namespace Theme
} // namespace custos
