#pragma once

#include <QDate>
#include <QString>
#include <cstdint>

namespace custos {

class Register;

// Fills an empty register with a realistic justice department's register: units in two levels,
// people (some of whom have left) and assets with the gaps an SRO hunts for. The same seed and
// day give the same register; dates are relative to `today`.
class DemoRegister
{
public:
    static constexpr int kDefaultAssets = 2000;

    static bool fill(Register& reg, int assetCount, std::uint64_t seed, const QDate& today, QString* error = nullptr);
    // Creates a new register file and fills it, under a temporary name until it is whole (see
    // Register::create); leaves no file behind if either step fails or the process is killed.
    static bool
    createFile(const QString& path, int assetCount, std::uint64_t seed, const QDate& today, QString* error = nullptr);
};

} // namespace custos
