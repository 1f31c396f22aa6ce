// A sequence paused while the prospect is away (an out-of-office notice) or until the time they asked to be contacted
// again ("try me in Q2"), and how it goes on afterwards. Pure functions, on the sender's calendar.
#pragma once

#include <optional>

#include "core/time.hpp"
#include "schedule/calendar.hpp"

namespace campaign::schedule {

// When a pause that began at `at` ends: the start of the day the reply named in the sender's calendar (the first day
// back), or of the local day `fallback` after `at` when it named none.
core::Timestamp resume_moment(const SenderCalendar& calendar, std::optional<core::Day> until, core::Duration fallback,
                              core::Timestamp at);

// Where a moment that was due lands after a pause from `paused_at` to `resume`: as many local days later as the pause
// lasted, at the same time on the wall clock (a follow-up due at 10:00 stays at 10:00 across a daylight-saving
// change), and never before the pause ends.
core::Timestamp after_pause(const SenderCalendar& calendar, core::Timestamp due, core::Timestamp paused_at,
                            core::Timestamp resume);

} // namespace campaign::schedule
