// One `campaign run` per database at a time. The lock is an flock on a file beside the database: the system drops
// it when the process ends however it ends, so a run killed with SIGKILL never leaves a stale lock behind.
#pragma once

#include <filesystem>

namespace campaign::store {

class RunnerLock {
public:
    // Throws core::RuntimeFailure, naming the database, when another run holds it.
    explicit RunnerLock(const std::filesystem::path& database_path);
    ~RunnerLock();
    RunnerLock(const RunnerLock&) = delete;
    RunnerLock& operator=(const RunnerLock&) = delete;

private:
    int m_descriptor = -1;
};

} // namespace campaign::store
