#include "store/ssi_store.hpp"

#include <date/tz.h>
#include <map>

#include "core/error.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

constexpr const char* k_snapshot_columns =
    "s.name, p.day, p.brand, p.people, p.insights, p.relationships, p.total, p.industry_rank, p.network_rank, "
    "p.industry_average, p.network_average, p.source "
    "FROM ssi_snapshots p JOIN senders s ON s.id = p.sender_id ";

template <typename T>
std::optional<T> optional_column(Statement& query, int index) {
    auto column = query.column(index);
    if (column.is_null()) {
        return std::nullopt;
    }
    if constexpr (std::is_same_v<T, int>) {
        return column.small_integer();
    } else {
        return column.real();
    }
}

core::SsiSnapshot read_snapshot(Statement& query) {
    core::SsiSnapshot snapshot;
    snapshot.sender = query.column(0).text();
    snapshot.day = core::parse_day(query.column(1).text()).value_or(core::Day{});
    for (int pillar = 0; pillar < 4; ++pillar) {
        snapshot.pillars[static_cast<std::size_t>(pillar)] = query.column(2 + pillar).real();
    }
    snapshot.total = query.column(6).real();
    snapshot.industry_rank = optional_column<int>(query, 7);
    snapshot.network_rank = optional_column<int>(query, 8);
    snapshot.industry_average = optional_column<double>(query, 9);
    snapshot.network_average = optional_column<double>(query, 10);
    snapshot.source = query.column(11).text();
    return snapshot;
}

template <typename T>
void bind_optional(Statement& statement, int index, const std::optional<T>& value) {
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);
    }
}

// What a campaign action that went out counts as; a withdrawn invitation counts as nothing.
std::optional<core::Activity> activity_of_action(const std::string& type) {
    static const std::map<std::string, core::Activity, std::less<>> k_activities{
        {"view_profile", core::Activity::profile_views},
        {"connect", core::Activity::connection_requests},
        {"message", core::Activity::messages_sent},
        {"inmail", core::Activity::messages_sent},
        {"follow", core::Activity::follows},
        {"like_post", core::Activity::likes},
        {"endorse", core::Activity::endorsements}};
    auto found = k_activities.find(type);
    return found == k_activities.end() ? std::nullopt : std::optional(found->second);
}

} // namespace

SsiStore::SsiStore(Database& database) : m_database(database) {}

SsiStore::~SsiStore() = default;

Statement& SsiStore::prepared(std::unique_ptr<Statement>& statement, const std::string& sql) {
    if (!statement) {
        statement = std::make_unique<Statement>(m_database.connection(), sql);
    }
    statement->reset();
    statement->clear_bindings();
    return *statement;
}

core::RowId SsiStore::sender_id(const std::string& name) {
    {
        auto& find = prepared(m_find_sender, "SELECT id FROM senders WHERE name = ?");
        ResetOnExit reset(find);
        find.bind(1, name);
        if (find.step()) {
            return find.column(0).integer();
        }
    }
    auto& insert = prepared(m_insert_sender, "INSERT INTO senders (name) VALUES (?) RETURNING id");
    insert.bind(1, name);
    return insert.insert();
}

bool SsiStore::has_sender(const std::string& name) {
    Statement query(m_database.connection(), "SELECT 1 FROM senders WHERE name = ?");
    query.bind(1, name);
    return query.step();
}

