#include "store/outcome_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/answered_action.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

// Times are ISO text, so the period's open ends are the smallest and largest such text.
constexpr const char* k_beginning = "0000-01-01T00:00:00Z";
constexpr const char* k_end = "9999-12-31T23:59:59Z";

// "AND ..." for the campaign and sender of the filter, on the table `alias`.
std::string scope(const OutcomeFilter& filter, const std::string& alias) {
    std::string sql;
    if (filter.campaign_id) {
        sql += " AND " + alias + ".campaign_id = :campaign";
    }
    if (filter.sender_id) {
        sql += " AND " + alias + ".sender_id = :sender";
    }
    return sql;
}

// Binds the parameters the statement has: the period as times (:since, :until) or as days (:since_day, :until_day).
void bind(SQLite::Statement& statement, const OutcomeFilter& filter) {
    std::string since = filter.since ? core::format_utc(*filter.since) : k_beginning;
    std::string until = filter.until ? core::format_utc(*filter.until) : k_end;
    auto bind_if_used = [&statement](const char* name, const std::string& value) {
        if (statement.getIndex(name) > 0) {
            statement.bind(name, value);
        }
    };
    bind_if_used(":since", since);
    bind_if_used(":until", until);
    bind_if_used(":since_day", since.substr(0, 10));
    bind_if_used(":until_day", until.substr(0, 10));
    if (filter.campaign_id) {
        statement.bind(":campaign", *filter.campaign_id);
    }
    if (filter.sender_id) {
        statement.bind(":sender", *filter.sender_id);
    }
}

// Columns `first`.. as campaign_id, sender_id, step, variant, type.
ActionGroup read_group(SQLite::Statement& row, int first) {
    ActionGroup group;
    group.campaign_id = row.getColumn(first).getInt64();
    group.sender_id = row.getColumn(first + 1).getInt64();
    group.step = row.getColumn(first + 2).getString();
    // The inbox's answers are each a step of their own ("inbox:42"), and one row of the report.
    if (group.step.starts_with("inbox:")) {
        group.step = k_inbox_answers;
    }
    group.variant = row.getColumn(first + 3).isNull() ? "" : row.getColumn(first + 3).getString();
    group.type = read_enum(row.getColumn(first + 4), core::parse_action_type);
    return group;
}

} // namespace

void OutcomeStore::for_each_send_tally(const OutcomeFilter& filter,
                                       const std::function<void(const SendTally&)>& visit) {
    SQLite::Statement query(
        m_database.sqlite(),
        "SELECT t.campaign_id, t.sender_id, t.step, t.variant, t.type,"
        " SUM(CASE WHEN t.state = 'sent' THEN t.actions ELSE 0 END),"
        " SUM(CASE WHEN t.state = 'failed' THEN t.actions ELSE 0 END),"
        " MIN(t.first_id)"
        " FROM action_tallies t WHERE t.actions > 0 AND t.day >= :since_day AND t.day < :until_day" +
            scope(filter, "t") + " GROUP BY t.campaign_id, t.sender_id, t.step, t.variant, t.type");
    bind(query, filter);
    while (query.executeStep()) {
        SendTally tally;
        tally.group = read_group(query, 0);
        tally.sent = query.getColumn(5).getInt64();
        tally.failed = query.getColumn(6).getInt64();
        tally.first_id = query.getColumn(7).getInt64();
        visit(tally);
    }
}

