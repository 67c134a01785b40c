#include "models/itemmodels/AuditLogModel.h"

namespace custos {

AuditLogModel::AuditLogModel(Register& reg, QObject* parent)
    : QAbstractTableModel(parent)
    , m_register(reg)
{
    reload();
}

AuditLogModel::~AuditLogModel() = default;

void AuditLogModel::reload()
{
    beginResetModel();
    m_resetting = true;
    m_log = std::make_unique<AuditLog>(m_register);
    m_entries = m_log->page(m_filter, std::nullopt, kPageSize);
    m_entryCount = m_log->count(m_filter);
    m_atEnd = m_entries.size() < kPageSize;
    endResetModel();
    m_resetting = false;
}

void AuditLogModel::setFilter(const AuditFilter& filter)
{
    m_filter = filter;
    reload();
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry& entry = m_entries.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Change)
        return entry.changesText(QStringLiteral("\n"));
    if (role == Qt::ToolTipRole && index.column() == Who && !entry.actorName.isEmpty())
        return QStringLiteral("Login: %1").arg(entry.actor);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case When:
        return entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Who:
        return entry.who();
    case Record:
        return entry.record;
    case Change:
        return entry.summary();
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const QStringList titles {
        QStringLiteral("When"), QStringLiteral("Who"), QStringLiteral("Record"), QStringLiteral("Change")};
    return titles.value(section);
}

bool AuditLogModel::canFetchMore(const QModelIndex& parent) const
{
    // Views ask while they handle the reset; rows come once it is over.
    return !parent.isValid() && !m_atEnd && !m_resetting;
}

void AuditLogModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent) || m_entries.isEmpty())
        return;
    const QList<AuditEntry> more = m_log->page(m_filter, m_entries.last().id, kPageSize);
    m_atEnd = more.size() < kPageSize;
    if (more.isEmpty())
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + more.size() - 1));
    m_entries.append(more);
    endInsertRows();
}

} // namespace custos
