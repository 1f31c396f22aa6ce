// Unipile's webhooks as `campaign serve` receives them: a new message (`message_received`), a new relation
// (`new_relation`: an invitation was accepted) and an account's status (`AccountStatus`), read into the engine's
// events. Unipile pushes what the engine profile lets the engine poll for.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.hpp"
#include "core/gateway.hpp"

namespace campaign::transport {

// The events of one webhook body: an empty list for what the engine has no use for (a message the account sent
// itself, a reaction, an account back to OK, a kind it does not know), or nothing with the reason in `error` when the
// body is not JSON of Unipile's shapes. Each account id is mapped back to its sender through `settings.accounts`.
// Unipile tells no time for a new relation or an account status: those events keep `at` at core::Timestamp{}, for
// the caller to set to the moment it received them.
std::optional<std::vector<core::Event>>
parse_unipile_webhook(std::string_view body, const core::GatewaySettings& settings, std::string& error);

// Unipile's instants ("2023-09-24T13:49:07.965Z"), to the second; also without the fraction.
std::optional<core::Timestamp> parse_unipile_time(std::string_view text);

// The public profile of a LinkedIn member: https://www.linkedin.com/in/{public_id}.
std::string linkedin_profile_url(std::string_view public_id);

// The last segment of a LinkedIn profile URL (".../in/{id}/?..."), or empty when it is not one.
std::string linkedin_public_id(std::string_view profile_url);

} // namespace campaign::transport
