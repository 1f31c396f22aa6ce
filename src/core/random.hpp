// Randomness comes in through this interface, as time does through Clock: the mock simulator and the pacing jitter
// draw from it, and a seed makes a whole run repeat byte for byte.
#pragma once

#include <cstdint>
#include <random>

#include "core/time.hpp"

namespace campaign::core {

class Random {
public:
    virtual ~Random() = default;
    // A number in [0, 1).
    virtual double uniform() = 0;

    bool chance(double probability) { return uniform() < probability; }
    // A whole number of seconds in [0, span].
    Duration up_to(Duration span);
    // An exponentially distributed wait with the given mean: the time until something that may happen any moment.
    Duration exponential(Duration mean);
};

// A Mersenne Twister with its own conversions to numbers: the standard library's distributions differ between
// implementations, and the same seed must give the same run everywhere.
class SeededRandom final : public Random {
public:
    explicit SeededRandom(std::uint64_t seed) : m_engine(seed) {}
    double uniform() override;

private:
    std::mt19937_64 m_engine;
};

} // namespace campaign::core
