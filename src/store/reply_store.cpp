#include "store/reply_store.hpp"

#include "store/answered_action.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

ReplyReading read_reading(SQLite::Statement& row) {
    ReplyReading reading;
    reading.event_id = row.getColumn(0).getInt64();
    reading.reply_class = core::parse_reply_class(row.getColumn(1).getString()).value_or(core::ReplyClass::neutral);
    reading.language = row.getColumn(2).getString();
    reading.confidence = row.getColumn(3).getDouble();
    if (!row.getColumn(4).isNull()) {
        reading.until = core::parse_day(row.getColumn(4).getString());
    }
    reading.reason = row.getColumn(5).getString();
    if (!row.getColumn(6).isNull()) {
        reading.referral = row.getColumn(6).getString();
    }
    reading.read_at = read_time(row.getColumn(7));
    return reading;
}

} // namespace

struct ReplyStore::Statements {
    explicit Statements(SQLite::Database& db)
        : record(db, "INSERT INTO replies (event_id, class, language, confidence, until, reason, referral, read_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING"),
          find(db, "SELECT event_id, class, language, confidence, until, reason, referral, read_at FROM replies"
                   " WHERE event_id = ?") {}

    SQLite::Statement record;
    SQLite::Statement find;
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

} // namespace campaign::store
