// Where the http transport sends actions and how: the gateway's wire profile, its address, the name of the
// environment variable that holds its key (never the key itself), timeouts and retries, and which gateway account
// each sender acts through. Read from a campaign's `gateway:` section or a file of its own.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace campaign::core {

enum class WireProfile {
    engine,  // the engine's own JSON protocol (docs/http-transport.md)
    unipile, // Unipile's public API
};

std::string_view to_string(WireProfile profile);
std::optional<WireProfile> parse_wire_profile(std::string_view text);

struct GatewaySettings {
    WireProfile profile = WireProfile::engine;
    std::string url; // the API's base, e.g. https://gateway.example.com/v1 or https://api8.unipile.com:13851/api/v1
    std::string api_key_env;            // the environment variable holding the key or token
    std::optional<std::string> ca_file; // certificates to trust besides those of /etc/ssl/certs
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds timeout{30'000}; // a whole request, answer included
    int attempts = 4;                          // tries of one request on a transient failure
    std::chrono::milliseconds backoff{1'000};  // before the first retry; doubled each time, with jitter
    std::chrono::milliseconds max_backoff{60'000};
    std::chrono::milliseconds poll_interval{30'000}; // how often inbound events are asked for
    std::string webhook_secret_env; // the environment variable holding the webhook secret, when signatures are checked
    std::map<std::string, std::string> accounts; // sender id -> the gateway's account id
    SourceLocation location;                     // where the settings were read, for errors about them

    // The gateway's account for a sender: its entry in `accounts`, else the sender's own id.
    const std::string& account_of(const std::string& sender) const;
    // The sender who acts through an account: the key of `accounts` that names it, else the account id itself (a
    // sender without an entry acts through the account of its own name).
    const std::string& sender_of(const std::string& account) const;
};

// Whether a plain http:// URL names this machine (127.0.0.1, localhost, [::1]): the only place a key may go
// without TLS.
bool is_loopback_url(std::string_view url);

} // namespace campaign::core
