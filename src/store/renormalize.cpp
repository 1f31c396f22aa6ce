#include "store/renormalize.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/profile_url.hpp"
#include "core/text.hpp"
#include "store/connection.hpp"

namespace campaign::store {

namespace {

using Id = std::int64_t;

struct Change {
    Id id = 0;
    std::string stored;
    std::string current;
};

// What the URL a row was stored under is now. A member id was lower-cased with the rest of the URL: the id a gateway
// told, if it did, gives the case back. Nothing when this version reads no profile in it (then it stays as it is).
std::optional<std::string> current_url(const std::string& stored, const std::string& member_id) {
    auto normalized = core::normalize_profile_url(stored);
    if (!normalized) {
        return std::nullopt;
    }
    if (core::is_member_id(member_id)) {
        auto cased = core::normalize_profile_url("https://linkedin.com/in/" + member_id);
        if (cased && core::to_lower_ascii(cased.url) == normalized.url) {
            return cased.url;
        }
    }
    return normalized.url;
}

std::vector<Change> changed_prospects(Connection& db) {
    Statement query(
        db, "SELECT id, profile_url, coalesce(member_id, '') FROM prospects WHERE erased_at IS NULL ORDER BY id");
    std::vector<Change> changes;
    while (query.step()) {
        auto stored = query.column(1).text();
        auto current = current_url(stored, query.column(2).text());
        if (current && *current != stored) {
            changes.push_back({query.column(0).integer(), stored, *current});
        }
    }
    return changes;
}

// A statement whose parameters are the ids ?1, ?2, ... in order.
void run(Connection& db, const char* sql, std::initializer_list<Id> ids) {
    Statement statement(db, sql);
    int index = 1;
    for (auto id : ids) {
        statement.bind(index++, id);
    }
    statement.run();
}

// The person's details, merged: the row updated last gives its non-empty values, the first import its source.
void merge_details(Connection& db, Id keep, Id gone) {
    std::string sql = "WITH older AS (SELECT * FROM prospects WHERE id IN (?1, ?2) ORDER BY updated_at, id LIMIT 1),"
                      " newer AS (SELECT * FROM prospects WHERE id IN (?1, ?2) AND id <> (SELECT id FROM older)),"
                      " gone AS (SELECT * FROM prospects WHERE id = ?2)"
                      " UPDATE prospects SET";
    for (std::string column : {"first_name", "last_name", "email", "company", "title", "location", "industry"}) {
        sql += " " + column + " = (SELECT CASE WHEN n." + column + " <> '' THEN n." + column + " ELSE o." + column +
               " END FROM older o, newer n),";
    }
    sql += " source = CASE WHEN source <> '' THEN source ELSE (SELECT source FROM gone) END,"
           " fields = (SELECT json_patch(o.fields, n.fields) FROM older o, newer n),"
           " created_at = min(created_at, (SELECT created_at FROM gone)),"
           " updated_at = max(updated_at, (SELECT updated_at FROM gone))"
           " WHERE id = ?1";
    run(db, sql.c_str(), {keep, gone});
    // One member is one prospect: the id moves, if the kept row has none.
    Statement member(db, "SELECT member_id FROM prospects WHERE id = ? AND member_id IS NOT NULL");
    member.bind(1, gone);
    if (member.step()) {
        auto id = member.column(0).text();
        member.reset();
        run(db, "UPDATE prospects SET member_id = NULL WHERE id = ?1", {gone});
        Statement adopt(db, "UPDATE prospects SET member_id = ? WHERE id = ? AND member_id IS NULL");
        adopt.bind(1, id);
        adopt.bind(2, keep);
        adopt.run();
    }
}

// Tags, then every enrollment in a campaign the kept prospect is not in yet, with its actions and events.
void move_history(Connection& db, Id keep, Id gone) {
    run(db,
        "INSERT INTO prospect_tags (prospect_id, tag) SELECT ?1, tag FROM prospect_tags WHERE prospect_id = ?2"
        " ON CONFLICT DO NOTHING",
        {keep, gone});
    run(db, "DELETE FROM prospect_tags WHERE prospect_id = ?1", {gone});
    run(db,
        "UPDATE enrollments SET prospect_id = ?1 WHERE prospect_id = ?2"
        " AND campaign_id NOT IN (SELECT campaign_id FROM enrollments WHERE prospect_id = ?1)",
        {keep, gone});
    run(db,
        "UPDATE actions SET prospect_id = ?1 WHERE prospect_id = ?2"
        " AND enrollment_id IN (SELECT id FROM enrollments WHERE prospect_id = ?1)",
        {keep, gone});
    // An event stays with an enrollment that stays, whether it names the enrollment or only the action it answers.
    run(db,
        "UPDATE events SET prospect_id = ?1 WHERE prospect_id = ?2 AND NOT EXISTS ("
        " SELECT 1 FROM enrollments x WHERE x.prospect_id = ?2"
        " AND x.id IN (events.enrollment_id, (SELECT a.enrollment_id FROM actions a WHERE a.id = events.action_id)))",
        {keep, gone});
}

// The merged row goes when nothing is left to it; the foreign keys make sure of that.
void retire(Connection& db, Id keep, Id gone) {
    run(db, "UPDATE prospects SET merged_into = ?1 WHERE merged_into = ?2", {keep, gone});
    Statement left(db, "SELECT count(*) FROM enrollments WHERE prospect_id = ?");
    left.bind(1, gone);
    left.step();
    if (left.column(0).integer() == 0) {
        left.reset();
        run(db, "DELETE FROM prospects WHERE id = ?1", {gone});
        return;
    }
    left.reset();
    run(db, "UPDATE prospects SET profile_url = 'merged:' || id, merged_into = ?1 WHERE id = ?2", {keep, gone});
}

void merge(Connection& db, Id keep, Id gone) {
    merge_details(db, keep, gone);
    move_history(db, keep, gone);
    retire(db, keep, gone);
}

std::optional<Id> holder_of(Connection& db, const std::string& url) {
    Statement query(db, "SELECT id FROM prospects WHERE profile_url = ?");
    query.bind(1, url);
    if (!query.step()) {
        return std::nullopt;
    }
    return query.column(0).integer();
}

void set_url(Connection& db, Id id, const std::string& url) {
    Statement update(db, "UPDATE prospects SET profile_url = ? WHERE id = ?");
    update.bind(1, url);
    update.bind(2, id);
    update.run();
}

// Each changed row takes its new URL, or is merged with the row that has it: the one imported first is kept.
void renormalize_prospects(Connection& db, const std::vector<Change>& changes) {
    // Out of the way first: a URL a row gives up may be the one another row takes.
    for (const auto& change : changes) {
        set_url(db, change.id, "renormalizing:" + std::to_string(change.id));
    }
    for (const auto& change : changes) {
        auto holder = holder_of(db, change.current);
        if (!holder) {
            set_url(db, change.id, change.current);
            continue;
        }
        auto keep = std::min(*holder, change.id);
        merge(db, keep, std::max(*holder, change.id));
        set_url(db, keep, change.current);
    }
}

// The other places that name a person by URL. `renamed` has what the prospects' URLs became, which gives a member id
// its case back where the prospect's row could.
std::string current_form(const std::map<std::string, std::string>& renamed, const std::string& stored) {
    if (auto found = renamed.find(stored); found != renamed.end()) {
        return found->second;
    }
    auto current = current_url(stored, "");
    return current ? *current : stored;
}

void renormalize_suppressions(Connection& db, const std::map<std::string, std::string>& renamed) {
    std::vector<std::pair<std::string, std::string>> changes;
    Statement query(db, "SELECT value FROM suppressions WHERE kind = 'profile'");
    while (query.step()) {
        auto stored = query.column(0).text();
        auto current = current_form(renamed, stored);
        if (current != stored) {
            changes.emplace_back(stored, current);
        }
    }
    for (const auto& [stored, current] : changes) {
        // Two spellings of one person suppressed: the entry under the current one stays.
        Statement update(db, "UPDATE OR IGNORE suppressions SET value = ?1 WHERE kind = 'profile' AND value = ?2");
        update.bind(1, current);
        update.bind(2, stored);
        if (update.run() == 0) {
            Statement drop(db, "DELETE FROM suppressions WHERE kind = 'profile' AND value = ?");
            drop.bind(1, stored);
            drop.run();
        }
    }
}

void renormalize_events(Connection& db, const std::map<std::string, std::string>& renamed) {
    std::vector<std::pair<std::string, std::string>> changes;
    Statement query(db, "SELECT DISTINCT profile_url FROM events WHERE profile_url IS NOT NULL");
    while (query.step()) {
        auto stored = query.column(0).text();
        auto current = current_form(renamed, stored);
        if (current != stored) {
            changes.emplace_back(stored, current);
        }
    }
    for (const auto& [stored, current] : changes) {
        Statement update(db, "UPDATE events SET profile_url = ?1 WHERE profile_url = ?2");
        update.bind(1, current);
        update.bind(2, stored);
        update.run();
    }
}

} // namespace

void renormalize_profile_urls(Connection& db) {
    auto changes = changed_prospects(db);
    std::map<std::string, std::string> renamed;
    for (const auto& change : changes) {
        renamed.emplace(change.stored, change.current);
    }
    renormalize_prospects(db, changes);
    renormalize_suppressions(db, renamed);
    renormalize_events(db, renamed);
}

} // namespace campaign::store
