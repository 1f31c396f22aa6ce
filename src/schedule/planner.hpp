// When a sender's next action of a type may go: the earliest moment, from when it is due, that is inside working
// hours, past the pacing gap, and under the day's and the week's limits. What cannot go now is moved, never dropped.
#pragma once

#include <optional>

#include "core/campaign.hpp"
#include "schedule/calendar.hpp"
#include "schedule/ledger.hpp"

namespace campaign::schedule {

// Nothing when the sender may never take this action (its limit for the type is 0).
std::optional<core::Timestamp> earliest_slot(const core::Sender& sender, const SenderCalendar& calendar,
                                             const SenderLedger& ledger, core::ActionType type, core::Timestamp due);

// Which of a sender's due actions goes first when several could go at once: follow-ups before new touches, so that
// prospects already in a sequence move on while a large audience is still being started. Lower goes first.
int precedence(core::ActionType type);

} // namespace campaign::schedule
