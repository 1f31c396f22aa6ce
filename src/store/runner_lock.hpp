// One `campaign run` per database at a time, or on PostgreSQL several runners on the wall clock. On SQLite the lock
// is an flock on a file beside the database; on PostgreSQL, a session advisory lock held by a connection of its own,
// shared by the runners and exclusive for any other run. Either way the system drops it when the process
// ends however it ends (the kernel closes the file, or the connection, and the server ends its session), so a run
// killed with SIGKILL never leaves a stale lock behind.
#pragma once

#include <filesystem>
#include <memory>

namespace campaign::store {

class Connection;

// Shared: one of several runners on the wall clock, which share the senders by their leases (store/leases.hpp). On
// SQLite, whose file one process writes at a time, it is as exclusive as the other.
enum class LockMode { exclusive, shared };

class RunnerLock {
public:
    // Throws core::RuntimeFailure, naming the database, when another run holds it (or, for an exclusive lock, any
    // runner does).
    explicit RunnerLock(const std::filesystem::path& database_path, LockMode mode = LockMode::exclusive);
    ~RunnerLock();
    RunnerLock(const RunnerLock&) = delete;
    RunnerLock& operator=(const RunnerLock&) = delete;

private:
    int m_descriptor = -1;
    std::unique_ptr<Connection> m_session; // on PostgreSQL
};

} // namespace campaign::store
