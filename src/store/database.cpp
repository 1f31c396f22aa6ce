#include "store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <array>
#include <chrono>
#include <fstream>
#include <sqlite3.h>
#include <string>
#include <thread>

#include "core/error.hpp"
#include "store/connection.hpp"
#include "store/copy.hpp"
#include "store/postgres_schema.hpp"
#include "store/schema.hpp"

namespace campaign::store {

namespace {

// 'CAMP' in the database header tells our files from other SQLite databases.
constexpr int k_application_id = 0x43414d50;
constexpr int k_busy_timeout_ms = 5000;

// SQLite counts every allocation in a global tally, under a global lock, unless told before its first use not to:
// nothing here reads the tally, and an import or a run allocates for every row.
void stop_counting_allocations() {
    static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); // SQLITE_MISUSE once in use: harmless
    (void)configured;
}

bool has_sqlite_header(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::array<char, 16> header{};
    if (!file.read(header.data(), header.size())) {
        return false;
    }
    return std::string_view(header.data(), header.size()) == std::string_view("SQLite format 3\0", 16);
}

void check_is_ours(SQLite::Database& db, const std::filesystem::path& path) {
    // One statement, so one snapshot: another process may be creating the schema between two reads.
    SQLite::Statement header(db,
                             "SELECT application_id, (SELECT count(*) FROM sqlite_master) FROM pragma_application_id");
    header.executeStep();
    int application_id = header.getColumn(0).getInt();
    int tables = header.getColumn(1).getInt();
    if (application_id != k_application_id && (application_id != 0 || tables > 0)) {
        throw core::UserError(path.string() + ": error: this SQLite database was not made by campaign");
    }
}

// Switching a new database to WAL needs it to itself, and SQLite does not wait for that (no busy handler): when
// another process is opening the same new file, try again for as long as a busy timeout.
void switch_to_wal(SQLite::Database& db) {
    constexpr auto k_pause = std::chrono::milliseconds{20};
    for (int waited_ms = 0;; waited_ms += static_cast<int>(k_pause.count())) {
        try {
            db.exec("PRAGMA journal_mode = WAL");
            return;
        } catch (const SQLite::Exception& failure) {
            if (failure.getErrorCode() != SQLITE_BUSY || waited_ms >= k_busy_timeout_ms) {
                throw;
            }
        }
        std::this_thread::sleep_for(k_pause);
    }
}

void migrate(SQLite::Database& db, const std::filesystem::path& path) {
    int current = db.execAndGet("PRAGMA user_version").getInt();
    int latest = latest_schema_version();
    if (current > latest) {
        throw core::UserError(path.string() + ": error: the database has schema version " + std::to_string(current) +
                              ", written by a newer campaign; this one knows " + "versions up to " +
                              std::to_string(latest) + ": upgrade campaign to open it");
    }
    auto steps = migrations();
    for (int version = current + 1; version <= latest; ++version) {
        // Another process may be opening the same new database: take the write lock, then look again.
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        if (db.execAndGet("PRAGMA user_version").getInt() >= version) {
            continue;
        }
        const auto& step = steps[static_cast<std::size_t>(version - 1)];
        db.exec(std::string(step.sql));
        if (step.then) {
            step.then(db);
        }
        db.exec("PRAGMA user_version = " + std::to_string(version));
        db.exec("PRAGMA application_id = " + std::to_string(k_application_id));
        transaction.commit();
    }
}

// A PostgreSQL database is campaign's when it holds this table, which says its schema's version. It is made at the
// base version and brought to the current one by the migrations after it, in one transaction under an advisory lock of
// the database's, so that runners starting at once on several machines make it once.
constexpr std::int64_t k_schema_lock = k_application_id;

void migrate_postgresql(Connection& connection, OpenMode mode) {
    connection.execute("BEGIN");
    try {
        connection.execute("SELECT pg_advisory_xact_lock(" + std::to_string(k_schema_lock) + ")");
        auto tables = [&connection](const std::string& which) {
            return query_integer(connection,
                                 "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()" + which);
        };
        int latest = latest_schema_version();
        if (tables(" AND tablename = 'campaign_schema'") == 0) {
            if (mode == OpenMode::must_exist) {
                throw core::UserError(connection.where() + ": error: no CRM in this database yet; import prospects "
                                                           "first ('campaign prospects import FILE')");
            }
            if (tables("") > 0) {
                throw core::UserError(connection.where() +
                                      ": error: this PostgreSQL database holds tables that campaign did not make: "
                                      "give campaign a database of its own");
            }
            if (postgres_base_version() + static_cast<int>(postgres_migrations().size()) != latest) {
                throw std::logic_error("the PostgreSQL migrations do not reach the latest schema version");
            }
            connection.execute(std::string(postgres_schema()));
            connection.execute("CREATE TABLE campaign_schema (version INTEGER NOT NULL);"
                               " INSERT INTO campaign_schema VALUES (" +
                               std::to_string(postgres_base_version()) + ")");
        }
        auto current = query_integer(connection, "SELECT version FROM campaign_schema");
        if (current > latest) {
            throw core::UserError(connection.where() + ": error: the database has schema version " +
                                  std::to_string(current) +
                                  ", written by a newer campaign; this one knows versions "
                                  "up to " +
                                  std::to_string(latest) + ": upgrade campaign to open it");
        }
        for (auto version = current + 1; version <= latest; ++version) {
            auto index = static_cast<std::size_t>(version - postgres_base_version() - 1);
            connection.execute(std::string(postgres_migrations()[index]));
            connection.execute("UPDATE campaign_schema SET version = " + std::to_string(version));
        }
        connection.execute("COMMIT");
    } catch (...) {
        try {
            connection.execute("ROLLBACK");
        } catch (const std::exception&) {
            // The connection is gone; so is the transaction.
        }
        throw;
    }
}

} // namespace

