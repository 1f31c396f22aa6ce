#include "store/prospect_store.hpp"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/profile_url.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

constexpr const char* k_columns = "id, profile_url, first_name, last_name, email, company, title, location, "
                                  "industry, source, fields, created_at, updated_at";
// The prospects the CRM still knows: an erased row keeps only its history, and a row merged into another (the same
// person under an earlier form of their URL) only the enrollments the other could not take.
constexpr const char* k_live = "erased_at IS NULL AND merged_into IS NULL";

core::Prospect read_prospect(Statement& row) {
    core::Prospect prospect;
    prospect.id = row.column(0).integer();
    prospect.profile_url = row.column(1).text();
    prospect.first_name = row.column(2).text();
    prospect.last_name = row.column(3).text();
    prospect.email = row.column(4).text();
    prospect.company = row.column(5).text();
    prospect.title = row.column(6).text();
    prospect.location = row.column(7).text();
    prospect.industry = row.column(8).text();
    prospect.source = row.column(9).text();
    prospect.fields = nlohmann::json::parse(row.column(10).text()).get<std::map<std::string, std::string>>();
    prospect.created_at = read_time(row.column(11));
    prospect.updated_at = read_time(row.column(12));
    return prospect;
}

// An import stamps every row with the same time: format it once.
const std::string& formatted(core::Timestamp when) {
    thread_local std::optional<core::Timestamp> last;
    thread_local std::string text;
    if (when != last) {
        last = when;
        text = core::format_utc(when);
    }
    return text;
}

// Binds the columns that an import may change, from parameter 1 on; returns the next free parameter. The prospect and
// fields_json must stay as they are until the statement is reset.
int bind_details(Statement& statement, const core::Prospect& prospect, const std::string& fields_json) {
    int index = 1;
    for (const auto* value : {&prospect.first_name, &prospect.last_name, &prospect.email, &prospect.company,
                              &prospect.title, &prospect.location, &prospect.industry, &prospect.source}) {
        statement.bind_kept(index++, *value);
    }
    statement.bind_kept(index++, fields_json);
    statement.bind(index++, formatted(prospect.updated_at)); // copied: the next call to formatted() changes it
    return index;
}

constexpr const char* k_insert = "INSERT INTO prospects (first_name, last_name, email, company, title, location, "
                                 "industry, source, fields, updated_at, profile_url, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// The tags of new prospects one statement adds at most, each a prospect's id and a tag: a statement's start and end
// cost several times what a row does.
constexpr std::size_t k_tags_per_statement = 128;

// Adds COUNT tags that no prospect has yet: ?1 the first prospect's id and ?2 its tag, ?3 and ?4 the next, ...
std::string add_new_tags_sql(std::size_t count) {
    std::string sql = "INSERT INTO prospect_tags (prospect_id, tag) VALUES ";
    for (std::size_t i = 0; i < count; ++i) {
        sql += (i == 0 ? "(?" : ", (?") + std::to_string(2 * i + 1) + ", ?" + std::to_string(2 * i + 2) + ')';
    }
    return sql;
}

} // namespace

struct ProspectStore::Statements {
    explicit Statements(Connection& db)
        : find_by_id(db, std::string("SELECT ") + k_columns + " FROM prospects WHERE id = ? AND " + k_live),
          find_by_url(db, std::string("SELECT ") + k_columns + " FROM prospects WHERE profile_url = ? AND " + k_live),
          find_by_member_id(db,
                            std::string("SELECT ") + k_columns + " FROM prospects WHERE member_id = ? AND " + k_live),
          release_member_id(db, "UPDATE prospects SET member_id = NULL WHERE member_id = ? AND id <> ?"),
          set_member_id(db, std::string("UPDATE prospects SET member_id = ? WHERE id = ? AND ") + k_live),
          adopt_member_id(db,
                          std::string("UPDATE prospects SET member_id = ?1 WHERE id = ?2 AND member_id IS NULL AND ") +
                              k_live + " AND NOT EXISTS (SELECT 1 FROM prospects WHERE member_id = ?1)"),
          tags_of(db, "SELECT tag FROM prospect_tags WHERE prospect_id = ? ORDER BY tag"),
          insert(db, std::string(k_insert) + " RETURNING id"),
          insert_if_new(db, std::string(k_insert) + " ON CONFLICT (profile_url) DO NOTHING RETURNING id"),
          update(db, "UPDATE prospects SET first_name = ?, last_name = ?, email = ?, company = ?, "
                     "title = ?, location = ?, industry = ?, source = ?, fields = ?, updated_at = ?, profile_url = ? "
                     "WHERE id = ?"),
          add_tag(db, "INSERT INTO prospect_tags (prospect_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING"),
          add_new_tags(db, add_new_tags_sql) {}

