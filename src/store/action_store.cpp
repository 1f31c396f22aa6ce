#include "store/action_store.hpp"

#include "store/action_sql.hpp"
#include "store/pending_invitations.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

constexpr const char* k_columns =
    "a.id, a.enrollment_id, a.campaign_id, a.campaign_version_id, a.prospect_id, a.sender_id, a.step, a.variant, "
    "a.type, a.idempotency_key, a.state, a.subject, a.rendered_text, a.at_utc, a.at_local, a.response, a.error, "
    "a.attempts, a.failure";
constexpr int k_column_count = 19;

std::string text_or_empty(const Column& column) {
    return column.is_null() ? std::string() : column.text();
}

core::Action read_action(Statement& row) {
    core::Action action;
    action.id = row.column(0).integer();
    action.enrollment_id = row.column(1).integer();
    action.campaign_id = row.column(2).integer();
    action.version_id = row.column(3).integer();
    action.prospect_id = row.column(4).integer();
    action.sender_id = row.column(5).integer();
    action.step = row.column(6).text();
    action.variant = text_or_empty(row.column(7));
    action.type = read_enum(row.column(8), core::parse_action_type);
    action.idempotency_key = row.column(9).text();
    action.state = read_enum(row.column(10), core::parse_action_state);
    action.subject = text_or_empty(row.column(11));
    action.rendered_text = text_or_empty(row.column(12));
    action.at_utc = read_time(row.column(13));
    action.at_local = row.column(14).text();
    action.response = text_or_empty(row.column(15));
    action.error = text_or_empty(row.column(16));
    action.attempts = row.column(17).small_integer();
    action.failure = read_optional_enum(row.column(18), core::parse_failure);
    return action;
}

} // namespace

