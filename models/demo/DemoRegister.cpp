#include "models/demo/DemoRegister.h"

#include "models/assets/AssetStore.h"
#include "models/people/PersonStore.h"
#include "models/store/Register.h"
#include "models/store/SqlValues.h"
#include "models/units/UnitStore.h"

#include <QSet>
#include <algorithm>
#include <array>
#include <vector>

namespace custos {

namespace {

// splitmix64: tiny, fast and the same on every platform, unlike the standard distributions.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }
    // True with the given chance in a thousand.
    bool perMille(int chance) { return below(1000) < chance; }
    template <typename T, std::size_t N>
    const T& pick(const std::array<T, N>& items)
    {
        return items[static_cast<std::size_t>(below(static_cast<int>(N)))];
    }

private:
    std::uint64_t m_state;
};

struct UnitPlan
{
    const char* directorate;
    const char* unit;
    std::array<const char*, 6> subjects;
    std::array<const char*, 3> systems;
};

const std::array<UnitPlan, 10> kUnits {{
    {"Courts and Tribunals",
     "Listings",
     {"Crown Court listings",
      "Magistrates' court registers",
      "Hearing schedules",
      "Judicial sitting records",
      "Courtroom booking",
      "Interpreter bookings"},
     {"Common Platform", "Libra", "XHIBIT"}},
    {"Courts and Tribunals",
     "Crime",
     {"Offender case records",
      "Warrant records",
      "Fines and enforcement",
      "Jury summons",
      "Witness care",
      "Court results"},
     {"Common Platform", "Libra", "Crown Court Digital Case System"}},
    {"Courts and Tribunals",
     "Civil and Family",
     {"Family court case files",
      "Adoption records",
      "Probate applications",
      "Civil money claims",
      "Divorce applications",
      "Child arrangements orders"},
     {"FamilyMan", "CCD", "Probate Online"}},
    {"Prisons and Probation",
     "Prisons",
     {"Prisoner records",
      "Visits bookings",
      "Adjudication records",
      "Use of force reports",
      "Prison healthcare referrals",
      "Security intelligence reports"},
     {"NOMIS", "Digital Prison Services", "Mercury"}},
    {"Prisons and Probation",
     "Probation",
     {"Supervision case records",
      "Risk assessments (OASys)",
      "Approved premises records",
      "Victim liaison records",
      "Unpaid work placements",
      "Pre-sentence reports"},
     {"nDelius", "OASys", "Approved Premises system"}},
    {"Legal Aid Agency",
     "Civil Legal Aid",
     {"Civil legal aid applications",
      "Means assessments",
      "Provider contracts",
      "Exceptional case funding",
      "Costs assessments",
      "Client contributions"},
     {"CCMS", "Legal Aid Online", "CWA"}},
    {"Legal Aid Agency",
     "Criminal Legal Aid",
     {"Criminal legal aid applications",
      "Defence solicitor claims",
      "Crown Court means testing",
      "Advocates' graduated fees",
      "Duty solicitor rotas",
      "Contract management files"},
     {"MAAT", "CCLF", "Crime Apply"}},
    {"Corporate Services",
     "People",
     {"Payroll",
      "Personnel files",
      "Vetting records",
      "Recruitment campaigns",
      "Sickness absence records",
      "Grievance and discipline cases"},
     {"SOP", "Workday", "Vetting case system"}},
    {"Corporate Services",
     "Finance",
     {"Supplier invoices",
      "Budget forecasts",
      "Asset register (fixed assets)",
      "Purchase card transactions",
      "Debt recovery",
      "Grant agreements"},
     {"SOP", "Oracle Fusion", "Basware"}},
    {"Corporate Services",
     "Digital and Technology",
     {"Service desk tickets",
      "Identity and access records",
      "Network logs",
      "Software licences",
      "Penetration test reports",
      "Backup catalogues"},
     {"ServiceNow", "Microsoft Entra ID", "Splunk"}},
}};

const std::array<const char*, 8> kKinds {"",
                                         " – archive",
                                         " – correspondence",
                                         " – database",
                                         " – scanned documents",
                                         " – reports",
                                         " – legacy files",
                                         " – working papers"};
const std::array<const char*, 5> kRegions {"London", "Midlands", "North West", "Wales", "South East"};
const std::array<const char*, 4> kPaperStores {
    "Basement store B, 102 Petty France", "Iron Mountain offsite store", "Records centre, Bootle", "Court strongroom"};
const std::array<const char*, 6> kRetention {"6 years",
                                             "84 months",
                                             "Permanent",
                                             "Until case closed + 7 years",
                                             "100 years (records of people in custody)",
                                             "24 months"};
const std::array<const char*, 4> kDisposal {
    "Destroy securely", "Transfer to The National Archives", "Review", "Delete from system"};
const std::array<const char*, 4> kLawfulBasis {"Article 6(1)(e) public task",
                                               "Article 6(1)(c) legal obligation",
                                               "Article 6(1)(b) contract",
                                               "Part 3 DPA 2018 law enforcement"};
const std::array<const char*, 24> kFirstNames {"Amelia", "Oliver", "Priya",  "James",  "Siobhan", "Mohammed",
                                               "Grace",  "Thomas", "Aisha",  "Daniel", "Chloe",   "Rhys",
                                               "Fatima", "George", "Hannah", "Kwame",  "Isla",    "Samuel",
                                               "Megan",  "Arjun",  "Bethan", "Lewis",  "Zara",    "Callum"};
const std::array<const char*, 24> kLastNames {"Smith",  "Jones",  "Patel",  "Williams", "Brown",  "Taylor",
                                              "Davies", "Evans",  "Khan",   "Wilson",   "Thomas", "Roberts",
                                              "Okafor", "Walker", "Wright", "Robinson", "Hughes", "Murphy",
                                              "Ahmed",  "Green",  "Clarke", "Lewis",    "Begum",  "Campbell"};

QString pickText(Random& random, const std::array<const char*, 4>& items)
{
    return QString::fromUtf8(random.pick(items));
}

QList<Person> makePeople(Random& random, int count, const QList<RecordId>& unitIds)
{
    QList<Person> people;
    QSet<QString> emails;
    for (int i = 0; i < count; ++i) {
        const QString first = QString::fromUtf8(random.pick(kFirstNames));
        const QString last = QString::fromUtf8(random.pick(kLastNames));
        QString email = QStringLiteral("%1.%2@justice.gov.uk").arg(first.toLower(), last.toLower());
        for (int n = 2; emails.contains(email); ++n)
            email = QStringLiteral("%1.%2%3@justice.gov.uk").arg(first.toLower(), last.toLower()).arg(n);
        emails.insert(email);
        Person person;
        person.name = first + QLatin1Char(' ') + last;
        person.email = email;
        person.login = email.section(QLatin1Char('@'), 0, 0);
        person.unitId = unitIds[random.below(static_cast<int>(unitIds.size()))];
        person.hasLeft = i > 0 && random.perMille(60);
        people.append(person);
    }
    // The first person is whoever runs the demo, so "my assets" has something to show.
    people.first().login = currentLogin();
    return people;
}

Classification pickClassification(Random& random, Asset& asset)
{
    const int roll = random.below(1000);
    if (roll < 70)
        return {};
    if (roll < 110) {
        asset.legacyMarking = static_cast<LegacyMarking>(random.below(4));
        asset.classificationNeedsReview = true;
        return mappedClassification(*asset.legacyMarking);
    }
    if (roll < 120)
        return Classification::secret();
    if (roll < 122)
        return Classification::topSecret();
    return Classification::official(roll < 340);
}

} // namespace