    Statement find_by_id;
    Statement find_by_url;
    Statement find_by_member_id;
    Statement release_member_id;
    Statement set_member_id;
    Statement adopt_member_id;
    Statement tags_of;
    Statement insert;
    Statement insert_if_new;
    Statement update;
    Statement add_tag;
    StatementsByCount add_new_tags;                                    // many to a statement
    std::vector<std::pair<core::ProspectId, std::string>> queued_tags; // of rows insert_if_new wrote
};

ProspectStore::ProspectStore(Database& database)
    : m_database(database), m_statements(std::make_unique<Statements>(database.connection())) {}

ProspectStore::~ProspectStore() {
    try {
        write_queued_tags(); // written before a commit by whoever inserted them; this is a last chance
    } catch (const std::exception&) {
        // The transaction that holds their prospects is being rolled back.
    }
}

namespace {

std::set<std::string> read_tags(Statement& tags_of, core::ProspectId id) {
    ResetOnExit reset(tags_of);
    tags_of.bind(1, id);
    std::set<std::string> tags;
    while (tags_of.step()) {
        tags.insert(tags_of.column(0).text());
    }
    return tags;
}

// Runs `query`, bound to its key, and resets it whichever way it leaves.
std::optional<core::Prospect> find_one(Statement& query, Statement& tags_of) {
    std::optional<core::Prospect> prospect;
    {
        ResetOnExit reset(query);
        if (!query.step()) {
            return std::nullopt;
        }
        prospect = read_prospect(query);
    }
    prospect->tags = read_tags(tags_of, prospect->id);
    return prospect;
}

} // namespace

void ProspectStore::add_tags(core::ProspectId id, const std::set<std::string>& tags) {
    auto& add = m_statements->add_tag;
    for (const auto& tag : tags) {
        ResetOnExit reset(add);
        add.bind(1, id);
        add.bind_kept(2, tag);
        add.run();
    }
}

void ProspectStore::write_queued_tags() {
    auto& queued = m_statements->queued_tags;
    for (std::size_t start = 0; start < queued.size(); start += k_tags_per_statement) {
        auto count = std::min(k_tags_per_statement, queued.size() - start);
        auto& add = m_statements->add_new_tags.writing(count);
        ResetOnExit reset(add);
        for (std::size_t i = 0; i < count; ++i) {
            const auto& [id, tag] = queued[start + i];
            add.bind(static_cast<int>(2 * i + 1), id);
            add.bind_kept(static_cast<int>(2 * i + 2), tag);
        }
        add.run();
    }
    queued.clear();
}

std::string ProspectStore::fields_json(const std::map<std::string, std::string>& fields) {
    return nlohmann::json(fields).dump();
}

std::optional<core::Prospect> ProspectStore::find(core::ProspectId id) {
    write_queued_tags();
    m_statements->find_by_id.bind(1, id);
    return find_one(m_statements->find_by_id, m_statements->tags_of);
}

