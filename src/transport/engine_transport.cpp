#include "transport/engine_transport.hpp"

#include <algorithm>

#include "transport/event_page.hpp"
#include "transport/wire_fields.hpp"

namespace campaign::transport {

namespace {

constexpr int k_page_size = 100;
constexpr int k_pages_per_poll = 50; // a backlog is fetched over several polls, not in one long stall

nlohmann::json body_of(const Outbound& action, const core::GatewaySettings& settings) {
    const auto& prospect = action.prospect;
    return {
        {"idempotency_key", action.idempotency_key},
        {"type", core::to_string(action.type)},
        {"sender", action.sender},
        {"account", settings.account_of(action.sender)},
        {"prospect",
         {{"profile_url", prospect.profile_url},
          {"public_id", linkedin_public_id(prospect.profile_url)},
          {"first_name", prospect.first_name},
          {"last_name", prospect.last_name},
          {"company", prospect.company},
          {"title", prospect.title}}},
        {"subject", action.subject},
        {"text", action.text},
        {"at", core::format_utc(action.at)},
    };
}

// An answer to an action: {"status": "sent" | "queued" | "rejected", ...}.
bool is_action_answer(const HttpResponse& response) {
    auto document = json_object(response.body);
    if (!document) {
        return false;
    }
    auto status = text_of(*document, "status");
    return status == "sent" || status == "queued" || status == "rejected";
}

bool is_json_object(const HttpResponse& response) {
    return json_object(response.body).has_value();
}

// The gateway's words for an error: {"error": {"code", "message"}}, or whatever came back.
std::pair<std::string, std::string> error_of(const HttpResponse& response) {
    if (auto document = json_object(response.body)) {
        if (auto error = document->find("error"); error != document->end() && error->is_object()) {
            return {text_of(*error, "code"), text_of(*error, "message")};
        }
    }
    return {"", ""};
}

// The gateway's word that it does not know the cursor it was asked after (it never gave it, or forgot it): 410, or
// an error of code cursor_unknown.
bool forgets_cursor(const HttpResponse& response) {
    if (!response.answered() || response.status < 400 || response.status >= 500) {
        return false;
    }
    return response.status == 410 || error_of(response).first == "cursor_unknown";
}

// An answer that every action would get, whatever it is: the key is wrong, or the url is not the gateway's. A
// refusal of one action comes as {"status": "rejected"} or with an error code of the protocol.
bool refuses_the_engine(long status, const std::string& code) {
    if (status == 401 || status == 407) {
        return true;
    }
    return code.empty() && (status == 403 || status == 404 || status == 405);
}

} // namespace

std::string EngineTransport::unreachable(const Reply& reply) const {
    return "cannot reach the gateway at " + m_settings.url + ": " + reply.describe();
}

EngineTransport::EngineTransport(const core::GatewaySettings& settings, const std::string& key, GatewayHooks hooks)
    : EngineTransport(settings, std::make_unique<CurlClient>(settings, "Authorization", "Bearer " + key),
                      std::move(hooks)) {}

EngineTransport::EngineTransport(const core::GatewaySettings& settings, std::unique_ptr<HttpClient> client,
                                 GatewayHooks hooks)
    : m_settings(settings), m_hooks(std::move(hooks)),
      m_exchange(std::move(client), settings, m_hooks.clock, m_hooks.random, m_hooks.sleeper) {}

SendResult EngineTransport::read_answer(const Reply& reply, core::Timestamp now) const {
    const auto& response = reply.response;
    if (reply.ok() && reply.usable) {
        auto answer = *json_object(response.body);
        auto status = text_of(answer, "status");
        if (status == "rejected") {
            auto reason = text_of(answer, "reason");
            return {SendStatus::rejected, "rejected",
                    "gateway rejected it: " + (reason.empty() ? "no reason given" : reason), std::nullopt};
        }
        auto id = text_of(answer, "id");
        return {SendStatus::sent, id.empty() ? status : status + " " + id, "", std::nullopt};
    }
    if (reply.transient() || reply.stopped) {
        // Sent again later under the same key: the gateway performs it once whatever reached it before. A run stopped
        // between two tries leaves the step due at once, for the next run (or another runner) to send.
        return {SendStatus::unreachable, "", unreachable(reply), reply.stopped ? now : now + k_unreachable_wait};
    }
    auto [code, message] = error_of(response);
    auto said = "gateway answered HTTP " + std::to_string(response.status) + (code.empty() ? "" : " " + code) +
                (message.empty() ? "" : ": " + message);
    // A limit of the account for the action's type, such as LinkedIn's weekly invitations: the others go on.
    if (code == "limit_reached" && response.status >= 400 && response.status < 500) {
        auto until = response.retry_after ? parse_retry_after(*response.retry_after, now, response.date.value_or(""))
                                          : std::nullopt;
        return {SendStatus::limit_reached, "", said, until};
    }
    if (response.status == 429) {
        auto until = response.retry_after ? parse_retry_after(*response.retry_after, now, response.date.value_or(""))
                                          : std::nullopt;
        return {SendStatus::rate_limited, "", said, until.value_or(now + k_default_rate_limit_wait)};
    }
    if (code == "account_restricted" || code == "account_disconnected") {
        return {SendStatus::sender_blocked, "", said, std::nullopt};
    }
    if (refuses_the_engine(response.status, code)) {
        return {SendStatus::refused, "", said + " (" + m_settings.url + ")", std::nullopt};
    }
    return {SendStatus::rejected, "", said, std::nullopt};
}

// What goes into the action log, with the key taken out should a gateway echo it.
SendResult EngineTransport::result_of(const Reply& reply, core::Timestamp now) {
    auto result = read_answer(reply, now);
    result.response = m_exchange.client().redact(result.response);
    result.error = m_exchange.client().redact(result.error);
    return result;
}

SendResult EngineTransport::send(const Outbound& action) {
    HttpRequest request{"POST",
                        "/actions",
                        {{"Idempotency-Key", action.idempotency_key}},
                        body_of(action, m_settings).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                        "application/json",
                        {}};
    m_exchange.set_deadline(action.not_after);
    auto reply = m_exchange.call(request, Resend::always, is_action_answer);
    m_exchange.set_deadline(std::nullopt);
    return result_of(reply, m_hooks.clock.now());
}

Lookup EngineTransport::lookup(const Outbound& action) {
    HttpRequest request{"GET", "/actions/" + url_encode(action.idempotency_key), {}, "", "", {}};
    auto reply = m_exchange.call(request, Resend::always, is_action_answer);
    if (reply.ok() && reply.usable) {
        return {LookupStatus::performed, result_of(reply, m_hooks.clock.now())};
    }
    const auto& response = reply.response;
    if (response.answered() && response.status == 404 && !error_of(response).first.empty()) {
        return {LookupStatus::not_performed, {}};
    }
    SendResult why;
    if (reply.transient() || reply.stopped || response.status == 429) {
        why.error = unreachable(reply);
    } else {
        auto [code, message] = error_of(response);
        why.error = "the gateway at " + m_settings.url + " answered HTTP " + std::to_string(response.status) +
                    (code.empty() ? "" : " " + code) + (message.empty() ? "" : ": " + message) +
                    " when asked about action " + action.idempotency_key;
    }
    why.error = m_exchange.client().redact(why.error);
    return {LookupStatus::unreachable, why};
}

std::vector<core::Event> EngineTransport::fetch_events() {
    std::vector<core::Event> fetched;
    for (int page = 0; page < k_pages_per_poll; ++page) {
        auto path = "/events?limit=" + std::to_string(k_page_size);
        if (m_cursor) {
            path += "&after=" + url_encode(*m_cursor);
        }
        auto reply = m_exchange.call({"GET", path, {}, "", "", {}}, Resend::always, is_json_object);
        if (m_cursor && forgets_cursor(reply.response)) {
            m_hooks.warn("the gateway does not know the cursor '" + *m_cursor + "' (" + reply.describe() +
                         "): asking for its events from the start; those recorded already are not applied again");
            m_cursor.reset();
            continue;
        }
        if (!reply.ok() || !reply.usable) {
            m_hooks.warn("could not fetch events from the gateway (" + reply.describe() + "): asking again later");
            return fetched;
        }
        std::string error;
        auto parsed = parse_event_page(reply.response.body, error);
        if (!parsed) {
            // The cursor stays where it was: a page saved as read without its events would lose them for good.
            m_hooks.warn("the gateway's events page was not understood (" + error + "): asking again later");
            return fetched;
        }
        for (const auto& problem : parsed->problems) {
            m_hooks.warn("an event from the gateway was skipped: " + problem);
        }
        name_senders(parsed->events, m_settings);
        for (auto& event : parsed->events) {
            fetched.push_back(std::move(event));
        }
        if (parsed->cursor) {
            m_cursor = parsed->cursor;
        }
        if (!parsed->more || !parsed->cursor) {
            return fetched;
        }
    }
    return fetched;
}

std::vector<core::Event> EngineTransport::poll(core::Timestamp now) {
    if (m_next_poll && now < *m_next_poll) {
        return {};
    }
    m_next_poll = now + std::chrono::duration_cast<core::Duration>(m_settings.poll_interval);
    auto events = fetch_events();
    // In the order they happened; one dated ahead of the run's clock is recorded now and applied when it is due.
    std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    return events;
}

// A reply that came in since the last poll must stop the follow-up about to go: the gateway is asked now.
std::vector<core::Event> EngineTransport::poll_before_send(core::Timestamp now) {
    m_next_poll.reset();
    return poll(now);
}

std::optional<core::Timestamp> EngineTransport::next_event_at() const {
    return std::nullopt;
}

std::optional<Cursor> EngineTransport::cursor() const {
    if (!m_cursor) {
        return std::nullopt;
    }
    return Cursor{*m_cursor};
}

void EngineTransport::resume(const std::string& cursor) {
    m_cursor = cursor;
}

// One cursor per gateway however its url is written: "https://gw.example.com/v1/" is "https://gw.example.com/v1".
std::string EngineTransport::cursor_name() const {
    auto url = m_settings.url;
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return "engine " + url;
}

std::optional<std::string> EngineTransport::fetch_ssi(const std::string& sender) {
    // One try: the SSI is fetched again tomorrow, and a run should not wait on it while the gateway is down.
    auto reply = m_exchange.call({"GET", "/senders/" + url_encode(sender) + "/ssi", {}, "", "", {}}, Resend::always,
                                 is_json_object, 1);
    if (reply.ok() && reply.usable) {
        return reply.response.body;
    }
    if (!reply.response.answered() || reply.response.status != 404) {
        m_hooks.warn("could not fetch the SSI of sender '" + sender + "': " + reply.describe());
    }
    return std::nullopt;
}

} // namespace campaign::transport
