#include "models/store/RegisterSnapshot.h"

#include "models/store/Register.h"

namespace custos {

namespace {
const QString kSnapshot = QStringLiteral("snapshot");
} // namespace

RegisterSnapshot::RegisterSnapshot(const QString& sourcePath)
    : m_file(sourcePath, kSnapshot)
{
}

RegisterSnapshot::~RegisterSnapshot() = default;

std::unique_ptr<RegisterSnapshot> RegisterSnapshot::take(Register& source, const CopyProgress& progress, QString* error)
{
    FileInProgress::removeAbandoned(source.path(), kSnapshot);
    std::unique_ptr<RegisterSnapshot> snapshot(new RegisterSnapshot(source.path()));
    if (!snapshot->m_file.create(error)
        || !copyDatabaseInto(source.database(), snapshot->m_file.path(), progress, error))
        return nullptr;
    snapshot->m_register = Register::open(snapshot->m_file.path(), OpenMode::ReadWrite, error);
    if (!snapshot->m_register)
        return nullptr;
    return snapshot;
}

} // namespace custos