std::optional<core::Prospect> ProspectStore::find_by_url(std::string_view profile_url) {
    write_queued_tags();
    m_statements->find_by_url.bind(1, std::string(profile_url));
    if (auto found = find_one(m_statements->find_by_url, m_statements->tags_of)) {
        return found;
    }
    for (const auto& earlier : core::earlier_profile_urls(profile_url)) {
        m_statements->find_by_url.bind(1, earlier);
        if (auto found = find_one(m_statements->find_by_url, m_statements->tags_of)) {
            return found;
        }
    }
    return std::nullopt;
}

std::optional<core::Prospect> ProspectStore::find_by_member_id(std::string_view member_id) {
    write_queued_tags();
    m_statements->find_by_member_id.bind(1, std::string(member_id));
    return find_one(m_statements->find_by_member_id, m_statements->tags_of);
}

void ProspectStore::set_member_id(core::ProspectId id, std::string_view member_id) {
    for (auto* statement : {&m_statements->release_member_id, &m_statements->set_member_id}) {
        ResetOnExit reset(*statement);
        statement->bind(1, std::string(member_id));
        statement->bind(2, id);
        statement->run();
    }
}

bool ProspectStore::adopt_member_id(core::ProspectId id, std::string_view member_id) {
    auto& adopt = m_statements->adopt_member_id;
    ResetOnExit reset(adopt);
    adopt.bind(1, std::string(member_id));
    adopt.bind(2, id);
    return adopt.run() > 0;
}

core::ProspectId ProspectStore::insert(const core::Prospect& prospect) {
    write_queued_tags();
    auto& insert = m_statements->insert;
    std::int64_t id = 0;
    {
        auto fields = fields_json(prospect.fields); // bound without a copy: outlives the statement's run
        ResetOnExit reset(insert);
        int next = bind_details(insert, prospect, fields);
        insert.bind(next++, prospect.profile_url);
        insert.bind(next, formatted(prospect.created_at));
        id = insert.insert();
    }
    add_tags(id, prospect.tags);
    return id;
}

std::optional<core::ProspectId> ProspectStore::insert_if_new(const core::Prospect& prospect,
                                                             const std::string& fields_json) {
    auto& insert = m_statements->insert_if_new;
    std::optional<std::int64_t> id;
    {
        ResetOnExit reset(insert);
        int next = bind_details(insert, prospect, fields_json);
        insert.bind(next++, prospect.profile_url);
        insert.bind(next, formatted(prospect.created_at));
        id = insert.try_insert();
    }
    if (id) {
        auto& queued = m_statements->queued_tags;
        for (const auto& tag : prospect.tags) {
            queued.emplace_back(*id, tag);
        }
        if (queued.size() >= k_tags_per_statement) {
            write_queued_tags();
        }
    }
    return id;
}

void ProspectStore::update(const core::Prospect& prospect) {
    write_queued_tags();
    auto& update = m_statements->update;
    {
        auto fields = fields_json(prospect.fields); // bound without a copy: outlives the statement's run
        ResetOnExit reset(update);
        int next = bind_details(update, prospect, fields);
        update.bind(next++, prospect.profile_url);
        update.bind(next, prospect.id);
        update.run();
    }
    add_tags(prospect.id, prospect.tags);
}

void ProspectStore::for_each(const ProspectFilter& filter, const std::function<void(const core::Prospect&)>& visit) {
    write_queued_tags();
    std::set<std::string> tags(filter.tags.begin(), filter.tags.end()); // a tag named twice is still one tag
    std::string sql = std::string("SELECT ") + k_columns + " FROM prospects WHERE " + k_live;
    if (!tags.empty()) {
        sql += " AND id IN (SELECT prospect_id FROM prospect_tags WHERE tag IN (?";
        for (std::size_t i = 1; i < tags.size(); ++i) {
            sql += ", ?";
        }
        sql += ") GROUP BY prospect_id HAVING count(*) = ?)";
    }
    if (filter.updated_since) {
        sql += " AND updated_at >= ?";
    }
    sql += " ORDER BY id";
    if (filter.limit) {
        sql += " LIMIT ?";
    }
    Statement query(m_database.connection(), sql);
    int index = 1;
    for (const auto& tag : tags) {
        query.bind(index++, tag);
    }
    if (!tags.empty()) {
        query.bind(index++, static_cast<std::int64_t>(tags.size()));
    }
    if (filter.updated_since) {
        query.bind(index++, core::format_utc(*filter.updated_since));
    }
    if (filter.limit) {
        query.bind(index, static_cast<std::int64_t>(*filter.limit));
    }
    while (query.step()) {
        auto prospect = read_prospect(query);
        prospect.tags = read_tags(m_statements->tags_of, prospect.id);
        visit(prospect);
    }
}