std::optional<core::SsiSnapshot> SsiStore::record(const core::SsiSnapshot& snapshot, core::Timestamp recorded_at) {
    auto id = sender_id(snapshot.sender);
    std::optional<core::SsiSnapshot> previous;
    {
        auto& query = prepared(m_find_snapshot,
                               std::string("SELECT ") + k_snapshot_columns + "WHERE p.sender_id = ? AND p.day = ?");
        ResetOnExit reset(query);
        query.bind(1, id);
        query.bind(2, core::format_day(snapshot.day));
        if (query.step()) {
            previous = read_snapshot(query);
        }
    }
    auto& upsert = prepared(m_upsert_snapshot,
                            "INSERT INTO ssi_snapshots (sender_id, day, brand, people, insights, relationships, total, "
                            "industry_rank, network_rank, industry_average, network_average, source, recorded_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (sender_id, day) DO UPDATE SET brand = excluded.brand, "
                            "people = excluded.people, insights = excluded.insights, "
                            "relationships = excluded.relationships, total = excluded.total, "
                            "industry_rank = excluded.industry_rank, network_rank = excluded.network_rank, "
                            "industry_average = excluded.industry_average, network_average = excluded.network_average, "
                            "source = excluded.source, recorded_at = excluded.recorded_at");
    upsert.bind(1, id);
    upsert.bind(2, core::format_day(snapshot.day));
    for (int pillar = 0; pillar < 4; ++pillar) {
        upsert.bind(3 + pillar, snapshot.pillars[static_cast<std::size_t>(pillar)]);
    }
    upsert.bind(7, snapshot.total);
    bind_optional(upsert, 8, snapshot.industry_rank);
    bind_optional(upsert, 9, snapshot.network_rank);
    bind_optional(upsert, 10, snapshot.industry_average);
    bind_optional(upsert, 11, snapshot.network_average);
    upsert.bind(12, snapshot.source);
    upsert.bind(13, core::format_utc(recorded_at));
    upsert.run();
    return previous;
}

std::vector<core::SsiSnapshot> SsiStore::snapshots(const std::string& sender, std::optional<core::Day> since,
                                                   std::optional<core::Day> until) {
    Statement query(m_database.connection(), std::string("SELECT ") + k_snapshot_columns +
                                                 "WHERE s.name = ? AND p.day >= ? AND p.day <= ? ORDER BY p.day");
    query.bind(1, sender);
    query.bind(2, since ? core::format_day(*since) : std::string("0000-00-00"));
    query.bind(3, until ? core::format_day(*until) : std::string("9999-99-99"));
    std::vector<core::SsiSnapshot> result;
    while (query.step()) {
        result.push_back(read_snapshot(query));
    }
    return result;
}

std::optional<core::SsiSnapshot> SsiStore::latest_before(const std::string& sender, core::Day day) {
    Statement query(m_database.connection(), std::string("SELECT ") + k_snapshot_columns +
                                                 "WHERE s.name = ? AND p.day < ? ORDER BY p.day DESC LIMIT 1");
    query.bind(1, sender);
    query.bind(2, core::format_day(day));
    if (!query.step()) {
        return std::nullopt;
    }
    return read_snapshot(query);
}

std::vector<SsiSender> SsiStore::senders() {
    Statement query(m_database.connection(), "SELECT s.name, MIN(p.day), MAX(p.day), COUNT(*) FROM ssi_snapshots p "
                                             "JOIN senders s ON s.id = p.sender_id GROUP BY s.name ORDER BY s.name");
    std::vector<SsiSender> result;
    while (query.step()) {
        result.push_back({query.column(0).text(), core::parse_day(query.column(1).text()).value_or(core::Day{}),
                          core::parse_day(query.column(2).text()).value_or(core::Day{}), query.column(3).integer()});
    }
    return result;
}

std::size_t SsiStore::clear_activity(const std::string& sender, const std::string& source) {
    Statement erase(m_database.connection(), "DELETE FROM activities WHERE sender_id = ? AND source = ?");
    erase.bind(1, sender_id(sender));
    erase.bind(2, source);
    return static_cast<std::size_t>(erase.run());
}

void SsiStore::add_activity(const std::string& sender, const DailyActivity& activity, const std::string& source) {
    auto id = sender_id(sender);
    auto& upsert = prepared(
        m_add_activity,
        "INSERT INTO activities (sender_id, day, activity, count, source) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (sender_id, day, activity, source) DO UPDATE SET count = activities.count + excluded.count");
    upsert.bind(1, id);
    upsert.bind(2, core::format_day(activity.day));
    upsert.bind(3, std::string(core::to_string(activity.activity)));
    upsert.bind(4, activity.count);
    upsert.bind(5, source);
    upsert.run();
}

