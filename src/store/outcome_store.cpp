#include "store/outcome_store.hpp"

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
void bind(Statement& statement, const OutcomeFilter& filter) {
    std::string since = filter.since ? core::format_utc(*filter.since) : k_beginning;
    std::string until = filter.until ? core::format_utc(*filter.until) : k_end;
    auto bind_if_used = [&statement](const char* name, const std::string& value) {
        if (auto index = statement.parameter_index(name); index > 0) {
            statement.bind(index, value);
        }
    };
    bind_if_used(":since", since);
    bind_if_used(":until", until);
    bind_if_used(":since_day", since.substr(0, 10));
    bind_if_used(":until_day", until.substr(0, 10));
    if (filter.campaign_id) {
        statement.bind(statement.parameter_index(":campaign"), *filter.campaign_id);
    }
    if (filter.sender_id) {
        statement.bind(statement.parameter_index(":sender"), *filter.sender_id);
    }
}

// Columns `first`.. as campaign_id, sender_id, step, variant, type.
ActionGroup read_group(Statement& row, int first) {
    ActionGroup group;
    group.campaign_id = row.column(first).integer();
    group.sender_id = row.column(first + 1).integer();
    group.step = row.column(first + 2).text();
    // The inbox's answers are each a step of their own ("inbox:42"), and one row of the report.
    if (group.step.starts_with("inbox:")) {
        group.step = k_inbox_answers;
    }
    group.variant = row.column(first + 3).is_null() ? "" : row.column(first + 3).text();
    group.type = read_enum(row.column(first + 4), core::parse_action_type);
    return group;
}

} // namespace

void OutcomeStore::for_each_send_tally(const OutcomeFilter& filter,
                                       const std::function<void(const SendTally&)>& visit) {
    Statement query(m_database.connection(),
                    "SELECT t.campaign_id, t.sender_id, t.step, t.variant, t.type,"
                    " SUM(CASE WHEN t.state = 'sent' THEN t.actions ELSE 0 END),"
                    " SUM(CASE WHEN t.state = 'failed' THEN t.actions ELSE 0 END),"
                    " MIN(t.first_id)"
                    " FROM action_tallies t WHERE t.actions > 0 AND t.day >= :since_day AND t.day < :until_day" +
                        scope(filter, "t") + " GROUP BY t.campaign_id, t.sender_id, t.step, t.variant, t.type");
    bind(query, filter);
    while (query.step()) {
        SendTally tally;
        tally.group = read_group(query, 0);
        tally.sent = query.column(5).integer();
        tally.failed = query.column(6).integer();
        tally.first_id = query.column(7).integer();
        visit(tally);
    }
}

void OutcomeStore::for_each_prospect_tally(const OutcomeFilter& filter,
                                           const std::function<void(const ProspectTally&)>& visit) {
    Statement query(m_database.connection(),
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
                        " GROUP BY t.campaign_id, t.sender_id) AS tallied"
                        " GROUP BY campaign_id, sender_id");
    bind(query, filter);
    while (query.step()) {
        visit(ProspectTally{query.column(0).integer(), query.column(1).integer(), query.column(2).integer(),
                            query.column(3).integer(), query.column(4).integer()});
    }
}

void OutcomeStore::for_each_acceptance(const OutcomeFilter& filter,
                                       const std::function<void(const Acceptance&)>& visit) {
    // One row per acceptance event: an invitation reported accepted twice comes twice, and the caller keeps the
    // first. Left unsorted and ungrouped, since a sort of every acceptance costs more than the join itself; and
    // not cut to the period, since the first acceptance may be before it, except that an invitation sent after
    // the period cannot count in it.
    Statement query(
        m_database.connection(),
        std::string("WITH answer AS (SELECT ") + k_answered_action +
            " AS action_id, e.occurred_at FROM events e WHERE e.type = 'accepted')"
            " SELECT a.campaign_id, a.sender_id, a.step, a.variant, a.type, a.at_utc, answer.occurred_at, a.id"
            " FROM answer JOIN actions a ON a.id = answer.action_id"
            " WHERE a.type = 'connect' AND a.state = 'sent'" +
            scope(filter, "a") + " AND a.at_utc < :until");
    bind(query, filter);
    while (query.step()) {
        visit(Acceptance{read_group(query, 0), read_time(query.column(5)), read_time(query.column(6)),
                         query.column(7).integer()});
    }
}

void OutcomeStore::for_each_reply(const OutcomeFilter& filter, const std::function<void(const Reply&)>& visit) {
    Statement query(
        m_database.connection(),
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
    while (query.step()) {
        Reply reply;
        reply.event_id = query.column(0).integer();
        reply.opted_out = query.column(1).text() == "opted_out";
        reply.at = read_time(query.column(2));
        reply.text = query.column(3).is_null() ? "" : query.column(3).text();
        reply.action_id = query.column(4).integer();
        reply.group = read_group(query, 5);
        reply.enrollment_id = query.column(10).integer();
        reply.sent_at = read_time(query.column(11));
        if (query.column(12).small_integer() != 0) {
            reply.prospect_name = query.column(13).text();
            reply.profile_url = query.column(14).text();
            reply.company = query.column(15).text();
        }
        reply.reply_class = read_optional_enum(query.column(16), core::parse_reply_class);
        visit(reply);
    }
}

void OutcomeStore::for_each_day(const OutcomeFilter& filter, const std::function<void(const DailySends&)>& visit) {
    Statement query(m_database.connection(),
                    "SELECT t.day, SUM(CASE WHEN t.type = 'connect' THEN t.actions ELSE 0 END),"
                    " SUM(CASE WHEN t.type IN ('message', 'inmail') THEN t.actions ELSE 0 END),"
                    " SUM(CASE WHEN t.type NOT IN ('connect', 'message', 'inmail') THEN t.actions ELSE 0 END)"
                    " FROM action_tallies t WHERE t.state = 'sent' AND t.day >= :since_day AND t.day < :until_day" +
                        scope(filter, "t") + " GROUP BY t.day HAVING SUM(t.actions) > 0 ORDER BY t.day");
    bind(query, filter);
    while (query.step()) {
        visit(DailySends{query.column(0).text(), query.column(1).integer(), query.column(2).integer(),
                         query.column(3).integer()});
    }
}

std::optional<std::pair<std::string, std::string>> OutcomeStore::sent_days(const OutcomeFilter& filter) {
    Statement query(m_database.connection(), "SELECT min(t.day), max(t.day) FROM action_tallies t"
                                             " WHERE t.state = 'sent' AND t.actions > 0" +
                                                 scope(filter, "t"));
    OutcomeFilter unbounded = filter;
    unbounded.since.reset();
    unbounded.until.reset();
    bind(query, unbounded);
    if (!query.step() || query.column(0).is_null()) {
        return std::nullopt;
    }
    return std::pair{query.column(0).text(), query.column(1).text()};
}

} // namespace campaign::store
