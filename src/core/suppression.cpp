#include "core/suppression.hpp"

#include <array>
#include <string_view>

#include "core/enum_names.hpp"

namespace campaign::core {

namespace {
constexpr std::array<std::string_view, 3> k_kind_names{"profile", "email_domain", "forgotten"};
}

std::string_view to_string(SuppressionKind kind) {
    return k_kind_names[static_cast<std::size_t>(kind)];
}

std::optional<SuppressionKind> parse_suppression_kind(std::string_view text) {
    return parse_enum<SuppressionKind>(k_kind_names, text);
}

} // namespace campaign::core
