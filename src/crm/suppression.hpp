// Do-not-contact and the right to be forgotten: entries on the suppression list by profile or email domain, and
// the erasure of a prospect that leaves only a hash of their identity behind, so that they are never imported again.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/prospect.hpp"
#include "core/suppression.hpp"
#include "store/database.hpp"
#include "store/suppression_store.hpp"

namespace campaign::crm {

// Hex SHA-256 of a normalized URL: what the suppression list keeps of a prospect who was forgotten.
std::string identity_hash(std::string_view normalized_url);

// Whether the person at a normalized URL asked to be forgotten: the hash of the URL, or of what an earlier version
// made of it, is on the list (a hash cannot be normalized again when the rules change).
bool is_forgotten(store::SuppressionStore& suppressions, std::string_view normalized_url);

// A profile URL or an email domain ("example.com" or "@example.com"), as the user typed it.
// Throws core::UserError when it is neither.
core::Suppression parse_suppression_target(std::string_view text);

// Returns false when the entry was already on the list.
bool add_suppression(store::Database& database, core::Suppression entry, const core::Clock& clock);
bool remove_suppression(store::Database& database, const core::Suppression& entry);

// The suppression entry that applies to a prospect, if any.
std::optional<core::Suppression> find_suppression(store::Database& database, const core::Prospect& prospect);

// A prospect by number or by profile URL; throws core::UserError when there is none.
core::Prospect resolve_prospect(store::Database& database, std::string_view id_or_url);

// Erases the prospect's personal data and suppresses their identity, in one transaction.
void forget_prospect(store::Database& database, const core::Prospect& prospect, const core::Clock& clock);

// The same by id or profile URL. A URL is suppressed even when the person is not in the CRM (yet): an erasure
// request can come before the import. Returns the id of the prospect erased, if there was one.
std::optional<core::ProspectId> forget(store::Database& database, std::string_view id_or_url, const core::Clock& clock);

} // namespace campaign::crm
