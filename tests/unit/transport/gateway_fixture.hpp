// What the tests of the http transport share: settings for a gateway on 127.0.0.1 with short timeouts and backoffs,
// a sleeper that counts the waits instead of sleeping, and warnings kept for the test to read.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/gateway.hpp"
#include "core/random.hpp"
#include "transport/backoff.hpp"
#include "transport/gateway_transport.hpp"

namespace campaign::test {

class CountingSleeper final : public transport::Sleeper {
public:
    std::vector<std::chrono::milliseconds> waits;
    bool sleep_for(std::chrono::milliseconds wait) override {
        waits.push_back(wait);
        return true;
    }
};

struct GatewayFixture {
    explicit GatewayFixture(std::string url, core::WireProfile profile = core::WireProfile::engine) {
        settings.profile = profile;
        settings.url = std::move(url);
        settings.api_key_env = "TEST_GATEWAY_KEY";
        settings.connect_timeout = std::chrono::milliseconds{500};
        settings.timeout = std::chrono::milliseconds{300};
        settings.attempts = 3;
        settings.backoff = std::chrono::milliseconds{100};
        settings.max_backoff = std::chrono::milliseconds{1000};
        settings.poll_interval = std::chrono::milliseconds{30'000};
    }

    transport::GatewayHooks hooks() {
        return {clock, random, sleeper, [this](const std::string& warning) { warnings.push_back(warning); }};
    }

    core::GatewaySettings settings;
    core::ManualClock clock{core::Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}} +
                            std::chrono::hours{9}};
    core::SeededRandom random{7};
    CountingSleeper sleeper;
    std::vector<std::string> warnings;
};

} // namespace campaign::test
