#include "models/domain/Classification.h"

namespace custos {

namespace {
const QString kOfficial = QStringLiteral("OFFICIAL");
const QString kSecret = QStringLiteral("SECRET");
const QString kTopSecret = QStringLiteral("TOP SECRET");
const QString kOfficialSensitive = QStringLiteral("OFFICIAL-SENSITIVE");
} // namespace

Classification::Classification(std::optional<ClassificationLevel> level, bool sensitive)
    : m_level(level)
    , m_sensitive(sensitive)
{
}

Classification Classification::official(bool sensitive)
{
    return {ClassificationLevel::Official, sensitive};
}

Classification Classification::secret()
{
    return {ClassificationLevel::Secret, false};
}

Classification Classification::topSecret()
{
    return {ClassificationLevel::TopSecret, false};
}

QList<Classification> Classification::allClassified()
{
    return {official(), official(true), secret(), topSecret()};
}

Classification Classification::of(ClassificationLevel level, bool sensitive)
{
    return {level, sensitive && level == ClassificationLevel::Official};
}

std::optional<Classification> Classification::fromText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Classification();
    if (trimmed == kOfficialSensitive)
        return official(true);
    if (const auto level = levelFromText(trimmed))
        return Classification(level, false);
    return std::nullopt;
}

QString Classification::toText() const
{
    if (!m_level)
        return {};
    if (m_sensitive)
        return kOfficialSensitive;
    return levelToText(*m_level);
}

int Classification::rank() const
{
    if (!m_level)
        return 0;
    switch (*m_level) {
    case ClassificationLevel::Official:
        return m_sensitive ? 2 : 1;
    case ClassificationLevel::Secret:
        return 3;
    case ClassificationLevel::TopSecret:
        return 4;
    }
    return 0;
}

bool Classification::needsSecurityAdviser() const
{
    return m_level == ClassificationLevel::Secret || m_level == ClassificationLevel::TopSecret;
}

QString levelToText(ClassificationLevel level)
{
    switch (level) {
    case ClassificationLevel::Official:
        return kOfficial;
    case ClassificationLevel::Secret:
        return kSecret;
    case ClassificationLevel::TopSecret:
        return kTopSecret;
    }
    return {};
}

std::optional<ClassificationLevel> levelFromText(const QString& text)
{
    if (text == kOfficial)
        return ClassificationLevel::Official;
    if (text == kSecret)
        return ClassificationLevel::Secret;
    if (text == kTopSecret)
        return ClassificationLevel::TopSecret;
    return std::nullopt;
}

} // namespace custos
