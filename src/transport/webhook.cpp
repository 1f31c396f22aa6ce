#include "transport/webhook.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "transport/event_page.hpp"
#include "transport/unipile_webhook.hpp"

namespace campaign::transport {

namespace {

constexpr std::string_view k_signature_prefix = "sha256=";

using Digest = std::array<unsigned char, 32>;

// OpenSSL wants a pointer even for no bytes; an empty string_view may have none.
const unsigned char* bytes_of(std::string_view text) {
    static const unsigned char k_nothing = 0;
    return text.empty() ? &k_nothing : reinterpret_cast<const unsigned char*>(text.data());
}

Digest hmac_sha256(std::string_view body, const std::string& secret) {
    Digest digest{};
    unsigned int length = 0;
    HMAC(EVP_sha256(), bytes_of(secret), static_cast<int>(secret.size()), bytes_of(body), body.size(), digest.data(),
         &length);
    return digest;
}

Digest sha256(std::string_view text) {
    Digest digest{};
    unsigned int length = 0;
    EVP_Digest(bytes_of(text), text.size(), digest.data(), &length, EVP_sha256(), nullptr);
    return digest;
}

std::string lower_hex(const Digest& digest) {
    constexpr std::string_view k_digits = "0123456789abcdef";
    std::string hex;
    hex.reserve(digest.size() * 2);
    for (unsigned char byte : digest) {
        hex += k_digits[byte >> 4];
        hex += k_digits[byte & 0x0f];
    }
    return hex;
}

std::string join(const std::vector<std::string>& problems) {
    std::string joined;
    for (const auto& problem : problems) {
        joined += (joined.empty() ? "" : "; ") + problem;
    }
    return joined;
}

std::optional<std::vector<core::Event>> read_engine_events(std::string_view body, const core::GatewaySettings& settings,
                                                           std::string& error) {
    auto page = parse_event_page(body, error, EventBody::page_or_event);
    if (!page) {
        return std::nullopt;
    }
    // A poll skips a bad event and takes the rest; a push is answered, so the gateway can fix it and send it again.
    if (!page->problems.empty()) {
        error = join(page->problems);
        return std::nullopt;
    }
    name_senders(page->events, settings);
    return std::move(page->events);
}

// The media type alone, in lower case: "application/x-www-form-urlencoded" of "application/x-www-form-urlencoded;
// charset=utf-8".
std::string media_type_of(std::string_view content_type) {
    auto type = content_type.substr(0, content_type.find(';'));
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) {
        type.remove_suffix(1);
    }
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) {
        type.remove_prefix(1);
    }
    std::string lowered(type);
    for (auto& c : lowered) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return lowered;
}

// "event=message_received&account_id=..." or "sender%5Battendee_id%5D=...": a field name, then '='.
bool looks_urlencoded(std::string_view body) {
    auto first = body.substr(0, body.find('&'));
    auto equals = first.find('=');
    if (equals == 0 || equals == std::string_view::npos) {
        return false;
    }
    return std::all_of(first.begin(), first.begin() + static_cast<long>(equals), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
               std::string_view("_.-%[]").find(c) != std::string_view::npos;
    });
}

} // namespace

std::optional<std::string> unreadable_body(core::WireProfile profile, std::string_view content_type,
                                           std::string_view body) {
    auto type = media_type_of(content_type);
    if (type != "application/x-www-form-urlencoded" && type != "multipart/form-data") {
        // Unipile sends no Content-Type for a webhook created through its API, unless it was given one.
        if (!(type.empty() || type == "text/plain") || !looks_urlencoded(body)) {
            return std::nullopt;
        }
        type = "application/x-www-form-urlencoded";
    }
    auto form = "the body is a form (" + type + "), and the events are read from JSON only: ";
    return profile == core::WireProfile::unipile
               ? form + "create the webhook with \"format\": \"json\" (Unipile's default), not \"form\""
               : form + "post them as JSON, as docs/http-transport.md describes";
}

std::string_view webhook_path(core::WireProfile profile) {
    return profile == core::WireProfile::unipile ? "/unipile" : "/events";
}

std::string_view webhook_auth_header(core::WireProfile profile) {
    return profile == core::WireProfile::unipile ? "Unipile-Auth" : "X-Signature-256";
}

std::string signature_of(std::string_view body, const std::string& secret) {
    return std::string(k_signature_prefix) + lower_hex(hmac_sha256(body, secret));
}

bool signature_matches(std::string_view body, std::string_view header_value, const std::string& secret) {
    if (secret.empty()) {
        return false;
    }
    auto expected = signature_of(body, secret);
    // The length is the format's, not a secret: only same-length values go to the constant-time comparison.
    return header_value.size() == expected.size() &&
           CRYPTO_memcmp(header_value.data(), expected.data(), expected.size()) == 0;
}

bool secret_matches(std::string_view header_value, const std::string& secret) {
    if (secret.empty()) {
        return false;
    }
    // Comparing digests takes the same time whatever the lengths, so a wrong guess learns nothing of the secret's.
    auto given = sha256(header_value);
    auto expected = sha256(secret);
    return CRYPTO_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

bool webhook_is_authentic(core::WireProfile profile, std::string_view body, std::string_view header_value,
                          const std::string& secret) {
    return profile == core::WireProfile::unipile ? secret_matches(header_value, secret)
                                                 : signature_matches(body, header_value, secret);
}

std::optional<std::vector<core::Event>> read_webhook(core::WireProfile profile, std::string_view body,
                                                     const core::GatewaySettings& settings, core::Timestamp received_at,
                                                     std::string& error) {
    auto events = profile == core::WireProfile::unipile ? parse_unipile_webhook(body, settings, error)
                                                        : read_engine_events(body, settings, error);
    if (events) {
        for (auto& event : *events) {
            if (event.at == core::Timestamp{}) {
                event.at = received_at;
            }
        }
    }
    return events;
}

} // namespace campaign::transport
