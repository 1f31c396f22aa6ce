#include "crm/profile_url.hpp"

#include <algorithm>
#include <array>
#include <openssl/evp.h>

#include "core/text.hpp"

namespace campaign::crm {

namespace {

NormalizedUrl rejected(std::string problem) {
    return {"", std::move(problem)};
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool percent_decode(std::string_view text, std::string& decoded) {
    decoded.clear();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            decoded += text[i];
            continue;
        }
        if (i + 2 >= text.size()) {
            return false;
        }
        int high = hex_value(text[i + 1]);
        int low = hex_value(text[i + 2]);
        if (high < 0 || low < 0) {
            return false;
        }
        decoded += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return true;
}

// linkedin.com itself, or one label in front of it: www, m, or a country code such as uk or fr.
bool is_linkedin_host(std::string_view host) {
    constexpr std::string_view k_domain = "linkedin.com";
    if (host == k_domain) {
        return true;
    }
    if (host.size() <= k_domain.size() + 1 || !host.ends_with(k_domain) ||
        host[host.size() - k_domain.size() - 1] != '.') {
        return false;
    }
    auto label = host.substr(0, host.size() - k_domain.size() - 1);
    return label.find('.') == std::string_view::npos;
}

std::string_view strip_scheme(std::string_view text, bool& bad_scheme) {
    bad_scheme = false;
    for (std::string_view scheme : {"https://", "http://"}) {
        if (text.size() >= scheme.size() && core::iequals_ascii(text.substr(0, scheme.size()), scheme)) {
            return text.substr(scheme.size());
        }
    }
    // Another scheme comes before the host; "://" later on is part of a query.
    auto scheme_end = text.find("://");
    bad_scheme = scheme_end != std::string_view::npos && scheme_end < text.find_first_of("/?#");
    return text;
}

std::string explain_path(std::string_view first_segment) {
    if (first_segment == "company" || first_segment == "school" || first_segment == "showcase") {
        return "a company or school page, not a person's profile";
    }
    if (first_segment == "sales" || first_segment == "talent" || first_segment == "recruiter") {
        return "a Sales Navigator or Recruiter link; use the public profile URL (linkedin.com/in/...)";
    }
    if (first_segment == "pub") {
        return "an old /pub/ profile link; use the current profile URL (linkedin.com/in/...)";
    }
    return "not a profile URL (expected linkedin.com/in/<name>)";
}

// Spaces that copying from a web page or a spreadsheet leaves around a URL: no-break space, zero-width space and
// joiners, word joiner, byte order mark.
constexpr std::array<std::string_view, 6> k_invisible{"\xC2\xA0",     "\xE2\x80\x8B", "\xE2\x80\x8C",
                                                      "\xE2\x80\x8D", "\xE2\x81\xA0", "\xEF\xBB\xBF"};

std::string_view trim_invisible(std::string_view text) {
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        text = core::trim(text);
        for (auto space : k_invisible) {
            if (text.starts_with(space)) {
                text.remove_prefix(space.size());
                trimmed = true;
            }
            if (text.ends_with(space)) {
                text.remove_suffix(space.size());
                trimmed = true;
            }
        }
    }
    return text;
}

bool has_invisible(std::string_view text) {
    return std::any_of(k_invisible.begin(), k_invisible.end(),
                       [text](std::string_view space) { return text.find(space) != std::string_view::npos; });
}

} // namespace

NormalizedUrl normalize_profile_url(std::string_view text) {
    text = trim_invisible(text);
    if (text.empty()) {
        return rejected("no profile URL");
    }
    bool bad_scheme = false;
    auto rest = strip_scheme(text, bad_scheme);
    if (bad_scheme) {
        return rejected("not a web address");
    }
    auto host_end = rest.find_first_of("/?#");
    auto host = core::to_lower_ascii(rest.substr(0, host_end));
    if (!is_linkedin_host(host)) {
        return rejected("not a LinkedIn address");
    }
    auto path = host_end == std::string_view::npos ? std::string_view{} : rest.substr(host_end);
    path = path.substr(0, path.find_first_of("?#"));
    auto segments = core::split_list(path, "/");
    if (segments.size() < 2 || core::to_lower_ascii(segments[0]) != "in") {
        return rejected(explain_path(segments.empty() ? "" : core::to_lower_ascii(segments[0])));
    }
    std::string slug;
    if (!percent_decode(segments[1], slug)) {
        return rejected("broken percent-encoding in the profile name");
    }
    if (!core::is_valid_utf8(slug)) {
        return rejected("the profile name is not valid UTF-8");
    }
    if (slug.find_first_of(" \t/\\\"<>") != std::string::npos || has_invisible(slug)) {
        return rejected("the profile name has characters a profile URL cannot have");
    }
    return {"https://linkedin.com/in/" + core::to_lower_utf8(slug), ""};
}

std::string identity_hash(std::string_view normalized_url) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(normalized_url.data(), normalized_url.size(), digest.data(), &length, EVP_sha256(), nullptr);
    constexpr std::string_view k_digits = "0123456789abcdef";
    std::string hex;
    hex.reserve(std::size_t{length} * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex += k_digits[digest[i] >> 4];
        hex += k_digits[digest[i] & 0xF];
    }
    return hex;
}

} // namespace campaign::crm
