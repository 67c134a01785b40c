#include "models/verify/RegisterVerifier.h"

#include "models/store/Migrations.h"
#include "models/store/Register.h"
#include "models/store/SchemaCheck.h"
#include "models/store/SqliteHandle.h"
#include "models/verify/AuditReplay.h"
#include "models/verify/ChainCheck.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace custos {

namespace {

const char* const kIntegrity = "SQLite integrity check";
const char* const kSchema = "Schema, triggers and indexes";
const char* const kSession = "Write sessions";

// Up to this many of SQLite's integrity errors are listed.
constexpr int kIntegrityErrors = 20;

} // namespace

RegisterVerifier::RegisterVerifier(Register& reg)
    : m_register(reg)
{
}

bool RegisterVerifier::setAnchor(const QString& anchor, QString* error)
{
    static const QRegularExpression form(QStringLiteral("^([1-9][0-9]*):([0-9a-fA-F]{64})$"));
    const QRegularExpressionMatch match = form.match(anchor.trimmed());
    if (!match.hasMatch()) {
        *error = QStringLiteral("The anchor \"%1\" is not ROW:HASH, a row number and the 64 hex digits of its "
                                "hash, as summary and the report print them.")
                     .arg(anchor);
        return false;
    }
    m_anchor = AuditChain::Head {match.captured(1).toLongLong(), match.captured(2).toLower()};
    return true;
}

VerifyReport RegisterVerifier::run() const
{
    VerifyReport report;
    QSqlDatabase db = m_register.database();
    QSqlQuery query(db);
    // The checks read the whole file: mapped into memory, it is read without a system call per page.
    query.exec(QStringLiteral("PRAGMA mmap_size = %1").arg(qint64(1) << 40));
    const int version = Migrations::version(db);
    if (version != Migrations::latestVersion()) {
        report.outcome = VerifyReport::Outcome::Unreadable;
        report.failure = QStringLiteral("%1 is register version %2; verify reads version %3. Open it once in Custos "
                                        "with write access to upgrade it, then verify it.")
                             .arg(m_register.path())
                             .arg(version)
                             .arg(Migrations::latestVersion());
        return report;
    }
    qint64 auditRows = 0;
    if (query.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM audit_log")) && query.next())
        auditRows = query.value(0).toLongLong();
    // Three passes of about the trail's length: the integrity check, the chain, the replay.
    const qint64 total = 3 * auditRows + 1;
    auto carryOn = [this, total](qint64 done) { return !m_progress || m_progress(done, total); };
    auto cancelled = [&report] {
        report.outcome = VerifyReport::Outcome::Cancelled;
        return report;
    };

    if (!carryOn(0))
        return cancelled();
    if (query.exec(QStringLiteral("PRAGMA integrity_check(%1)").arg(kIntegrityErrors))) {
        QStringList errors;
        while (query.next())
            errors << query.value(0).toString();
        if (errors == QStringList {QStringLiteral("ok")})
            report.passed << QStringLiteral("%1: ok.").arg(QLatin1String(kIntegrity));
        for (const QString& problem : std::as_const(errors)) {
            if (problem != QLatin1String("ok"))
                report.fault(QString::fromLatin1(kIntegrity), problem);
        }
    } else if (!carryOn(0)) {
        return cancelled();
    } else {
        report.fault(QString::fromLatin1(kIntegrity),
                     QStringLiteral("SQLite could not check the file: %1").arg(query.lastError().text()));
    }
    query.finish();
    if (!carryOn(auditRows))
        return cancelled();

    const QStringList differences = SchemaCheck::differences(db, version);
    for (const QString& difference : differences)
        report.fault(QString::fromLatin1(kSchema), difference);
    if (differences.isEmpty())
        report.passed
            << QStringLiteral("%1: those Custos made for version %2.").arg(QLatin1String(kSchema)).arg(version);

    if (query.exec(QStringLiteral("SELECT actor FROM write_session")) && query.next()) {
        report.fault(QString::fromLatin1(kSession),
                     QStringLiteral("A write session naming \"%1\" was left open outside Custos: the next change "
                                    "would be recorded under that name.")
                         .arg(query.value(0).toString()));
    } else {
        report.passed << QStringLiteral("%1: none left open.").arg(QLatin1String(kSession));
    }
    query.finish();

    report.head = AuditChain::head(db).value_or(AuditChain::Head());
    sqlite3* handle = sqliteHandle(db);
    if (!ChainCheck(handle, m_anchor).run(report, [&](qint64 rows) { return carryOn(auditRows + rows); }))
        return cancelled();
    if (!AuditReplay(handle).run(report, [&](qint64 rows) { return carryOn(2 * auditRows + rows); }))
        return cancelled();
    carryOn(total);
    report.outcome = report.faults.isEmpty() ? VerifyReport::Outcome::Intact : VerifyReport::Outcome::Tampered;
    return report;
}

} // namespace custos
