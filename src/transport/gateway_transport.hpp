// The http transport: a gateway reached over HTTP in one of its wire profiles (docs/http-transport.md), built from
// the gateway's settings and its key, read from the environment by the caller and kept nowhere else.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/gateway.hpp"
#include "core/random.hpp"
#include "transport/backoff.hpp"
#include "transport/transport.hpp"

namespace campaign::transport {

// What a gateway transport needs from the run around it.
struct GatewayHooks {
    const core::Clock& clock;                     // the run's clock: when a rate limit ends, which events are due
    core::Random& random;                         // the jitter of the backoff
    Sleeper& sleeper;                             // the waits between tries, cut short when the run stops
    std::function<void(const std::string&)> warn; // for the log: events skipped, polls that failed
};

std::unique_ptr<Transport> make_gateway_transport(const core::GatewaySettings& settings, const std::string& key,
                                                  GatewayHooks hooks);

// When a 429 says nothing of how long to wait.
inline constexpr core::Duration k_default_rate_limit_wait = std::chrono::minutes{1};
// When a gateway stays unreachable through all the tries of one request.
inline constexpr core::Duration k_unreachable_wait = std::chrono::minutes{15};

} // namespace campaign::transport
