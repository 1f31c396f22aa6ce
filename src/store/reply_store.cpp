#include "store/reply_store.hpp"

#include "store/answered_action.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

constexpr const char* k_reading_columns =
    "r.event_id, r.class, r.language, r.confidence, r.until, r.reason, r.referral, r.read_at, r.corrected_at,"
    " r.applied_class, r.applied_at, r.done_at, r.snoozed_until";
constexpr int k_reading_count = 13;

std::optional<std::string> optional_text(const SQLite::Column& column) {
    return column.isNull() ? std::nullopt : std::optional(column.getString());
}

ReplyReading read_reading(SQLite::Statement& row) {
    ReplyReading reading;
    reading.event_id = row.getColumn(0).getInt64();
    reading.reply_class = read_enum(row.getColumn(1), core::parse_reply_class);
    reading.language = row.getColumn(2).getString();
    reading.confidence = row.getColumn(3).getDouble();
    if (auto until = optional_text(row.getColumn(4))) {
        reading.until = core::parse_day(*until);
    }
    reading.reason = row.getColumn(5).getString();
    reading.referral = optional_text(row.getColumn(6));
    reading.read_at = read_time(row.getColumn(7));
    reading.corrected_at = read_optional_time(row.getColumn(8));
    reading.applied_class = read_optional_enum(row.getColumn(9), core::parse_reply_class);
    reading.applied_at = read_optional_time(row.getColumn(10));
    reading.done_at = read_optional_time(row.getColumn(11));
    reading.snoozed_until = read_optional_time(row.getColumn(12));
    return reading;
}

void bind_optional(SQLite::Statement& statement, const char* name, const std::optional<std::string>& value) {
    if (value) {
        statement.bind(name, *value);
    } else {
        statement.bind(name);
    }
}

// The inbox's rows: each reply with whom it is from, what it answers, and the answer the inbox wrote.
std::string inbox_query(const std::string& where) {
    return std::string("SELECT ") + k_reading_columns +
           ", e.occurred_at, COALESCE(e.text, ''),"
           " CASE WHEN p.erased_at IS NULL THEN trim(p.first_name || ' ' || p.last_name) ELSE '' END,"
           " CASE WHEN p.erased_at IS NULL THEN p.profile_url ELSE '' END,"
           " CASE WHEN p.erased_at IS NULL THEN p.company ELSE '' END,"
           " COALESCE(c.name, ''), COALESCE(a.step, ''), COALESCE(s.name, e.sender, ''),"
           " e.prospect_id, e.sender_id, a.enrollment_id, x.text,"
           " CASE WHEN x.id IS NULL THEN NULL WHEN x.action_id IS NULL AND x.due_at IS NULL THEN 'not sent'"
           " WHEN x.action_id IS NULL THEN 'queued' ELSE xa.state END"
           " FROM replies r JOIN (SELECT e.*, " +
           k_answered_action +
           " AS answered FROM events e) e ON e.id = r.event_id"
           " LEFT JOIN prospects p ON p.id = e.prospect_id LEFT JOIN senders s ON s.id = e.sender_id"
           " LEFT JOIN actions a ON a.id = e.answered LEFT JOIN campaigns c ON c.id = a.campaign_id"
           " LEFT JOIN inbox_answers x ON x.event_id = r.event_id LEFT JOIN actions xa ON xa.id = x.action_id"
           " WHERE " +
           where + " ORDER BY e.occurred_at DESC, e.id DESC";
}

