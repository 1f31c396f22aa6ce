#include "store/campaign_store.hpp"

#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

CampaignVersion read_version(Statement& row) {
    return CampaignVersion{row.column(0).integer(), row.column(1).integer(), row.column(2).small_integer(),
                           row.column(3).text(),    row.column(4).text(),    row.column(5).text()};
}

constexpr const char* k_version_columns = "campaign_id, id, version, digest, definition, source";

SenderRow read_sender(Statement& row) {
    return SenderRow{row.column(0).integer(),
                     row.column(1).text(),
                     row.column(2).text(),
                     row.column(3).text(),
                     read_optional_time(row.column(4)),
                     row.column(5).is_null() ? "" : row.column(5).text(),
                     read_optional_time(row.column(6))};
}

constexpr const char* k_sender_columns = "id, name, display_name, timezone, paused_at, pause_reason, held_until";

} // namespace

// Statements the run uses for every event it takes in; the others are prepared when called, seldom.
struct CampaignStore::Statements {
    explicit Statements(Connection& db)
        : find_sender(db, std::string("SELECT ") + k_sender_columns + " FROM senders WHERE name = ?") {}

    Statement find_sender;
};

CampaignStore::CampaignStore(Database& database) : m_database(database) {}

CampaignStore::~CampaignStore() = default;

