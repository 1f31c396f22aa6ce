#include "core/event.hpp"

#include <array>

namespace campaign::core {

namespace {

constexpr std::array<std::string_view, 6> k_names{"accepted", "replied",   "opted_out",
                                                  "bounced",  "withdrawn", "restricted"};

} // namespace

std::string_view to_string(EventType type) {
    return k_names.at(static_cast<std::size_t>(type));
}

std::optional<EventType> parse_event_type(std::string_view text) {
    for (std::size_t i = 0; i < k_names.size(); ++i) {
        if (k_names[i] == text) {
            return static_cast<EventType>(i);
        }
    }
    return std::nullopt;
}

} // namespace campaign::core
