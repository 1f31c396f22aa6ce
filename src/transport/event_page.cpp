#include "transport/event_page.hpp"

#include "transport/wire_fields.hpp"

namespace campaign::transport {

namespace {

// One event, or the reason it cannot be one.
std::optional<core::Event> read_event(const nlohmann::json& item, std::string& problem) {
    if (!item.is_object()) {
        problem = "is not an object";
        return std::nullopt;
    }
    core::Event event;
    event.id = text_of(item, "id");
    if (event.id.empty()) {
        problem = "has no id";
        return std::nullopt;
    }
    auto type_name = text_of(item, "type");
    auto type = core::parse_event_type(type_name);
    if (!type) {
        problem = "'" + event.id + "' has an unknown type '" + type_name + "'";
        return std::nullopt;
    }
    event.type = *type;
    event.sender = text_of(item, "sender");
    event.profile_url = text_of(item, "profile_url");
    event.member_id = linkedin_member_id(event.profile_url);
    event.text = text_of(item, "text");
    event.idempotency_key = text_of(item, "idempotency_key");
    auto at = core::parse_utc(text_of(item, "at"));
    if (!at) {
        problem = "'" + event.id + "' has no time 'at' like 2026-12-01T09:30:00Z";
        return std::nullopt;
    }
    event.at = *at;
    if (event.sender.empty()) {
        problem = "'" + event.id + "' names no sender";
        return std::nullopt;
    }
    if (event.profile_url.empty() && event.type != core::EventType::restricted) {
        problem = "'" + event.id + "' names no profile_url";
        return std::nullopt;
    }
    return event;
}

// The cursor as the engine passes it back: a string as it is, a number by its digits; none when absent, null or
// empty.
std::optional<std::string> cursor_of(const nlohmann::json& document) {
    auto cursor = document.find("cursor");
    if (cursor == document.end() || cursor->is_null()) {
        return std::nullopt;
    }
    auto value = cursor->is_string() ? cursor->get<std::string>() : cursor->dump();
    return value.empty() ? std::nullopt : std::optional(value);
}

} // namespace

std::optional<EventPage> parse_event_page(std::string_view body, std::string& error, EventBody shape) {
    auto document = nlohmann::json::parse(body, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        error = "the body is not a JSON object";
        return std::nullopt;
    }
    EventPage page;
    const nlohmann::json* items = nullptr;
    nlohmann::json single = nlohmann::json::array();
    if (auto events = document.find("events"); events != document.end()) {
        if (!events->is_array()) {
            error = "'events' is not a list";
            return std::nullopt;
        }
        items = &*events;
    } else if (shape == EventBody::page) {
        error = "the page has no 'events' list";
        return std::nullopt;
    } else {
        single.push_back(document);
        items = &single;
    }
    for (std::size_t index = 0; index < items->size(); ++index) {
        std::string problem;
        if (auto event = read_event((*items)[index], problem)) {
            page.events.push_back(std::move(*event));
        } else {
            page.problems.push_back("event " + std::to_string(index + 1) + " " + problem);
        }
    }
    page.cursor = cursor_of(document);
    if (auto more = document.find("more"); more != document.end() && more->is_boolean()) {
        page.more = more->get<bool>();
    }
    if (shape == EventBody::page && !page.cursor && (!items->empty() || page.more)) {
        error = items->empty() ? "the page says 'more' but has no 'cursor' to ask after"
                               : "the page has events but no 'cursor' to ask after them";
        return std::nullopt;
    }
    return page;
}

void name_senders(std::vector<core::Event>& events, const core::GatewaySettings& settings) {
    for (auto& event : events) {
        if (!settings.accounts.contains(event.sender)) {
            event.sender = settings.sender_of(event.sender);
        }
    }
}

std::optional<core::Event> parse_event(std::string_view text, std::string& problem) {
    auto document = nlohmann::json::parse(text, nullptr, false);
    if (document.is_discarded()) {
        problem = "not valid JSON";
        return std::nullopt;
    }
    if (auto event = read_event(document, problem)) {
        return event;
    }
    problem = "the event " + problem;
    return std::nullopt;
}

} // namespace campaign::transport
