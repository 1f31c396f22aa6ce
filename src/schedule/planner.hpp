// When a sender's next action of a type may go: the earliest moment, from when it is due, that is inside working
// hours, past the pacing gap, under the day's and the week's limits, and not before its turn in the day's spread.
// What cannot go now is moved, never dropped.
//
// The spread is how a person works through a day: the day's actions of a type are shared out evenly over the
// working hours, and each goes at a random moment of its own share, never all at the opening minute. A day is shared
// out by the plan the engine makes for it (what was sent and what is due that day, up to the limit), or without a
// plan by the day's limit. Plans and random moments are the same on every run of the day, so that a restart or a run
// with --once every few minutes keeps to the same spread.
#pragma once

#include <optional>

#include "core/campaign.hpp"
#include "schedule/calendar.hpp"
#include "schedule/ledger.hpp"

namespace campaign::schedule {

// The earliest moment the next action of the type may go on `when`'s day by the day's spread; nothing when the
// spread does not hold it back (more work came than the day was planned for).
std::optional<core::Timestamp> release_time(const core::Sender& sender, const SenderCalendar& calendar,
                                            const SenderLedger& ledger, core::ActionType type, core::Timestamp when);

// Nothing when the sender may never take this action (its limit for the type is 0, or it has no InMail credits). A
// campaign's step waits past the off days of the sender's experiments (`follow_experiments`); an answer a person
// wrote from the inbox does not.
std::optional<core::Timestamp> earliest_slot(const core::Sender& sender, const SenderCalendar& calendar,
                                             const SenderLedger& ledger, core::ActionType type, core::Timestamp due,
                                             bool follow_experiments = true);

// Which of a sender's due actions goes first when several could go at once: follow-ups before new touches, so that
// prospects already in a sequence move on while a large audience is still being started. Lower goes first.
int precedence(core::ActionType type);

} // namespace campaign::schedule
