// Time comes in through this interface, so that a simulated run and the tests drive the same code as a real one.
#pragma once

#include <chrono>

#include "core/time.hpp"

namespace campaign::core {

class Clock {
public:
    virtual ~Clock() = default;
    virtual Timestamp now() const = 0;
};

// The wall clock, to the second.
class SystemClock final : public Clock {
public:
    Timestamp now() const override;
};

// A clock that says what it is told: the simulated clock's base and the tests' clock.
class ManualClock final : public Clock {
public:
    explicit ManualClock(Timestamp start) : m_now(start) {}
    Timestamp now() const override { return m_now; }
    void set(Timestamp when) { m_now = when; }
    void advance(Duration by) { m_now += by; }

private:
    Timestamp m_now;
};

// This machine's monotonic clock, in its own ticks, for a deadline that a jump of the wall clock must not move (how
// recently a runner's leases were renewed); it says nothing of the time of day.
std::chrono::steady_clock::duration monotonic_now();

} // namespace campaign::core
