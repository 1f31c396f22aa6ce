#include "store/enrollment_store.hpp"

#include "store/answered_action.hpp"
#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

constexpr const char* k_columns = "id, campaign_id, campaign_version_id, prospect_id, sender_id, state, current_step, "
                                  "due_action, next_due_at, waiting_since, enrolled_at, paused_until";

core::Enrollment read_enrollment(Statement& row) {
    core::Enrollment enrollment;
    enrollment.id = row.column(0).integer();
    enrollment.campaign_id = row.column(1).integer();
    enrollment.version_id = row.column(2).integer();
    enrollment.prospect_id = row.column(3).integer();
    enrollment.sender_id = row.column(4).integer();
    enrollment.state = read_enum(row.column(5), core::parse_enrollment_state);
    enrollment.current_step = row.column(6).is_null() ? "" : row.column(6).text();
    enrollment.due_action = read_optional_enum(row.column(7), core::parse_action_type);
    enrollment.next_due_at = read_optional_time(row.column(8));
    enrollment.waiting_since = read_optional_time(row.column(9));
    enrollment.enrolled_at = read_time(row.column(10));
    enrollment.paused_until = read_optional_time(row.column(11));
    return enrollment;
}

std::optional<QueueHead> read_head(Statement& query) {
    ResetOnExit reset(query);
    std::optional<QueueHead> head;
    if (query.step()) {
        head = QueueHead{query.column(0).integer(), read_time(query.column(1))};
    }
    return head;
}

std::string next_timer_sql(const std::string& condition) {
    return "SELECT id, next_due_at FROM enrollments WHERE campaign_id = ? AND due_action IS NULL"
           " AND next_due_at IS NOT NULL" +
           condition + " ORDER BY next_due_at, id LIMIT 1";
}

constexpr int k_insert_columns = 11;
// The enrollments one statement inserts at most: a statement's start and end (with the tally trigger, a journal of
// the pages it changes) cost several times what a row does.
constexpr std::size_t k_enrollments_per_statement = 64;

// Inserts COUNT enrollments, their columns bound in the order bind_insert() binds them.
std::string insert_sql(std::size_t count) {
    std::string sql = "INSERT INTO enrollments (campaign_id, campaign_version_id, prospect_id, sender_id, state,"
                      " current_step, due_action, next_due_at, waiting_since, enrolled_at, paused_until) VALUES ";
    for (std::size_t i = 0; i < count; ++i) {
        sql += i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }
    return sql;
}

// Binds an enrollment's columns from parameter `first` on.
void bind_insert(Statement& insert, int first, const core::Enrollment& enrollment) {
    insert.bind(first, enrollment.campaign_id);
    insert.bind(first + 1, enrollment.version_id);
    insert.bind(first + 2, enrollment.prospect_id);
    insert.bind(first + 3, enrollment.sender_id);
    insert.bind(first + 4, std::string(core::to_string(enrollment.state)));
    bind_optional_text(insert, first + 5, enrollment.current_step);
    bind_optional_text(insert, first + 6,
                       enrollment.due_action ? std::string(core::to_string(*enrollment.due_action)) : "");
    bind_optional_time(insert, first + 7, enrollment.next_due_at);
    bind_optional_time(insert, first + 8, enrollment.waiting_since);
    insert.bind(first + 9, core::format_utc(enrollment.enrolled_at));
    bind_optional_time(insert, first + 10, enrollment.paused_until);
}

} // namespace

