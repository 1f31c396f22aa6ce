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
#include "store/schema.hpp"

namespace campaign::store {

namespace {

// 'CAMP' in the database header tells our files from other SQLite databases.
constexpr int k_application_id = 0x43414d50;
constexpr int k_busy_timeout_ms = 5000;

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

} // namespace

Database::Database(const std::filesystem::path& path, OpenMode mode) : m_path(path) {
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
    return m_sqlite->execAndGet("PRAGMA user_version").getInt();
}

void Database::relax_durability() {
    m_sqlite->exec("PRAGMA synchronous = NORMAL");
    // A longer log between checkpoints: the few pages a run rewrites over and over are copied back once per
    // checkpoint, not once every thousand pages.
    m_sqlite->exec("PRAGMA wal_autocheckpoint = 16384");
    // The pages a run goes back to (its queues' heads, the tallies, the newest actions) stay in memory: 64 MiB,
    // where SQLite's default is 2 MiB.
    m_sqlite->exec("PRAGMA cache_size = -65536");
}

void Database::read_through_memory_map() {
    m_sqlite->exec("PRAGMA mmap_size = 1073741824");
}

void Database::keep_temporary_files_in_memory() {
    m_sqlite->exec("PRAGMA temp_store = MEMORY");
}

void Database::wait_for_writers(std::chrono::seconds patience) {
    m_sqlite->setBusyTimeout(static_cast<int>(std::chrono::milliseconds(patience).count()));
}

void Database::copy_to(const std::filesystem::path& target) {
    try {
        SQLite::Statement vacuum(*m_sqlite, "VACUUM INTO ?");
        vacuum.bind(1, target.string());
        vacuum.exec();
    } catch (const SQLite::Exception& failure) {
        throw core::RuntimeFailure(target.string() + ": error: cannot copy the database: " + failure.what());
    }
}

Transaction::Transaction(Database& database) : m_database(database) {
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
    if (!m_committed) {
        ++m_database.m_rollbacks;
    }
}

ReadSnapshot::ReadSnapshot(Database& database) {
    try {
        m_transaction = std::make_unique<SQLite::Transaction>(database.sqlite(), SQLite::TransactionBehavior::DEFERRED);
    } catch (const SQLite::Exception& failure) {
        throw core::RuntimeFailure(database.path().string() + ": error: cannot start reading: " + failure.what());
    }
}

ReadSnapshot::~ReadSnapshot() = default;

void Transaction::commit() {
    m_transaction->commit();
    m_committed = true;
}

} // namespace campaign::store