InboxItem read_item(SQLite::Statement& row) {
    InboxItem item;
    item.reading = read_reading(row);
    int at = k_reading_count;
    item.at = read_time(row.getColumn(at));
    item.text = row.getColumn(at + 1).getString();
    item.prospect = row.getColumn(at + 2).isNull() ? "" : row.getColumn(at + 2).getString();
    item.profile_url = row.getColumn(at + 3).isNull() ? "" : row.getColumn(at + 3).getString();
    item.company = row.getColumn(at + 4).isNull() ? "" : row.getColumn(at + 4).getString();
    item.campaign = row.getColumn(at + 5).getString();
    item.step = row.getColumn(at + 6).getString();
    item.sender = row.getColumn(at + 7).getString();
    if (!row.getColumn(at + 8).isNull()) {
        item.prospect_id = row.getColumn(at + 8).getInt64();
    }
    if (!row.getColumn(at + 9).isNull()) {
        item.sender_id = row.getColumn(at + 9).getInt64();
    }
    if (!row.getColumn(at + 10).isNull()) {
        item.enrollment_id = row.getColumn(at + 10).getInt64();
    }
    item.answer = optional_text(row.getColumn(at + 11));
    item.answer_state = optional_text(row.getColumn(at + 12));
    return item;
}

} // namespace

struct ReplyStore::Statements {
    explicit Statements(SQLite::Database& db)
        : record(db, "INSERT INTO replies (event_id, class, language, confidence, until, reason, referral, read_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING"),
          find(db, std::string("SELECT ") + k_reading_columns + " FROM replies r WHERE r.event_id = ?"),
          mark_applied(db, "UPDATE replies SET applied_class = ?, applied_at = ? WHERE event_id = ?"),
          next_answer(db, "SELECT id, event_id, enrollment_id, sender_id, text, due_at FROM inbox_answers"
                          " WHERE sender_id = ? AND due_at IS NOT NULL ORDER BY due_at, id LIMIT 1") {}

    SQLite::Statement record;
    SQLite::Statement find;
    SQLite::Statement mark_applied;
    SQLite::Statement next_answer; // once per send of a sender
};

ReplyStore::ReplyStore(Database& database)
    : m_database(database), m_statements(std::make_unique<Statements>(database.sqlite())) {}

ReplyStore::~ReplyStore() = default;

void ReplyStore::record(const ReplyReading& reading) {
    auto& insert = m_statements->record;
    ResetOnExit reset(insert);
    insert.bind(1, reading.event_id);
    insert.bind(2, std::string(core::to_string(reading.reply_class)));
    insert.bind(3, reading.language);
    insert.bind(4, reading.confidence);
    if (reading.until) {
        insert.bind(5, core::format_day(*reading.until));
    } else {
        insert.bind(5);
    }
    insert.bind(6, reading.reason);
    if (reading.referral) {
        insert.bind(7, *reading.referral);
    } else {
        insert.bind(7);
    }
    insert.bind(8, core::format_utc(reading.read_at));
    insert.exec();
}

std::optional<ReplyReading> ReplyStore::find(core::RowId event_id) {
    auto& query = m_statements->find;
    ResetOnExit reset(query);
    query.bind(1, event_id);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return read_reading(query);
}

void ReplyStore::for_each_unread(const std::function<void(const UnreadReply&)>& visit) {
    SQLite::Statement query(m_database.sqlite(),
                            "SELECT e.id, COALESCE(e.text, ''), e.occurred_at FROM events e"
                            " WHERE e.type = 'replied' AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.event_id = e.id)"
                            " ORDER BY e.occurred_at, e.id");
    while (query.executeStep()) {
        visit(
            UnreadReply{query.getColumn(0).getInt64(), query.getColumn(1).getString(), read_time(query.getColumn(2))});
    }
}

void ReplyStore::for_each_read(const std::function<void(const ReplyReading&, const UnreadReply&)>& visit) {
    SQLite::Statement query(m_database.sqlite(), std::string("SELECT ") + k_reading_columns +
                                                     ", COALESCE(e.text, ''), e.occurred_at FROM replies r JOIN events"
                                                     " e ON e.id = r.event_id WHERE r.corrected_at IS NULL"
                                                     " ORDER BY e.occurred_at, e.id");
    while (query.executeStep()) {
        auto reading = read_reading(query);
        visit(reading, UnreadReply{reading.event_id, query.getColumn(k_reading_count).getString(),
                                   read_time(query.getColumn(k_reading_count + 1))});
    }
}

