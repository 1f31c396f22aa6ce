// The identity of a prospect: the URL of their LinkedIn profile, normalized so that every way of writing it (http or
// https, www or a country subdomain, a query or fragment, a trailing slash, percent-encoding, upper case, decomposed
// accents) gives the same text: https://linkedin.com/in/<name>. A member id (ACoAA...) names a person too, and keeps
// its case: LinkedIn and the gateways tell ids apart by it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace campaign::core {

struct NormalizedUrl {
    std::string url;     // empty when the input is not a profile URL
    std::string problem; // why not, in a few words

    explicit operator bool() const { return !url.empty(); }
};

NormalizedUrl normalize_profile_url(std::string_view text);

// Whether the text is one of LinkedIn's opaque member ids: ACoAA... (ACwAA... in Sales Navigator), letters, digits,
// '-' and '_', case-sensitive.
bool is_member_id(std::string_view text);

// The member id a normalized URL names (https://linkedin.com/in/ACoAA...), or empty for a public profile name.
std::string_view member_id_of(std::string_view normalized_url);

// What versions before schema 8 made of the same URL, when it differs: a member id lower-cased like any name, and a
// name with its accents decomposed when the file had them so. Rows those versions wrote whose original the database
// cannot tell (a forgotten person's hash, a member id nobody learned the case of) are found by these.
std::vector<std::string> earlier_profile_urls(std::string_view normalized_url);

} // namespace campaign::core
