// The engine's working state for one run: the campaign versions it plays and, per sender, its calendar, its
// limit ledger and the queues it serves.
#pragma once

#include "engine/engine.hpp"
#include "schedule/sequence.hpp"

namespace campaign::engine {

struct Engine::CampaignRuntime {
    core::Campaign campaign;
    core::RowId campaign_id = 0;
    core::RowId version_id = 0;
    int version = 0;
    bool current = false; // the version of the file this run was given
    bool played = false;  // of a campaign this run plays; the others are known only to apply their events
};

// What a sender used of a monthly allowance in one of its local months.
struct MonthlyUse {
    std::string month; // "2026-12"
    int used = 0;
    std::set<std::string> warned; // what was said to happen once it ran out, this month
};

struct Engine::SenderRuntime {
    explicit SenderRuntime(const core::Sender& sender_definition)
        : definition(sender_definition), sender(sender_definition), calendar(sender), ledger(calendar) {}

    core::Sender definition; // as the campaign file gives it, to load the sender again from
    core::Sender sender;     // with what the database adds: its experiments' days off, its first action's day
    core::RowId id = 0;
    schedule::SenderCalendar calendar;
    schedule::SenderLedger ledger;
    bool paused = false;
    bool owned = true; // this runner acts for it: always, but for one of several runners without its lease
    std::optional<core::Timestamp> held_until;              // a gateway's rate limit: none of its actions go before
    std::map<core::ActionType, core::Timestamp> held_types; // a limit of its account: none of that type go before
    std::vector<QueueKey> queues;
    std::optional<core::Timestamp> next_slot;      // when its next action can go, as last computed
    std::optional<schedule::LocalDay> planned_day; // the last day whose work was planned
    bool dirty = true;                             // a queue of its changed since: next_slot must be computed again
    bool answers = true;                  // it may have answers from the inbox waiting: looked for until none is
    int health_cap = -1;                  // the invitation cap the run last said, -1 for none
    std::set<std::string> unshared_zones; // of prospects whose hours never meet its own, said once a run
    // Its invitations with a note and its InMails in a local month, against their monthly allowances.
    MonthlyUse notes;
    MonthlyUse inmails;
    // Its oldest pending invitation that withdraw_invitations_after withdraws in time, as last looked for: at the
    // start of each of its days, when one of its enrollments is done, and after each withdrawal.
    std::optional<store::StaleInvitation> stale;
    bool stale_looked = false;
    // Withdrawals that failed in this run, by enrollment, and the moment each is to be tried again (one failed in an
    // earlier run waits the default retry after its last attempt).
    std::map<core::EnrollmentId, core::Timestamp> withdrawal_retries;

    // The earliest its next action of the type may go, by a limit of its account.
    core::Timestamp not_before(core::ActionType type, core::Timestamp when) const {
        auto held = held_types.find(type);
        return held == held_types.end() ? when : std::max(when, held->second);
    }

    // An action that counts against its limits went out: recorded, the gap after it begun, and a warm-up that
    // counts from the first action started.
    void counted(core::ActionType type, core::Timestamp at, core::Random& random) {
        ledger.record(type, at);
        ledger.pace(at, sender.pacing, random);
        if (sender.warmup && !sender.first_action_day) {
            sender.first_action_day = calendar.local_day(at);
        }
    }
};

// Fields of an enrollment that place it at a position of its campaign's graph.
void place(core::Enrollment& enrollment, const schedule::Position& position, const core::Campaign& campaign,
           core::Timestamp now);

} // namespace campaign::engine
