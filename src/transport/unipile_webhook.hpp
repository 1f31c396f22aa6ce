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

} // namespace campaign::transport
