#include "store/campaign_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

CampaignVersion read_version(SQLite::Statement& row) {
    return CampaignVersion{row.getColumn(0).getInt64(),  row.getColumn(1).getInt64(),  row.getColumn(2).getInt(),
                           row.getColumn(3).getString(), row.getColumn(4).getString(), row.getColumn(5).getString()};
}

constexpr const char* k_version_columns = "campaign_id, id, version, digest, definition, source";

SenderRow read_sender(SQLite::Statement& row) {
    return SenderRow{
        row.getColumn(0).getInt64(),          row.getColumn(1).getString(),
        row.getColumn(2).getString(),         row.getColumn(3).getString(),
        read_optional_time(row.getColumn(4)), row.getColumn(5).isNull() ? "" : row.getColumn(5).getString(),
        read_optional_time(row.getColumn(6))};
}

constexpr const char* k_sender_columns = "id, name, display_name, timezone, paused_at, pause_reason, held_until";

} // namespace

// Statements the run uses for every event it takes in; the others are prepared when called, seldom.
struct CampaignStore::Statements {
    explicit Statements(SQLite::Database& db)
        : find_sender(db, std::string("SELECT ") + k_sender_columns + " FROM senders WHERE name = ?") {}

    SQLite::Statement find_sender;
};

CampaignStore::CampaignStore(Database& database) : m_database(database) {}

CampaignStore::~CampaignStore() = default;

