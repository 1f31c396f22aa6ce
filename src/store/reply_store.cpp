#include "store/reply_store.hpp"

#include "store/answered_action.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

constexpr const char* k_reading_columns =
    "r.event_id, r.class, r.language, r.confidence, r.until, r.reason, r.referral, r.read_at, r.corrected_at,"
    " r.applied_class, r.applied_at, r.done_at, r.snoozed_until";
constexpr int k_reading_count = 13;

std::optional<std::string> optional_text(const Column& column) {
    return column.is_null() ? std::nullopt : std::optional(column.text());
}

ReplyReading read_reading(Statement& row) {
    ReplyReading reading;
    reading.event_id = row.column(0).integer();
    reading.reply_class = read_enum(row.column(1), core::parse_reply_class);
    reading.language = row.column(2).text();
    reading.confidence = row.column(3).real();
    if (auto until = optional_text(row.column(4))) {
        reading.until = core::parse_day(*until);
    }
    reading.reason = row.column(5).text();
    reading.referral = optional_text(row.column(6));
    reading.read_at = read_time(row.column(7));
    reading.corrected_at = read_optional_time(row.column(8));
    reading.applied_class = read_optional_enum(row.column(9), core::parse_reply_class);
    reading.applied_at = read_optional_time(row.column(10));
    reading.done_at = read_optional_time(row.column(11));
    reading.snoozed_until = read_optional_time(row.column(12));
    return reading;
}

void bind_optional(Statement& statement, const char* name, const std::optional<std::string>& value) {
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

InboxItem read_item(Statement& row) {
    InboxItem item;
    item.reading = read_reading(row);
    int at = k_reading_count;
    item.at = read_time(row.column(at));
    item.text = row.column(at + 1).text();
    item.prospect = row.column(at + 2).is_null() ? "" : row.column(at + 2).text();
    item.profile_url = row.column(at + 3).is_null() ? "" : row.column(at + 3).text();
    item.company = row.column(at + 4).is_null() ? "" : row.column(at + 4).text();
    item.campaign = row.column(at + 5).text();
    item.step = row.column(at + 6).text();
    item.sender = row.column(at + 7).text();
    if (!row.column(at + 8).is_null()) {
        item.prospect_id = row.column(at + 8).integer();
    }
    if (!row.column(at + 9).is_null()) {
        item.sender_id = row.column(at + 9).integer();
    }
    if (!row.column(at + 10).is_null()) {
        item.enrollment_id = row.column(at + 10).integer();
    }
    item.answer = optional_text(row.column(at + 11));
    item.answer_state = optional_text(row.column(at + 12));
    return item;
}

} // namespace

struct ReplyStore::Statements {
    explicit Statements(Connection& db)
        : record(db, "INSERT INTO replies (event_id, class, language, confidence, until, reason, referral, read_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING"),
          find(db, std::string("SELECT ") + k_reading_columns + " FROM replies r WHERE r.event_id = ?"),
          mark_applied(db, "UPDATE replies SET applied_class = ?, applied_at = ? WHERE event_id = ?"),
          next_answer(db, "SELECT id, event_id, enrollment_id, sender_id, text, due_at FROM inbox_answers"
                          " WHERE sender_id = ? AND due_at IS NOT NULL ORDER BY due_at, id LIMIT 1") {}

    Statement record;
    Statement find;
    Statement mark_applied;
    Statement next_answer; // once per send of a sender
};

ReplyStore::ReplyStore(Database& database)
    : m_database(database), m_statements(std::make_unique<Statements>(database.connection())) {}

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
    insert.run();
}

std::optional<ReplyReading> ReplyStore::find(core::RowId event_id) {
    auto& query = m_statements->find;
    ResetOnExit reset(query);
    query.bind(1, event_id);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_reading(query);
}

void ReplyStore::for_each_unread(const std::function<void(const UnreadReply&)>& visit) {
    Statement query(m_database.connection(),
                    "SELECT e.id, COALESCE(e.text, ''), e.occurred_at FROM events e"
                    " WHERE e.type = 'replied' AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.event_id = e.id)"
                    " ORDER BY e.occurred_at, e.id");
    while (query.step()) {
        visit(UnreadReply{query.column(0).integer(), query.column(1).text(), read_time(query.column(2))});
    }
}

