#include "views/window/Theme.h"

#include "views/window/Settings.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <array>
#include <cmath>

namespace custos::Theme {

namespace {

const std::array<std::pair<Choice, const char*>, 3> kNames {{
    {Choice::Light, "light"},
    {Choice::Dark, "dark"},
    {Choice::System, "system"},
}};

// The colours a palette is built from; the rest follow from them as in Fusion's own palette.
struct Tones
{
    QColor window;
    QColor base;
    QColor alternateBase;
    QColor text;
    QColor disabledText;
    QColor highlight;
    QColor disabledHighlight;
    QColor link;
    QColor linkVisited;
};

QPalette fusionPalette(const Tones& tones)
{
    const QColor dark = tones.window.darker(150);
    const QColor mid = tones.window.darker(130);
    QPalette palette(tones.text, tones.window, tones.window.lighter(150), dark, mid, tones.text, tones.base);
    palette.setColor(QPalette::Midlight, mid.lighter(110));
    palette.setColor(QPalette::Shadow, dark.darker(135));
    palette.setColor(QPalette::AlternateBase, tones.alternateBase);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, tones.link);
    palette.setColor(QPalette::LinkVisited, tones.linkVisited);
    QColor placeholder = tones.text;
    placeholder.setAlpha(128);
    palette.setColor(QPalette::PlaceholderText, placeholder);
    palette.setColor(QPalette::Active, QPalette::Highlight, tones.highlight);
    palette.setColor(QPalette::Inactive, QPalette::Highlight, tones.highlight);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, tones.disabledHighlight);
    for (const QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, tones.disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Base, tones.window);
    return palette;
}

QPalette lightPalette()
{
    return fusionPalette({.window = QColor(239, 239, 239),
                          .base = Qt::white,
                          .alternateBase = QColor(247, 247, 247),
                          .text = Qt::black,
                          .disabledText = QColor(150, 150, 150),
                          .highlight = QColor(48, 140, 198),
                          .disabledHighlight = QColor(145, 145, 145),
                          .link = QColor(0, 0, 238),
                          .linkVisited = QColor(85, 26, 139)});
}

QPalette darkPalette()
{
    return fusionPalette({.window = QColor(53, 53, 53),
                          .base = QColor(42, 42, 42),
                          .alternateBase = QColor(50, 50, 50),
                          .text = QColor(240, 240, 240),
                          .disabledText = QColor(128, 128, 128),
                          .highlight = QColor(31, 111, 191),
                          .disabledHighlight = QColor(80, 80, 80),
                          .link = QColor(90, 170, 255),
                          .linkVisited = QColor(190, 140, 255)});
}

QColor mixed(const QColor& base, const QColor& tint, double share)
{
    return QColor::fromRgbF(float(base.redF() * (1 - share) + tint.redF() * share),
                            float(base.greenF() * (1 - share) + tint.greenF() * share),
                            float(base.blueF() * (1 - share) + tint.blueF() * share));
}

Colours tinted(const QPalette& palette, const QColor& tint, double share)
{
    const QColor background = mixed(palette.color(QPalette::Base), tint, share);
    return {background, textOn(background, palette)};
}

double luminance(const QColor& colour)
{
    const auto linear = [](double channel) {
        return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF());
}

} // namespace

QString name(Choice choice)
{
    for (const auto& [known, text] : kNames) {
        if (known == choice)
            return QLatin1String(text);
    }
    return QStringLiteral("system");
}

Choice fromName(const QString& name)
{
    for (const auto& [choice, text] : kNames) {
        if (name == QLatin1String(text))
            return choice;
    }
    return Choice::System;
}

Choice saved(const Settings& settings)
{
    return fromName(settings.value(Settings::Key::Theme).toString());
}

void apply(Choice choice)
{
    // Asked the first time, before Custos changes it.
    static const QString platformStyle = QApplication::style()->name();
    const QString style = choice == Choice::System ? platformStyle : QStringLiteral("Fusion");
    if (QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(style));
    switch (choice) {
    case Choice::Light:
        QApplication::setPalette(lightPalette());
        break;
    case Choice::Dark:
        QApplication::setPalette(darkPalette());
        break;
    case Choice::System:
        // A palette with no colour of its own: every colour comes from the platform again.
        QApplication::setPalette(QPalette());
        break;
    }
}

double contrast(const QColor& one, const QColor& other)
{
    const double lighter = std::max(luminance(one), luminance(other));
    const double darker = std::min(luminance(one), luminance(other));
    return (lighter + 0.05) / (darker + 0.05);
}

QColor textOn(const QColor& background, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    if (contrast(text, background) >= 4.5)
        return text;
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    return contrast(black, background) >= contrast(white, background) ? black : white;
}

Colours flag(const QPalette& palette)
{
    return tinted(palette, QColor(230, 120, 0), 0.28);
}

std::optional<Colours> classification(const QString& marking, const QPalette& palette)
{
    if (marking.startsWith(QLatin1String("OFFICIAL-SENSITIVE")))
        return tinted(palette, QColor(240, 190, 0), 0.35);
    if (marking.startsWith(QLatin1String("TOP SECRET")))
        return tinted(palette, QColor(200, 0, 0), 0.6);
    if (marking.startsWith(QLatin1String("SECRET")))
        return tinted(palette, QColor(200, 0, 0), 0.4);
    return std::nullopt;
}

Colours gapTile(const QPalette& palette)
{
    return tinted(palette, gapBorder(), 0.2);
}

QColor gapBorder()
{
    return QColor(0xc0, 0x39, 0x2b);
}

} // namespace custos::Theme
