#include "crm/suppression.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <openssl/evp.h>

#include "core/error.hpp"
#include "core/profile_url.hpp"
#include "core/text.hpp"
#include "store/prospect_store.hpp"
#include "store/suppression_store.hpp"

namespace campaign::crm {

namespace {

bool looks_like_domain(std::string_view text) {
    auto valid = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'; };
    return text.find('.') != std::string_view::npos && text.front() != '.' && text.back() != '.' &&
           std::all_of(text.begin(), text.end(), valid);
}

std::string email_domain(std::string_view email) {
    auto at = email.rfind('@');
    return at == std::string_view::npos ? std::string{} : core::to_lower_ascii(email.substr(at + 1));
}

} // namespace

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

bool is_forgotten(store::SuppressionStore& suppressions, std::string_view normalized_url) {
    if (suppressions.contains(core::SuppressionKind::forgotten, identity_hash(normalized_url))) {
        return true;
    }
    auto earlier = core::earlier_profile_urls(normalized_url);
    return std::any_of(earlier.begin(), earlier.end(), [&suppressions](const std::string& url) {
        return suppressions.contains(core::SuppressionKind::forgotten, identity_hash(url));
    });
}

core::Suppression parse_suppression_target(std::string_view text) {
    auto target = core::trim(text);
    core::Suppression entry;
    if (core::icontains_ascii(target, "linkedin.")) {
        auto identity = core::normalize_profile_url(target);
        if (!identity) {
            throw core::UserError("error: '" + std::string(target) +
                                  "' is not a LinkedIn profile URL: " + identity.problem);
        }
        entry.kind = core::SuppressionKind::profile;
        entry.value = identity.url;
        return entry;
    }
    auto domain = core::to_lower_ascii(target.starts_with('@') ? target.substr(1) : target);
    if (!looks_like_domain(domain)) {
        throw core::UserError("error: '" + std::string(target) +
                              "' is neither a LinkedIn profile URL nor an email domain such as example.com");
    }
    entry.kind = core::SuppressionKind::email_domain;
    entry.value = domain;
    return entry;
}

bool add_suppression(store::Database& database, core::Suppression entry, const core::Clock& clock) {
    entry.created_at = clock.now();
    return store::SuppressionStore(database).add(entry);
}

bool remove_suppression(store::Database& database, const core::Suppression& entry) {
    return store::SuppressionStore(database).remove(entry.kind, entry.value);
}

std::optional<core::Suppression> find_suppression(store::Database& database, const core::Prospect& prospect) {
    store::SuppressionStore suppressions(database);
    std::vector<core::Suppression> candidates{
        {0, core::SuppressionKind::profile, prospect.profile_url, "", {}},
        {0, core::SuppressionKind::email_domain, email_domain(prospect.email), "", {}},
    };
    for (const auto& candidate : candidates) {
        if (!candidate.value.empty() && suppressions.contains(candidate.kind, candidate.value)) {
            return candidate;
        }
    }
    return std::nullopt;
}

namespace {

// A prospect's number, when the text is one rather than a profile URL.
std::optional<core::ProspectId> parse_prospect_id(std::string_view text) {
    core::ProspectId id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return id;
}

} // namespace

core::Prospect resolve_prospect(store::Database& database, std::string_view id_or_url) {
    store::ProspectStore prospects(database);
    auto text = core::trim(id_or_url);
    if (auto id = parse_prospect_id(text)) {
        if (auto prospect = prospects.find(*id)) {
            return *prospect;
        }
        throw core::UserError("error: no prospect with id " + std::string(text));
    }
    auto identity = core::normalize_profile_url(text);
    if (!identity) {
        throw core::UserError("error: '" + std::string(text) +
                              "' is neither a prospect id nor a LinkedIn profile URL: " + identity.problem);
    }
    if (auto prospect = prospects.find_by_url(identity.url)) {
        return *prospect;
    }
    throw core::UserError("error: no prospect with profile " + identity.url);
}

namespace {

void suppress_identity(store::Database& database, const std::string& profile_url, core::Timestamp now) {
    store::SuppressionStore suppressions(database);
    suppressions.add({0, core::SuppressionKind::forgotten, identity_hash(profile_url), "erased on request", now});
    // A plain do-not-contact entry would keep the URL, which is personal data.
    suppressions.remove(core::SuppressionKind::profile, profile_url);
}

} // namespace

void forget_prospect(store::Database& database, const core::Prospect& prospect, const core::Clock& clock) {
    store::Transaction transaction(database);
    auto now = clock.now();
    suppress_identity(database, prospect.profile_url, now);
    store::ProspectStore(database).erase(prospect.id, now);
    transaction.commit();
}

std::optional<core::ProspectId> forget(store::Database& database, std::string_view id_or_url,
                                       const core::Clock& clock) {
    auto text = core::trim(id_or_url);
    if (parse_prospect_id(text)) {
        auto prospect = resolve_prospect(database, text);
        forget_prospect(database, prospect, clock);
        return prospect.id;
    }
    auto identity = core::normalize_profile_url(text);
    if (!identity) {
        throw core::UserError("error: '" + std::string(text) + "' is not a LinkedIn profile URL: " + identity.problem);
    }
    if (auto prospect = store::ProspectStore(database).find_by_url(identity.url)) {
        forget_prospect(database, *prospect, clock);
        return prospect->id;
    }
    store::Transaction transaction(database);
    suppress_identity(database, identity.url, clock.now());
    transaction.commit();
    return std::nullopt;
}

} // namespace campaign::crm