bool on_server(const std::filesystem::path& location) {
    return backend_of(location.string()) == Backend::postgresql;
}

bool crm_exists(const std::filesystem::path& location) {
    if (!on_server(location)) {
        return std::filesystem::exists(location);
    }
    auto connection = open_postgresql(location.string());
    return query_integer(*connection, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                                      " AND tablename = 'campaign_schema'") > 0;
}

Database::Database(const std::filesystem::path& path, OpenMode mode) : m_path(path) {
    if (backend_of(path.string()) == Backend::postgresql) {
        m_connection = open_postgresql(path.string());
        migrate_postgresql(*m_connection, mode);
        return;
    }
    std::error_code error;
    bool exists = std::filesystem::exists(path, error);
    if (!exists && mode == OpenMode::must_exist) {
        throw core::UserError(path.string() + ": error: no database here yet; import prospects first " +
                              "('campaign prospects import FILE') or name one with --db");
    }
    auto folder = path.parent_path();
    if (!exists && !folder.empty() && !std::filesystem::is_directory(folder, error)) {
        throw core::UserError(path.string() + ": error: cannot create the database: there is no folder " +
                              folder.string());
    }
    if (exists && std::filesystem::file_size(path, error) > 0 && !has_sqlite_header(path)) {
        throw core::UserError(path.string() + ": error: not a database (is --db pointing at the right file?)");
    }
    stop_counting_allocations();
    try {
        // A connection is never used by two threads at once (the SSI report's take turns), so it needs no lock of
        // its own (OPEN_NOMUTEX).
        m_sqlite = std::make_unique<SQLite::Database>(
            path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, k_busy_timeout_ms);
        // First: WAL mode is written into the file, and another program's database must be left as it was.
        check_is_ours(*m_sqlite, path);
        switch_to_wal(*m_sqlite);
        m_sqlite->exec("PRAGMA foreign_keys = ON");
        migrate(*m_sqlite, path);
        m_connection = sqlite_connection(*m_sqlite, path.string());
    } catch (const SQLite::Exception& failure) {
        throw core::RuntimeFailure(path.string() + ": error: cannot open the database: " + failure.what());
    }
}

Database::~Database() = default;

int Database::schema_version() const {
    if (!m_sqlite) {
        return static_cast<int>(query_integer(*m_connection, "SELECT version FROM campaign_schema"));
    }
    return m_sqlite->execAndGet("PRAGMA user_version").getInt();
}

SQLite::Database& Database::sqlite() {
    if (!m_sqlite) {
        throw std::logic_error("a SQLite operation on a PostgreSQL database");
    }
    return *m_sqlite;
}

