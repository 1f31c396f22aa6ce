#include "transport/wire_fields.hpp"

namespace campaign::transport {

std::optional<Json> json_object(std::string_view body) {
    auto document = Json::parse(body, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        return std::nullopt;
    }
    return document;
}

std::string text_of(const Json& object, const char* key) {
    auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool is_set(const Json& object, const char* key) {
    auto found = object.find(key);
    if (found == object.end()) {
        return false;
    }
    return found->is_boolean() ? found->get<bool>() : found->is_number() && found->get<double>() != 0;
}

std::string linkedin_public_id(std::string_view profile_url) {
    constexpr std::string_view marker = "/in/";
    auto at = profile_url.find(marker);
    if (at == std::string_view::npos) {
        return {};
    }
    auto id = profile_url.substr(at + marker.size());
    return std::string(id.substr(0, id.find_first_of("/?#")));
}

std::string linkedin_profile_url(std::string_view public_id) {
    return "https://www.linkedin.com/in/" + std::string(public_id);
}

std::string linkedin_member_id(std::string_view profile_url) {
    // LinkedIn's member ids start so (ACwAA in Sales Navigator); a public id is the member's own choice, in lower case.
    auto id = linkedin_public_id(profile_url);
    return id.starts_with("ACoAA") || id.starts_with("ACwAA") ? id : std::string();
}

} // namespace campaign::transport
