// A request to a gateway with its retries: a transient failure (no connection, no answer, a 5xx, an answer that is
// not what was asked for) is tried again after a backoff with jitter, up to the configured number of tries. Whether
// a request that may have reached the gateway can be sent again is the caller's call: only with an idempotency key.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/gateway.hpp"
#include "core/random.hpp"
#include "transport/backoff.hpp"
#include "transport/http_client.hpp"

namespace campaign::transport {

enum class Resend {
    always,        // the gateway deduplicates it (a GET, or a request with an idempotency key)
    if_never_left, // only when it cannot have reached the gateway: a second one could act twice
};

// Whether a 2xx answer is the one expected; one that is not is retried like a 5xx.
using AnswerCheck = std::function<bool(const HttpResponse&)>;

struct Reply {
    HttpResponse response; // the last try's
    int tries = 0;
    bool usable = false;        // answered, not a 5xx, and a 2xx passed the check
    bool stopped = false;       // the wait for a retry was cut short: the run is stopping
    bool past_deadline = false; // no more tries: the next would start after the action's deadline

    bool transient() const; // not usable, in a way that a try later may be
    bool ok() const { return response.answered() && response.status >= 200 && response.status < 300; }
    std::string describe() const; // "HTTP 503 after 4 tries", "timeout after 4 tries: …"
};

class Exchange {
public:
    Exchange(std::unique_ptr<HttpClient> client, const core::GatewaySettings& settings, const core::Clock& clock,
             core::Random& random, Sleeper& sleeper);

    // No try of the calls that follow starts after `not_after` (the end of the sender's working hours), until it is
    // set again; nothing lifts the limit.
    void set_deadline(std::optional<core::Timestamp> not_after) { m_not_after = not_after; }

    // At most `tries` tries when given, else the configured number.
    Reply call(const HttpRequest& request, Resend resend, const AnswerCheck& check = nullptr, int tries = 0);
    HttpClient& client() { return *m_client; }

private:
    std::unique_ptr<HttpClient> m_client;
    BackoffPolicy m_policy;
    const core::Clock& m_clock;
    std::optional<core::Timestamp> m_not_after;
    core::Random& m_random;
    Sleeper& m_sleeper;
};

} // namespace campaign::transport
