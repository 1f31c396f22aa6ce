// The do-not-contact list: nobody on it is ever contacted, whatever a campaign's audience says.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace campaign::core {

enum class SuppressionKind {
    profile,      // a normalized profile URL
    email_domain, // everyone whose email is at this domain
    forgotten,    // SHA-256 of the normalized profile URL of an erased prospect
};

std::string_view to_string(SuppressionKind kind);
std::optional<SuppressionKind> parse_suppression_kind(std::string_view text);

struct Suppression {
    std::int64_t id = 0;
    SuppressionKind kind = SuppressionKind::profile;
    std::string value;
    std::string reason;
    Timestamp created_at{};
};

} // namespace campaign::core
