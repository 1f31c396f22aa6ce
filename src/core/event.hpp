// What happens on the prospect's side of an action and comes back to the engine: an invitation accepted, a reply,
// an opt-out. Events arrive late, twice or out of order; their id makes applying them idempotent.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace campaign::core {

enum class EventType { accepted, replied, opted_out, bounced, withdrawn, restricted };

std::string_view to_string(EventType type);
std::optional<EventType> parse_event_type(std::string_view text);

struct Event {
    std::string id; // unique per event, from whoever reports it
    EventType type = EventType::accepted;
    std::string sender;          // the sender's id
    std::string profile_url;     // normalized
    Timestamp at{};              // when it happened
    std::string text;            // the reply, for replied and opted_out
    std::string idempotency_key; // of the action it answers, when the reporter knows it
    // LinkedIn's own id of the member (ACoAA...), when the reporter names them by it: the one name Unipile may give
    // of someone who wrote. Case-sensitive, unlike the slug of a profile URL.
    std::string member_id;
};

} // namespace campaign::core
