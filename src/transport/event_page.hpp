// The engine profile's events, as a poll answers them and as a gateway posts them to `campaign serve`: a page
// ({"events": [...], "cursor": "...", "more": false}) or a single event object; and one event, as a line of the
// file `campaign events ingest` reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.hpp"
#include "core/gateway.hpp"

namespace campaign::transport {

struct EventPage {
    std::vector<core::Event> events;
    std::vector<std::string> problems; // events left out, and why: "event 3: unknown type 'liked'"
    std::optional<std::string> cursor;
    bool more = false;
};

// What a body may be: a poll's answer is always a page; a webhook may post a single event instead.
enum class EventBody { page, page_or_event };

// Nothing when the body is not JSON of that shape at all, with the reason in `error`. A page must have an `events`
// list, and a `cursor` when it has events or says `more`: a page without them would be saved as read while the
// events it was for were never seen.
std::optional<EventPage> parse_event_page(std::string_view body, std::string& error, EventBody shape = EventBody::page);

// An event's `sender` is the engine's sender id; a gateway that knows only the accounts it acts through may name one
// of `accounts` instead, which is taken back to its sender.
void name_senders(std::vector<core::Event>& events, const core::GatewaySettings& settings);

// One event object, as a line of an events file has it; nothing, with the reason in `problem`, when it is not one.
std::optional<core::Event> parse_event(std::string_view text, std::string& problem);

} // namespace campaign::transport
