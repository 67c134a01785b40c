#include "Register.h"

#include "Migrations.h"
#include "Schema.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

namespace custos {

namespace {

QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("custos-register-%1").arg(counter.fetchAndAddRelaxed(1));
}

bool hasSqliteHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
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
    db.open();
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

int pragmaValue(const QSqlDatabase& db, const QString& pragma, bool* ok)
{
    QSqlQuery query(db);
    *ok = query.exec(QStringLiteral("PRAGMA ") + pragma) && query.next();
    return *ok ? query.value(0).toInt() : 0;
}

// Reads what the file says it is through a read-only connection, so that nothing is written to a
// file that turns out not to be ours. Returns the schema version, or -1 with `error` set.
int inspect(const QString& path, QString* error)
{
    const QString connectionName = newConnectionName();
    int version = -1;
    {
        QSqlDatabase db = openConnection(path, connectionName, true);
        bool applicationIdRead = false;
        bool versionRead = false;
        const int applicationId
            = db.isOpen() ? pragmaValue(db, QStringLiteral("application_id"), &applicationIdRead) : 0;
        const int fileVersion = applicationIdRead ? pragmaValue(db, QStringLiteral("user_version"), &versionRead) : 0;
        if (!db.isOpen() || !applicationIdRead || !versionRead) {
            *error = QStringLiteral("%1 could not be read as a register: %2. Check that the file is not damaged, "
                                    "or restore it from a backup.")
                         .arg(path, db.lastError().text());
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
        }
    }
    closeConnection(connectionName);
    return version;
}

QString readOnlyReasonFor(const QString& path, OpenMode mode)
{
    if (mode == OpenMode::ReadOnly)
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

} // namespace

QString currentLogin()
{
    if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

Register::Register(const QString& path, const QString& connectionName)
    : m_path(path)
    , m_connectionName(connectionName)
    , m_actor(currentLogin())
{
}

Register::~Register()
{
    closeConnection(m_connectionName);
}

std::unique_ptr<Register> Register::create(const QString& path, QString* error)
{
    QString ignored;
    QString& message = error ? *error : ignored;
    QFile file(path);
    // NewOnly refuses an existing file; the permissions apply as the file is created, so the
    // register is never readable by others, not even for a moment.
    if (!file.open(QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        message = file.exists()
            ? QStringLiteral("%1 already exists. Choose another name, or open the existing register.").arg(path)
            : QStringLiteral("%1 could not be created: %2.").arg(path, file.errorString());
        return nullptr;
    }
    file.close();

    std::unique_ptr<Register> reg(new Register(path, newConnectionName()));
    QSqlDatabase db = openConnection(path, reg->m_connectionName, false);
    QSqlQuery query(db);
    const bool prepared = db.isOpen()
        && query.exec(QStringLiteral("PRAGMA application_id = %1").arg(Schema::kApplicationId))
        && query.exec(QStringLiteral("PRAGMA journal_mode = WAL"))
        && query.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    QString migrationError;
    if (!prepared || !Migrations::upgrade(db, Migrations::all(), &migrationError)) {
        message = QStringLiteral("%1 could not be set up as a register: %2")
                      .arg(path, prepared ? migrationError : db.lastError().text());
        reg.reset();
        QFile::remove(path);
        return nullptr;
    }
    reg->setBusyTimeoutMs(kDefaultBusyTimeoutMs);
    return reg;
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
    if (!hasSqliteHeader(path)) {
        message = QStringLiteral("%1 is not a Custos register (it is not an SQLite database). Choose a .custos "
                                 "file, or create a new register.")
                      .arg(path);
        return nullptr;
    }
    const int version = inspect(path, &message);
    if (version < 0)
        return nullptr;

    const QString readOnlyReason = readOnlyReasonFor(path, mode);
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

void Register::setBusyTimeoutMs(int milliseconds)
{
    m_busyTimeoutMs = milliseconds;
    QSqlQuery query(database());
    query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(milliseconds));
}

} // namespace custos