struct EnrollmentStore::Statements {
    explicit Statements(Connection& db)
        : get(db, std::string("SELECT ") + k_columns + " FROM enrollments WHERE id = ?"),
          update(db, "UPDATE enrollments SET state = ?, current_step = ?, due_action = ?, next_due_at = ?,"
                     " waiting_since = ?, finished_at = CASE WHEN ? = 'active' THEN NULL ELSE ? END, paused_until = ?"
                     " WHERE id = ?"),
          move(db, "UPDATE enrollments SET current_step = ?, due_action = ?, next_due_at = ?, waiting_since = ?,"
                   " paused_until = ? WHERE id = ?"),
          queue_head(db, "SELECT id, next_due_at FROM enrollments WHERE campaign_id = ? AND sender_id = ?"
                         " AND due_action = ? AND next_due_at IS NOT NULL ORDER BY next_due_at, id LIMIT 1"),
          // Through the queue index, and no further than the count that matters.
          due_before(db, "SELECT count(*) FROM (SELECT 1 FROM enrollments WHERE campaign_id = ? AND sender_id = ?"
                         " AND due_action = ? AND next_due_at IS NOT NULL AND next_due_at < ? LIMIT ?) AS due"),
          next_timer(db, next_timer_sql("")),
          find(db, std::string("SELECT ") + k_columns + " FROM enrollments WHERE campaign_id = ? AND prospect_id = ?"),
          active_elsewhere(db, "SELECT 1 FROM enrollments WHERE prospect_id = ? AND state = 'active'"
                               " AND campaign_id <> ? LIMIT 1"),
          active_with(db, std::string("SELECT ") + k_columns +
                              " FROM enrollments WHERE prospect_id = ? AND state = 'active' AND sender_id = ?"
                              " ORDER BY id"),
          insert(db, insert_sql(1) + " RETURNING id"), insert_many(db, insert_sql) {}

    Statement get;
    Statement update;
    Statement move;
    Statement queue_head;
    Statement due_before;
    Statement next_timer;
    // Enrolling an audience asks these once per prospect.
    Statement find;
    Statement active_elsewhere;
    Statement active_with; // once per event
    Statement insert;
    StatementsByCount insert_many;
};

EnrollmentStore::EnrollmentStore(Database& database)
    : m_database(database), m_statements(std::make_unique<Statements>(database.connection())) {}

EnrollmentStore::~EnrollmentStore() = default;

core::EnrollmentId EnrollmentStore::insert(const core::Enrollment& enrollment) {
    auto& insert = m_statements->insert;
    ResetOnExit reset(insert);
    bind_insert(insert, 1, enrollment);
    return insert.insert();
}

void EnrollmentStore::insert(const std::vector<core::Enrollment>& enrollments) {
    for (std::size_t start = 0; start < enrollments.size(); start += k_enrollments_per_statement) {
        auto count = std::min(k_enrollments_per_statement, enrollments.size() - start);
        auto& insert = m_statements->insert_many.writing(count);
        ResetOnExit reset(insert);
        for (std::size_t i = 0; i < count; ++i) {
            bind_insert(insert, static_cast<int>(i * k_insert_columns + 1), enrollments[start + i]);
        }
        insert.run();
    }
}

core::Enrollment EnrollmentStore::get(core::EnrollmentId id) {
    auto& query = m_statements->get;
    ResetOnExit reset(query);
    query.bind(1, id);
    if (!query.step()) {
        throw std::logic_error("no enrollment " + std::to_string(id));
    }
    return read_enrollment(query);
}

void EnrollmentStore::update(const core::Enrollment& enrollment, core::EnrollmentState before, core::Timestamp now) {
    if (enrollment.state != before) {
        update(enrollment, now);
        return;
    }
    auto& move = m_statements->move;
    ResetOnExit reset(move);
    bind_optional_text(move, 1, enrollment.current_step);
    bind_optional_text(move, 2, enrollment.due_action ? std::string(core::to_string(*enrollment.due_action)) : "");
    bind_optional_time(move, 3, enrollment.next_due_at);
    bind_optional_time(move, 4, enrollment.waiting_since);
    bind_optional_time(move, 5, enrollment.paused_until);
    move.bind(6, enrollment.id);
    move.run();
}