std::vector<Referral> ReplyStore::referrals(std::optional<core::Timestamp> since,
                                            std::optional<core::Timestamp> until) {
    SQLite::Statement query(
        m_database.sqlite(),
        std::string("SELECT e.id, e.occurred_at, r.referral, COALESCE(e.text, ''),"
                    " CASE WHEN p.erased_at IS NULL THEN trim(p.first_name || ' ' || p.last_name) ELSE '' END,"
                    " CASE WHEN p.erased_at IS NULL THEN p.profile_url ELSE '' END,"
                    " CASE WHEN p.erased_at IS NULL THEN p.company ELSE '' END,"
                    " COALESCE(c.name, ''), COALESCE(s.name, '')"
                    " FROM replies r JOIN (SELECT e.*, ") +
            k_answered_action +
            " AS answered FROM events e) e ON e.id = r.event_id"
            " LEFT JOIN prospects p ON p.id = e.prospect_id LEFT JOIN senders s ON s.id = e.sender_id"
            " LEFT JOIN actions a ON a.id = e.answered LEFT JOIN campaigns c ON c.id = a.campaign_id"
            " WHERE r.class = 'referral' AND r.referral IS NOT NULL"
            " AND (?1 IS NULL OR e.occurred_at >= ?1) AND (?2 IS NULL OR e.occurred_at < ?2)"
            " ORDER BY e.occurred_at DESC, e.id DESC");
    bind_optional_time(query, 1, since);
    bind_optional_time(query, 2, until);
    std::vector<Referral> result;
    while (query.executeStep()) {
        Referral referral;
        referral.event_id = query.getColumn(0).getInt64();
        referral.at = read_time(query.getColumn(1));
        referral.referred = query.getColumn(2).getString();
        referral.text = query.getColumn(3).getString();
        referral.by_name = query.getColumn(4).getString();
        referral.by_profile_url = query.getColumn(5).getString();
        referral.company = query.getColumn(6).getString();
        referral.campaign = query.getColumn(7).getString();
        referral.sender = query.getColumn(8).getString();
        result.push_back(std::move(referral));
    }
    return result;
}

bool ReplyStore::other_opt_out(core::RowId event_id, std::optional<core::ProspectId> prospect_id,
                               const std::string& profile_url) {
    SQLite::Statement query(m_database.sqlite(),
                            "SELECT 1 FROM events e LEFT JOIN replies r ON r.event_id = e.id WHERE e.id <> ?1"
                            " AND (e.prospect_id = ?2 OR e.profile_url = ?3) AND e.applied_at IS NOT NULL"
                            " AND (e.type = 'opted_out' OR r.applied_class = 'opt_out') LIMIT 1");
    query.bind(1, event_id);
    if (prospect_id) {
        query.bind(2, *prospect_id);
    } else {
        query.bind(2);
    }
    query.bind(3, profile_url);
    return query.executeStep();
}

void ReplyStore::mark_applied(core::RowId event_id, core::ReplyClass reply_class, core::Timestamp at) {
    auto& update = m_statements->mark_applied;
    ResetOnExit reset(update);
    update.bind(1, std::string(core::to_string(reply_class)));
    update.bind(2, core::format_utc(at));
    update.bind(3, event_id);
    update.exec();
}

