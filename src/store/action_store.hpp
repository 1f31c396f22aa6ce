// The action log: one row per (enrollment, step), written as an intent before the transport is called and
// completed after, so that a crash in between is found and reconciled instead of sent twice.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/enrollment.hpp"
#include "core/event.hpp"
#include "store/database.hpp"

namespace campaign::store {

class PendingInvitations;

// An action as the log prints it, with names instead of row ids.
struct ActionLogRow {
    core::Action action;
    std::string campaign;
    int version = 0;
    std::string sender;
    std::string profile_url;
};

struct ActionLogFilter {
    std::optional<std::string> campaign;
    std::optional<std::string> sender;
};

// The allowances of an account that LinkedIn counts by the month.
enum class MonthlyAllowance {
    notes,   // invitations with a note (a free account's)
    inmails, // InMail credits
};

// A pending invitation whose campaign is done with the prospect: to withdraw once it is pending too long.
struct StaleInvitation {
    core::EnrollmentId enrollment_id = 0;
    std::string campaign;
    core::Timestamp sent_at{};
    std::optional<core::Timestamp> last_tried; // its withdrawal's last failed attempt, when one was made
};

// How far a gateway's clock may be behind the engine's: an acceptance dated up to this much before its invitation
// was sent still answers it.
inline constexpr core::Duration k_gateway_clock_slack = std::chrono::hours{1};

class ActionStore {
public:
    explicit ActionStore(Database& database);
    ~ActionStore();
    ActionStore(const ActionStore&) = delete;
    ActionStore& operator=(const ActionStore&) = delete;

    // Records the intent (state sending). A step tried before and failed is the same row, tried again, under the key
    // the row keeps (a retried rejection has a new one), which `action` is given.
    core::ActionId begin(core::Action& action);
    // The same, for an action of a simulated run written once the transport has answered that it went out: its intent
    // and its outcome in one write (Engine::share_commits).
    core::ActionId begin_sent(core::Action& action, const std::string& response);
    // A step that failed for good says why in `failure`.
    void finish(core::ActionId id, core::ActionState state, const std::string& response, const std::string& error,
                std::optional<core::Failure> failure = std::nullopt);
    // The try just finished does not count towards giving the step up: a rate limit, a gateway out of reach.
    void uncount_attempt(core::ActionId id);
    std::optional<core::Action> find(core::EnrollmentId enrollment_id, const std::string& step);
    std::optional<core::Action> find_by_key(const std::string& idempotency_key);
    std::optional<core::Action> get(core::ActionId id);
    // The action an event of the prospect's with the sender answers when it names none: the latest that went out to
    // them from that sender by the time it happened, in any campaign. An acceptance answers an invitation; a reply
    // answers what carried text (an invitation with or without a note, a message, an InMail).
    std::optional<core::Action> answered_by(core::ProspectId prospect_id, core::RowId sender_id, core::EventType type,
                                            core::Timestamp at);

    // Actions a crash left between intent and outcome.
    std::vector<core::Action> in_flight();
    // A sender's actions that count against its limits (sent, sending or in doubt) since `since`, type by type.
    void for_each_counted(core::RowId sender_id, core::Timestamp since,
                          const std::function<void(core::ActionType, core::Timestamp)>& visit);
    // How many of them of one type the sender has at or after `from` and before `to`.
    int counted_between(core::RowId sender_id, core::ActionType type, core::Timestamp from, core::Timestamp to);
    // When the first of them went out: where a warm-up without a start day counts from.
    std::optional<core::Timestamp> first_counted(core::RowId sender_id);
    // What the sender used of a monthly allowance (invitations with a note, or InMails), sent or in doubt in the
    // local month `month` ("2026-12") of its calendar.
    int used_in_month(core::RowId sender_id, const std::string& month, MonthlyAllowance allowance);
    // The sender's oldest invitation sent at or before `sent_before` that is still pending (neither accepted nor
    // withdrawn since it was sent), to a prospect who never replied to the sender, is not suppressed, erased or merged,
    // whose enrollment is done, and whose withdrawal was not made, is not in doubt, and was not tried `most_attempts`
    // times or refused.
    std::optional<StaleInvitation> stale_invitation(core::RowId sender_id, core::Timestamp sent_before,
                                                    int most_attempts);
    // What the sender's invitations did by `now`: the latest `settled` of those sent at least `settle` before it and
    // how many of them were accepted, and how many of all are pending (neither accepted nor withdrawn).
    core::InvitationRecord invitation_record(core::RowId sender_id, core::Timestamp now, int settled,
                                             core::Duration settle);

    void for_each_logged(const ActionLogFilter& filter, const std::function<void(const ActionLogRow&)>& visit);

private:
    struct Statements;
    core::ActionId write_intent(core::Action& action, core::ActionState state, const std::string& response);

    Database& m_database;
    std::unique_ptr<Statements> m_statements;
    std::unique_ptr<PendingInvitations> m_pending; // the senders' pending invitations, once asked for
};

} // namespace campaign::store
