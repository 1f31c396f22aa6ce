#include "transport/exchange.hpp"

#include <algorithm>

namespace campaign::transport {

namespace {

bool is_server_error(const HttpResponse& response) {
    return response.answered() && response.status >= 500;
}

} // namespace

bool Reply::transient() const {
    return !usable && (!response.answered() || is_server_error(response) || ok());
}

std::string Reply::describe() const {
    std::string what;
    if (!response.answered()) {
        what = response.error;
    } else if (ok()) {
        what = "an answer that is not the JSON expected (HTTP " + std::to_string(response.status) + ")";
    } else {
        what = "HTTP " + std::to_string(response.status);
    }
    return what + (tries > 1 ? " after " + std::to_string(tries) + " tries" : "") +
           (past_deadline ? ", and the sender's working hours end before another" : "");
}

Exchange::Exchange(std::unique_ptr<HttpClient> client, const core::GatewaySettings& settings, const core::Clock& clock,
                   core::Random& random, Sleeper& sleeper)
    : m_client(std::move(client)), m_policy{settings.attempts, settings.backoff, settings.max_backoff}, m_clock(clock),
      m_random(random), m_sleeper(sleeper) {}

Reply Exchange::call(const HttpRequest& request, Resend resend, const AnswerCheck& check, int tries) {
    Reply reply;
    auto most = tries > 0 ? std::min(tries, m_policy.attempts) : m_policy.attempts;
    for (;;) {
        reply.response = m_client->perform(request);
        ++reply.tries;
        reply.usable = reply.response.answered() && !is_server_error(reply.response) &&
                       !(reply.ok() && check && !check(reply.response));
        if (reply.usable) {
            return reply;
        }
        bool may_resend = resend == Resend::always || reply.response.failure == Failure::not_connected;
        if (!may_resend || reply.tries >= most) {
            return reply;
        }
        auto wait = backoff_delay(m_policy, reply.tries, m_random);
        if (m_not_after && m_clock.now() + std::chrono::ceil<std::chrono::seconds>(wait) >= *m_not_after) {
            reply.past_deadline = true;
            return reply;
        }
        if (!m_sleeper.sleep_for(wait)) {
            reply.stopped = true;
            return reply;
        }
    }
}

} // namespace campaign::transport
