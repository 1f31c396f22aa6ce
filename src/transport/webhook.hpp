// What `campaign serve` checks and reads of a gateway's webhook: that it comes from the gateway (the body's signature,
// or for Unipile, which cannot sign, the shared secret in a header of its own) and the events it carries, all of them
// or none. HTTP itself stays in cli/: this is the part tests can drive without a socket.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.hpp"
#include "core/gateway.hpp"

namespace campaign::transport {

// Where a gateway of this profile posts its events: "/events" (engine) or "/unipile".
std::string_view webhook_path(core::WireProfile profile);

// The header that shows a request comes from the gateway: "X-Signature-256" (engine) or "Unipile-Auth".
std::string_view webhook_auth_header(core::WireProfile profile);

// "sha256=" and the lower-case hex HMAC-SHA256 of the body under the secret: what X-Signature-256 carries.
std::string signature_of(std::string_view body, const std::string& secret);

// Whether X-Signature-256 is the body's signature, compared in constant time. Upper-case hex is refused: the
// protocol says lower-case, and one spelling keeps the check a plain comparison. Never true for an empty secret.
bool signature_matches(std::string_view body, std::string_view header_value, const std::string& secret);

// Whether a header carries the secret itself, compared in constant time and without telling its length. Never true
// for an empty secret.
bool secret_matches(std::string_view header_value, const std::string& secret);

// Whether the request is the gateway's, by the profile's header (its value, empty when it is missing).
bool webhook_is_authentic(core::WireProfile profile, std::string_view body, std::string_view header_value,
                          const std::string& secret);

// Why a body is not even to be read, by its Content-Type or, without one, by its look: a form (urlencoded or
// multipart), as Unipile posts for a webhook created with "format": "form". Where nested objects go in such a body
// (the sender of a message, the account of a status) is documented nowhere, and a wrong guess could take the
// account's own message for a reply, so the gateway is told to post JSON. Nothing for a body that may be JSON.
std::optional<std::string> unreadable_body(core::WireProfile profile, std::string_view content_type,
                                           std::string_view body);

// The events of a webhook's body, or nothing with what is wrong in `error`. One bad event rejects the whole body: the
// gateway is told at once, and nothing is half-recorded while the rest waits for a retry that never fixes it. An
// event whose time the gateway does not tell (Unipile's new relations) happened when it was received.
std::optional<std::vector<core::Event>> read_webhook(core::WireProfile profile, std::string_view body,
                                                     const core::GatewaySettings& settings, core::Timestamp received_at,
                                                     std::string& error);

} // namespace campaign::transport
