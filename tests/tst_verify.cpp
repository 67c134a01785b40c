#include "DamagedRegister.h"
#include "TestRegister.h"
#include "models/demo/DemoRegister.h"
#include "models/store/AuditChain.h"
#include "models/store/WriteTransaction.h"
#include "models/verify/AuditChanges.h"
#include "models/verify/RegisterVerifier.h"

#include <QSqlQuery>
#include <QTest>
#include <sqlite3.h>

using namespace custos;

namespace {

// A connection that is not Custos: the sqlite3 shell, or a script, as someone tampering would use.
class OutsideConnection
{
public:
    explicit OutsideConnection(const QString& path)
    {
        sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
    }
    ~OutsideConnection() { sqlite3_close(m_db); }
    OutsideConnection(const OutsideConnection&) = delete;
    OutsideConnection& operator=(const OutsideConnection&) = delete;

    // Runs `sql`; SQLite's error, or empty.
    QString exec(const QString& sql)
    {
        char* message = nullptr;
        if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message) == SQLITE_OK)
            return {};
        const QString error = QString::fromUtf8(message ? message : "failed");
        sqlite3_free(message);
        return error;
    }

    // What a forger would register to make the triggers run: a custos_chain() of their own, and
    // custos_changes() (recording nothing).
    void forgeChainFunction()
    {
        sqlite3_create_function_v2(
            m_db,
            "custos_changes",
            -1,
            SQLITE_UTF8,
            nullptr,
            [](sqlite3_context* context, int, sqlite3_value**) { sqlite3_result_text(context, "{}", 2, nullptr); },
            nullptr,
            nullptr,
            nullptr);
        sqlite3_create_function_v2(
            m_db,
            "custos_chain",
            8,
            SQLITE_UTF8,
            nullptr,
            [](sqlite3_context* context, int, sqlite3_value**) { sqlite3_result_zeroblob(context, 32); },
            nullptr,
            nullptr,
            nullptr);
    }

    sqlite3* handle() { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

VerifyReport verify(const QString& path, const QString& anchor = QString())
{
    QString error;
    const std::unique_ptr<Register> reg = Register::open(path, OpenMode::ReadOnly, &error);
    if (!reg) {
        VerifyReport report;
        report.outcome = VerifyReport::Outcome::Unreadable;
        report.failure = error;
        return report;
    }
    RegisterVerifier verifier(*reg);
    if (!anchor.isEmpty() && !verifier.setAnchor(anchor, &error))
        qFatal("bad anchor: %s", qPrintable(error));
    return verifier.run();
}

// Whether one of the report's faults, from `check`, says `words`.
bool saysFault(const VerifyReport& report, const QString& check, const QString& words)
{
    for (const VerifyReport::Fault& fault : report.faults) {
        if (fault.check.contains(check) && fault.message.contains(words))
            return true;
    }
    return false;
}

QString faults(const VerifyReport& report)
{
    return report.text();
}

} // namespace

class TestVerify : public QObject
{
    Q_OBJECT

private:
    // A small register with a history: the demo's units, people and assets, then a rename.
    std::unique_ptr<TestRegister> historyRegister()
    {
        auto test = std::make_unique<TestRegister>();
        QString error;
        if (!DemoRegister::fill(test->reg(), 30, 7, QDate(2026, 12, 1), &error))
            qFatal("demo: %s", qPrintable(error));
        WriteTransaction transaction(test->reg());
        QSqlQuery query(test->reg().database());
        if (!transaction.begin(&error) || !query.exec(QStringLiteral("UPDATE assets SET name = 'Renamed' WHERE id = 3"))
            || !transaction.commit(&error))
            qFatal("rename: %s", qPrintable(error + query.lastError().text()));
        return test;
    }

private slots:
    void anUntouchedRegisterVerifies()
    {
        auto test = historyRegister();
        const qint64 rows = test->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
        test->close();
        const VerifyReport report = verify(test->path());
        QVERIFY2(report.outcome == VerifyReport::Outcome::Intact, qPrintable(faults(report)));
        QCOMPARE(report.passed.size(), 5);
        QCOMPARE(report.head.length, rows);
        QCOMPARE(report.head.hash.size(), 64);
    }