struct ActionStore::Statements {
    explicit Statements(Connection& db)
        : insert(db, "INSERT INTO actions (enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id,"
                     " step, variant, type, idempotency_key, state, subject, rendered_text, at_utc, at_local, response)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
          retry(db, "UPDATE actions SET state = ?, variant = ?, subject = ?, rendered_text = ?, at_utc = ?,"
                    " at_local = ?, response = ?, error = NULL, failure = NULL, attempts = attempts + 1"
                    " WHERE id = ? AND state = 'failed'"),
          step_state(db, "SELECT id, idempotency_key, state FROM actions WHERE enrollment_id = ? AND step = ?"),
          finish(db, "UPDATE actions SET state = ?, response = ?, error = ?, failure = ? WHERE id = ?"),
          uncount_attempt(db, "UPDATE actions SET attempts = attempts - 1 WHERE id = ? AND attempts > 1"),
          find(db, std::string("SELECT ") + k_columns + " FROM actions a WHERE enrollment_id = ? AND step = ?"),
          find_by_key(db, std::string("SELECT ") + k_columns + " FROM actions a WHERE idempotency_key = ?"),
          get(db, std::string("SELECT ") + k_columns + " FROM actions a WHERE id = ?"),
          // Through the prospect's enrollments with the sender, then each one's actions: both by index. The rule is
          // the one the reply report credits events by (store/outcome_store.cpp).
          answered_by(db, std::string("SELECT ") + k_columns +
                              " FROM actions a WHERE a.enrollment_id IN"
                              " (SELECT id FROM enrollments WHERE prospect_id = ? AND sender_id = ?)"
                              " AND a.state = 'sent' AND a.at_utc <= ?"
                              " AND (a.type = 'connect' OR (? AND a.type IN ('message', 'inmail')))"
                              " AND a.step NOT LIKE 'inbox:%'" // an answer from the inbox is no step to branch at
                              " ORDER BY a.at_utc DESC, a.id DESC LIMIT 1") {}

    Statement insert;
    Statement retry;
    Statement step_state;
    Statement finish;
    Statement uncount_attempt;
    Statement find;
    Statement find_by_key;
    Statement get;
    Statement answered_by;
};

// The action the query finds, if any.
std::optional<core::Action> find_action(Statement& query) {
    ResetOnExit reset(query);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_action(query);
}

ActionStore::ActionStore(Database& database)
    : m_database(database), m_statements(std::make_unique<Statements>(database.connection())),
      m_pending(std::make_unique<PendingInvitations>(database)) {}

ActionStore::~ActionStore() = default;

// A lookup, then a plain insert or update: an upsert returning the row's id cost SQLite a temporary table and twice
// the work on every intent.
core::ActionId ActionStore::write_intent(core::Action& action, core::ActionState state, const std::string& response) {
    auto& step_state = m_statements->step_state;
    std::optional<core::ActionId> tried;
    {
        ResetOnExit reset(step_state);
        step_state.bind(1, action.enrollment_id);
        step_state.bind(2, action.step);
        if (step_state.step()) {
            // Only a failed step may be tried again: anything else would be a second send.
            if (step_state.column(2).text() != core::to_string(core::ActionState::failed)) {
                throw std::logic_error("step '" + action.step + "' of enrollment " +
                                       std::to_string(action.enrollment_id) + " was already sent");
            }
            tried = step_state.column(0).integer();
            action.idempotency_key = step_state.column(1).text();
        }
    }
    action.state = state;
    action.response = response;
    if (tried) {
        auto& retry = m_statements->retry;
        ResetOnExit reset(retry);
        retry.bind(1, std::string(core::to_string(state)));
        bind_optional_text(retry, 2, action.variant);
        bind_optional_text(retry, 3, action.subject);
        bind_optional_text(retry, 4, action.rendered_text);
        retry.bind(5, core::format_utc(action.at_utc));
        retry.bind(6, action.at_local);
        bind_optional_text(retry, 7, response);
        retry.bind(8, *tried);
        retry.run();
        m_pending->written(action, *tried, state);
        return *tried;
    }
    auto& insert = m_statements->insert;
    ResetOnExit reset(insert);
    insert.bind(1, action.enrollment_id);
    insert.bind(2, action.campaign_id);
    insert.bind(3, action.version_id);
    insert.bind(4, action.prospect_id);
    insert.bind(5, action.sender_id);
    insert.bind(6, action.step);
    bind_optional_text(insert, 7, action.variant);
    insert.bind(8, std::string(core::to_string(action.type)));
    insert.bind(9, action.idempotency_key);
    insert.bind(10, std::string(core::to_string(state)));
    bind_optional_text(insert, 11, action.subject);
    bind_optional_text(insert, 12, action.rendered_text);
    insert.bind(13, core::format_utc(action.at_utc));
    insert.bind(14, action.at_local);
    bind_optional_text(insert, 15, response);
    auto id = insert.insert();
    m_pending->written(action, id, state);
    return id;
}

core::ActionId ActionStore::begin(core::Action& action) {
    return write_intent(action, core::ActionState::sending, "");
}

core::ActionId ActionStore::begin_sent(core::Action& action, const std::string& response) {
    return write_intent(action, core::ActionState::sent, response);
}

void ActionStore::finish(core::ActionId id, core::ActionState state, const std::string& response,
                         const std::string& error, std::optional<core::Failure> failure) {
    auto& update = m_statements->finish;
    ResetOnExit reset(update);
    update.bind(1, std::string(core::to_string(state)));
    bind_optional_text(update, 2, response);
    bind_optional_text(update, 3, error);
    if (failure) {
        update.bind(4, std::string(core::to_string(*failure)));
    } else {
        update.bind(4);
    }
    update.bind(5, id);
    update.run();
    m_pending->settled(id, state);
}

void ActionStore::uncount_attempt(core::ActionId id) {
    auto& update = m_statements->uncount_attempt;
    ResetOnExit reset(update);
    update.bind(1, id);
    update.run();
}

std::optional<core::Action> ActionStore::find(core::EnrollmentId enrollment_id, const std::string& step) {
    auto& query = m_statements->find;
    query.bind(1, enrollment_id);
    query.bind(2, step);
    return find_action(query);
}

std::optional<core::Action> ActionStore::find_by_key(const std::string& idempotency_key) {
    auto& query = m_statements->find_by_key;
    query.bind(1, idempotency_key);
    return find_action(query);
}

std::optional<core::Action> ActionStore::get(core::ActionId id) {
    auto& query = m_statements->get;
    query.bind(1, id);
    return find_action(query);
}

std::optional<core::Action> ActionStore::answered_by(core::ProspectId prospect_id, core::RowId sender_id,
                                                     core::EventType type, core::Timestamp at) {
    auto& query = m_statements->answered_by;
    query.bind(1, prospect_id);
    query.bind(2, sender_id);
    query.bind(3, core::format_utc(at));
    query.bind(4, type == core::EventType::accepted ? 0 : 1);
    return find_action(query);
}

std::vector<core::Action> ActionStore::in_flight() {
    Statement query(m_database.connection(),
                    std::string("SELECT ") + k_columns +
                        " FROM actions a WHERE state IN ('sending', 'in_doubt') AND state = 'sending' ORDER BY id");
    std::vector<core::Action> result;
    while (query.step()) {
        result.push_back(read_action(query));
    }
    return result;
}

void ActionStore::for_each_counted(core::RowId sender_id, core::Timestamp since,
                                   const std::function<void(core::ActionType, core::Timestamp)>& visit) {
    // One type at a time, so that each query reads only its stretch of the (sender, type, time) index.
    Statement query(m_database.connection(),
                    "SELECT at_utc FROM actions WHERE sender_id = ? AND type = ? AND at_utc >= ?"
                    " AND state IN " +
                        counted_states() + " ORDER BY at_utc");
    for (auto type : core::k_action_types) {
        query.bind(1, sender_id);
        query.bind(2, std::string(core::to_string(type)));
        query.bind(3, core::format_utc(since));
        while (query.step()) {
            visit(type, read_time(query.column(0)));
        }
        query.reset();
    }
}

int ActionStore::counted_between(core::RowId sender_id, core::ActionType type, core::Timestamp from,
                                 core::Timestamp to) {
    Statement query(m_database.connection(), "SELECT count(*) FROM actions WHERE sender_id = ? AND type = ?"
                                             " AND at_utc >= ? AND at_utc < ? AND state IN " +
                                                 counted_states());
    query.bind(1, sender_id);
    query.bind(2, std::string(core::to_string(type)));
    query.bind(3, core::format_utc(from));
    query.bind(4, core::format_utc(to));
    query.step();
    return query.column(0).small_integer();
}

std::optional<core::Timestamp> ActionStore::first_counted(core::RowId sender_id) {
    // Type by type, each the first entry of its stretch of the (sender, type, time) index.
    Statement query(m_database.connection(), "SELECT at_utc FROM actions WHERE sender_id = ? AND type = ?"
                                             " AND state IN " +
                                                 counted_states() + " ORDER BY at_utc LIMIT 1");
    std::optional<core::Timestamp> first;
    for (auto type : core::k_action_types) {
        query.bind(1, sender_id);
        query.bind(2, std::string(core::to_string(type)));
        if (query.step()) {
            auto at = read_time(query.column(0));
            first = std::min(first.value_or(at), at);
        }
        query.reset();
    }
    return first;
}

int ActionStore::used_in_month(core::RowId sender_id, const std::string& month, MonthlyAllowance allowance) {
    // The month's moments in UTC lie within a day of its local dates: the index narrows to them, at_local decides.
    auto first = *core::parse_day(month + "-01");
    auto next = std::chrono::sys_days{std::chrono::year_month_day{first} + std::chrono::months{1}};
    auto from = core::Timestamp{first - std::chrono::days{1}};
    auto to = core::Timestamp{next + std::chrono::days{1}};
    auto counted = allowance == MonthlyAllowance::notes ? " AND type = 'connect' AND coalesce(rendered_text, '') <> ''"
                                                        : " AND type = 'inmail'";
    Statement query(m_database.connection(),
                    std::string("SELECT count(*) FROM actions WHERE sender_id = ?"
                                " AND at_utc >= ? AND at_utc < ? AND substr(at_local, 1, 7) = ?"
                                " AND state IN ") +
                        counted_states() + counted);
    query.bind(1, sender_id);
    query.bind(2, core::format_utc(from));
    query.bind(3, core::format_utc(to));
    query.bind(4, month);
    return query.step() ? query.column(0).small_integer() : 0;
}

std::optional<StaleInvitation> ActionStore::stale_invitation(core::RowId sender_id, core::Timestamp sent_before,
                                                             int most_attempts) {
    // Where the email's domain begins: each backend names the function its own way.
    std::string at_sign = m_database.backend() == Backend::sqlite ? "instr(p.email, '@')" : "strpos(p.email, '@')";
    Statement query(
        m_database.connection(),
        std::string("SELECT c.enrollment_id, k.name, c.at_utc, (SELECT max(w.at_utc) FROM actions w"
                    " WHERE w.enrollment_id = c.enrollment_id AND w.type = 'withdraw_invite' AND w.state = 'failed')"
                    " FROM actions c JOIN enrollments e ON e.id = c.enrollment_id"
                    " JOIN campaigns k ON k.id = c.campaign_id JOIN prospects p ON p.id = c.prospect_id"
                    " WHERE c.sender_id = ?1 AND c.type = 'connect' AND c.state = 'sent' AND c.at_utc <= ?2"
                    " AND e.state = 'done' AND p.erased_at IS NULL AND p.merged_into IS NULL"
                    " AND p.profile_url NOT IN (SELECT value FROM suppressions WHERE kind = 'profile')"
                    " AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.kind = 'email_domain'"
                    " AND " +
                    at_sign + " > 0 AND s.value = lower(substr(p.email, " + at_sign +
                    " + 1)))"
                    " AND NOT EXISTS (SELECT 1 FROM " +
                    events_by_prospect(m_database.backend()) +
                    " WHERE v.prospect_id = c.prospect_id AND v.sender_id = ?1 AND (v.type IN ('replied', 'opted_out')"
                    " OR (v.type IN ('accepted', 'withdrawn') AND v.occurred_at >= ") +
            since_sent(m_database.backend(), "c.at_utc") +
            ")))"
            " AND NOT EXISTS (SELECT 1 FROM actions w WHERE w.enrollment_id = c.enrollment_id"
            " AND w.type = 'withdraw_invite' AND (w.state <> 'failed' OR w.failure IS NOT NULL OR w.attempts >= ?3))"
            " ORDER BY c.at_utc, c.id LIMIT 1");
    query.bind(1, sender_id);
    query.bind(2, core::format_utc(sent_before));
    query.bind(3, most_attempts);
    if (!query.step()) {
        return std::nullopt;
    }
    return StaleInvitation{query.column(0).integer(), query.column(1).text(), read_time(query.column(2)),
                           read_optional_time(query.column(3))};
}

core::InvitationRecord ActionStore::invitation_record(core::RowId sender_id, core::Timestamp now, int settled,
                                                      core::Duration settle) {
    // An invitation is answered by an acceptance, or ended by a withdrawal: the gateway's event since it was sent (from
    // k_gateway_clock_slack before, by the engine's clock), or the sender's own withdraw_invite in the same enrollment
    // (a prospect invited again by another campaign is pending again). The pending ones are kept from one call to the
    // next (store/pending_invitations.hpp). The events are looked up by prospect: left to itself, the planner scans
    // every acceptance of the period for each invitation.
    core::InvitationRecord record;
    record.pending = m_pending->count(sender_id, now);
    Statement latest(m_database.connection(),
                     "SELECT EXISTS (SELECT 1 FROM " + events_by_prospect(m_database.backend()) +
                         " WHERE v.prospect_id = c.prospect_id"
                         " AND v.sender_id = ?1 AND v.type = 'accepted' AND v.occurred_at >= " +
                         since_sent(m_database.backend(), "c.at_utc") +
                         " AND v.occurred_at <= ?3)"
                         " FROM actions c WHERE c.sender_id = ?1 AND c.type = 'connect' AND c.state = 'sent'"
                         " AND c.at_utc <= ?2 ORDER BY c.at_utc DESC LIMIT ?4");
    latest.bind(1, sender_id);
    latest.bind(2, core::format_utc(now - settle));
    latest.bind(3, core::format_utc(now));
    latest.bind(4, settled);
    while (latest.step()) {
        ++record.settled;
        record.settled_accepted += latest.column(0).small_integer();
    }
    return record;
}

void ActionStore::for_each_logged(const ActionLogFilter& filter,
                                  const std::function<void(const ActionLogRow&)>& visit) {
    Statement query(m_database.connection(),
                    std::string("SELECT ") + k_columns +
                        ", c.name, v.version, s.name, p.profile_url FROM actions a"
                        " JOIN campaigns c ON c.id = a.campaign_id"
                        " JOIN campaign_versions v ON v.id = a.campaign_version_id"
                        " JOIN senders s ON s.id = a.sender_id JOIN prospects p ON p.id = a.prospect_id"
                        " WHERE (CAST(?1 AS TEXT) IS NULL OR c.name = ?1) AND (CAST(?2 AS TEXT) IS NULL OR s.name = ?2)"
                        " ORDER BY a.at_utc, a.id");
    if (filter.campaign) {
        query.bind(1, *filter.campaign);
    }
    if (filter.sender) {
        query.bind(2, *filter.sender);
    }
    while (query.step()) {
        ActionLogRow row;
        row.action = read_action(query);
        row.campaign = query.column(k_column_count).text();
        row.version = query.column(k_column_count + 1).small_integer();
        row.sender = query.column(k_column_count + 2).text();
        row.profile_url = query.column(k_column_count + 3).text();
        visit(row);
    }
}

} // namespace campaign::store
