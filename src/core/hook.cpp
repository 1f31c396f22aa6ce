#include "core/hook.hpp"

#include "core/enum_names.hpp"

namespace campaign::core {

namespace {

constexpr std::array<std::string_view, 4> k_topic_names{"reply", "accepted", "opted_out", "inbox"};

} // namespace

std::string_view to_string(HookTopic topic) {
    return k_topic_names.at(static_cast<std::size_t>(topic));
}

std::optional<HookTopic> parse_hook_topic(std::string_view text) {
    return parse_enum<HookTopic>(k_topic_names, text);
}

} // namespace campaign::core