    // Each row's hash is SHA-256 over the row before's hash and its own fields, as the triggers wrote it.
    void eachRowIsHashedFromTheOneBefore()
    {
        auto test = historyRegister();
        QSqlQuery query(test->reg().database());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT id, at, actor, action, record_table, record_id, changes, hash FROM audit_log ORDER BY id")));
        QByteArray previous;
        qint64 count = 0;
        while (query.next()) {
            const AuditChain::Row row {query.value(0).toLongLong(),
                                       query.value(1).toString().toUtf8(),
                                       query.value(2).toString().toUtf8(),
                                       query.value(3).toString().toUtf8(),
                                       query.value(4).toString().toUtf8(),
                                       query.value(5).toLongLong(),
                                       query.value(6).toString().toUtf8()};
            QCOMPARE(row.id, ++count);
            previous = AuditChain::hash(previous, row);
            QCOMPARE(query.value(7).toByteArray(), previous);
        }
        QVERIFY(count > 30);
        const std::optional<AuditChain::Head> head = AuditChain::head(test->reg().database());
        QVERIFY(head);
        QCOMPARE(head->length, count);
        QCOMPARE(head->hash, QString::fromLatin1(previous.toHex()));
    }

    // Another SQLite client cannot make a change the audit trail does not record: the triggers
    // call a function only Custos provides.
    void aChangeOutsideCustosIsRefused()
    {
        auto test = historyRegister();
        test->close();
        {
            OutsideConnection outside(test->path());
            QVERIFY(outside.exec(QStringLiteral("INSERT INTO write_session (actor) VALUES ('forger')")).isEmpty());
            const QString refused = outside.exec(QStringLiteral("UPDATE assets SET name = 'Forged' WHERE id = 1"));
            QVERIFY2(refused.contains(QStringLiteral("no such function: custos_")), qPrintable(refused));
            QVERIFY(outside.exec(QStringLiteral("DELETE FROM write_session")).isEmpty());
        }
        const VerifyReport report = verify(test->path());
        QVERIFY2(report.outcome == VerifyReport::Outcome::Intact, qPrintable(faults(report)));
    }

    void aWriteSessionLeftOpenIsFound()
    {
        auto test = historyRegister();
        test->close();
        QVERIFY(OutsideConnection(test->path())
                    .exec(QStringLiteral("INSERT INTO write_session (actor) VALUES ('forger')"))
                    .isEmpty());
        const VerifyReport report = verify(test->path());
        QVERIFY(report.outcome == VerifyReport::Outcome::Tampered);
        QVERIFY2(saysFault(report, QStringLiteral("Write sessions"), QStringLiteral("forger")),
                 qPrintable(faults(report)));
    }

    // A forger who supplies their own custos_chain() breaks the chain at their row.
    void aForgedWriteSessionBreaksTheChain()
    {
        auto test = historyRegister();
        const qint64 rows = test->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
        test->close();
        {
            OutsideConnection outside(test->path());
            outside.forgeChainFunction();
            QVERIFY(
                outside.exec(QStringLiteral("INSERT INTO write_session (actor) VALUES ('someone.else')")).isEmpty());
            QVERIFY(outside.exec(QStringLiteral("UPDATE assets SET classification = 'SECRET' WHERE id = 2")).isEmpty());
            QVERIFY(outside.exec(QStringLiteral("DELETE FROM write_session")).isEmpty());
        }
        const VerifyReport report = verify(test->path());
        QVERIFY(report.outcome == VerifyReport::Outcome::Tampered);
        QVERIFY2(saysFault(report, QStringLiteral("chain"), QStringLiteral("Audit row %1 ").arg(rows + 1)),
                 qPrintable(faults(report)));
    }