void ReplyStore::for_each_read(const std::function<void(const ReplyReading&, const UnreadReply&)>& visit) {
    Statement query(m_database.connection(), std::string("SELECT ") + k_reading_columns +
                                                 ", COALESCE(e.text, ''), e.occurred_at FROM replies r JOIN events"
                                                 " e ON e.id = r.event_id WHERE r.corrected_at IS NULL"
                                                 " ORDER BY e.occurred_at, e.id");
    while (query.step()) {
        auto reading = read_reading(query);
        visit(reading, UnreadReply{reading.event_id, query.column(k_reading_count).text(),
                                   read_time(query.column(k_reading_count + 1))});
    }
}

std::vector<Referral> ReplyStore::referrals(std::optional<core::Timestamp> since,
                                            std::optional<core::Timestamp> until) {
    Statement query(
        m_database.connection(),
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
            " AND (CAST(?1 AS TEXT) IS NULL OR e.occurred_at >= ?1) AND (CAST(?2 AS TEXT) IS NULL OR e.occurred_at < "
            "?2)"
            " ORDER BY e.occurred_at DESC, e.id DESC");
    bind_optional_time(query, 1, since);
    bind_optional_time(query, 2, until);
    std::vector<Referral> result;
    while (query.step()) {
        Referral referral;
        referral.event_id = query.column(0).integer();
        referral.at = read_time(query.column(1));
        referral.referred = query.column(2).text();
        referral.text = query.column(3).text();
        referral.by_name = query.column(4).text();
        referral.by_profile_url = query.column(5).text();
        referral.company = query.column(6).text();
        referral.campaign = query.column(7).text();
        referral.sender = query.column(8).text();
        result.push_back(std::move(referral));
    }
    return result;
}

