// When to try a request again: exponential backoff with jitter, bounded in tries and in wait, and the gateway's own
// Retry-After when it gives one. Pure, so that tests check the waits without waiting.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "core/random.hpp"
#include "core/time.hpp"

namespace campaign::transport {

struct BackoffPolicy {
    int attempts = 4; // tries in all, the first included
    std::chrono::milliseconds initial{1'000};
    std::chrono::milliseconds max{60'000};
};

// The wait before try number `retry` + 1 (`retry` counts the failed tries, from 1): initial * 2^(retry-1), capped at
// max, then drawn between half and all of it so that many clients retrying do not arrive together.
std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int retry, core::Random& random);

// A Retry-After header, in seconds ("120") or as an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"), as the moment of the
// run's clock to wait for. A date is of the gateway's clock: given the answer's Date header, the wait is the time from
// one to the other, which holds on a simulated clock and between clocks that differ; without it, the date is read on
// the run's clock. Never into the past, and never more than a year ahead.
std::optional<core::Timestamp> parse_retry_after(std::string_view header, core::Timestamp now,
                                                 std::string_view answered_at = {});

// How a request waits between tries: really sleeping, or in tests, only counting.
class Sleeper {
public:
    virtual ~Sleeper() = default;
    // False when the wait was cut short because the run is stopping.
    virtual bool sleep_for(std::chrono::milliseconds wait) = 0;
};

} // namespace campaign::transport
