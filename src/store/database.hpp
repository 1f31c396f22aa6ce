// The CRM database: one SQLite file in WAL mode with foreign keys on, or a database on a PostgreSQL server, brought to
// the current schema when opened.
// Everything that speaks SQL lives in this module; the rest of the program sees typed stores.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "store/connection.hpp"

namespace SQLite {
class Database;
class Transaction;
} // namespace SQLite

namespace campaign::store {

// Whether a CRM's location names a database on a PostgreSQL server (a libpq URI, postgresql://...), not a SQLite file.
bool on_server(const std::filesystem::path& location);
// Whether there is a CRM at `location`: a file, or a server's database that holds campaign's schema. Throws
// core::RuntimeFailure when the server cannot be reached.
bool crm_exists(const std::filesystem::path& location);

enum class OpenMode {
    create,     // create the file if it does not exist
    must_exist, // fail when there is no database yet: read-only commands should not leave an empty one
};

class Database {
public:
    // `path`: a SQLite file, or a PostgreSQL server's database as a libpq URI (postgresql://user@host:port/name).
    // Throws core::UserError when the file is not a database of this program or was written by a newer version,
    // core::RuntimeFailure when it cannot be opened or migrated.
    Database(const std::filesystem::path& path, OpenMode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    int schema_version() const;
    // Commits stop waiting for the disk: a killed process still loses nothing, but a power cut may lose the last
    // transactions. For simulated runs only, whose actions nothing outside the machine saw; a run that reaches
    // LinkedIn must keep each intent on disk before the gateway is called.
    void relax_durability();
    // Reads pages through a memory map instead of a read call each: for reports, which look up many rows at random.
    void read_through_memory_map();
    // Keeps SQLite's temporary files in memory: for runs, whose every write of an action fires the tally triggers and
    // so keeps a statement journal (the pages it changes, to undo the statement alone if a constraint fails), which
    // SQLite otherwise writes to a temporary file. Half the time of each write; the journal of one statement is a
    // few pages.
    void keep_temporary_files_in_memory();
    // Keeps up to MEBIBYTES of the database's pages in memory (SQLite's default is 2 MiB): for a long write that goes
    // back to pages at random, such as an import's inserts into the index of profile URLs.
    void cache_pages(int mebibytes);
    // How long a write waits for another program's write (an import) to finish before it fails.
    void wait_for_writers(std::chrono::seconds patience);
    // A consistent copy of the whole database in a new file, taken while others may be writing.
    void copy_to(const std::filesystem::path& target);

    // For the stores of this module only: the headers that declare them are not visible elsewhere.
    Connection& connection() { return *m_connection; }
    SQLite::Database& sqlite();
    Backend backend() const { return m_sqlite ? Backend::sqlite : Backend::postgresql; }
    // How many transactions on this connection were rolled back: what a store that keeps a copy of some rows in
    // memory, kept up to date by its own writes, checks to know that the writes it saw may have been undone.
    std::uint64_t rollbacks() const { return m_rollbacks; }

private:
    friend class Transaction;

    std::filesystem::path m_path;
    std::unique_ptr<SQLite::Database> m_sqlite;
    std::unique_ptr<Connection> m_connection;
    std::uint64_t m_rollbacks = 0;
};

// All or nothing: rolled back unless commit() is called before it goes out of scope.
class Transaction {
public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& m_database;
    std::unique_ptr<SQLite::Transaction> m_transaction;
    bool m_committed = false;
};

// For a write whose references are right by construction, SQLite does not look each one up while this lives: an
// import adds tags only to the prospects it has just inserted or found. Made outside a transaction (SQLite changes
// the setting only there); a server checks its references as always.
class TrustedReferences {
public:
    explicit TrustedReferences(Database& database);
    ~TrustedReferences();
    TrustedReferences(const TrustedReferences&) = delete;
    TrustedReferences& operator=(const TrustedReferences&) = delete;

private:
    Database& m_database;
};

// The database as one moment of it, for a report's reads: a deferred transaction, whose first read takes the snapshot
// that every later one on the connection sees, and which never takes the write lock, so a run goes on sending while a
// report reads. Ended, with nothing to undo, when it goes out of scope.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& database);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Database& m_database;
    std::unique_ptr<SQLite::Transaction> m_transaction;
};

} // namespace campaign::store