bool ReplyStore::other_opt_out(core::RowId event_id, std::optional<core::ProspectId> prospect_id,
                               const std::string& profile_url) {
    Statement query(m_database.connection(),
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
    return query.step();
}

void ReplyStore::mark_applied(core::RowId event_id, core::ReplyClass reply_class, core::Timestamp at) {
    auto& update = m_statements->mark_applied;
    ResetOnExit reset(update);
    update.bind(1, std::string(core::to_string(reply_class)));
    update.bind(2, core::format_utc(at));
    update.bind(3, event_id);
    update.run();
}

std::vector<InboxItem> ReplyStore::inbox(const InboxFilter& filter) {
    std::string where =
        "(:everything <> 0 OR (r.done_at IS NULL AND (r.snoozed_until IS NULL OR r.snoozed_until <= :now)))"
        " AND (CAST(:since AS TEXT) IS NULL OR e.occurred_at >= :since) AND (CAST(:until AS TEXT) IS NULL OR "
        "e.occurred_at < :until)"
        " AND (CAST(:sender AS TEXT) IS NULL OR s.name = :sender) AND (CAST(:campaign AS TEXT) IS NULL OR c.name = "
        ":campaign)";
    if (!filter.classes.empty()) {
        where += " AND (";
        for (std::size_t i = 0; i < filter.classes.size(); ++i) {
            where +=
                (i > 0 ? " OR r.class = '" : "r.class = '") + std::string(core::to_string(filter.classes[i])) + "'";
        }
        where += ")";
    }
    Statement query(m_database.connection(), inbox_query(where));
    query.bind(":everything", filter.everything ? 1 : 0);
    query.bind(":now", core::format_utc(filter.now));
    bind_optional(query, ":since", filter.since ? std::optional(core::format_utc(*filter.since)) : std::nullopt);
    bind_optional(query, ":until", filter.until ? std::optional(core::format_utc(*filter.until)) : std::nullopt);
    bind_optional(query, ":sender", filter.sender);
    bind_optional(query, ":campaign", filter.campaign);
    std::vector<InboxItem> items;
    while (query.step()) {
        items.push_back(read_item(query));
    }
    return items;
}

std::optional<InboxItem> ReplyStore::item(core::RowId event_id) {
    Statement query(m_database.connection(), inbox_query("r.event_id = :id"));
    query.bind(":id", event_id);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_item(query);
}

std::vector<ConversationLine> ReplyStore::conversation(core::RowId event_id) {
    Statement query(m_database.connection(),
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
    while (query.step()) {
        lines.push_back(ConversationLine{read_time(query.column(0)), query.column(1).small_integer() != 0,
                                         query.column(2).text(), query.column(3).text(), query.column(4).text()});
    }
    return lines;
}

void ReplyStore::correct(core::RowId event_id, core::ReplyClass reply_class, std::optional<core::Day> until,
                         core::Timestamp now) {
    Statement update(m_database.connection(),
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
    update.run();
    Statement again(m_database.connection(), "UPDATE events SET applied_at = NULL WHERE id = ?");
    again.bind(1, event_id);
    again.run();
}

void ReplyStore::reread(const ReplyReading& reading) {
    Statement update(m_database.connection(),
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
    update.run();
    // Applied again by the next run: the caller re-reads only what reads differently (its class or its date).
    Statement again(m_database.connection(),
                    "UPDATE events SET applied_at = NULL WHERE id = ? AND applied_at IS NOT NULL AND"
                    " EXISTS (SELECT 1 FROM replies r WHERE r.event_id = events.id AND r.corrected_at IS NULL)");
    again.bind(1, reading.event_id);
    again.run();
}

void ReplyStore::set_done(core::RowId event_id, std::optional<core::Timestamp> at) {
    Statement update(m_database.connection(), "UPDATE replies SET done_at = ?, snoozed_until = NULL"
                                              " WHERE event_id = ?");
    bind_optional_time(update, 1, at);
    update.bind(2, event_id);
    update.run();
}

void ReplyStore::snooze(core::RowId event_id, core::Timestamp until) {
    Statement update(m_database.connection(), "UPDATE replies SET snoozed_until = ? WHERE event_id = ?");
    update.bind(1, core::format_utc(until));
    update.bind(2, event_id);
    update.run();
}

bool ReplyStore::queue_answer(core::RowId event_id, core::EnrollmentId enrollment_id, core::RowId sender_id,
                              const std::string& text, core::Timestamp now) {
    Statement insert(m_database.connection(),
                     "INSERT INTO inbox_answers (event_id, enrollment_id, sender_id, text, written_at, due_at)"
                     " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING");
    insert.bind(1, event_id);
    insert.bind(2, enrollment_id);
    insert.bind(3, sender_id);
    insert.bind(4, text);
    insert.bind(5, core::format_utc(now));
    insert.bind(6, core::format_utc(now));
    return insert.run() > 0;
}

std::optional<InboxAnswer> ReplyStore::next_answer(core::RowId sender_id) {
    auto& query = m_statements->next_answer;
    ResetOnExit reset(query);
    query.bind(1, sender_id);
    if (!query.step()) {
        return std::nullopt;
    }
    return InboxAnswer{query.column(0).integer(), query.column(1).integer(), query.column(2).integer(),
                       query.column(3).integer(), query.column(4).text(),    read_time(query.column(5))};
}

bool ReplyStore::any_answer_waiting() {
    return query_integer(m_database.connection(),
                         "SELECT EXISTS (SELECT 1 FROM inbox_answers WHERE due_at IS NOT NULL)") != 0;
}

void ReplyStore::answer_tried(core::RowId id, core::ActionId action_id, std::optional<core::Timestamp> due_again) {
    Statement update(m_database.connection(), "UPDATE inbox_answers SET action_id = ?, due_at = ? WHERE id = ?");
    update.bind(1, action_id);
    bind_optional_time(update, 2, due_again);
    update.bind(3, id);
    update.run();
}

void ReplyStore::answer_dropped(core::RowId id) {
    Statement update(m_database.connection(), "UPDATE inbox_answers SET due_at = NULL WHERE id = ?");
    update.bind(1, id);
    update.run();
}

void ReplyStore::drop_answer(core::RowId event_id) {
    Statement update(m_database.connection(),
                     "UPDATE inbox_answers SET due_at = NULL WHERE event_id = ? AND action_id IS NULL");
    update.bind(1, event_id);
    update.run();
}

void ReplyStore::answer_settled(core::ActionId action_id) {
    Statement update(m_database.connection(), "UPDATE inbox_answers SET due_at = NULL WHERE action_id = ?");
    update.bind(1, action_id);
    update.run();
}

} // namespace campaign::store
