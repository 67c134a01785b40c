#include "models/store/Register.h"

#include "models/store/AuditChain.h"
#include "models/store/AutomaticBackups.h"
#include "models/store/FileInProgress.h"
#include "models/store/Migrations.h"
#include "models/store/Schema.h"
#include "models/store/SchemaCheck.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>
#include <fcntl.h>
#include <pwd.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace custos {

namespace {

// A register being created is built under "<path>.creating-<pid>-<n>".
const QString kCreating = QStringLiteral("creating");

// The registers open in this process, by absolute path, once for each connection.
QMutex openPathsMutex;
QStringList openPaths;

QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("custos-register-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Asks with the effective user's rights, which are the ones SQLite will open the file with.
bool mayAccess(const QString& path, int mode)
{
    return faccessat(AT_FDCWD, QFile::encodeName(path).constData(), mode, AT_EACCESS) == 0;
}

QSqlDatabase openConnection(const QString& path, const QString& connectionName, bool readOnly)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    if (readOnly)
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    // A reader of a write-ahead-logged file needs its shared-memory file beside it. Where that
    // cannot be created (a colleague's folder) the file is read as it stands on disk.
    const QString folder = QFileInfo(path).absolutePath();
    if (readOnly && !mayAccess(folder, W_OK) && !QFile::exists(path + QStringLiteral("-shm"))) {
        db.setDatabaseName(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString()
                           + QStringLiteral("?immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    }
    // The audit triggers call custos_chain(); a connection without it cannot change the register.
    if (db.open())
        AuditChain::install(db);
    return db;
}

void closeConnection(const QString& connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

// Reads one pragma's value; false, with SQLite's reason in `failure`, when the file cannot be read.
bool readPragma(const QSqlDatabase& db, const QString& pragma, int* value, QSqlError* failure)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA ") + pragma) && query.next()) {
        *value = query.value(0).toInt();
        return true;
    }
    *failure = query.lastError();
    return false;
}

// Reads what the file says it is through a read-only connection, so that nothing is written to a
// file that turns out not to be ours. Only SQLite ever opens the file: on POSIX, closing any
// descriptor of a file drops every lock the process holds on it, SQLite's included, and another
// process could then delete the write-ahead log that this process's connections still use.
// Returns the schema version, or -1 with `error` set; `tampering` says what looks changed outside
// Custos.
int inspect(const QString& path, QString* error, QStringList* tampering)
{
    const QString connectionName = newConnectionName();
    int version = -1;
    {
        QSqlDatabase db = openConnection(path, connectionName, true);
        QSqlError failure = db.lastError();
        int pages = 0;
        int applicationId = 0;
        int fileVersion = 0;
        const bool read = db.isOpen() && readPragma(db, QStringLiteral("page_count"), &pages, &failure)
            && readPragma(db, QStringLiteral("application_id"), &applicationId, &failure)
            && readPragma(db, QStringLiteral("user_version"), &fileVersion, &failure);
        // An empty file is an empty database to SQLite, but no register.
        if ((read && pages == 0) || failure.nativeErrorCode() == QString::number(SQLITE_NOTADB)) {
            *error = QStringLiteral("%1 is not a Custos register (it is not an SQLite database). Choose a .custos "
                                    "file, or create a new register.")
                         .arg(path);
        } else if (!read) {
            *error = QStringLiteral("%1 could not be read as a register: %2. Check that the file is not damaged, "
                                    "or restore it from a backup.")
                         .arg(path, failure.text());
        } else if (applicationId != Schema::kApplicationId) {
            *error = QStringLiteral("%1 is an SQLite database but not a Custos register. Choose a .custos file, "
                                    "or create a new register.")
                         .arg(path);
        } else if (fileVersion > Migrations::latestVersion()) {
            *error = QStringLiteral("%1 was written by a newer version of Custos (register version %2; this "
                                    "version reads up to %3). Update Custos to open it.")
                         .arg(path)
                         .arg(fileVersion)
                         .arg(Migrations::latestVersion());
        } else {
            version = fileVersion;
            *tampering = SchemaCheck::problems(db, fileVersion);
        }
    }
    closeConnection(connectionName);
    return version;
}

QString readOnlyReasonFor(const QString& path, OpenMode mode)
{
    if (mode != OpenMode::ReadWrite)
        return QStringLiteral("%1 is open read-only, as asked.").arg(path);
    const QFileInfo file(path);
    if (!mayAccess(path, W_OK)) {
        return QStringLiteral("You may not write to %1, so it is open read-only. Ask its owner for write "
                              "access to make changes.")
            .arg(path);
    }
    // SQLite keeps its write-ahead log beside the file, so changes also need the folder.
    if (!mayAccess(file.absolutePath(), W_OK)) {
        return QStringLiteral("You may not write to the folder %1, which Custos needs for changes, so %2 is "
                              "open read-only.")
            .arg(file.absolutePath(), path);
    }
    return {};
}

QString tamperedReason(const QString& path, const QString& firstProblem)
{
    return QStringLiteral("%1 was changed outside Custos: %2 It is open read-only so that nothing more goes "
                          "unrecorded. Verify Register (custos-cli verify) says what differs; restore a backup to "
                          "make changes again.")
        .arg(path, firstProblem);
}

bool sameFile(const QString& a, const QString& b)
{
    if (QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath())
        return true;
    struct stat first
    {
    };
    struct stat second
    {
    };
    return ::stat(QFile::encodeName(a).constData(), &first) == 0
        && ::stat(QFile::encodeName(b).constData(), &second) == 0 && first.st_dev == second.st_dev
        && first.st_ino == second.st_ino;
}

} // namespace

QString openRegisterFileConflict(const QString& path)
{
    const QMutexLocker lock(&openPathsMutex);
    for (const QString& open : std::as_const(openPaths)) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            if (sameFile(path, open + QLatin1String(suffix))) {
                return QStringLiteral("%1 belongs to the register %2, which is open. Choose another file: Custos "
                                      "reads and writes a register only as a register.")
                    .arg(path, open);
            }
        }
    }
    return {};
}