RegisteredVersion CampaignStore::register_version(const std::string& name, const std::string& digest,
                                                  const std::string& definition, const std::string& source,
                                                  core::Timestamp now) {
    auto& db = m_database.connection();
    auto campaign_id = find_campaign(name);
    if (!campaign_id) {
        Statement insert(db, "INSERT INTO campaigns (name, created_at) VALUES (?, ?) RETURNING id");
        insert.bind(1, name);
        insert.bind(2, core::format_utc(now));
        campaign_id = insert.insert();
    }
    RegisteredVersion registered;
    registered.previous = latest_version(*campaign_id);
    Statement same(db, std::string("SELECT ") + k_version_columns +
                           " FROM campaign_versions WHERE campaign_id = ? AND digest = ?"
                           " ORDER BY version DESC LIMIT 1");
    same.bind(1, *campaign_id);
    same.bind(2, digest);
    if (same.step()) {
        registered.current = read_version(same);
        return registered;
    }
    int version = registered.previous ? registered.previous->version + 1 : 1;
    Statement insert(db, "INSERT INTO campaign_versions (campaign_id, version, digest, definition, source,"
                         " created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    insert.bind(1, *campaign_id);
    insert.bind(2, version);
    insert.bind(3, digest);
    insert.bind(4, definition);
    insert.bind(5, source);
    insert.bind(6, core::format_utc(now));
    registered.current = CampaignVersion{*campaign_id, insert.insert(), version, digest, definition, source};
    registered.is_new = true;
    return registered;
}

std::optional<core::RowId> CampaignStore::find_campaign(const std::string& name) {
    Statement query(m_database.connection(), "SELECT id FROM campaigns WHERE name = ?");
    query.bind(1, name);
    if (!query.step()) {
        return std::nullopt;
    }
    return query.column(0).integer();
}

std::vector<std::pair<core::RowId, std::string>> CampaignStore::campaigns() {
    Statement query(m_database.connection(), "SELECT id, name FROM campaigns ORDER BY name");
    std::vector<std::pair<core::RowId, std::string>> result;
    while (query.step()) {
        result.emplace_back(query.column(0).integer(), query.column(1).text());
    }
    return result;
}

std::optional<CampaignVersion> CampaignStore::latest_version(core::RowId campaign_id) {
    Statement query(m_database.connection(), std::string("SELECT ") + k_version_columns +
                                                 " FROM campaign_versions WHERE campaign_id = ?"
                                                 " ORDER BY version DESC LIMIT 1");
    query.bind(1, campaign_id);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_version(query);
}

std::optional<CampaignVersion> CampaignStore::version(core::RowId version_id) {
    Statement query(m_database.connection(),
                    std::string("SELECT ") + k_version_columns + " FROM campaign_versions v WHERE id = ?");
    query.bind(1, version_id);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_version(query);
}

std::vector<CampaignVersion> CampaignStore::versions_in_use(core::RowId campaign_id) {
    Statement query(m_database.connection(), std::string("SELECT ") + k_version_columns +
                                                 " FROM campaign_versions v WHERE campaign_id = ? AND EXISTS ("
                                                 "SELECT 1 FROM enrollments e WHERE e.campaign_version_id = v.id"
                                                 " AND e.state = 'active') ORDER BY version");
    query.bind(1, campaign_id);
    std::vector<CampaignVersion> result;
    while (query.step()) {
        result.push_back(read_version(query));
    }
    return result;
}

core::RowId CampaignStore::register_sender(const core::Sender& sender) {
    auto found = sender.fields.find("name");
    auto display_name = found == sender.fields.end() ? std::string() : found->second;
    Statement upsert(m_database.connection(),
                     "INSERT INTO senders (name, display_name, timezone, account) VALUES (?, ?, ?, ?)"
                     " ON CONFLICT (name) DO UPDATE SET display_name = excluded.display_name,"
                     " timezone = excluded.timezone, account = excluded.account");
    upsert.bind(1, sender.id);
    upsert.bind(2, display_name);
    upsert.bind(3, sender.timezone);
    upsert.bind(4, std::string(core::to_string(sender.account)));
    upsert.run();
    return find_sender(sender.id)->id;
}

std::vector<SenderRow> CampaignStore::senders() {
    Statement query(m_database.connection(), std::string("SELECT ") + k_sender_columns + " FROM senders ORDER BY name");
    std::vector<SenderRow> result;
    while (query.step()) {
        result.push_back(read_sender(query));
    }
    return result;
}

std::optional<SenderRow> CampaignStore::find_sender(const std::string& name) {
    if (!m_statements) {
        m_statements = std::make_unique<Statements>(m_database.connection());
    }
    auto& query = m_statements->find_sender;
    ResetOnExit reset(query);
    query.bind(1, name);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_sender(query);
}

void CampaignStore::pause_sender(core::RowId id, core::Timestamp at, const std::string& reason) {
    Statement update(m_database.connection(), "UPDATE senders SET paused_at = ?, pause_reason = ? WHERE id = ?");
    update.bind(1, core::format_utc(at));
    update.bind(2, reason);
    update.bind(3, id);
    update.run();
}

bool CampaignStore::resume_sender(const std::string& name) {
    Statement update(m_database.connection(), "UPDATE senders SET paused_at = NULL, pause_reason = NULL"
                                              " WHERE name = ? AND paused_at IS NOT NULL");
    update.bind(1, name);
    return update.run() > 0;
}

void CampaignStore::hold_sender(core::RowId id, core::Timestamp until) {
    Statement update(m_database.connection(), "UPDATE senders SET held_until = ? WHERE id = ?");
    update.bind(1, core::format_utc(until));
    update.bind(2, id);
    update.run();
}

void CampaignStore::hold_actions(core::RowId id, const ActionHold& hold) {
    Statement upsert(m_database.connection(),
                     "INSERT INTO sender_holds (sender_id, action_type, held_until, reason) VALUES (?, ?, ?, ?)"
                     " ON CONFLICT (sender_id, action_type) DO UPDATE SET held_until = excluded.held_until,"
                     " reason = excluded.reason");
    upsert.bind(1, id);
    upsert.bind(2, std::string(core::to_string(hold.type)));
    upsert.bind(3, core::format_utc(hold.until));
    upsert.bind(4, hold.reason);
    upsert.run();
}

std::vector<ActionHold> CampaignStore::action_holds(core::RowId id, core::Timestamp now) {
    Statement query(m_database.connection(), "SELECT action_type, held_until, reason FROM sender_holds"
                                             " WHERE sender_id = ? AND held_until > ? ORDER BY action_type");
    query.bind(1, id);
    query.bind(2, core::format_utc(now));
    std::vector<ActionHold> holds;
    while (query.step()) {
        holds.push_back(ActionHold{read_enum(query.column(0), core::parse_action_type), read_time(query.column(1)),
                                   query.column(2).text()});
    }
    return holds;
}

core::RowId CampaignStore::begin_run(const RunRow& run) {
    Statement insert(m_database.connection(), "INSERT INTO runs (transport, clock, seed, started_at, reached_at)"
                                              " VALUES (?, ?, ?, ?, ?) RETURNING id");
    insert.bind(1, run.transport);
    insert.bind(2, run.clock);
    insert.bind(3, static_cast<std::int64_t>(run.seed));
    insert.bind(4, core::format_utc(run.started_at));
    insert.bind(5, core::format_utc(run.reached_at));
    return insert.insert();
}

void CampaignStore::end_run(core::RowId id, core::Timestamp reached_at, core::Timestamp stopped_at,
                            const std::string& reason) {
    Statement update(m_database.connection(),
                     "UPDATE runs SET reached_at = ?, stopped_at = ?, stop_reason = ? WHERE id = ?");
    update.bind(1, core::format_utc(reached_at));
    update.bind(2, core::format_utc(stopped_at));
    update.bind(3, reason);
    update.bind(4, id);
    update.run();
}

std::optional<RunRow> CampaignStore::latest_run() {
    Statement query(m_database.connection(), "SELECT id, transport, clock, seed, started_at, reached_at FROM runs"
                                             " ORDER BY id DESC LIMIT 1");
    if (!query.step()) {
        return std::nullopt;
    }
    return RunRow{query.column(0).integer(),  query.column(1).text(),
                  query.column(2).text(),     static_cast<std::uint64_t>(query.column(3).integer()),
                  read_time(query.column(4)), read_time(query.column(5))};
}

std::optional<core::Timestamp> CampaignStore::last_simulated_time() {
    // A simulated run killed before it could say where it stopped got at least as far as its last action.
    Statement query(m_database.connection(),
                    "SELECT max(t) FROM (SELECT reached_at AS t FROM runs WHERE clock = 'simulated'"
                    " UNION ALL SELECT at_utc FROM (SELECT at_utc FROM actions ORDER BY id DESC LIMIT 1) AS latest"
                    " WHERE EXISTS (SELECT 1 FROM runs WHERE clock = 'simulated')) AS reached");
    query.step();
    return read_optional_time(query.column(0));
}

std::optional<std::string> CampaignStore::event_cursor(const std::string& source) {
    Statement query(m_database.connection(), "SELECT cursor FROM event_cursors WHERE source = ?");
    query.bind(1, source);
    if (!query.step()) {
        return std::nullopt;
    }
    return query.column(0).text();
}

void CampaignStore::save_event_cursor(const std::string& source, const std::string& cursor, core::Timestamp at) {
    Statement statement(m_database.connection(),
                        "INSERT INTO event_cursors (source, cursor, updated_at) VALUES (?, ?, ?)"
                        " ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor,"
                        " updated_at = excluded.updated_at");
    statement.bind(1, source);
    statement.bind(2, cursor);
    statement.bind(3, core::format_utc(at));
    statement.run();
}

} // namespace campaign::store