    void aChangeWithTheTriggerDroppedIsFound()
    {
        auto test = historyRegister();
        test->close();
        {
            OutsideConnection outside(test->path());
            QVERIFY(outside.exec(QStringLiteral("DROP TRIGGER assets_audit_update")).isEmpty());
            QVERIFY(outside.exec(QStringLiteral("UPDATE assets SET iao_id = NULL WHERE id = 4")).isEmpty());
        }
        const VerifyReport report = verify(test->path());
        QVERIFY(report.outcome == VerifyReport::Outcome::Tampered);
        QVERIFY2(saysFault(report, QStringLiteral("Schema"), QStringLiteral("trigger assets_audit_update is missing")),
                 qPrintable(faults(report)));
        QVERIFY2(
            saysFault(report, QStringLiteral("Replay"), QStringLiteral("(record 4): iao_id is \"\" in the register")),
            qPrintable(faults(report)));
    }

    void aDeletedAuditRowIsFound()
    {
        auto test = historyRegister();
        test->close();
        {
            OutsideConnection outside(test->path());
            QVERIFY(outside.exec(QStringLiteral("DROP TRIGGER audit_log_no_delete")).isEmpty());
            QVERIFY(outside.exec(QStringLiteral("DELETE FROM audit_log WHERE id = 10")).isEmpty());
        }
        const VerifyReport report = verify(test->path());
        QVERIFY(report.outcome == VerifyReport::Outcome::Tampered);
        QVERIFY2(saysFault(report, QStringLiteral("chain"), QStringLiteral("Audit row 10 is missing")),
                 qPrintable(faults(report)));
        QVERIFY2(saysFault(report, QStringLiteral("Schema"), QStringLiteral("audit_log_no_delete is missing")),
                 qPrintable(faults(report)));
    }

    void anEditedAuditRowIsFound()
    {
        auto test = historyRegister();
        const qint64 renameRow = test->scalar(QStringLiteral("SELECT max(id) FROM audit_log")).toLongLong();
        test->close();
        {
            OutsideConnection outside(test->path());
            QVERIFY(outside.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")).isEmpty());
            QVERIFY(
                outside.exec(QStringLiteral("UPDATE audit_log SET actor = 'someone.else' WHERE id = %1").arg(renameRow))
                    .isEmpty());
            QVERIFY(outside
                        .exec(QString::fromUtf8(
                            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT "
                            "RAISE(ABORT, 'The audit trail cannot be changed.'); END"))
                        .isEmpty());
        }
        const VerifyReport report = verify(test->path());
        QVERIFY(report.outcome == VerifyReport::Outcome::Tampered);
        QVERIFY2(saysFault(report, QStringLiteral("chain"), QStringLiteral("Audit row %1 (").arg(renameRow)),
                 qPrintable(faults(report)));
        QVERIFY2(saysFault(report, QStringLiteral("chain"), QStringLiteral("does not match its hash")),
                 qPrintable(faults(report)));
    }

    // Someone who rewrites a row and every hash after it keeps the chain whole, but not the anchor
    // kept from before.
    void aRewrittenChainMissesItsAnchor()
    {
        auto test = historyRegister();
        const QString anchor = AuditChain::head(test->reg().database())->anchor();
        test->close();
        QVERIFY(verify(test->path(), anchor).outcome == VerifyReport::Outcome::Intact);
        {
            OutsideConnection outside(test->path());
            QVERIFY(outside.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")).isEmpty());
            QVERIFY(outside.exec(QStringLiteral("UPDATE audit_log SET actor = 'someone.else'")).isEmpty());
            // Recompute every hash, as a careful forger would.
            sqlite3_stmt* read = nullptr;
            sqlite3_prepare_v2(
                outside.handle(),
                "SELECT id, at, actor, action, record_table, record_id, changes FROM audit_log ORDER BY id",
                -1,
                &read,
                nullptr);
            QByteArray previous;
            QList<QPair<qint64, QByteArray>> hashes;
            while (sqlite3_step(read) == SQLITE_ROW) {
                auto text = [read](int column) {
                    return QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(read, column)));
                };
                const AuditChain::Row row {sqlite3_column_int64(read, 0),
                                           text(1),
                                           text(2),
                                           text(3),
                                           text(4),
                                           sqlite3_column_int64(read, 5),
                                           text(6)};
                previous = AuditChain::hash(previous, row);
                hashes.append({row.id, previous});
            }
            sqlite3_finalize(read);
            for (const auto& [id, hash] : std::as_const(hashes)) {
                QVERIFY(outside
                            .exec(QStringLiteral("UPDATE audit_log SET hash = x'%1' WHERE id = %2")
                                      .arg(QString::fromLatin1(hash.toHex()))
                                      .arg(id))
                            .isEmpty());
            }
            QVERIFY(outside
                        .exec(QString::fromUtf8(
                            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT "
                            "RAISE(ABORT, 'The audit trail cannot be changed.'); END"))
                        .isEmpty());
        }
        QVERIFY(verify(test->path()).outcome == VerifyReport::Outcome::Intact);
        const VerifyReport report = verify(test->path(), anchor);
        QVERIFY(report.outcome == VerifyReport::Outcome::Tampered);
        QVERIFY2(saysFault(report, QStringLiteral("chain"), QStringLiteral("not the anchor's")),
                 qPrintable(faults(report)));
    }

