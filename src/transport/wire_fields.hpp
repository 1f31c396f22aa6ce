// What the wire profiles share in reading a gateway: JSON answers read the forgiving way (a field of the wrong type
// reads as absent, so that each caller decides what an answer without it means), and the public id of a LinkedIn
// profile, by which gateways name a member. Internal to transport: its users are the profiles' .cpp files.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace campaign::transport {

using Json = nlohmann::json;

// The body as a JSON object; nothing when it is not JSON, or not an object.
std::optional<Json> json_object(std::string_view body);
// A string field; empty when it is absent or not a string.
std::string text_of(const Json& object, const char* key);
// A flag, written as a boolean or as 0/1 (Unipile writes both).
bool is_set(const Json& object, const char* key);

// "jane-doe" of https://www.linkedin.com/in/jane-doe/; empty for a URL that is not a profile's.
std::string linkedin_public_id(std::string_view profile_url);
std::string linkedin_profile_url(std::string_view public_id);
// "ACoAAB3dF..." of https://www.linkedin.com/in/ACoAAB3dF.../, with its case: a profile URL that names the member by
// LinkedIn's id of them rather than by a public id; empty for any other URL.
std::string linkedin_member_id(std::string_view profile_url);

} // namespace campaign::transport
