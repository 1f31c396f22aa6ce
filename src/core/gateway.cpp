#include "core/gateway.hpp"

#include <array>

#include "core/enum_names.hpp"

namespace campaign::core {

namespace {

constexpr std::array<std::string_view, 2> k_profile_names{"engine", "unipile"};

} // namespace

std::string_view to_string(WireProfile profile) {
    return k_profile_names[static_cast<std::size_t>(profile)];
}

std::optional<WireProfile> parse_wire_profile(std::string_view text) {
    return parse_enum<WireProfile>(k_profile_names, text);
}

const std::string& GatewaySettings::account_of(const std::string& sender) const {
    auto found = accounts.find(sender);
    return found == accounts.end() ? sender : found->second;
}

const std::string& GatewaySettings::sender_of(const std::string& account) const {
    for (const auto& [sender, id] : accounts) {
        if (id == account) {
            return sender;
        }
    }
    return account;
}

bool is_loopback_url(std::string_view url) {
    constexpr std::string_view scheme = "http://";
    if (!url.starts_with(scheme)) {
        return false;
    }
    auto rest = url.substr(scheme.size());
    if (rest.substr(0, rest.find_first_of("/?#")).find('@') != std::string_view::npos) {
        return false; // "http://localhost:80@elsewhere.example": user information, and another host
    }
    auto host = rest.starts_with('[') ? rest.substr(0, rest.find(']') + 1) : rest.substr(0, rest.find_first_of(":/?"));
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

} // namespace campaign::core