QString currentLogin()
{
    if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

Register::Register(const QString& path, const QString& connectionName)
    : QObject(nullptr)
    , m_path(path)
    , m_connectionName(connectionName)
    , m_actor(currentLogin())
{
    const QMutexLocker lock(&openPathsMutex);
    openPaths.append(QFileInfo(path).absoluteFilePath());
}

Register::~Register()
{
    closeConnection(m_connectionName);
    const QMutexLocker lock(&openPathsMutex);
    openPaths.removeOne(QFileInfo(m_path).absoluteFilePath());
}

std::unique_ptr<Register> Register::create(const QString& path, QString* error, const Filling& fill)
{
    QString ignored;
    QString& message = error ? *error : ignored;
    if (QFileInfo::exists(path)) {
        message = QStringLiteral("%1 already exists. Choose another name, or open the existing register.").arg(path);
        return nullptr;
    }
    FileInProgress::removeAbandoned(path, kCreating);
    FileInProgress building(path, kCreating);
    // Owner-only from its first moment, so the register is never readable by others.
    if (!building.create(&message)) {
        message = QStringLiteral("%1 could not be created: %2").arg(path, message);
        return nullptr;
    }
    {
        std::unique_ptr<Register> reg(new Register(building.path(), newConnectionName()));
        QSqlDatabase db = openConnection(building.path(), reg->m_connectionName, false);
        QSqlQuery query(db);
        const bool prepared = db.isOpen()
            && query.exec(QStringLiteral("PRAGMA application_id = %1").arg(Schema::kApplicationId))
            && query.exec(QStringLiteral("PRAGMA journal_mode = WAL"))
            && query.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        QString migrationError;
        if (!prepared || !Migrations::upgrade(db, Migrations::all(), &migrationError)) {
            message = QStringLiteral("%1 could not be set up as a register: %2")
                          .arg(path, prepared ? migrationError : db.lastError().text());
            return nullptr;
        }
        reg->setBusyTimeoutMs(kDefaultBusyTimeoutMs);
        if (fill && !fill(*reg, &message)) {
            message.replace(building.path(), path);
            return nullptr;
        }
    } // closed first: SQLite folds its log into the file, and the log is named after the file
    if (!building.place(&message))
        return nullptr;
    return open(path, OpenMode::ReadWrite, error);
}

std::unique_ptr<Register> Register::open(const QString& path, OpenMode mode, QString* error)
{
    QString ignored;
    QString& message = error ? *error : ignored;
    const QFileInfo info(path);
    if (!info.exists()) {
        message = QStringLiteral("%1 does not exist. Check the name, or create a new register.").arg(path);
        return nullptr;
    }
    if (!info.isFile() || !mayAccess(path, R_OK)) {
        message = QStringLiteral("%1 cannot be read. Check that it is a file and that you may read it.").arg(path);
        return nullptr;
    }
    QStringList tampering;
    const int version = inspect(path, &message, &tampering);
    if (version < 0)
        return nullptr;
    if (!tampering.isEmpty() && version < Migrations::latestVersion()) {
        message = QStringLiteral("%1 was changed outside Custos (%2) and is too old to check. Restore it from a "
                                 "backup.")
                      .arg(path, tampering.first());
        return nullptr;
    }

    const QString readOnlyReason
        = tampering.isEmpty() ? readOnlyReasonFor(path, mode) : tamperedReason(path, tampering.first());
    const bool readOnly = !readOnlyReason.isEmpty();
    if (readOnly && version < Migrations::latestVersion()) {
        message = QStringLiteral("%1 was written by an older version of Custos and must be upgraded, which needs "
                                 "write access. Open it once with write access to upgrade it.")
                      .arg(path);
        return nullptr;
    }

    std::unique_ptr<Register> reg(new Register(path, newConnectionName()));
    reg->m_readOnly = readOnly;
    reg->m_readOnlyReason = readOnlyReason;
    QSqlDatabase db = openConnection(path, reg->m_connectionName, readOnly);
    QSqlQuery query(db);
    if (!db.isOpen() || !query.exec(QStringLiteral("PRAGMA foreign_keys = ON"))) {
        message = QStringLiteral("%1 could not be opened: %2").arg(path, db.lastError().text());
        return nullptr;
    }
    reg->setBusyTimeoutMs(kDefaultBusyTimeoutMs);
    // 512 KiB instead of SQLite's 2 MiB: on a million assets the window's peak memory is 68 MB
    // rather than 73 MB, and the loaders' pages come no slower (see docs/BENCHMARKS.md).
    if (mode == OpenMode::Background)
        query.exec(QStringLiteral("PRAGMA cache_size = -512"));
    // An upgrade rewrites the file: a backup of it as it was comes first.
    if (!readOnly && version < Migrations::latestVersion()
        && AutomaticBackups::keep(path, AutomaticBackups::kBeforeUpgrade, &message).isEmpty()) {
        message = QStringLiteral("%1 was not upgraded, and is unchanged: %2").arg(path, message);
        return nullptr;
    }
    QString migrationError;
    if (!readOnly && !Migrations::upgrade(db, Migrations::all(), &migrationError)) {
        message = QStringLiteral("%1 could not be upgraded, and is unchanged: %2").arg(path, migrationError);
        return nullptr;
    }
    return reg;
}

QSqlDatabase Register::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Register::name() const
{
    return QFileInfo(m_path).completeBaseName();
}

void Register::watch(int intervalMs)
{
    if (!m_watch) {
        m_watch = new QTimer(this);
        connect(m_watch, &QTimer::timeout, this, &Register::noticeChanges);
        QSqlQuery query(database());
        if (query.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM audit_log")) && query.next())
            m_lastAuditId = query.value(0).toLongLong();
        if (query.exec(QStringLiteral("PRAGMA data_version")) && query.next())
            m_dataVersion = query.value(0).toLongLong();
    }
    m_watch->start(intervalMs);
}

void Register::afterCommit()
{
    if (m_watch)
        lookForChanges(true);
}

void Register::noticeChanges()
{
    lookForChanges(false);
}

void Register::lookForChanges(bool ownCommit)
{
    QSqlQuery query(database());
    // data_version moves when another connection commits, never for this connection's own.
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return;
    const qint64 dataVersion = query.value(0).toLongLong();
    const bool otherCommit = m_dataVersion >= 0 && dataVersion != m_dataVersion;
    m_dataVersion = dataVersion;
    if (!ownCommit && !otherCommit)
        return;
    query.prepare(QStringLiteral("SELECT record_table, max(id) FROM audit_log WHERE id > ? GROUP BY record_table"));
    query.addBindValue(m_lastAuditId);
    if (!query.exec())
        return;
    RegisterChanges what;
    while (query.next()) {
        const QString table = query.value(0).toString();
        what |= table == QLatin1String("assets") ? RegisterChange::Assets
            : table == QLatin1String("people")   ? RegisterChange::People
                                                 : RegisterChange::Units;
        m_lastAuditId = std::max(m_lastAuditId, query.value(1).toLongLong());
    }
    query.finish(); // a finished read lets the next one see later commits
    // A commit that left no audit rows (an upgrade, or a writer other than Custos): anything may
    // have changed.
    if (!what)
        what = RegisterChange::Assets | RegisterChange::People | RegisterChange::Units;
    emit changed(what);
}

int Register::schemaVersion() const
{
    return Migrations::version(database());
}

QString Register::engineVersion()
{
    return QStringLiteral("SQLite %1").arg(QString::fromLatin1(sqlite3_libversion()));
}

} // namespace custos
