// Outbound webhooks: the URLs a campaign's `hooks:` names, which receive a signed JSON POST for each classified reply,
// acceptance, opt-out and inbox action (docs/hooks.md). What they are sent and how is the engine's; this is what the
// file says.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace campaign::core {

enum class HookTopic { reply, accepted, opted_out, inbox };

inline constexpr std::array k_hook_topics{HookTopic::reply, HookTopic::accepted, HookTopic::opted_out,
                                          HookTopic::inbox};

std::string_view to_string(HookTopic topic);
std::optional<HookTopic> parse_hook_topic(std::string_view text);

struct Hook {
    std::string url;
    std::string secret_env; // the environment variable holding the HMAC-SHA256 key
    std::set<HookTopic> topics{k_hook_topics.begin(), k_hook_topics.end()};
    bool rehearsals = false; // also what rehearsals simulate, marked as such
    std::chrono::milliseconds timeout{10'000};
    SourceLocation location;
};

} // namespace campaign::core