bool DemoRegister::fill(Register& reg, int assetCount, std::uint64_t seed, const QDate& today, QString* error)
{
    Random random(seed);
    UnitStore units(reg);
    QHash<QString, RecordId> directorates;
    std::vector<RecordId> unitOfPlan;
    for (const UnitPlan& plan : kUnits) {
        const QString directorate = QString::fromUtf8(plan.directorate);
        if (!directorates.contains(directorate)) {
            const auto id = units.add(directorate, std::nullopt, error);
            if (!id)
                return false;
            directorates.insert(directorate, *id);
        }
        const auto id = units.add(QString::fromUtf8(plan.unit), directorates.value(directorate), error);
        if (!id)
            return false;
        unitOfPlan.push_back(*id);
    }

    QList<Person> people = makePeople(
        random, std::clamp(assetCount / 6, 12, 400), QList<RecordId>(unitOfPlan.begin(), unitOfPlan.end()));
    if (!PersonStore(reg).add(people, error))
        return false;

    int made = 0;
    const QTime morning(9, 0);
    auto next = [&]() -> std::optional<Asset> {
        if (made == assetCount)
            return std::nullopt;
        ++made;
        const int planIndex = random.below(static_cast<int>(kUnits.size()));
        const UnitPlan& plan = kUnits[static_cast<std::size_t>(planIndex)];
        Asset asset;
        asset.reference = AssetStore::referenceFor(made);
        const QString subject = QString::fromUtf8(random.pick(plan.subjects));
        const QString region = QString::fromUtf8(random.pick(kRegions));
        asset.name = subject + QString::fromUtf8(random.pick(kKinds)) + QStringLiteral(" (%1)").arg(region);
        asset.description = QStringLiteral("%1 held by %2 for %3, used to run the service and to answer "
                                           "requests from the public and other agencies.")
                                .arg(subject, QString::fromUtf8(plan.unit), region);
        asset.unitId = unitOfPlan[static_cast<std::size_t>(planIndex)];
        if (!random.perMille(60))
            asset.iaoId = people[random.below(static_cast<int>(people.size()))].id;
        if (random.perMille(600))
            asset.iamId = people[random.below(static_cast<int>(people.size()))].id;
        asset.format = static_cast<AssetFormat>(random.perMille(750) ? 0 : 1 + random.below(2));
        asset.location = asset.format == AssetFormat::Paper ? pickText(random, kPaperStores)
                                                            : QString::fromUtf8(random.pick(plan.systems));
        asset.classification = pickClassification(random, asset);
        if (random.perMille(120))
            asset.handlingNotes = QStringLiteral("PERSONAL");
        asset.personalData = static_cast<PersonalData>(random.below(4));
        if (asset.personalData != PersonalData::None)
            asset.lawfulBasis = pickText(random, kLawfulBasis);
        if (random.perMille(900)) {
            asset.retention = QString::fromUtf8(random.pick(kRetention));
            asset.disposalAction = pickText(random, kDisposal);
        }
        asset.criticality = static_cast<Criticality>(random.below(4));
        asset.reviewCycleMonths = std::array<int, 5> {12, 12, 12, 6, 3}[static_cast<std::size_t>(random.below(5))];
        const int cycleDays = asset.reviewCycleMonths * 28;
        // About a sixth are overdue: their last review is more than a cycle ago.
        const bool overdue = random.perMille(167);
        const int sinceReview
            = overdue ? asset.reviewCycleMonths * 31 + 1 + random.below(400) : random.below(cycleDays);
        const QDate lastReviewed = today.addDays(-sinceReview);
        if (overdue || random.perMille(920))
            asset.lastReviewed = lastReviewed;
        // A never-reviewed asset is new: created within its first cycle.
        const QDate createdOn = asset.lastReviewed.isValid() ? lastReviewed.addDays(-random.below(2000)) : lastReviewed;
        asset.created = QDateTime(createdOn, morning.addSecs(random.below(8 * 3600)), Qt::UTC);
        asset.modified = QDateTime(lastReviewed, morning.addSecs(random.below(8 * 3600)), Qt::UTC);
        if (asset.modified < asset.created)
            asset.modified = asset.created;
        const int statusRoll = random.below(1000);
        asset.status = statusRoll < 40 ? AssetStatus::Archived
            : statusRoll < 60          ? AssetStatus::Disposed
                                       : AssetStatus::Active;
        return asset;
    };
    return AssetStore(reg, today).addAll(next, error);
}

bool DemoRegister::createFile(
    const QString& path, int assetCount, std::uint64_t seed, const QDate& today, QString* error)
{
    // Filled before it appears under its name: a demo cut short leaves no register behind.
    const auto filling
        = [&](Register& reg, QString* fillError) { return fill(reg, assetCount, seed, today, fillError); };
    return Register::create(path, error, filling) != nullptr;
}

} // namespace custos