    void rowsRemovedFromTheEndMissTheAnchor()
    {
        auto test = historyRegister();
        const AuditChain::Head head = *AuditChain::head(test->reg().database());
        test->close();
        {
            OutsideConnection outside(test->path());
            QVERIFY(outside.exec(QStringLiteral("DROP TRIGGER audit_log_no_delete")).isEmpty());
            QVERIFY(outside.exec(QStringLiteral("DELETE FROM audit_log WHERE id = %1").arg(head.length)).isEmpty());
        }
        const VerifyReport report = verify(test->path(), head.anchor());
        QVERIFY(report.outcome == VerifyReport::Outcome::Tampered);
        QVERIFY2(saysFault(report,
                           QStringLiteral("chain"),
                           QStringLiteral("does not reach the anchor's row %1").arg(head.length)),
                 qPrintable(faults(report)));
        QVERIFY2(saysFault(report, QStringLiteral("Replay"), QStringLiteral("(record 3): name is \"Renamed\"")),
                 qPrintable(faults(report)));
    }

    void anAlteredSchemaIsFound()
    {
        auto test = historyRegister();
        test->close();
        {
            OutsideConnection outside(test->path());
            QVERIFY(outside.exec(QStringLiteral("CREATE INDEX sneaky ON assets (location)")).isEmpty());
            QVERIFY(outside.exec(QStringLiteral("ALTER TABLE people ADD COLUMN notes TEXT")).isEmpty());
        }
        const VerifyReport report = verify(test->path());
        QVERIFY(report.outcome == VerifyReport::Outcome::Tampered);
        QVERIFY2(saysFault(report, QStringLiteral("Schema"), QStringLiteral("index sneaky was added outside Custos")),
                 qPrintable(faults(report)));
        QVERIFY2(saysFault(report, QStringLiteral("Schema"), QStringLiteral("table people is not the one Custos made")),
                 qPrintable(faults(report)));
    }

    void aDamagedPageIsFound()
    {
        auto test = historyRegister();
        test->close();
        QCOMPARE(damageAssetsTable(test->path()), QString());
        const VerifyReport report = verify(test->path());
        QVERIFY2(report.outcome == VerifyReport::Outcome::Tampered, qPrintable(faults(report)));
        QVERIFY2(saysFault(report, QStringLiteral("integrity"), QString()), qPrintable(faults(report)));
    }

