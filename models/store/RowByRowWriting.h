#pragma once

#include <QSqlDatabase>

namespace custos {

// Connection settings for a write transaction that runs one statement a row, many rows long (an
// import, a new demo register, a bulk edit), restored when it ends:
// - a 64 MiB page cache, so that the indexes and audit trail of a big file do not spill to the
//   write-ahead log again and again;
// - statement journals in memory. Each statement inside a transaction keeps the pages it changes
//   in a journal of its own so that it can be undone alone. SQLite moves that journal to a
//   temporary file once one statement passes 64 KiB, and then writes every later statement's
//   pages there as well: 2.3 million writes for a 100,000-row import. A row's statement changes
//   a few pages, so in memory it stays small.
class RowByRowWriting
{
public:
    explicit RowByRowWriting(const QSqlDatabase& db);
    ~RowByRowWriting();
    RowByRowWriting(const RowByRowWriting&) = delete;
    RowByRowWriting& operator=(const RowByRowWriting&) = delete;

private:
    QSqlDatabase m_db;
    int m_cacheSizeBefore = -2000;
    int m_tempStoreBefore = 0;
};

} // namespace custos
