#include "core/event.hpp"

#include <array>

#include "core/enum_names.hpp"

namespace campaign::core {

namespace {

constexpr std::array<std::string_view, 6> k_names{"accepted", "replied",   "opted_out",
                                                  "bounced",  "withdrawn", "restricted"};

} // namespace

std::string_view to_string(EventType type) {
    return k_names.at(static_cast<std::size_t>(type));
}

std::optional<EventType> parse_event_type(std::string_view text) {
    return parse_enum<EventType>(k_names, text);
}

} // namespace campaign::core
