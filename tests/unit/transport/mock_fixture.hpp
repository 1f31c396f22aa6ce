// Actions and prospects for the mock transport's tests, and events as text, so that two runs compare byte for byte.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "transport/mock_transport.hpp"

namespace campaign::test {

inline core::Timestamp at(std::string_view text) {
    return *core::parse_utc(text);
}

inline const core::Timestamp k_start = at("2026-11-02T09:00:00Z");
inline const core::Timestamp k_far_future = at("2030-01-01T00:00:00Z");

inline core::Prospect prospect(int number, std::set<std::string> tags = {}, std::string title = "") {
    core::Prospect result;
    result.id = number;
    result.profile_url = "https://linkedin.com/in/p" + std::to_string(number);
    result.tags = std::move(tags);
    result.title = std::move(title);
    return result;
}

inline transport::Outbound action(std::string key, core::ActionType type, core::Prospect to,
                                  core::Timestamp when = k_start, std::string sender = "alice") {
    transport::Outbound result;
    result.idempotency_key = std::move(key);
    result.type = type;
    result.sender = std::move(sender);
    result.prospect = std::move(to);
    result.text = core::sends_text(type) ? "Hi there" : "";
    result.at = when;
    return result;
}

// A model without transient failures unless a test asks for them.
inline core::MockModel model(double accept, double reply, double opt_out = 0.0, double failure = 0.0) {
    core::MockModel result;
    result.base = core::default_outcome_rates();
    result.base.accept = accept;
    result.base.reply = reply;
    result.base.opt_out = opt_out;
    result.base.failure = failure;
    return result;
}

// When the invitation of `key` to `to` would be accepted, if it is, under `seed`: drawn by a transport of its own,
// since an outcome depends on nothing else.
inline core::Timestamp accepted_at(std::uint64_t seed, const std::string& key, const core::Prospect& to) {
    transport::MockTransport twin(model(1.0, 0.0), seed);
    twin.send(action(key, core::ActionType::connect, to));
    return *twin.next_event_at();
}

inline std::string describe(const core::Event& event) {
    return event.id + "|" + std::string(core::to_string(event.type)) + "|" + event.sender + "|" + event.profile_url +
           "|" + core::format_utc(event.at) + "|" + event.text + "|" + event.idempotency_key;
}

inline std::vector<std::string> describe(const std::vector<core::Event>& events) {
    std::vector<std::string> lines;
    for (const auto& event : events) {
        lines.push_back(describe(event));
    }
    return lines;
}

} // namespace campaign::test