void EnrollmentStore::update(const core::Enrollment& enrollment, core::Timestamp now) {
    auto& update = m_statements->update;
    ResetOnExit reset(update);
    auto state = std::string(core::to_string(enrollment.state));
    update.bind(1, state);
    bind_optional_text(update, 2, enrollment.current_step);
    bind_optional_text(update, 3, enrollment.due_action ? std::string(core::to_string(*enrollment.due_action)) : "");
    bind_optional_time(update, 4, enrollment.next_due_at);
    bind_optional_time(update, 5, enrollment.waiting_since);
    update.bind(6, state);
    update.bind(7, core::format_utc(now));
    bind_optional_time(update, 8, enrollment.paused_until);
    update.bind(9, enrollment.id);
    update.run();
}

std::optional<core::Timestamp> EnrollmentStore::finished_at(core::EnrollmentId id) {
    Statement query(m_database.connection(), "SELECT finished_at FROM enrollments WHERE id = ?");
    query.bind(1, id);
    return query.step() ? read_optional_time(query.column(0)) : std::nullopt;
}

bool EnrollmentStore::is_enrolled(core::RowId campaign_id, core::ProspectId prospect_id) {
    return find(campaign_id, prospect_id).has_value();
}

bool EnrollmentStore::active_elsewhere(core::ProspectId prospect_id, core::RowId campaign_id) {
    auto& query = m_statements->active_elsewhere;
    ResetOnExit reset(query);
    query.bind(1, prospect_id);
    query.bind(2, campaign_id);
    return query.step();
}

std::optional<core::Enrollment> EnrollmentStore::find(core::RowId campaign_id, core::ProspectId prospect_id) {
    auto& query = m_statements->find;
    ResetOnExit reset(query);
    query.bind(1, campaign_id);
    query.bind(2, prospect_id);
    std::optional<core::Enrollment> found;
    if (query.step()) {
        found = read_enrollment(query);
    }
    return found;
}

std::vector<core::Enrollment> EnrollmentStore::active_with(core::ProspectId prospect_id, core::RowId sender_id) {
    auto& query = m_statements->active_with;
    ResetOnExit reset(query);
    query.bind(1, prospect_id);
    query.bind(2, sender_id);
    std::vector<core::Enrollment> result;
    while (query.step()) {
        result.push_back(read_enrollment(query));
    }
    return result;
}

std::vector<core::EnrollmentId> EnrollmentStore::active_of_prospect(core::ProspectId prospect_id) {
    Statement query(m_database.connection(),
                    "SELECT id FROM enrollments WHERE prospect_id = ? AND state = 'active' ORDER BY id");
    query.bind(1, prospect_id);
    std::vector<core::EnrollmentId> result;
    while (query.step()) {
        result.push_back(query.column(0).integer());
    }
    return result;
}

int EnrollmentStore::active_on_other_versions(core::RowId campaign_id, core::RowId version_id) {
    Statement query(m_database.connection(), "SELECT count(*) FROM enrollments WHERE campaign_id = ?"
                                             " AND campaign_version_id <> ? AND state = 'active'");
    query.bind(1, campaign_id);
    query.bind(2, version_id);
    query.step();
    return query.column(0).small_integer();
}

bool EnrollmentStore::any_active(const std::vector<core::RowId>& campaign_ids) {
    Statement query(m_database.connection(),
                    "SELECT 1 FROM enrollments WHERE campaign_id = ? AND state = 'active' LIMIT 1");
    for (auto id : campaign_ids) {
        query.bind(1, id);
        if (query.step()) {
            return true;
        }
        query.reset();
    }
    return false;
}

std::optional<QueueHead> EnrollmentStore::queue_head(core::RowId campaign_id, core::RowId sender_id,
                                                     core::ActionType type) {
    auto& query = m_statements->queue_head;
    query.bind(1, campaign_id);
    query.bind(2, sender_id);
    query.bind(3, std::string(core::to_string(type)));
    return read_head(query);
}

