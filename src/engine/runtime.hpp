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

struct Engine::SenderRuntime {
    explicit SenderRuntime(const core::Sender& definition) : sender(definition), calendar(sender), ledger(calendar) {}

    core::Sender sender;
    core::RowId id = 0;
    schedule::SenderCalendar calendar;
    schedule::SenderLedger ledger;
    bool paused = false;
    std::optional<core::Timestamp> held_until; // a gateway's rate limit: none of its actions go before
    std::vector<QueueKey> queues;
    std::optional<core::Timestamp> next_slot;      // when its next action can go, as last computed
    std::optional<schedule::LocalDay> planned_day; // the last day whose work was planned
    bool dirty = true;                             // a queue of its changed since: next_slot must be computed again
    bool answers = true; // it may have answers from the inbox waiting: looked for until none is
    int health_cap = -1; // the invitation cap the run last said, -1 for none
    // Its invitations with a note in a local month ("2026-12"), against a monthly allowance.
    std::string notes_month;
    int notes_used = 0;
    bool notes_warned = false; // that they ran out, this month

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