std::vector<InboxItem> ReplyStore::inbox(const InboxFilter& filter) {
    std::string where =
        "(:everything OR (r.done_at IS NULL AND (r.snoozed_until IS NULL OR r.snoozed_until <= :now)))"
        " AND (:since IS NULL OR e.occurred_at >= :since) AND (:until IS NULL OR e.occurred_at < :until)"
        " AND (:sender IS NULL OR s.name = :sender) AND (:campaign IS NULL OR c.name = :campaign)";
    if (!filter.classes.empty()) {
        where += " AND (";
        for (std::size_t i = 0; i < filter.classes.size(); ++i) {
            where +=
                (i > 0 ? " OR r.class = '" : "r.class = '") + std::string(core::to_string(filter.classes[i])) + "'";
        }
        where += ")";
    }
    SQLite::Statement query(m_database.sqlite(), inbox_query(where));
    query.bind(":everything", filter.everything ? 1 : 0);
    query.bind(":now", core::format_utc(filter.now));
    bind_optional(query, ":since", filter.since ? std::optional(core::format_utc(*filter.since)) : std::nullopt);
    bind_optional(query, ":until", filter.until ? std::optional(core::format_utc(*filter.until)) : std::nullopt);
    bind_optional(query, ":sender", filter.sender);
    bind_optional(query, ":campaign", filter.campaign);
    std::vector<InboxItem> items;
    while (query.executeStep()) {
        items.push_back(read_item(query));
    }
    return items;
}

std::optional<InboxItem> ReplyStore::item(core::RowId event_id) {
    SQLite::Statement query(m_database.sqlite(), inbox_query("r.event_id = :id"));
    query.bind(":id", event_id);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return read_item(query);
}

std::vector<ConversationLine> ReplyStore::conversation(core::RowId event_id) {
    SQLite::Statement query(
        m_database.sqlite(),
        "WITH reply AS (SELECT prospect_id, sender_id FROM events WHERE id = ?1)"
        " SELECT a.at_utc, 0, a.step, COALESCE(a.rendered_text, ''), a.state, a.id FROM actions a, reply"
        "  WHERE a.prospect_id = reply.prospect_id AND a.sender_id = reply.sender_id"
        "  AND (a.type = 'connect' OR a.type = 'message' OR a.type = 'inmail')"
        " UNION ALL SELECT e.occurred_at, 1, COALESCE(r.class, e.type), COALESCE(e.text, ''), '', e.id"
        "  FROM events e LEFT JOIN replies r ON r.event_id = e.id, reply"
        "  WHERE e.prospect_id = reply.prospect_id AND e.sender_id = reply.sender_id"
        "  AND (e.type = 'replied' OR e.type = 'opted_out' OR e.type = 'accepted')"
        " ORDER BY 1, 2, 6");
    query.bind(1, event_id);
    std::vector<ConversationLine> lines;
    while (query.executeStep()) {
        lines.push_back(ConversationLine{read_time(query.getColumn(0)), query.getColumn(1).getInt() != 0,
                                         query.getColumn(2).getString(), query.getColumn(3).getString(),
                                         query.getColumn(4).getString()});
    }
    return lines;
}

void ReplyStore::correct(core::RowId event_id, core::ReplyClass reply_class, std::optional<core::Day> until,
                         core::Timestamp now) {
    SQLite::Statement update(m_database.sqlite(),
                             "UPDATE replies SET class = ?, until = ?, corrected_at = ?, confidence = 1.0"
                             " WHERE event_id = ?");
    update.bind(1, std::string(core::to_string(reply_class)));
    if (until) {
        update.bind(2, core::format_day(*until));
    } else {
        update.bind(2);
    }
    update.bind(3, core::format_utc(now));
    update.bind(4, event_id);
    update.exec();
    SQLite::Statement again(m_database.sqlite(), "UPDATE events SET applied_at = NULL WHERE id = ?");
    again.bind(1, event_id);
    again.exec();
}