std::vector<DailyActivity> SsiStore::daily_activity(const std::string& sender, core::Day since, core::Day until) {
    std::map<std::pair<core::Day, core::Activity>, std::int64_t> counts;
    auto add = [&](std::optional<core::Day> day, std::optional<core::Activity> activity, std::int64_t count) {
        if (day && activity && since <= *day && *day <= until) {
            counts[{*day, *activity}] += count;
        }
    };
    // Moments are stored in UTC and a sender's day is at most 14 hours off it: a day more on either side holds
    // every moment of the sender's days from `since` to `until`.
    auto after = core::format_day(since - std::chrono::days{1});
    auto before = core::format_day(until + std::chrono::days{2});
    {
        Statement query(m_database.connection(),
                        "SELECT a.day, a.activity, SUM(a.count) FROM activities a JOIN senders s ON "
                        "s.id = a.sender_id WHERE s.name = ? AND a.day >= ? AND a.day <= ? GROUP BY 1, 2");
        query.bind(1, sender);
        query.bind(2, core::format_day(since));
        query.bind(3, core::format_day(until));
        while (query.step()) {
            add(core::parse_day(query.column(0).text()), core::parse_activity(query.column(1).text()),
                query.column(2).integer());
        }
    }
    {
        // An action's local time is the sender's wall clock when it went out: its first ten characters are the
        // sender's day.
        Statement query(m_database.connection(),
                        "SELECT substr(a.at_local, 1, 10), a.type, COUNT(*) FROM actions a JOIN senders s ON "
                        "s.id = a.sender_id WHERE s.name = ? AND a.state = 'sent' AND a.at_utc >= ? AND "
                        "a.at_utc < ? GROUP BY 1, 2");
        query.bind(1, sender);
        query.bind(2, after);
        query.bind(3, before);
        while (query.step()) {
            add(core::parse_day(query.column(0).text()), activity_of_action(query.column(1).text()),
                query.column(2).integer());
        }
    }
    {
        // An acceptance is a prospect's first with the sender: the same one reported again (under another event
        // id) connects no one more. Every reply counts; a reply delivered twice has one event id. Each is put on
        // the sender's day in the sender's time zone.
        Statement zone_query(m_database.connection(), "SELECT timezone FROM senders WHERE name = ?");
        zone_query.bind(1, sender);
        std::string zone_name = zone_query.step() ? zone_query.column(0).text() : "UTC";
        const date::time_zone* zone = nullptr;
        try {
            zone = date::locate_zone(zone_name);
        } catch (const std::exception&) {
            throw core::UserError("error: sender '" + sender + "' has the time zone '" + zone_name +
                                  "', which the time zone database does not know");
        }
        Statement query(
            m_database.connection(),
            // A prospect's first acceptance counts, and every reply.
            "SELECT at, type FROM ("
            "  SELECT MIN(e.occurred_at) AS at, 'accepted' AS type FROM events e JOIN senders s ON s.id = e.sender_id"
            "  WHERE s.name = ?1 AND e.type = 'accepted' AND e.occurred_at < ?2"
            "  GROUP BY COALESCE(e.prospect_id, -e.id)"
            "  UNION ALL"
            "  SELECT e.occurred_at, 'replied' FROM events e JOIN senders s ON s.id = e.sender_id"
            "  WHERE s.name = ?1 AND e.type = 'replied' AND e.occurred_at < ?2) AS counted"
            " WHERE at >= ?3");
        query.bind(1, sender);
        query.bind(2, before);
        query.bind(3, after);
        while (query.step()) {
            auto at = core::parse_utc(query.column(0).text());
            if (!at) {
                continue;
            }
            auto local = date::floor<date::days>(zone->to_local(*at));
            add(core::Day{local.time_since_epoch()},
                query.column(1).text() == "accepted" ? core::Activity::connections_accepted
                                                     : core::Activity::replies_received,
                1);
        }
    }
    std::vector<DailyActivity> result;
    result.reserve(counts.size());
    for (const auto& [key, count] : counts) {
        if (count > 0) { // an imported 0, or a tally that went back to 0
            result.push_back({key.first, key.second, count});
        }
    }
    return result;
}

} // namespace campaign::store
