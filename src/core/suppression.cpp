#include "core/suppression.hpp"

#include <array>
#include <string_view>

namespace campaign::core {

namespace {
constexpr std::array<std::string_view, 3> k_kind_names{"profile", "email_domain", "forgotten"};
}

std::string_view to_string(SuppressionKind kind) {
    return k_kind_names[static_cast<std::size_t>(kind)];
}

std::optional<SuppressionKind> parse_suppression_kind(std::string_view text) {
    for (std::size_t i = 0; i < k_kind_names.size(); ++i) {
        if (k_kind_names[i] == text) {
            return static_cast<SuppressionKind>(i);
        }
    }
    return std::nullopt;
}

} // namespace campaign::core