    // A register whose triggers were changed opens read-only, saying why, so nothing more goes unrecorded.
    void aTamperedRegisterOpensReadOnly()
    {
        auto test = historyRegister();
        test->close();
        QVERIFY(OutsideConnection(test->path()).exec(QStringLiteral("DROP TRIGGER units_audit_insert")).isEmpty());
        QString error;
        const std::unique_ptr<Register> reg = Register::open(test->path(), OpenMode::ReadWrite, &error);
        QVERIFY2(reg, qPrintable(error));
        QVERIFY(reg->isReadOnly());
        QVERIFY2(reg->readOnlyReason().contains(QStringLiteral("changed outside Custos")),
                 qPrintable(reg->readOnlyReason()));
        QVERIFY(reg->readOnlyReason().contains(QStringLiteral("units_audit_insert")));
        QVERIFY(!UnitStore(*reg).add(QStringLiteral("Unrecorded"), std::nullopt, &error));
    }

    // The replay reads each audit row's changes as SQLite's JSON functions wrote them, escapes included.
    void changesAreReadAsSqliteWritesThem()
    {
        TestRegister test;
        QSqlQuery query(test.reg().database());
        const QString tricky = QStringLiteral("Tab\t \"quoted\" \\ caf\u00e9 \U0001F600 line\nbreak \u202e \x01");
        QVERIFY(query.prepare(QStringLiteral("SELECT json_group_object(f, json_array(o, n)) FROM (SELECT 'name' AS f, "
                                             "NULL AS o, ? AS n UNION ALL SELECT 'unit_id', 12, 13)")));
        query.addBindValue(tricky);
        QVERIFY(query.exec());
        QVERIFY(query.next());
        const QByteArray json = query.value(0).toString().toUtf8();
        AuditChanges changes(json);
        QVERIFY(changes.next());
        QCOMPARE(changes.field(), QByteArrayView("name"));
        QCOMPARE(changes.before(), QByteArrayView());
        QCOMPARE(QString::fromUtf8(changes.after()), tricky);
        QVERIFY(json.contains("\\u0001")); // escaped by SQLite, unescaped by the reader
        QVERIFY(changes.next());
        QCOMPARE(changes.field(), QByteArrayView("unit_id"));
        QCOMPARE(changes.before(), QByteArrayView("12"));
        QCOMPARE(changes.after(), QByteArrayView("13"));
        QVERIFY(!changes.next());
        QVERIFY(changes.isValid());

        for (const char* broken : {"",
                                   "{",
                                   "{\"name\":[1,2]",
                                   "{\"name\":[1]}",
                                   "{\"name\":1}",
                                   "[1,2]",
                                   "{\"name\":[\"\\q\",2]}",
                                   "{\"name\":[x,2]}",
                                   "{}x"}) {
            AuditChanges bad {QByteArrayView(broken)};
            while (bad.next()) { }
            QVERIFY2(!bad.isValid(), broken);
        }
    }

    // Every character a name may hold survives the round trip through the trail's JSON.
    void aNameWithEscapesReplaysExactly()
    {
        TestRegister test;
        const QString name = QStringLiteral("Tab\t \"quoted\" \\ caf\u00e9 \U0001F600 line\nbreak \u202e \x01 end");
        test.addUnit(name);
        test.close();
        const VerifyReport report = verify(test.path());
        QVERIFY2(report.outcome == VerifyReport::Outcome::Intact, qPrintable(faults(report)));
    }

    void anAnchorMustBeRowAndHash()
    {
        TestRegister test;
        RegisterVerifier verifier(test.reg());
        QString error;
        QVERIFY(!verifier.setAnchor(QStringLiteral("12:abc"), &error));
        QVERIFY(error.contains(QStringLiteral("ROW:HASH")));
        QVERIFY(verifier.setAnchor(QStringLiteral("12:") + QString(64, QLatin1Char('A')), &error));
    }
};

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
