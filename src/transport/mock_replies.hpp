// What simulated prospects write back. The engine tells an opt-out from its keywords, so every opt-out here holds one
// of the default keywords (stop, unsubscribe, not interested, remove me) and no other reply holds any of them.
#pragma once

#include <span>
#include <string_view>

namespace campaign::transport {

std::span<const std::string_view> opt_out_replies();
// Positive, neutral, negative without asking to stop, and out-of-office replies.
std::span<const std::string_view> other_replies();

} // namespace campaign::transport
