#pragma once

#include "models/audit/AuditLog.h"

#include <QAbstractTableModel>
#include <memory>

namespace custos {

// The register's audit trail, newest first, read a page at a time as the view scrolls (a
// million-asset register has millions of entries).
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { When, Who, Record, Change, ColumnCount };
    static constexpr int kPageSize = 200;

    explicit AuditLogModel(Register& reg, QObject* parent = nullptr);
    ~AuditLogModel() override;

    // Starts again from the newest entry, after the register has changed.
    void reload();
    const AuditEntry& entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    Register& m_register;
    std::unique_ptr<AuditLog> m_log;
    QList<AuditEntry> m_entries;
    bool m_atEnd = false;
    bool m_resetting = false;
};

} // namespace custos