void Database::relax_durability() {
    if (!m_sqlite) {
        // The commit returns before the server's log is on disk; a crash of the server may lose the last ones.
        m_connection->execute("SET synchronous_commit = off");
        return;
    }
    m_sqlite->exec("PRAGMA synchronous = NORMAL");
    // A longer log between checkpoints: the few pages a run rewrites over and over are copied back once per
    // checkpoint, not once every thousand pages.
    m_sqlite->exec("PRAGMA wal_autocheckpoint = 16384");
    // The pages a run goes back to (its queues' heads, the tallies, the newest actions) stay in memory: 64 MiB,
    // where SQLite's default is 2 MiB.
    m_sqlite->exec("PRAGMA cache_size = -65536");
}

// A server keeps its own pages and temporary files: these two are SQLite's alone.
void Database::read_through_memory_map() {
    if (m_sqlite) {
        m_sqlite->exec("PRAGMA mmap_size = 1073741824");
    }
}

void Database::keep_temporary_files_in_memory() {
    if (m_sqlite) {
        m_sqlite->exec("PRAGMA temp_store = MEMORY");
    }
}

void Database::cache_pages(int mebibytes) {
    if (m_sqlite) {
        m_sqlite->exec("PRAGMA cache_size = " + std::to_string(-1024 * mebibytes));
    }
}

void Database::wait_for_writers(std::chrono::seconds patience) {
    auto milliseconds = std::chrono::milliseconds(patience).count();
    if (!m_sqlite) {
        m_connection->execute("SET lock_timeout = " + std::to_string(milliseconds));
        return;
    }
    m_sqlite->setBusyTimeout(static_cast<int>(milliseconds));
}

void Database::copy_to(const std::filesystem::path& target) {
    if (!m_sqlite) {
        Database copy(target, OpenMode::create);
        copy_database(*this, copy);
        return;
    }
    try {
        SQLite::Statement vacuum(*m_sqlite, "VACUUM INTO ?");
        vacuum.bind(1, target.string());
        vacuum.exec();
    } catch (const SQLite::Exception& failure) {
        throw core::RuntimeFailure(target.string() + ": error: cannot copy the database: " + failure.what());
    }
}

Transaction::Transaction(Database& database) : m_database(database) {
    if (database.backend() == Backend::postgresql) {
        database.connection().execute("BEGIN");
        return;
    }
    // IMMEDIATE takes the write lock now, so a second writer waits here (up to the busy timeout) rather than
    // failing halfway through its work.
    try {
        m_transaction =
            std::make_unique<SQLite::Transaction>(database.sqlite(), SQLite::TransactionBehavior::IMMEDIATE);
    } catch (const SQLite::Exception& failure) {
        throw core::RuntimeFailure(database.path().string() + ": error: cannot start a transaction: " + failure.what());
    }
}

Transaction::~Transaction() {
    if (m_committed) {
        return;
    }
    ++m_database.m_rollbacks;
    if (!m_transaction) {
        m_database.connection().try_execute("ROLLBACK");
    }
}

TrustedReferences::TrustedReferences(Database& database) : m_database(database) {
    if (database.backend() == Backend::sqlite) {
        database.sqlite().exec("PRAGMA foreign_keys = OFF");
    }
}

TrustedReferences::~TrustedReferences() {
    if (m_database.backend() == Backend::sqlite) {
        try {
            m_database.sqlite().exec("PRAGMA foreign_keys = ON");
        } catch (const std::exception&) {
            // A connection that cannot take a pragma is closed by its owner next.
        }
    }
}

ReadSnapshot::ReadSnapshot(Database& database) : m_database(database) {
    if (database.backend() == Backend::postgresql) {
        // One snapshot for all its reads, as SQLite's deferred transaction gives; it takes no lock.
        database.connection().execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        return;
    }
    try {
        m_transaction = std::make_unique<SQLite::Transaction>(database.sqlite(), SQLite::TransactionBehavior::DEFERRED);
    } catch (const SQLite::Exception& failure) {
        throw core::RuntimeFailure(database.path().string() + ": error: cannot start reading: " + failure.what());
    }
}

ReadSnapshot::~ReadSnapshot() {
    if (!m_transaction) {
        m_database.connection().try_execute("ROLLBACK");
    }
}

void Transaction::commit() {
    if (m_transaction) {
        m_transaction->commit();
    } else {
        m_database.connection().execute("COMMIT");
    }
    m_committed = true;
}

} // namespace campaign::store
