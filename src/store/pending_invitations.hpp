// The senders' pending invitations, kept in memory for the health governor, which asks every sender's count every day
// of a run: counted afresh, that is a scan of the sender's whole history of invitations, each looked up against the
// events and the withdrawals; kept, it is the invitations that are still pending, brought up to date with what was
// written since.
//
// For ActionStore alone, which tells it of every invitation and withdrawal it writes; events, which other programs
// record too (`campaign serve`), are read from the database by their row ids, in the order they were written. The
// copy is read again from the database when a transaction of the connection was rolled back, since the writes it
// was told of may have been undone, when another connection committed writes (an action settled by `campaign actions
// resolve`), and when asked about a moment before the last one asked about.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/campaign.hpp"
#include "core/enrollment.hpp"
#include "store/database.hpp"

namespace campaign::store {

class Connection;
class Statement;

class PendingInvitations {
public:
    explicit PendingInvitations(Database& database);
    ~PendingInvitations();
    PendingInvitations(const PendingInvitations&) = delete;
    PendingInvitations& operator=(const PendingInvitations&) = delete;

    // How many of the sender's invitations were sent (or may have been) by `now` and are neither accepted nor
    // withdrawn by then: the rule of ActionStore::invitation_record.
    int count(core::RowId sender_id, core::Timestamp now);

    // What ActionStore wrote: an action in `state`, and an action that now is in `state`.
    void written(const core::Action& action, core::ActionId id, core::ActionState state);
    void settled(core::ActionId id, core::ActionState state);

private:
    struct Invitation {
        core::ActionId id = 0;
        core::EnrollmentId enrollment_id = 0;
        core::Timestamp sent_at{};
    };
    // An acceptance or a withdrawal on the gateway, which answers the sender's invitations to the prospect, or the
    // sender's own withdrawal, which ends its enrollment's; kept until the moment it is dated.
    struct Answer {
        core::Timestamp at{};
        core::RowId sender_id = 0;
        core::ProspectId prospect_id = 0;
        core::EnrollmentId withdrawn = 0; // the enrollment of a withdraw_invite; 0 for the gateway's events
    };
    using ByProspect = std::unordered_map<core::ProspectId, std::vector<Invitation>>;

    std::optional<std::int64_t> others_commits();
    void load(core::Timestamp now);
    void read_answers(core::Timestamp now);
    void take(const Answer& answer);
    void apply(const Answer& answer);
    bool answered(const core::Action& invitation);

    Database& m_database;
    std::unique_ptr<Statement> m_new_events; // kept for the next count
    std::unique_ptr<Statement> m_answered;   // kept for the next invitation
    bool m_loaded = false;
    std::uint64_t m_rollbacks = 0;                         // the connection's count when the copy was read
    std::optional<std::int64_t> m_others;                  // other connections' commits then (SQLite's data_version)
    core::Timestamp m_now{};                               // the latest moment asked about
    std::int64_t m_events_read = 0;                        // the highest row id of the events read
    std::unordered_map<core::RowId, ByProspect> m_pending; // by sender
    std::unordered_map<core::ActionId, std::pair<core::RowId, core::ProspectId>> m_where; // each one's sender, prospect
    std::unordered_map<core::ActionId, Answer> m_withdrawing; // withdrawals written and not yet sent or failed
    std::vector<Answer> m_later;                              // answers dated after m_now, soonest first (a heap)
};

} // namespace campaign::store