void OutcomeStore::for_each_prospect_tally(const OutcomeFilter& filter,
                                           const std::function<void(const ProspectTally&)>& visit) {
    SQLite::Statement query(
        m_database.sqlite(),
        "SELECT campaign_id, sender_id, SUM(enrolled), SUM(invited), SUM(messaged) FROM ("
        " SELECT n.campaign_id, n.sender_id, SUM(n.enrolled) AS enrolled, 0 AS invited, 0 AS messaged"
        " FROM enrollment_tallies n WHERE n.day >= :since_day AND n.day < :until_day" +
            scope(filter, "n") +
            " GROUP BY n.campaign_id, n.sender_id"
            " UNION ALL"
            " SELECT t.campaign_id, t.sender_id, 0,"
            " SUM(CASE WHEN t.type = 'connect' THEN t.first_contacts ELSE 0 END),"
            " SUM(CASE WHEN t.type IN ('message', 'inmail') THEN t.first_contacts ELSE 0 END)"
            " FROM action_tallies t WHERE t.state = 'sent' AND t.day >= :since_day AND t.day < :until_day" +
            scope(filter, "t") +
            " GROUP BY t.campaign_id, t.sender_id)"
            " GROUP BY campaign_id, sender_id");
    bind(query, filter);
    while (query.executeStep()) {
        visit(ProspectTally{query.getColumn(0).getInt64(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64(),
                            query.getColumn(3).getInt64(), query.getColumn(4).getInt64()});
    }
}

void OutcomeStore::for_each_acceptance(const OutcomeFilter& filter,
                                       const std::function<void(const Acceptance&)>& visit) {
    // One row per acceptance event: an invitation reported accepted twice comes twice, and the caller keeps the
    // first. Left unsorted and ungrouped, since a sort of every acceptance costs more than the join itself; and
    // not cut to the period, since the first acceptance may be before it, except that an invitation sent after
    // the period cannot count in it.
    SQLite::Statement query(
        m_database.sqlite(),
        std::string("WITH answer AS (SELECT ") + k_answered_action +
            " AS action_id, e.occurred_at FROM events e WHERE e.type = 'accepted')"
            " SELECT a.campaign_id, a.sender_id, a.step, a.variant, a.type, a.at_utc, answer.occurred_at, a.id"
            " FROM answer JOIN actions a ON a.id = answer.action_id"
            " WHERE a.type = 'connect' AND a.state = 'sent'" +
            scope(filter, "a") + " AND a.at_utc < :until");
    bind(query, filter);
    while (query.executeStep()) {
        visit(Acceptance{read_group(query, 0), read_time(query.getColumn(5)), read_time(query.getColumn(6)),
                         query.getColumn(7).getInt64()});
    }
}

void OutcomeStore::for_each_reply(const OutcomeFilter& filter, const std::function<void(const Reply&)>& visit) {
    SQLite::Statement query(
        m_database.sqlite(),
        std::string("WITH reply AS (SELECT e.id, e.type, e.occurred_at, e.text, ") + k_answered_action +
            " AS action_id FROM events e WHERE e.type IN ('replied', 'opted_out'))"
            " SELECT reply.id, reply.type, reply.occurred_at, reply.text, a.id,"
            " a.campaign_id, a.sender_id, a.step, a.variant, a.type, a.enrollment_id, a.at_utc,"
            " p.erased_at IS NULL, trim(p.first_name || ' ' || p.last_name), p.profile_url, p.company, r.class"
            " FROM reply JOIN actions a ON a.id = reply.action_id JOIN prospects p ON p.id = a.prospect_id"
            " LEFT JOIN replies r ON r.event_id = reply.id"
            " WHERE a.state = 'sent'" +
            scope(filter, "a") +
            " AND ((a.at_utc >= :since AND a.at_utc < :until)"
            " OR (reply.occurred_at >= :since AND reply.occurred_at < :until))"
            " ORDER BY a.id, reply.occurred_at, reply.id");
    bind(query, filter);
    while (query.executeStep()) {
        Reply reply;
        reply.event_id = query.getColumn(0).getInt64();
        reply.opted_out = query.getColumn(1).getString() == "opted_out";
        reply.at = read_time(query.getColumn(2));
        reply.text = query.getColumn(3).isNull() ? "" : query.getColumn(3).getString();
        reply.action_id = query.getColumn(4).getInt64();
        reply.group = read_group(query, 5);
        reply.enrollment_id = query.getColumn(10).getInt64();
        reply.sent_at = read_time(query.getColumn(11));
        if (query.getColumn(12).getInt() != 0) {
            reply.prospect_name = query.getColumn(13).getString();
            reply.profile_url = query.getColumn(14).getString();
            reply.company = query.getColumn(15).getString();
        }
        reply.reply_class = read_optional_enum(query.getColumn(16), core::parse_reply_class);
        visit(reply);
    }
}

void OutcomeStore::for_each_day(const OutcomeFilter& filter, const std::function<void(const DailySends&)>& visit) {
    SQLite::Statement query(
        m_database.sqlite(),
        "SELECT t.day, SUM(CASE WHEN t.type = 'connect' THEN t.actions ELSE 0 END),"
        " SUM(CASE WHEN t.type IN ('message', 'inmail') THEN t.actions ELSE 0 END),"
        " SUM(CASE WHEN t.type NOT IN ('connect', 'message', 'inmail') THEN t.actions ELSE 0 END)"
        " FROM action_tallies t WHERE t.state = 'sent' AND t.day >= :since_day AND t.day < :until_day" +
            scope(filter, "t") + " GROUP BY t.day HAVING SUM(t.actions) > 0 ORDER BY t.day");
    bind(query, filter);
    while (query.executeStep()) {
        visit(DailySends{query.getColumn(0).getString(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64(),
                         query.getColumn(3).getInt64()});
    }
}

std::optional<std::pair<std::string, std::string>> OutcomeStore::sent_days(const OutcomeFilter& filter) {
    SQLite::Statement query(m_database.sqlite(), "SELECT min(t.day), max(t.day) FROM action_tallies t"
                                                 " WHERE t.state = 'sent' AND t.actions > 0" +
                                                     scope(filter, "t"));
    OutcomeFilter unbounded = filter;
    unbounded.since.reset();
    unbounded.until.reset();
    bind(query, unbounded);
    if (!query.executeStep() || query.getColumn(0).isNull()) {
        return std::nullopt;
    }
    return std::pair{query.getColumn(0).getString(), query.getColumn(1).getString()};
}

} // namespace campaign::store
