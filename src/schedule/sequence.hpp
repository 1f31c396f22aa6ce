// Where an enrollment stands in its campaign's graph of steps and where it moves: after its action went out, when
// the prospect accepted or replied, or when a "not accepted within" or "no reply within" timer ran out. Pure
// functions: the engine stores the position and applies them.
#pragma once

#include <optional>
#include <string>

#include "core/campaign.hpp"
#include "core/time.hpp"

namespace campaign::schedule {

struct Position {
    std::string step;                   // k_end_step when the campaign is over for the prospect
    bool waiting = false;               // the step's action went out; the enrollment waits on an outcome
    std::optional<core::Timestamp> due; // the action's due time, or when a timer runs out; none: waits for an event

    bool finished() const { return step == core::k_end_step; }
};

// Entering a step at `from`: its action is due after the step's delay.
Position enter(const core::Campaign& campaign, const std::string& step_id, core::Timestamp from);
Position start(const core::Campaign& campaign, core::Timestamp enrolled_at);

// After the step's action went out at `sent_at`: wait on its branches, or go on to its successor.
Position after_action(const core::Campaign& campaign, const core::Step& step, core::Timestamp sent_at);

// The branch taken when the prospect accepted or replied at `at` while the enrollment waits on `step`; nothing when
// the step does not branch on that outcome.
std::optional<Position> on_outcome(const core::Campaign& campaign, const core::Step& step, core::Outcome outcome,
                                   core::Timestamp at);

// The "replied" branch a reply of `reply_class` takes at `step`: the one for its class, or else the one for every
// reply, except that a decline takes only a branch of its own (a campaign that thanks every reply does not write
// again to someone who said no); nothing when there is none.
const core::Branch* reply_branch(const core::Step& step, core::ReplyClass reply_class);

// Where an enrollment goes when the prospect did what a waiting step has no branch for (accepted an invitation whose
// step only has a "not accepted" timer): the timer no longer applies, so on to the step's `next`, or the end.
Position past_branches(const core::Campaign& campaign, const core::Step& step, core::Timestamp at);

// The branch taken when the waiting step's timer ran out at `at` (the shortest "within" comes first).
Position on_timeout(const core::Campaign& campaign, const core::Step& step, core::Timestamp at);

} // namespace campaign::schedule
