// Prospects, their custom fields and their tags.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
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
    // Inserts a prospect, its custom fields given as fields_json() gives them, unless a row has its profile URL
    // already (found or not by find_by_url: erased and merged rows keep theirs): then nothing, and no id. For an
    // import's new rows, which it need not look up first. Their tags are written many at a time: by the next call
    // that reads prospects, or by write_queued_tags(), which must come before the transaction's commit.
    std::optional<core::ProspectId> insert_if_new(const core::Prospect& prospect, const std::string& fields_json);
    void write_queued_tags();
    // Custom fields as the `fields` column keeps them: a JSON object.
    static std::string fields_json(const std::map<std::string, std::string>& fields);
    // Writes the profile URL, columns and custom fields of an existing prospect, and adds the tags it does not have
    // yet.
    void update(const core::Prospect& prospect);

    void for_each(const ProspectFilter& filter, const std::function<void(const core::Prospect&)>& visit);
    std::vector<std::string> custom_field_names();
    std::size_t count();

    // Removes everything that identifies the person; the row stays so that the history of actions holds together.
    void erase(core::ProspectId id, core::Timestamp when);

private:
    void add_tags(core::ProspectId id, const std::set<std::string>& tags);

    struct Statements;
    Database& m_database;
    std::unique_ptr<Statements> m_statements;
};

} // namespace campaign::store