int EnrollmentStore::due_before(core::RowId campaign_id, core::RowId sender_id, core::ActionType type,
                                core::Timestamp before, int at_most) {
    auto& query = m_statements->due_before;
    ResetOnExit reset(query);
    query.bind(1, campaign_id);
    query.bind(2, sender_id);
    query.bind(3, std::string(core::to_string(type)));
    query.bind(4, core::format_utc(before));
    query.bind(5, at_most);
    query.step();
    return query.column(0).small_integer();
}

std::optional<QueueHead> EnrollmentStore::next_timer(core::RowId campaign_id, const SenderScope* scope) {
    if (scope != nullptr) {
        Statement query(m_database.connection(), next_timer_sql(" AND " + condition_of(*scope, "sender_id")));
        query.bind(1, campaign_id);
        return read_head(query);
    }
    auto& query = m_statements->next_timer;
    query.bind(1, campaign_id);
    return read_head(query);
}

std::vector<EnrollmentCounts> EnrollmentStore::counts(std::optional<core::RowId> campaign_id, core::Timestamp now) {
    // Who replied is who the reply report counts: enrollments with a reply credited to one of their actions, whether
    // the reply ended the enrollment or came after it was over. An away notice is no reply.
    Statement query(
        m_database.connection(),
        std::string("WITH replied AS (SELECT DISTINCT a.enrollment_id FROM (SELECT ") + k_answered_action +
            " AS action_id FROM events e WHERE e.type IN ('replied', 'opted_out') AND NOT EXISTS (SELECT 1 FROM"
            " replies c WHERE c.event_id = e.id AND c.class = 'out_of_office')) r"
            " JOIN actions a ON a.id = r.action_id WHERE a.state = 'sent')"
            " SELECT c.name, s.name, count(*),"
            " sum(CASE WHEN e.state = 'active' THEN 1 ELSE 0 END),"
            " sum(CASE WHEN e.state = 'active' AND e.waiting_since IS NOT NULL AND e.due_action IS NULL"
            " THEN 1 ELSE 0 END),"
            " sum(CASE WHEN e.state = 'active' AND e.paused_until > ?2 THEN 1 ELSE 0 END),"
            " sum(CASE WHEN e.state IN ('done', 'replied', 'lost') THEN 1 ELSE 0 END),"
            " sum(CASE WHEN e.id IN (SELECT enrollment_id FROM replied) THEN 1 ELSE 0 END),"
            " sum(CASE WHEN e.state IN ('replied', 'lost') THEN 1 ELSE 0 END),"
            " sum(CASE WHEN e.state = 'lost' THEN 1 ELSE 0 END), sum(CASE WHEN e.state = 'opted_out' THEN 1 ELSE 0 "
            "END),"
            " sum(CASE WHEN e.state = 'failed' THEN 1 ELSE 0 END), sum(CASE WHEN e.state = 'stopped' THEN 1 ELSE 0 "
            "END),"
            " min(CASE WHEN e.state = 'active' THEN e.next_due_at END)"
            " FROM enrollments e JOIN campaigns c ON c.id = e.campaign_id JOIN senders s ON s.id = e.sender_id"
            " WHERE CAST(?1 AS BIGINT) IS NULL OR e.campaign_id = ?1 GROUP BY c.name, s.name ORDER BY c.name, s.name");
    if (campaign_id) {
        query.bind(1, *campaign_id);
    }
    query.bind(2, core::format_utc(now));
    std::vector<EnrollmentCounts> result;
    while (query.step()) {
        EnrollmentCounts row;
        row.campaign = query.column(0).text();
        row.sender = query.column(1).text();
        int* counts[] = {&row.enrolled,       &row.active, &row.waiting,   &row.paused, &row.done,   &row.replied,
                         &row.ended_on_reply, &row.lost,   &row.opted_out, &row.failed, &row.stopped};
        for (int i = 0; i < 11; ++i) {
            *counts[i] = query.column(2 + i).small_integer();
        }
        row.next_due_at = read_optional_time(query.column(13));
        result.push_back(row);
    }
    return result;
}

} // namespace campaign::store
