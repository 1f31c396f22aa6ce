// Enrollments: who is in which campaign, where they stand, and the queues the engine takes due work from. Each
// query that picks work reads one index entry, so a tick costs the same with ten thousand enrollments or a million.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/enrollment.hpp"
#include "store/database.hpp"
#include "store/sender_scope.hpp"

namespace campaign::store {

struct QueueHead {
    core::EnrollmentId id = 0;
    core::Timestamp due{};
};

struct EnrollmentCounts {
    std::string campaign;
    std::string sender;
    int enrolled = 0;
    int active = 0;
    int waiting = 0;        // active and waiting on an outcome
    int paused = 0;         // active, and away or asked to be contacted later: nothing due before a moment to come
    int done = 0;           // finished: the whole sequence, or ended by a reply
    int replied = 0;        // replied to one of their actions, whatever their state: as the reply report counts
    int ended_on_reply = 0; // of those done, ended by a reply
    int lost = 0;           // of those, ended by a decline
    int opted_out = 0;
    int failed = 0;
    int stopped = 0;
    std::optional<core::Timestamp> next_due_at;
};

class EnrollmentStore {
public:
    explicit EnrollmentStore(Database& database);
    ~EnrollmentStore();
    EnrollmentStore(const EnrollmentStore&) = delete;
    EnrollmentStore& operator=(const EnrollmentStore&) = delete;

    core::EnrollmentId insert(const core::Enrollment& enrollment);
    // Many at once, in order, as an audience is enrolled: far cheaper by the row than one at a time.
    void insert(const std::vector<core::Enrollment>& enrollments);
    core::Enrollment get(core::EnrollmentId id);
    // Writes the position and state of an enrollment; one that is no longer active is stamped finished at `now`.
    void update(const core::Enrollment& enrollment, core::Timestamp now);
    // The same for an enrollment whose state was `before`: when it is unchanged, only its position is written, which
    // leaves the indexes by state (and the time it finished) alone: most moves of a run are of this kind.
    void update(const core::Enrollment& enrollment, core::EnrollmentState before, core::Timestamp now);

    // When it ended; nothing while it is active.
    std::optional<core::Timestamp> finished_at(core::EnrollmentId id);

    bool is_enrolled(core::RowId campaign_id, core::ProspectId prospect_id);
    // Enrolled and active in a campaign other than `campaign_id`.
    bool active_elsewhere(core::ProspectId prospect_id, core::RowId campaign_id);
    std::optional<core::Enrollment> find(core::RowId campaign_id, core::ProspectId prospect_id);
    // The prospect's active enrollments with a sender, in every campaign: where an event for them lands.
    std::vector<core::Enrollment> active_with(core::ProspectId prospect_id, core::RowId sender_id);
    std::vector<core::EnrollmentId> active_of_prospect(core::ProspectId prospect_id);
    int active_on_other_versions(core::RowId campaign_id, core::RowId version_id);
    bool any_active(const std::vector<core::RowId>& campaign_ids);

    // The earliest enrollment due for an action of `type` by `sender` in a campaign.
    std::optional<QueueHead> queue_head(core::RowId campaign_id, core::RowId sender_id, core::ActionType type);
    // How many enrollments are due for an action of `type` by `sender` in a campaign before `before`, counted up to
    // `at_most`: the day's work a sender plans for.
    int due_before(core::RowId campaign_id, core::RowId sender_id, core::ActionType type, core::Timestamp before,
                   int at_most);
    // The earliest timer of a campaign's waiting enrollments (of the scope's senders, when given).
    std::optional<QueueHead> next_timer(core::RowId campaign_id, const SenderScope* scope = nullptr);

    // As of `now`, which tells who is paused.
    std::vector<EnrollmentCounts> counts(std::optional<core::RowId> campaign_id, core::Timestamp now);

private:
    struct Statements;
    Database& m_database;
    std::unique_ptr<Statements> m_statements;
};

} // namespace campaign::store
