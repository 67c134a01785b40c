#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace custos {

// The Government Security Classifications: three levels. "Not yet classified" is a state of a
// register entry, not a level, so it is modelled as an empty optional where a level is stored.
enum class ClassificationLevel { Official, Secret, TopSecret };

// A classification as the register holds it: a level, or none yet, plus the OFFICIAL-SENSITIVE
// marking, which exists only within OFFICIAL.
class Classification
{
public:
    Classification() = default;
    static Classification official(bool sensitive = false);
    static Classification secret();
    static Classification topSecret();
    // The sensitive marking is kept only with OFFICIAL.
    static Classification of(ClassificationLevel level, bool sensitive);

    // Every classification an asset can have, lowest first: OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET.
    static QList<Classification> allClassified();

    // Parses the export spelling: OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET, or empty.
    static std::optional<Classification> fromText(const QString& text);

    bool isClassified() const { return m_level.has_value(); }
    std::optional<ClassificationLevel> level() const { return m_level; }
    bool isSensitive() const { return m_sensitive; }
    QString toText() const;

    // Orders for "the highest classification of what a document contains": unclassified lowest.
    int rank() const;
    // SECRET and TOP SECRET need the security adviser's advice first.
    bool needsSecurityAdviser() const;

    bool operator==(const Classification&) const = default;

private:
    Classification(std::optional<ClassificationLevel> level, bool sensitive);

    std::optional<ClassificationLevel> m_level;
    bool m_sensitive = false;
};

QString levelToText(ClassificationLevel level);
std::optional<ClassificationLevel> levelFromText(const QString& text);

} // namespace custos
