#include "core/clock.hpp"

namespace campaign::core {

Timestamp SystemClock::now() const {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
}

} // namespace campaign::core
