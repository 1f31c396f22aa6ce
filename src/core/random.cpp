#include "core/random.hpp"

#include <cmath>

namespace campaign::core {

Duration Random::up_to(Duration span) {
    if (span.count() <= 0) {
        return Duration{0};
    }
    auto steps = static_cast<double>(span.count() + 1);
    return Duration{static_cast<Duration::rep>(std::floor(uniform() * steps))};
}

Duration Random::exponential(Duration mean) {
    auto seconds = -std::log1p(-uniform()) * static_cast<double>(mean.count());
    return Duration{static_cast<Duration::rep>(std::llround(seconds))};
}

double SeededRandom::uniform() {
    return static_cast<double>(m_engine() >> 11) * 0x1.0p-53;
}

} // namespace campaign::core
