#include "models/verify/ChainCheck.h"

#include "models/store/SqliteStatement.h"

namespace custos {

namespace {

const char* const kCheck = "Audit trail hash chain";
constexpr qint64 kProgressEvery = 65536;

} // namespace

ChainCheck::ChainCheck(sqlite3* db, std::optional<AuditChain::Head> anchor)
    : m_db(db)
    , m_anchor(std::move(anchor))
{
}

bool ChainCheck::run(VerifyReport& report, const std::function<bool(qint64)>& progress) const
{
    SqliteStatement rows(m_db,
                         "SELECT id, at, actor, action, record_table, record_id, changes, hash FROM audit_log "
                         "ORDER BY id");
    const qsizetype faultsBefore = report.faults.size();
    QByteArray previous;
    qint64 expectedId = 1;
    bool anchorSeen = false;
    QString broken;
    while (broken.isEmpty() && rows.next()) {
        const AuditChain::Row row {
            rows.integer(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.integer(5), rows.text(6)};
        const QByteArray stored = rows.blob(7);
        if (row.id != expectedId) {
            const QString missing = row.id == expectedId + 1
                ? QStringLiteral("Audit row %1 is missing").arg(expectedId)
                : QStringLiteral("Audit rows %1 to %2 are missing").arg(expectedId).arg(row.id - 1);
            broken = row.id > expectedId
                ? QStringLiteral("%1: the trail goes from row %2 to row %3.")
                      .arg(missing)
                      .arg(expectedId - 1)
                      .arg(row.id)
                : QStringLiteral("Audit row %1 is out of order after row %2.").arg(row.id).arg(expectedId - 1);
            break;
        }
        const QByteArray computed = AuditChain::hash(previous, row);
        if (stored != computed) {
            broken
                = QStringLiteral("Audit row %1 (%2, %3 of %4 %5) does not match its hash: it, or the row "
                                 "before it, was changed after it was written.")
                      .arg(row.id)
                      .arg(QString::fromUtf8(row.at), QString::fromUtf8(row.action), QString::fromUtf8(row.recordTable))
                      .arg(row.recordId);
            break;
        }
        if (m_anchor && row.id == m_anchor->length) {
            anchorSeen = true;
            if (QString::fromLatin1(stored.toHex()) != m_anchor->hash.toLower()) {
                report.fault(QString::fromLatin1(kCheck),
                             QStringLiteral("Audit row %1's hash is %2, not the anchor's %3: the trail up to it "
                                            "was rewritten.")
                                 .arg(row.id)
                                 .arg(QString::fromLatin1(stored.toHex()), m_anchor->hash));
            }
        }
        previous = stored;
        ++expectedId;
        if (row.id % kProgressEvery == 0 && !progress(row.id))
            return false;
    }
    if (!rows.error().isEmpty() && broken.isEmpty())
        broken
            = QStringLiteral("The audit trail could not be read past row %1: %2").arg(expectedId - 1).arg(rows.error());
    if (!broken.isEmpty()) {
        report.fault(QString::fromLatin1(kCheck), broken);
        return true;
    }
    if (m_anchor && !anchorSeen) {
        report.fault(QString::fromLatin1(kCheck),
                     QStringLiteral("The trail has %1 rows, so it does not reach the anchor's row %2: rows were "
                                    "removed from its end.")
                         .arg(expectedId - 1)
                         .arg(m_anchor->length));
        return true;
    }
    if (report.faults.size() > faultsBefore)
        return true;
    report.passed << QStringLiteral("%1: %2 rows, each following from the one before.")
                         .arg(QString::fromLatin1(kCheck))
                         .arg(expectedId - 1);
    return true;
}

} // namespace custos