std::vector<std::string> ProspectStore::custom_field_names() {
    // The fields are a JSON object in text, which each backend takes apart with its own function.
    auto fields = m_database.backend() == Backend::sqlite ? "json_each(prospects.fields)"
                                                          : "json_each_text(prospects.fields::json)";
    auto sql = std::string("SELECT DISTINCT field.key FROM prospects, ") + fields + " AS field WHERE " + k_live +
               " ORDER BY field.key";
    Statement query(m_database.connection(), sql);
    std::vector<std::string> names;
    while (query.step()) {
        names.push_back(query.column(0).text());
    }
    return names;
}

std::size_t ProspectStore::count() {
    return static_cast<std::size_t>(
        query_integer(m_database.connection(), std::string("SELECT count(*) FROM prospects WHERE ") + k_live));
}

void ProspectStore::erase(core::ProspectId id, core::Timestamp when) {
    write_queued_tags();
    auto& db = m_database.connection();
    // The rows merged into this one (see schema 8) are the same person: they are erased with it.
    Statement erase_row(
        db, "UPDATE prospects SET profile_url = 'erased:' || id, first_name = '', last_name = '', email = '', "
            "company = '', title = '', location = '', industry = '', source = '', fields = '{}', member_id = NULL, "
            "updated_at = ?2, erased_at = ?2 WHERE id = ?1 OR merged_into = ?1");
    erase_row.bind(1, id);
    erase_row.bind(2, core::format_utc(when));
    erase_row.run();
    // What was written to the person or by them is personal data too.
    for (const char* sql : {"DELETE FROM prospect_tags WHERE prospect_id IN "
                            "(SELECT id FROM prospects WHERE id = ?1 OR merged_into = ?1)",
                            // An invitation's note stays counted against the month's notes: its words go, not
                            // that there were some.
                            "UPDATE actions SET rendered_text = CASE WHEN type = 'connect' AND"
                            " coalesce(rendered_text, '') <> '' THEN '(erased)' END, response = NULL, error = NULL "
                            "WHERE prospect_id IN (SELECT id FROM prospects WHERE id = ?1 OR merged_into = ?1)",
                            "UPDATE events SET text = NULL "
                            "WHERE prospect_id IN (SELECT id FROM prospects WHERE id = ?1 OR merged_into = ?1)",
                            // The words that decided a reading, and whom a referral named.
                            "UPDATE replies SET reason = '', referral = NULL WHERE event_id IN (SELECT id FROM events "
                            "WHERE prospect_id IN (SELECT id FROM prospects WHERE id = ?1 OR merged_into = ?1))",
                            // What the inbox answered them, and what webhooks were to be told of them.
                            "UPDATE inbox_answers SET text = '', due_at = NULL WHERE enrollment_id IN (SELECT id FROM "
                            "enrollments WHERE prospect_id IN (SELECT id FROM prospects WHERE id = ?1 OR "
                            "merged_into = ?1))",
                            "DELETE FROM hook_deliveries WHERE delivered_at IS NULL AND prospect_id IN (SELECT id FROM "
                            "prospects WHERE id = ?1 OR merged_into = ?1)",
                            "UPDATE hook_deliveries SET payload = '{}' WHERE prospect_id IN (SELECT id FROM prospects "
                            "WHERE id = ?1 OR merged_into = ?1)"}) {
        Statement statement(db, sql);
        statement.bind(1, id);
        statement.run();
    }
}

} // namespace campaign::store
