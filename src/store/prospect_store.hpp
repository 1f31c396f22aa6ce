// Prospects, their custom fields and their tags.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/prospect.hpp"
#include "store/database.hpp"

namespace campaign::store {

struct ProspectFilter {
    std::vector<std::string> tags;                // the prospect has all of them
    std::optional<core::Timestamp> updated_since; // imported or changed at or after this time
    std::optional<std::size_t> limit;
};

class ProspectStore {
public:
    explicit ProspectStore(Database& database);
    ~ProspectStore();
    ProspectStore(const ProspectStore&) = delete;
    ProspectStore& operator=(const ProspectStore&) = delete;

    // Erased prospects are not found: their identity is gone.
    std::optional<core::Prospect> find(core::ProspectId id);
    // By normalized profile URL; a row an earlier version wrote under another form of the same URL is found too
    // (core::earlier_profile_urls), and keeps that form until update() writes the current one.
    std::optional<core::Prospect> find_by_url(std::string_view profile_url);
    // By LinkedIn's id of the member (ACoAA...), exactly as written.
    std::optional<core::Prospect> find_by_member_id(std::string_view member_id);
    // Keeps the member id a gateway named the prospect by. One member is one prospect: a prospect that had the id
    // before (the same person under an older URL) gives it up.
    void set_member_id(core::ProspectId id, std::string_view member_id);
    // Keeps a member id that an import names the prospect by, unless the prospect has one already (a gateway's is
    // authoritative) or another prospect has it. Returns whether it was kept.
    bool adopt_member_id(core::ProspectId id, std::string_view member_id);

    core::ProspectId insert(const core::Prospect& prospect);
    // Writes the profile URL, columns and custom fields of an existing prospect, and adds the tags it does not have
    // yet.
    void update(const core::Prospect& prospect);

    void for_each(const ProspectFilter& filter, const std::function<void(const core::Prospect&)>& visit);
    std::vector<std::string> custom_field_names();
    std::size_t count();

    // Removes everything that identifies the person; the row stays so that the history of actions holds together.
    void erase(core::ProspectId id, core::Timestamp when);

private:
    struct Statements;
    Database& m_database;
    std::unique_ptr<Statements> m_statements;
};

} // namespace campaign::store
