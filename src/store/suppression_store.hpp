// The suppression list: profiles, email domains and the hashed identities of erased prospects.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/suppression.hpp"
#include "store/connection.hpp"
#include "store/database.hpp"

namespace campaign::store {

class SuppressionStore {
public:
    explicit SuppressionStore(Database& database);
    ~SuppressionStore();
    SuppressionStore(const SuppressionStore&) = delete;
    SuppressionStore& operator=(const SuppressionStore&) = delete;

    // False when the entry was already there (its reason is kept).
    bool add(const core::Suppression& entry);
    // False when there was no such entry.
    bool remove(core::SuppressionKind kind, std::string_view value);
    // A profile entry written by an earlier version under another form of the URL counts too
    // (core::earlier_profile_urls).
    bool contains(core::SuppressionKind kind, std::string_view value);
    bool any(core::SuppressionKind kind);
    // The entry of exactly this value, with its reason and when it was made.
    std::optional<core::Suppression> find(core::SuppressionKind kind, std::string_view value);
    std::vector<core::Suppression> list();

private:
    Database& m_database;
    std::unique_ptr<Statement> m_contains; // asked once per imported row
};

} // namespace campaign::store
