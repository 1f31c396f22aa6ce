#include "core/clock.hpp"

namespace campaign::core {

Timestamp SystemClock::now() const {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
}

std::chrono::steady_clock::duration monotonic_now() {
    return std::chrono::steady_clock::now().time_since_epoch();
}

} // namespace campaign::core
