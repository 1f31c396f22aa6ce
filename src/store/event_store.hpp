// Inbound events, kept once by their id however often they arrive, and applied in the order they happened.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/enrollment.hpp"
#include "core/event.hpp"
#include "store/database.hpp"
#include "store/sender_scope.hpp"

namespace campaign::store {

struct StoredEvent {
    core::RowId id = 0;
    core::Event event;
    std::optional<core::ProspectId> prospect_id;
    std::optional<core::RowId> sender_id;
    std::optional<core::ActionId> action_id; // the action it answers, when known
};

class EventStore {
public:
    explicit EventStore(Database& database);
    ~EventStore();
    EventStore(const EventStore&) = delete;
    EventStore& operator=(const EventStore&) = delete;

    // False when an event with this id was recorded before: it is not recorded again.
    bool record(const core::Event& event, std::optional<core::ProspectId> prospect_id,
                std::optional<core::RowId> sender_id, std::optional<core::ActionId> action_id,
                core::Timestamp received_at);
    // Recorded and not yet applied, in the order they happened, up to `now`: an event a gateway dates later (its
    // clock runs ahead, or a simulated run is behind it) waits until then.
    // Of the scope's senders, when given.
    std::vector<StoredEvent> pending(std::size_t limit, core::Timestamp now, const SenderScope* scope = nullptr);
    // When the first event recorded for after `now` happens.
    std::optional<core::Timestamp> next_pending_after(core::Timestamp now, const SenderScope* scope = nullptr);
    // Applied to the enrollment, credited to the action it answers (unless it named one when it was recorded).
    void mark_applied(core::RowId id, std::optional<core::EnrollmentId> enrollment_id,
                      std::optional<core::ActionId> action_id, core::Timestamp applied_at);

private:
    struct Statements;
    Database& m_database;
    std::unique_ptr<Statements> m_statements;
};

} // namespace campaign::store