void ReplyStore::reread(const ReplyReading& reading) {
    SQLite::Statement update(m_database.sqlite(),
                             "UPDATE replies SET class = ?, language = ?, confidence = ?, until = ?, reason = ?,"
                             " referral = ?, read_at = ? WHERE event_id = ? AND corrected_at IS NULL");
    update.bind(1, std::string(core::to_string(reading.reply_class)));
    update.bind(2, reading.language);
    update.bind(3, reading.confidence);
    if (reading.until) {
        update.bind(4, core::format_day(*reading.until));
    } else {
        update.bind(4);
    }
    update.bind(5, reading.reason);
    if (reading.referral) {
        update.bind(6, *reading.referral);
    } else {
        update.bind(6);
    }
    update.bind(7, core::format_utc(reading.read_at));
    update.bind(8, reading.event_id);
    update.exec();
    // Applied again by the next run: the caller re-reads only what reads differently (its class or its date).
    SQLite::Statement again(
        m_database.sqlite(),
        "UPDATE events SET applied_at = NULL WHERE id = ? AND applied_at IS NOT NULL AND"
        " EXISTS (SELECT 1 FROM replies r WHERE r.event_id = events.id AND r.corrected_at IS NULL)");
    again.bind(1, reading.event_id);
    again.exec();
}

void ReplyStore::set_done(core::RowId event_id, std::optional<core::Timestamp> at) {
    SQLite::Statement update(m_database.sqlite(), "UPDATE replies SET done_at = ?, snoozed_until = NULL"
                                                  " WHERE event_id = ?");
    bind_optional_time(update, 1, at);
    update.bind(2, event_id);
    update.exec();
}

void ReplyStore::snooze(core::RowId event_id, core::Timestamp until) {
    SQLite::Statement update(m_database.sqlite(), "UPDATE replies SET snoozed_until = ? WHERE event_id = ?");
    update.bind(1, core::format_utc(until));
    update.bind(2, event_id);
    update.exec();
}

bool ReplyStore::queue_answer(core::RowId event_id, core::EnrollmentId enrollment_id, core::RowId sender_id,
                              const std::string& text, core::Timestamp now) {
    SQLite::Statement insert(m_database.sqlite(),
                             "INSERT INTO inbox_answers (event_id, enrollment_id, sender_id, text, written_at, due_at)"
                             " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING");
    insert.bind(1, event_id);
    insert.bind(2, enrollment_id);
    insert.bind(3, sender_id);
    insert.bind(4, text);
    insert.bind(5, core::format_utc(now));
    insert.bind(6, core::format_utc(now));
    return insert.exec() > 0;
}

std::optional<InboxAnswer> ReplyStore::next_answer(core::RowId sender_id) {
    auto& query = m_statements->next_answer;
    ResetOnExit reset(query);
    query.bind(1, sender_id);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return InboxAnswer{query.getColumn(0).getInt64(), query.getColumn(1).getInt64(),  query.getColumn(2).getInt64(),
                       query.getColumn(3).getInt64(), query.getColumn(4).getString(), read_time(query.getColumn(5))};
}

bool ReplyStore::any_answer_waiting() {
    return m_database.sqlite()
               .execAndGet("SELECT EXISTS (SELECT 1 FROM inbox_answers WHERE due_at IS NOT NULL)")
               .getInt() != 0;
}

void ReplyStore::answer_tried(core::RowId id, core::ActionId action_id, std::optional<core::Timestamp> due_again) {
    SQLite::Statement update(m_database.sqlite(), "UPDATE inbox_answers SET action_id = ?, due_at = ? WHERE id = ?");
    update.bind(1, action_id);
    bind_optional_time(update, 2, due_again);
    update.bind(3, id);
    update.exec();
}

void ReplyStore::answer_dropped(core::RowId id) {
    SQLite::Statement update(m_database.sqlite(), "UPDATE inbox_answers SET due_at = NULL WHERE id = ?");
    update.bind(1, id);
    update.exec();
}

void ReplyStore::drop_answer(core::RowId event_id) {
    SQLite::Statement update(m_database.sqlite(),
                             "UPDATE inbox_answers SET due_at = NULL WHERE event_id = ? AND action_id IS NULL");
    update.bind(1, event_id);
    update.exec();
}

void ReplyStore::answer_settled(core::ActionId action_id) {
    SQLite::Statement update(m_database.sqlite(), "UPDATE inbox_answers SET due_at = NULL WHERE action_id = ?");
    update.bind(1, action_id);
    update.exec();
}

} // namespace campaign::store
