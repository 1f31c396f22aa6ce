// What a sender has used of its limits: actions per type and local day, invitations over the last seven days, when
// the pacing gap after its last action ends, and how the day's work of each type is spread over its working hours.
// One ledger per sender, shared by every campaign that uses it.
#pragma once

#include <deque>
#include <map>
#include <utility>

#include "core/campaign.hpp"
#include "core/random.hpp"
#include "schedule/calendar.hpp"

namespace campaign::schedule {

inline constexpr core::Duration k_invitation_window = std::chrono::days{7};

// How a day's actions of one type are spread: the working hours are shared out evenly among `count` of them, and
// each goes at a random moment of its own share.
struct DayPlan {
    int count = 0;
};

class SenderLedger {
public:
    explicit SenderLedger(const SenderCalendar& calendar) : m_calendar(calendar) {}

    // An action that went out (or may have: in doubt counts), in any order.
    void record(core::ActionType type, core::Timestamp at);
    // After an action at `at`, the next waits the sender's minimum gap plus a random part of its jitter.
    void pace(core::Timestamp at, const core::Pacing& pacing, core::Random& random);

    int used_on_day(core::ActionType type, core::Timestamp when) const;
    // Invitations in the seven days up to `when` (after when - 7 days, up to and including when).
    int invitations_in_week(core::Timestamp when) const;
    // The moment the invitations of the week up to `when` drop below `limit`.
    core::Timestamp invitations_below(int limit, core::Timestamp when) const;
    core::Timestamp next_free_at() const { return m_next_free_at; }

    void plan(core::ActionType type, LocalDay day, const DayPlan& plan);
    // The plan made for the day, if any.
    const DayPlan* plan_of(core::ActionType type, LocalDay day) const;

private:
    const SenderCalendar& m_calendar;
    std::map<std::pair<LocalDay, core::ActionType>, int> m_per_day;
    std::map<std::pair<LocalDay, core::ActionType>, DayPlan> m_plans;
    std::deque<core::Timestamp> m_invitations; // sorted
    core::Timestamp m_next_free_at{};
};

} // namespace campaign::schedule
