#include "core/profile_url.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utf8proc.h>

#include "core/text.hpp"

namespace campaign::core {

namespace {

constexpr std::string_view k_prefix = "https://linkedin.com/in/";

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

// The text through utf8proc: code points mapped one by one (lower case) if asked, then composed (NFC) or decomposed
// (NFD). Valid UTF-8 in, so utf8proc does not fail; if it did, the text is kept as it was.
std::string unicode_map(std::string_view text, utf8proc_option_t form, bool lower) {
    auto to_lower = [](utf8proc_int32_t code, void*) { return utf8proc_tolower(code); };
    utf8proc_uint8_t* mapped = nullptr;
    auto length = utf8proc_map_custom(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()), &mapped,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | form), lower ? +to_lower : nullptr, nullptr);
    if (length < 0) {
        return std::string(text);
    }
    std::string result(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    std::free(mapped);
    return result;
}

// linkedin.com itself, or one label in front of it: www, m, or a country code such as uk or fr; written with the
// port of the web (":443") or the root's trailing dot ("www.linkedin.com.") as well.
bool is_linkedin_host(std::string_view host) {
    for (std::string_view port : {":443", ":80"}) {
        if (host.ends_with(port)) {
            host.remove_suffix(port.size());
            break;
        }
    }
    if (host.ends_with('.')) {
        host.remove_suffix(1);
    }
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

// The address without its scheme: http, https, or none at all ("linkedin.com/in/..." or the scheme-relative
// "//www.linkedin.com/in/..." of a page's source).
std::string_view strip_scheme(std::string_view text, bool& bad_scheme) {
    bad_scheme = false;
    for (std::string_view scheme : {"https://", "http://", "//"}) {
        if (text.size() >= scheme.size() && iequals_ascii(text.substr(0, scheme.size()), scheme)) {
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
        text = trim(text);
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

// What a decoded name cannot hold: spaces, separators and controls, and what would read differently the next time
// the URL is normalized ('%', '?', '#'), so that a normalized URL normalizes to itself.
bool has_impossible_characters(std::string_view name) {
    bool control = std::any_of(name.begin(), name.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7F;
    });
    bool invisible = std::any_of(k_invisible.begin(), k_invisible.end(),
                                 [name](std::string_view space) { return name.find(space) != std::string_view::npos; });
    return control || invisible || name.find_first_of(" /\\\"<>%?#") != std::string_view::npos;
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
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
    if (!is_linkedin_host(to_lower_ascii(rest.substr(0, host_end)))) {
        return rejected("not a LinkedIn address");
    }
    auto path = host_end == std::string_view::npos ? std::string_view{} : rest.substr(host_end);
    path = path.substr(0, path.find_first_of("?#"));
    auto segments = split_list(path, "/");
    if (!segments.empty() && to_lower_ascii(segments[0]) == "mwlite") { // LinkedIn's lite mobile site
        segments.erase(segments.begin());
    }
    if (segments.size() < 2 || to_lower_ascii(segments[0]) != "in") {
        return rejected(explain_path(segments.empty() ? "" : to_lower_ascii(segments[0])));
    }
    std::string name;
    if (!percent_decode(segments[1], name)) {
        return rejected("broken percent-encoding in the profile name");
    }
    if (!is_valid_utf8(name)) {
        return rejected("the profile name is not valid UTF-8");
    }
    if (has_impossible_characters(name)) {
        return rejected("the profile name has characters a profile URL cannot have");
    }
    if (is_member_id(name)) {
        return {std::string(k_prefix) + name, ""};
    }
    if (is_ascii(name)) {
        return {std::string(k_prefix) + to_lower_ascii(name), ""}; // composed already; lower case is ASCII's
    }
    return {std::string(k_prefix) + unicode_map(name, UTF8PROC_COMPOSE, true), ""};
}

bool is_member_id(std::string_view text) {
    auto id_character = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    };
    return (text.starts_with("ACoAA") || text.starts_with("ACwAA")) &&
           std::all_of(text.begin(), text.end(), id_character);
}

std::string_view member_id_of(std::string_view normalized_url) {
    if (!normalized_url.starts_with(k_prefix)) {
        return {};
    }
    auto name = normalized_url.substr(k_prefix.size());
    return is_member_id(name) ? name : std::string_view{};
}

std::vector<std::string> earlier_profile_urls(std::string_view normalized_url) {
    if (!normalized_url.starts_with(k_prefix)) {
        return {};
    }
    if (!member_id_of(normalized_url).empty()) {
        return {to_lower_ascii(normalized_url)};
    }
    auto name = normalized_url.substr(k_prefix.size());
    if (is_ascii(name)) {
        return {};
    }
    auto decomposed = std::string(k_prefix) + unicode_map(name, UTF8PROC_DECOMPOSE, false);
    if (decomposed == normalized_url) {
        return {};
    }
    return {decomposed};
}

} // namespace campaign::core
