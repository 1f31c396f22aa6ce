#include "transport/mock_replies.hpp"

#include <array>

namespace campaign::transport {

namespace {

constexpr std::array<std::string_view, 5> k_opt_outs{
    "Please remove me from your list.",      "Not interested, please stop messaging me.", "unsubscribe",
    "Please stop contacting me about this.", "Remove me from these messages, thank you.",
};

// Words like "nonstop" or "stopped by" would read as opt-outs to a keyword match: none of these may hold one.
constexpr std::array<std::string_view, 11> k_others{
    "Sure, happy to chat — how does Thursday look?",
    "Thanks for reaching out! I'd be glad to hear more. Are you free next week?",
    "Good timing, we were just discussing this. Can you send a few times for a call?",
    "Thanks, send it over and I'll take a look.",
    "Thanks for connecting. What does pricing look like?",
    "Could you share a case study from a company of our size?",
    "We already have a vendor for this, thanks.",
    "Not a priority for us this quarter, maybe check back in the new year.",
    "Thanks, but the timing isn't right for us.",
    "I'm out of office until Monday with limited access to email.",
    "Auto-reply: I am travelling this week and will answer when I'm back.",
};

} // namespace

std::span<const std::string_view> opt_out_replies() {
    return k_opt_outs;
}

std::span<const std::string_view> other_replies() {
    return k_others;
}

} // namespace campaign::transport
