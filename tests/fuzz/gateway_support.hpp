// What the fuzz targets of the gateways share: the settings of a gateway of each profile, an HttpClient that answers
// every request with the next of the input's answers, and the actions a run sends through a transport.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/gateway.hpp"
#include "core/random.hpp"
#include "fuzz/support.hpp"
#include "transport/backoff.hpp"
#include "transport/http_client.hpp"
#include "transport/transport.hpp"

namespace campaign::fuzz {

core::GatewaySettings gateway_settings(core::WireProfile profile);

// The answers of an input: its files named by an HTTP status ("==> 200 <=="), the first one a 200. When they run
// out, the gateway is not reached any more.
class ScriptedClient final : public transport::HttpClient {
public:
    explicit ScriptedClient(std::string_view input);
    transport::HttpResponse perform(const transport::HttpRequest& request) override;
    std::string redact(std::string text) const override { return text; }

private:
    std::vector<transport::HttpResponse> m_answers;
    std::size_t m_next = 0;
};

class NoSleep final : public transport::Sleeper {
public:
    bool sleep_for(std::chrono::milliseconds /*wait*/) override { return true; }
};

// What the run needs around a gateway transport, for one input.
struct Run {
    core::ManualClock clock{fuzz_now()};
    core::SeededRandom random{7};
    NoSleep sleeper;
};

// Sends one action of each kind through the transport, looks them up, polls its events and fetches an SSI, as a
// run would; reads the SSI answer as a run does.
void drive(transport::Transport& transport, Run& run);

} // namespace campaign::fuzz
