#pragma once

#include "models/audit/AuditLog.h"

#include <QAbstractTableModel>
#include <memory>

namespace custos {

// The register's audit trail, or the entries a filter selects, newest first, read a page at a time
// as the view scrolls (a million-asset register has millions of entries). Who made a change shows
// as the register's person with that login, the login in its tooltip.
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
    // Shows the entries the filter selects, from the newest.
    void setFilter(const AuditFilter& filter);
    const AuditFilter& filter() const { return m_filter; }
    // How many entries the filter selects, the rows still to fetch too.
    qint64 entryCount() const { return m_entryCount; }
    const AuditEntry& entry(int row) const { return m_entries.at(row); }
    const AuditLog& log() const { return *m_log; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    Register& m_register;
    std::unique_ptr<AuditLog> m_log;
    AuditFilter m_filter;
    QList<AuditEntry> m_entries;
    qint64 m_entryCount = 0;
    bool m_atEnd = false;
    bool m_resetting = false;
};

} // namespace custos
