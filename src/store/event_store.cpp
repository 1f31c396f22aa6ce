#include "store/event_store.hpp"

#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

std::string pending_sql(const std::string& condition) {
    return "SELECT id, external_id, type, prospect_id, sender_id, occurred_at, text, profile_url, sender, action_id"
           " FROM events WHERE applied_at IS NULL AND occurred_at <= ?" +
           condition + " ORDER BY occurred_at, id LIMIT ?";
}

std::string next_pending_sql(const std::string& condition) {
    return "SELECT min(occurred_at) FROM events WHERE applied_at IS NULL AND occurred_at > ?" + condition;
}

std::string scoped(const SenderScope& scope) {
    return " AND " + condition_of(scope, "sender_id");
}

} // namespace

// A run asks for pending events after each poll that brought any, and applies them one by one.
struct EventStore::Statements {
    explicit Statements(Connection& db)
        : record(db, "INSERT INTO events (external_id, type, prospect_id, sender_id, occurred_at, received_at, text,"
                     " profile_url, sender, action_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                     " ON CONFLICT (external_id) DO NOTHING"),
          pending(db, pending_sql("")), next_pending(db, next_pending_sql("")),
          mark_applied(db, "UPDATE events SET applied_at = ?, enrollment_id = ?, action_id = COALESCE(action_id, ?)"
                           " WHERE id = ?") {}

    Statement record;
    Statement pending;
    Statement next_pending;
    Statement mark_applied;
};

EventStore::EventStore(Database& database)
    : m_database(database), m_statements(std::make_unique<Statements>(database.connection())) {}

EventStore::~EventStore() = default;

bool EventStore::record(const core::Event& event, std::optional<core::ProspectId> prospect_id,
                        std::optional<core::RowId> sender_id, std::optional<core::ActionId> action_id,
                        core::Timestamp received_at) {
    auto& insert = m_statements->record;
    ResetOnExit reset(insert);
    insert.clear_bindings();
    insert.bind(1, event.id);
    insert.bind(2, std::string(core::to_string(event.type)));
    if (prospect_id) {
        insert.bind(3, *prospect_id);
    }
    if (sender_id) {
        insert.bind(4, *sender_id);
    }
    insert.bind(5, core::format_utc(event.at));
    insert.bind(6, core::format_utc(received_at));
    bind_optional_text(insert, 7, event.text);
    bind_optional_text(insert, 8, event.profile_url);
    bind_optional_text(insert, 9, event.sender);
    if (action_id) {
        insert.bind(10, *action_id);
    }
    return insert.run() > 0;
}

std::vector<StoredEvent> EventStore::pending(std::size_t limit, core::Timestamp now, const SenderScope* scope) {
    std::optional<Statement> own;
    if (scope != nullptr) {
        own.emplace(m_database.connection(), pending_sql(scoped(*scope)));
    }
    auto& query = own ? *own : m_statements->pending;
    ResetOnExit reset(query);
    query.bind(1, core::format_utc(now));
    query.bind(2, static_cast<std::int64_t>(limit));
    std::vector<StoredEvent> result;
    while (query.step()) {
        StoredEvent stored;
        stored.id = query.column(0).integer();
        stored.event.id = query.column(1).text();
        stored.event.type = read_enum(query.column(2), core::parse_event_type);
        if (!query.column(3).is_null()) {
            stored.prospect_id = query.column(3).integer();
        }
        if (!query.column(4).is_null()) {
            stored.sender_id = query.column(4).integer();
        }
        stored.event.at = read_time(query.column(5));
        stored.event.text = query.column(6).is_null() ? "" : query.column(6).text();
        stored.event.profile_url = query.column(7).is_null() ? "" : query.column(7).text();
        stored.event.sender = query.column(8).is_null() ? "" : query.column(8).text();
        if (!query.column(9).is_null()) {
            stored.action_id = query.column(9).integer();
        }
        result.push_back(std::move(stored));
    }
    return result;
}

std::optional<core::Timestamp> EventStore::next_pending_after(core::Timestamp now, const SenderScope* scope) {
    std::optional<Statement> own;
    if (scope != nullptr) {
        own.emplace(m_database.connection(), next_pending_sql(scoped(*scope)));
    }
    auto& query = own ? *own : m_statements->next_pending;
    ResetOnExit reset(query);
    query.bind(1, core::format_utc(now));
    query.step();
    return query.column(0).is_null() ? std::nullopt : std::optional<core::Timestamp>(read_time(query.column(0)));
}

void EventStore::mark_applied(core::RowId id, std::optional<core::EnrollmentId> enrollment_id,
                              std::optional<core::ActionId> action_id, core::Timestamp applied_at) {
    auto& update = m_statements->mark_applied;
    ResetOnExit reset(update);
    update.clear_bindings();
    update.bind(1, core::format_utc(applied_at));
    if (enrollment_id) {
        update.bind(2, *enrollment_id);
    }
    if (action_id) {
        update.bind(3, *action_id);
    }
    update.bind(4, id);
    update.run();
}

} // namespace campaign::store
