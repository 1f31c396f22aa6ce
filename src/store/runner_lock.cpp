#include "store/runner_lock.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/error.hpp"
#include "store/connection.hpp"

namespace campaign::store {

namespace {

// The advisory lock's key on PostgreSQL: one number for the whole database, which other programs are unlikely to take
// ("campaign" in ASCII).
constexpr const char* k_run_lock_key = "7161125211933861742";

[[noreturn]] void another_run(const std::filesystem::path& database_path, LockMode mode) {
    throw core::RuntimeFailure(
        database_path.string() +
        (mode == LockMode::shared
             ? ": error: a run on the simulated clock, or a command that needs no run going on, is using this"
               " database; wait for it to finish first"
             : ": error: another 'campaign run' is using this database; wait for it to finish or stop it (Ctrl-C)"
               " first"));
}

} // namespace

RunnerLock::RunnerLock(const std::filesystem::path& database_path, LockMode mode) {
    if (backend_of(database_path.string()) == Backend::postgresql) {
        m_session = open_postgresql(database_path.string());
        auto take = mode == LockMode::shared ? "pg_try_advisory_lock_shared(" : "pg_try_advisory_lock(";
        if (query_integer(*m_session,
                          std::string("SELECT CASE WHEN ") + take + k_run_lock_key + ") THEN 1 ELSE 0 END") != 1) {
            another_run(database_path, mode);
        }
        return;
    }
    auto path = database_path.string() + ".run-lock";
    m_descriptor = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_descriptor < 0) {
        throw core::RuntimeFailure(path + ": error: cannot open the run lock: " + std::strerror(errno));
    }
    if (::flock(m_descriptor, LOCK_EX | LOCK_NB) != 0) {
        auto reason = errno;
        ::close(m_descriptor);
        if (reason == EWOULDBLOCK) {
            another_run(database_path, LockMode::exclusive);
        }
        throw core::RuntimeFailure(path + ": error: cannot take the run lock: " + std::strerror(reason));
    }
}

RunnerLock::~RunnerLock() {
    if (m_descriptor >= 0) {
        ::close(m_descriptor); // closing releases the flock
    }
    // On PostgreSQL, closing the session releases the advisory lock.
}

} // namespace campaign::store
