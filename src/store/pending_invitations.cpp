#include "store/pending_invitations.hpp"

#include <algorithm>
#include <functional>

#include "core/event.hpp"
#include "store/action_sql.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

// What answers an invitation on the gateway: its acceptance, or its withdrawal (there or by the sender's own step).
const std::string& answer_types() {
    static const std::string list = sql_list({core::EventType::accepted, core::EventType::withdrawn});
    return list;
}

// The soonest first, for std::push_heap.
template <typename Answer>
bool later(const Answer& a, const Answer& b) {
    return a.at > b.at;
}

} // namespace

PendingInvitations::PendingInvitations(Database& database) : m_database(database) {}

PendingInvitations::~PendingInvitations() = default;

// Another program's commits are not told to the copy (`campaign actions resolve` settling an action in doubt):
// SQLite's data_version says whether there were any since it was read. PostgreSQL says nothing of the kind, and its
// row ids become visible out of order (a transaction that took id 10 may commit after one that took 11), so there
// every count reads afresh.
std::optional<std::int64_t> PendingInvitations::others_commits() {
    if (m_database.backend() != Backend::sqlite) {
        return std::nullopt;
    }
    return query_integer(m_database.connection(), "PRAGMA data_version");
}

int PendingInvitations::count(core::RowId sender_id, core::Timestamp now) {
    auto others = others_commits();
    if (!m_loaded || m_database.rollbacks() != m_rollbacks || now < m_now || !others || others != m_others) {
        m_others = others;
        load(now);
    } else {
        read_answers(now);
    }
    int pending = 0;
    if (auto sender = m_pending.find(sender_id); sender != m_pending.end()) {
        for (const auto& [prospect_id, invitations] : sender->second) {
            pending += static_cast<int>(std::count_if(invitations.begin(), invitations.end(),
                                                      [now](const Invitation& sent) { return sent.sent_at <= now; }));
        }
    }
    return pending;
}

void PendingInvitations::written(const core::Action& action, core::ActionId id, core::ActionState state) {
    if (!m_loaded) {
        return;
    }
    if (action.type == core::ActionType::connect && is_counted(state) && !answered(action)) {
        m_pending[action.sender_id][action.prospect_id].push_back({id, action.enrollment_id, action.at_utc});
        m_where[id] = {action.sender_id, action.prospect_id};
    } else if (action.type == core::ActionType::withdraw_invite) {
        Answer withdrawal{action.at_utc, action.sender_id, action.prospect_id, action.enrollment_id};
        if (state == core::ActionState::sent) {
            take(withdrawal);
        } else if (is_counted(state)) {
            m_withdrawing[id] = withdrawal;
        }
    }
}

void PendingInvitations::settled(core::ActionId id, core::ActionState state) {
    if (!m_loaded) {
        return;
    }
    if (auto withdrawal = m_withdrawing.find(id); withdrawal != m_withdrawing.end()) {
        if (state == core::ActionState::sent) {
            take(withdrawal->second);
        }
        if (state != core::ActionState::in_doubt) {
            m_withdrawing.erase(withdrawal);
        }
        return;
    }
    auto where = m_where.find(id);
    if (where == m_where.end() || is_counted(state)) {
        return;
    }
    auto& invitations = m_pending[where->second.first][where->second.second];
    std::erase_if(invitations, [id](const Invitation& sent) { return sent.id == id; });
    m_where.erase(where);
}

// Every pending invitation, as the database has them: the invitations sent and answered by no acceptance or
// withdrawal read yet, nor withdrawn by the sender; the answers dated after `now`, to apply when their moment comes;
// and the sender's withdrawals still under way.
void PendingInvitations::load(core::Timestamp now) {
    m_pending.clear();
    m_where.clear();
    m_withdrawing.clear();
    m_later.clear();
    auto& db = m_database.connection();
    // The events read are those up to the highest row id now; any written after are read by the next count.
    m_events_read = query_integer(db, "SELECT coalesce(max(id), 0) FROM events");
    auto moment = core::format_utc(now);
    Statement invitations(
        db, "SELECT c.id, c.sender_id, c.prospect_id, c.enrollment_id, c.at_utc FROM actions c"
            " WHERE c.type = 'connect' AND c.state IN " +
                counted_states() + " AND NOT EXISTS (SELECT 1 FROM " + events_by_prospect(m_database.backend()) +
                " WHERE v.prospect_id = c.prospect_id AND v.sender_id = c.sender_id AND v.type IN " + answer_types() +
                " AND v.occurred_at >= " + since_sent(m_database.backend(), "c.at_utc") +
                " AND v.occurred_at <= ?1 AND v.id <= ?2)"
                " AND NOT EXISTS (SELECT 1 FROM actions w WHERE w.enrollment_id = c.enrollment_id"
                " AND w.type = 'withdraw_invite' AND w.state = 'sent' AND w.at_utc <= ?1)");
    invitations.bind(1, moment);
    invitations.bind(2, m_events_read);
    while (invitations.step()) {
        auto id = invitations.column(0).integer();
        auto sender_id = invitations.column(1).integer();
        auto prospect_id = invitations.column(2).integer();
        m_pending[sender_id][prospect_id].push_back(
            {id, invitations.column(3).integer(), read_time(invitations.column(4))});
        m_where[id] = {sender_id, prospect_id};
    }
    Statement answers(db, "SELECT occurred_at, sender_id, prospect_id FROM events WHERE type IN " + answer_types() +
                              " AND occurred_at > ?1 AND id <= ?2 AND sender_id IS NOT NULL"
                              " AND prospect_id IS NOT NULL");
    answers.bind(1, moment);
    answers.bind(2, m_events_read);
    while (answers.step()) {
        m_later.push_back({read_time(answers.column(0)), answers.column(1).integer(), answers.column(2).integer()});
    }
    Statement withdrawals(db, "SELECT id, state, at_utc, sender_id, prospect_id, enrollment_id FROM actions"
                              " WHERE type = 'withdraw_invite' AND (state IN ('sending', 'in_doubt')"
                              " OR (state = 'sent' AND at_utc > ?1))");
    withdrawals.bind(1, moment);
    while (withdrawals.step()) {
        Answer withdrawal{read_time(withdrawals.column(2)), withdrawals.column(3).integer(),
                          withdrawals.column(4).integer(), withdrawals.column(5).integer()};
        if (read_enum(withdrawals.column(1), core::parse_action_state) == core::ActionState::sent) {
            m_later.push_back(withdrawal);
        } else {
            m_withdrawing[withdrawals.column(0).integer()] = withdrawal;
        }
    }
    std::make_heap(m_later.begin(), m_later.end(), later<Answer>);
    m_now = now;
    m_rollbacks = m_database.rollbacks();
    m_loaded = true;
}