RegisteredVersion CampaignStore::register_version(const std::string& name, const std::string& digest,
                                                  const std::string& definition, const std::string& source,
                                                  core::Timestamp now) {
    auto& db = m_database.sqlite();
    auto campaign_id = find_campaign(name);
    if (!campaign_id) {
        SQLite::Statement insert(db, "INSERT INTO campaigns (name, created_at) VALUES (?, ?)");
        insert.bind(1, name);
        insert.bind(2, core::format_utc(now));
        insert.exec();
        campaign_id = db.getLastInsertRowid();
    }
    RegisteredVersion registered;
    registered.previous = latest_version(*campaign_id);
    SQLite::Statement same(db, std::string("SELECT ") + k_version_columns +
                                   " FROM campaign_versions WHERE campaign_id = ? AND digest = ?"
                                   " ORDER BY version DESC LIMIT 1");
    same.bind(1, *campaign_id);
    same.bind(2, digest);
    if (same.executeStep()) {
        registered.current = read_version(same);
        return registered;
    }
    int version = registered.previous ? registered.previous->version + 1 : 1;
    SQLite::Statement insert(db, "INSERT INTO campaign_versions (campaign_id, version, digest, definition, source,"
                                 " created_at) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, *campaign_id);
    insert.bind(2, version);
    insert.bind(3, digest);
    insert.bind(4, definition);
    insert.bind(5, source);
    insert.bind(6, core::format_utc(now));
    insert.exec();
    registered.current = CampaignVersion{*campaign_id, db.getLastInsertRowid(), version, digest, definition, source};
    registered.is_new = true;
    return registered;
}

std::optional<core::RowId> CampaignStore::find_campaign(const std::string& name) {
    SQLite::Statement query(m_database.sqlite(), "SELECT id FROM campaigns WHERE name = ?");
    query.bind(1, name);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return query.getColumn(0).getInt64();
}

std::vector<std::pair<core::RowId, std::string>> CampaignStore::campaigns() {
    SQLite::Statement query(m_database.sqlite(), "SELECT id, name FROM campaigns ORDER BY name");
    std::vector<std::pair<core::RowId, std::string>> result;
    while (query.executeStep()) {
        result.emplace_back(query.getColumn(0).getInt64(), query.getColumn(1).getString());
    }
    return result;
}

std::optional<CampaignVersion> CampaignStore::latest_version(core::RowId campaign_id) {
    SQLite::Statement query(m_database.sqlite(), std::string("SELECT ") + k_version_columns +
                                                     " FROM campaign_versions WHERE campaign_id = ?"
                                                     " ORDER BY version DESC LIMIT 1");
    query.bind(1, campaign_id);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return read_version(query);
}

std::optional<CampaignVersion> CampaignStore::version(core::RowId version_id) {
    SQLite::Statement query(m_database.sqlite(),
                            std::string("SELECT ") + k_version_columns + " FROM campaign_versions v WHERE id = ?");
    query.bind(1, version_id);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return read_version(query);
}

std::vector<CampaignVersion> CampaignStore::versions_in_use(core::RowId campaign_id) {
    SQLite::Statement query(m_database.sqlite(), std::string("SELECT ") + k_version_columns +
                                                     " FROM campaign_versions v WHERE campaign_id = ? AND EXISTS ("
                                                     "SELECT 1 FROM enrollments e WHERE e.campaign_version_id = v.id"
                                                     " AND e.state = 'active') ORDER BY version");
    query.bind(1, campaign_id);
    std::vector<CampaignVersion> result;
    while (query.executeStep()) {
        result.push_back(read_version(query));
    }
    return result;
}

core::RowId CampaignStore::register_sender(const core::Sender& sender) {
    auto found = sender.fields.find("name");
    auto display_name = found == sender.fields.end() ? std::string() : found->second;
    SQLite::Statement upsert(m_database.sqlite(),
                             "INSERT INTO senders (name, display_name, timezone, account) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT (name) DO UPDATE SET display_name = excluded.display_name,"
                             " timezone = excluded.timezone, account = excluded.account");
    upsert.bind(1, sender.id);
    upsert.bind(2, display_name);
    upsert.bind(3, sender.timezone);
    upsert.bind(4, std::string(core::to_string(sender.account)));
    upsert.exec();
    return find_sender(sender.id)->id;
}

std::vector<SenderRow> CampaignStore::senders() {
    SQLite::Statement query(m_database.sqlite(),
                            std::string("SELECT ") + k_sender_columns + " FROM senders ORDER BY name");
    std::vector<SenderRow> result;
    while (query.executeStep()) {
        result.push_back(read_sender(query));
    }
    return result;
}

std::optional<SenderRow> CampaignStore::find_sender(const std::string& name) {
    if (!m_statements) {
        m_statements = std::make_unique<Statements>(m_database.sqlite());
    }
    auto& query = m_statements->find_sender;
    ResetOnExit reset(query);
    query.bind(1, name);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return read_sender(query);
}

void CampaignStore::pause_sender(core::RowId id, core::Timestamp at, const std::string& reason) {
    SQLite::Statement update(m_database.sqlite(), "UPDATE senders SET paused_at = ?, pause_reason = ? WHERE id = ?");
    update.bind(1, core::format_utc(at));
    update.bind(2, reason);
    update.bind(3, id);
    update.exec();
}

bool CampaignStore::resume_sender(const std::string& name) {
    SQLite::Statement update(m_database.sqlite(), "UPDATE senders SET paused_at = NULL, pause_reason = NULL"
                                                  " WHERE name = ? AND paused_at IS NOT NULL");
    update.bind(1, name);
    return update.exec() > 0;
}

void CampaignStore::hold_sender(core::RowId id, core::Timestamp until) {
    SQLite::Statement update(m_database.sqlite(), "UPDATE senders SET held_until = ? WHERE id = ?");
    update.bind(1, core::format_utc(until));
    update.bind(2, id);
    update.exec();
}

void CampaignStore::hold_actions(core::RowId id, const ActionHold& hold) {
    SQLite::Statement upsert(m_database.sqlite(),
                             "INSERT INTO sender_holds (sender_id, action_type, held_until, reason) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT (sender_id, action_type) DO UPDATE SET held_until = excluded.held_until,"
                             " reason = excluded.reason");
    upsert.bind(1, id);
    upsert.bind(2, std::string(core::to_string(hold.type)));
    upsert.bind(3, core::format_utc(hold.until));
    upsert.bind(4, hold.reason);
    upsert.exec();
}

std::vector<ActionHold> CampaignStore::action_holds(core::RowId id, core::Timestamp now) {
    SQLite::Statement query(m_database.sqlite(), "SELECT action_type, held_until, reason FROM sender_holds"
                                                 " WHERE sender_id = ? AND held_until > ? ORDER BY action_type");
    query.bind(1, id);
    query.bind(2, core::format_utc(now));
    std::vector<ActionHold> holds;
    while (query.executeStep()) {
        holds.push_back(ActionHold{read_enum(query.getColumn(0), core::parse_action_type),
                                   read_time(query.getColumn(1)), query.getColumn(2).getString()});
    }
    return holds;
}

core::RowId CampaignStore::begin_run(const RunRow& run) {
    SQLite::Statement insert(m_database.sqlite(), "INSERT INTO runs (transport, clock, seed, started_at, reached_at)"
                                                  " VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, run.transport);
    insert.bind(2, run.clock);
    insert.bind(3, static_cast<std::int64_t>(run.seed));
    insert.bind(4, core::format_utc(run.started_at));
    insert.bind(5, core::format_utc(run.reached_at));
    insert.exec();
    return m_database.sqlite().getLastInsertRowid();
}

void CampaignStore::end_run(core::RowId id, core::Timestamp reached_at, core::Timestamp stopped_at,
                            const std::string& reason) {
    SQLite::Statement update(m_database.sqlite(),
                             "UPDATE runs SET reached_at = ?, stopped_at = ?, stop_reason = ? WHERE id = ?");
    update.bind(1, core::format_utc(reached_at));
    update.bind(2, core::format_utc(stopped_at));
    update.bind(3, reason);
    update.bind(4, id);
    update.exec();
}

std::optional<RunRow> CampaignStore::latest_run() {
    SQLite::Statement query(m_database.sqlite(), "SELECT id, transport, clock, seed, started_at, reached_at FROM runs"
                                                 " ORDER BY id DESC LIMIT 1");
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return RunRow{query.getColumn(0).getInt64(),  query.getColumn(1).getString(),
                  query.getColumn(2).getString(), static_cast<std::uint64_t>(query.getColumn(3).getInt64()),
                  read_time(query.getColumn(4)),  read_time(query.getColumn(5))};
}

std::optional<core::Timestamp> CampaignStore::last_simulated_time() {
    // A simulated run killed before it could say where it stopped got at least as far as its last action.
    SQLite::Statement query(m_database.sqlite(),
                            "SELECT max(t) FROM (SELECT reached_at AS t FROM runs WHERE clock = 'simulated'"
                            " UNION ALL SELECT at_utc FROM (SELECT at_utc FROM actions ORDER BY id DESC LIMIT 1)"
                            " WHERE EXISTS (SELECT 1 FROM runs WHERE clock = 'simulated'))");
    query.executeStep();
    return read_optional_time(query.getColumn(0));
}

std::optional<std::string> CampaignStore::event_cursor(const std::string& source) {
    SQLite::Statement query(m_database.sqlite(), "SELECT cursor FROM event_cursors WHERE source = ?");
    query.bind(1, source);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return query.getColumn(0).getString();
}

void CampaignStore::save_event_cursor(const std::string& source, const std::string& cursor, core::Timestamp at) {
    SQLite::Statement statement(m_database.sqlite(),
                                "INSERT INTO event_cursors (source, cursor, updated_at) VALUES (?, ?, ?)"
                                " ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor,"
                                " updated_at = excluded.updated_at");
    statement.bind(1, source);
    statement.bind(2, cursor);
    statement.bind(3, core::format_utc(at));
    statement.exec();
}

} // namespace campaign::store
