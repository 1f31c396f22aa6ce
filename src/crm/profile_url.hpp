// The identity of a prospect: the URL of their public LinkedIn profile, normalized so that every way of writing it
// (http or https, www or a country subdomain, a query or fragment, a trailing slash, percent-encoding, upper case)
// gives the same text: https://linkedin.com/in/<slug>.
#pragma once

#include <string>
#include <string_view>

namespace campaign::crm {

struct NormalizedUrl {
    std::string url;     // empty when the input is not a profile URL
    std::string problem; // why not, in a few words

    explicit operator bool() const { return !url.empty(); }
};

NormalizedUrl normalize_profile_url(std::string_view text);

// Hex SHA-256 of a normalized URL: what the suppression list keeps of a prospect who was forgotten.
std::string identity_hash(std::string_view normalized_url);

} // namespace campaign::crm