// The acceptances and withdrawals written since the last count, and those waiting for their moment, up to `now`.
void PendingInvitations::read_answers(core::Timestamp now) {
    m_now = now;
    if (!m_new_events) {
        m_new_events = std::make_unique<Statement>(
            m_database.connection(), "SELECT id, type, occurred_at, sender_id, prospect_id FROM events WHERE id > ?1"
                                     " ORDER BY id");
    }
    auto& answers = *m_new_events;
    ResetOnExit reset(answers);
    answers.bind(1, m_events_read);
    while (answers.step()) {
        m_events_read = answers.column(0).integer();
        auto type = read_enum(answers.column(1), core::parse_event_type);
        if ((type != core::EventType::accepted && type != core::EventType::withdrawn) || answers.column(3).is_null() ||
            answers.column(4).is_null()) {
            continue;
        }
        take({read_time(answers.column(2)), answers.column(3).integer(), answers.column(4).integer()});
    }
    while (!m_later.empty() && m_later.front().at <= now) {
        std::pop_heap(m_later.begin(), m_later.end(), later<Answer>);
        apply(m_later.back());
        m_later.pop_back();
    }
}

// An answer applies once its moment has come.
void PendingInvitations::take(const Answer& answer) {
    if (answer.at <= m_now) {
        apply(answer);
    } else {
        m_later.push_back(answer);
        std::push_heap(m_later.begin(), m_later.end(), later<Answer>);
    }
}

// An acceptance or a withdrawal on the gateway answers the sender's invitations to the prospect sent before it, by the
// gateway's clock; the sender's withdrawal ends its enrollment's.
void PendingInvitations::apply(const Answer& answer) {
    auto sender = m_pending.find(answer.sender_id);
    if (sender == m_pending.end()) {
        return;
    }
    auto invitations = sender->second.find(answer.prospect_id);
    if (invitations == sender->second.end()) {
        return;
    }
    std::erase_if(invitations->second, [this, &answer](const Invitation& sent) {
        if (answer.withdrawn ? sent.enrollment_id != answer.withdrawn
                             : answer.at < sent.sent_at - k_gateway_clock_slack) {
            return false;
        }
        m_where.erase(sent.id);
        return true;
    });
}

// Whether an invitation just written is answered already: by an answer applied before it was (one written since, or
// dated later, is applied to it in its turn), or by a withdrawal of its enrollment's.
bool PendingInvitations::answered(const core::Action& invitation) {
    if (!m_answered) {
        m_answered = std::make_unique<Statement>(
            m_database.connection(), "SELECT EXISTS (SELECT 1 FROM " + events_by_prospect(m_database.backend()) +
                                         " WHERE v.prospect_id = ?1 AND v.sender_id = ?2 AND v.type IN " +
                                         answer_types() +
                                         " AND v.occurred_at >= " + since_sent(m_database.backend(), "?3") +
                                         " AND v.occurred_at <= ?4 AND v.id <= ?5)"
                                         " OR EXISTS (SELECT 1 FROM actions w WHERE w.enrollment_id = ?6"
                                         " AND w.type = 'withdraw_invite' AND w.state = 'sent' AND w.at_utc <= ?4)");
    }
    auto& query = *m_answered;
    ResetOnExit reset(query);
    query.bind(1, invitation.prospect_id);
    query.bind(2, invitation.sender_id);
    query.bind(3, core::format_utc(invitation.at_utc));
    query.bind(4, core::format_utc(m_now));
    query.bind(5, m_events_read);
    query.bind(6, invitation.enrollment_id);
    return query.step() && query.column(0).small_integer() != 0;
}

} // namespace campaign::store
