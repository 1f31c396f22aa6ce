#include "store/runner_lock.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/error.hpp"

namespace campaign::store {

RunnerLock::RunnerLock(const std::filesystem::path& database_path) {
    auto path = database_path.string() + ".run-lock";
    m_descriptor = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_descriptor < 0) {
        throw core::RuntimeFailure(path + ": error: cannot open the run lock: " + std::strerror(errno));
    }
    if (::flock(m_descriptor, LOCK_EX | LOCK_NB) != 0) {
        auto reason = errno;
        ::close(m_descriptor);
        if (reason == EWOULDBLOCK) {
            throw core::RuntimeFailure(database_path.string() +
                                       ": error: another 'campaign run' is using this database; wait for it to"
                                       " finish or stop it (Ctrl-C) first");
        }
        throw core::RuntimeFailure(path + ": error: cannot take the run lock: " + std::strerror(reason));
    }
}

RunnerLock::~RunnerLock() {
    ::close(m_descriptor); // closing releases the flock
}

} // namespace campaign::store
