#pragma once

#include <QString>
#include <QStringList>
#include <array>
#include <optional>
#include <utility>

namespace custos {

// The asset fields that take one of a fixed list of values. Each is stored and exported as the
// text in its table below, so the database stays readable and a CSV reads back without a lookup.
enum class AssetFormat { Digital, Paper, Hybrid };
enum class PersonalData { None, Personal, SpecialCategory, CriminalOffence };
enum class Criticality { Low, Medium, High, Vital };
enum class AssetStatus { Active, Archived, Disposed };

template <typename Enum>
struct EnumNames;

template <>
struct EnumNames<AssetFormat>
{
    static constexpr std::array<std::pair<AssetFormat, const char*>, 3> table {{
        {AssetFormat::Digital, "Digital"},
        {AssetFormat::Paper, "Paper"},
        {AssetFormat::Hybrid, "Hybrid"},
    }};
};

template <>
struct EnumNames<PersonalData>
{
    static constexpr std::array<std::pair<PersonalData, const char*>, 4> table {{
        {PersonalData::None, "None"},
        {PersonalData::Personal, "Personal"},
        {PersonalData::SpecialCategory, "Special category"},
        {PersonalData::CriminalOffence, "Criminal offence"},
    }};
};

template <>
struct EnumNames<Criticality>
{
    static constexpr std::array<std::pair<Criticality, const char*>, 4> table {{
        {Criticality::Low, "Low"},
        {Criticality::Medium, "Medium"},
        {Criticality::High, "High"},
        {Criticality::Vital, "Vital"},
    }};
};

template <>
struct EnumNames<AssetStatus>
{
    static constexpr std::array<std::pair<AssetStatus, const char*>, 3> table {{
        {AssetStatus::Active, "Active"},
        {AssetStatus::Archived, "Archived"},
        {AssetStatus::Disposed, "Disposed"},
    }};
};

template <typename Enum>
QString enumToText(Enum value)
{
    for (const auto& [candidate, name] : EnumNames<Enum>::table) {
        if (candidate == value)
            return QString::fromLatin1(name);
    }
    return {};
}

// Exact spelling first, then case-insensitive, so hand-typed values are accepted.
template <typename Enum>
std::optional<Enum> enumFromText(const QString& text)
{
    const QString trimmed = text.trimmed();
    for (const auto& [candidate, name] : EnumNames<Enum>::table) {
        if (trimmed.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return std::nullopt;
}

template <typename Enum>
QStringList enumTexts()
{
    QStringList texts;
    for (const auto& entry : EnumNames<Enum>::table)
        texts << QString::fromLatin1(entry.second);
    return texts;
}

} // namespace custos
