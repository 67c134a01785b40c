#include "models/csv/ImportValues.h"

#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

namespace custos::ImportValues {

namespace {

// Upper case, with spaces, hyphens, dashes and underscores gone: "Official - Sensitive" is
// "OFFICIALSENSITIVE".
QString squeezed(const QString& text)
{
    QString key;
    for (QChar c : text) {
        if (c.isLetterOrNumber())
            key += c.toUpper();
    }
    return key;
}

const QStringList kDescriptors {QStringLiteral("PERSONAL"), QStringLiteral("COMMERCIAL"), QStringLiteral("LOCSEN")};

std::optional<ClassificationCell> plainClassification(const QString& key)
{
    if (key.isEmpty() || key == QLatin1String("NOTYETCLASSIFIED") || key == QLatin1String("NOTCLASSIFIED")
        || key == QLatin1String("TBC") || key == QLatin1String("NA") || key == QLatin1String("NONE"))
        return ClassificationCell();
    if (key == QLatin1String("OFFICIAL"))
        return ClassificationCell {Classification::official(), std::nullopt, {}};
    if (key == QLatin1String("OFFICIALSENSITIVE"))
        return ClassificationCell {Classification::official(true), std::nullopt, {}};
    if (key == QLatin1String("SECRET"))
        return ClassificationCell {Classification::secret(), std::nullopt, {}};
    if (key == QLatin1String("TOPSECRET"))
        return ClassificationCell {Classification::topSecret(), std::nullopt, {}};
    if (const std::optional<LegacyMarking> legacy = legacyMarkingFromText(key))
        return ClassificationCell {mappedClassification(*legacy), legacy, {}};
    return std::nullopt;
}

} // namespace

std::optional<ClassificationCell> classification(const QString& text)
{
    const QString key = squeezed(text);
    if (std::optional<ClassificationCell> cell = plainClassification(key))
        return cell;
    for (const QString& descriptor : kDescriptors) {
        if (!key.endsWith(descriptor) || key.size() == descriptor.size())
            continue;
        std::optional<ClassificationCell> cell = plainClassification(key.chopped(descriptor.size()));
        if (cell && cell->classification.isClassified()) {
            cell->descriptor = descriptor;
            return cell;
        }
    }
    return std::nullopt;
}

std::optional<QDate> date(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QDate();
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression uk(QStringLiteral("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})$"));
    QDate parsed;
    if (const QRegularExpressionMatch match = iso.match(trimmed); match.hasMatch())
        parsed = QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    else if (const QRegularExpressionMatch match = uk.match(trimmed); match.hasMatch())
        parsed = QDate(match.captured(3).toInt(), match.captured(2).toInt(), match.captured(1).toInt());
    if (!parsed.isValid())
        return std::nullopt;
    return parsed;
}

std::optional<QDateTime> timestamp(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QDateTime();
    QDateTime parsed = QDateTime::fromString(trimmed, Qt::ISODate);
    if (parsed.isValid() && trimmed.contains(QLatin1Char('T')))
        return parsed.toUTC();
    if (const std::optional<QDate> day = date(trimmed); day && day->isValid())
        return QDateTime(*day, QTime(0, 0), Qt::UTC);
    return std::nullopt;
}

std::optional<bool> yesNo(const QString& text)
{
    static const QHash<QString, bool> words {{"", false},
                                             {"NO", false},
                                             {"N", false},
                                             {"FALSE", false},
                                             {"0", false},
                                             {"YES", true},
                                             {"Y", true},
                                             {"TRUE", true},
                                             {"1", true}};
    const auto found = words.constFind(squeezed(text));
    return found == words.cend() ? std::nullopt : std::optional<bool>(*found);
}

std::optional<int> reviewCycle(const QString& text)
{
    static const QHash<QString, int> words {{"", 12},
                                            {"12", 12},
                                            {"12MONTHS", 12},
                                            {"ANNUAL", 12},
                                            {"ANNUALLY", 12},
                                            {"YEARLY", 12},
                                            {"6", 6},
                                            {"6MONTHS", 6},
                                            {"6MONTHLY", 6},
                                            {"SIXMONTHLY", 6},
                                            {"BIANNUAL", 6},
                                            {"BIANNUALLY", 6},
                                            {"3", 3},
                                            {"3MONTHS", 3},
                                            {"3MONTHLY", 3},
                                            {"QUARTERLY", 3}};
    const auto found = words.constFind(squeezed(text));
    return found == words.cend() ? std::nullopt : std::optional<int>(*found);
}

std::optional<AssetFormat> format(const QString& text)
{
    const QString key = squeezed(text);
    if (key == QLatin1String("ELECTRONIC"))
        return AssetFormat::Digital;
    if (key == QLatin1String("PHYSICAL"))
        return AssetFormat::Paper;
    return enumFromText<AssetFormat>(text);
}

std::optional<PersonalData> personalData(const QString& text)
{
    static const QHash<QString, PersonalData> words {
        {"", PersonalData::None},
        {"NO", PersonalData::None},
        {"NONE", PersonalData::None},
        {"YES", PersonalData::Personal},
        {"PERSONAL", PersonalData::Personal},
        {"PERSONALDATA", PersonalData::Personal},
        {"SPECIAL", PersonalData::SpecialCategory},
        {"SPECIALCATEGORY", PersonalData::SpecialCategory},
        {"SPECIALCATEGORYDATA", PersonalData::SpecialCategory},
        {"CRIMINAL", PersonalData::CriminalOffence},
        {"CRIMINALOFFENCE", PersonalData::CriminalOffence},
        {"CRIMINALOFFENCEDATA", PersonalData::CriminalOffence},
    };
    const auto found = words.constFind(squeezed(text));
    return found == words.cend() ? std::nullopt : std::optional<PersonalData>(*found);
}

std::optional<std::optional<Criticality>> criticality(const QString& text)
{
    if (text.trimmed().isEmpty())
        return std::optional<Criticality>();
    if (const std::optional<Criticality> value = enumFromText<Criticality>(text))
        return value;
    return std::nullopt;
}

std::optional<AssetStatus> status(const QString& text)
{
    const QString key = squeezed(text);
    if (key.isEmpty() || key == QLatin1String("LIVE"))
        return AssetStatus::Active;
    if (key == QLatin1String("DESTROYED") || key == QLatin1String("DELETED"))
        return AssetStatus::Disposed;
    return enumFromText<AssetStatus>(text);
}

std::optional<bool> hasLeft(const QString& text)
{
    const QString key = squeezed(text);
    if (key.isEmpty() || key == QLatin1String("ACTIVE") || key == QLatin1String("CURRENT"))
        return false;
    if (key == QLatin1String("LEFT"))
        return true;
    return std::nullopt;
}

bool needsFormulaGuard(const char* text, size_t size)
{
    size_t first = 0;
    while (first < size && text[first] == '\'')
        ++first;
    if (first == size)
        return false;
    const char c = text[first];
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

QString withoutFormulaGuard(const QString& text)
{
    if (!text.startsWith(QLatin1Char('\'')))
        return text;
    const QByteArray latin = text.left(64).toLatin1();
    return needsFormulaGuard(latin.constData() + 1, size_t(latin.size() - 1)) ? text.mid(1) : text;
}

} // namespace custos::ImportValues
