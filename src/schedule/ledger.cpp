#include "schedule/ledger.hpp"

#include <algorithm>

namespace campaign::schedule {

void SenderLedger::record(core::ActionType type, core::Timestamp at) {
    ++m_per_day[{m_calendar.local_day(at), type}];
    if (type == core::ActionType::connect) {
        m_invitations.insert(std::upper_bound(m_invitations.begin(), m_invitations.end(), at), at);
    }
    // Days and invitations that can no longer count against a limit are let go, so a long run stays small.
    auto horizon = at - k_invitation_window - std::chrono::days{2};
    while (!m_invitations.empty() && m_invitations.front() < horizon) {
        m_invitations.pop_front();
    }
    auto old_day = m_calendar.local_day(horizon);
    m_per_day.erase(m_per_day.begin(), m_per_day.lower_bound({old_day, core::ActionType::view_profile}));
    m_plans.erase(m_plans.begin(), m_plans.lower_bound({old_day, core::ActionType::view_profile}));
}

void SenderLedger::plan(core::ActionType type, LocalDay day, const DayPlan& plan) {
    m_plans[{day, type}] = plan;
}

const DayPlan* SenderLedger::plan_of(core::ActionType type, LocalDay day) const {
    auto found = m_plans.find({day, type});
    return found == m_plans.end() ? nullptr : &found->second;
}

void SenderLedger::pace(core::Timestamp at, const core::Pacing& pacing, core::Random& random) {
    m_next_free_at = std::max(m_next_free_at, at + pacing.min_gap + random.up_to(pacing.jitter));
}

int SenderLedger::used_on_day(core::ActionType type, core::Timestamp when) const {
    auto found = m_per_day.find({m_calendar.local_day(when), type});
    return found == m_per_day.end() ? 0 : found->second;
}

int SenderLedger::invitations_in_week(core::Timestamp when) const {
    auto first = std::upper_bound(m_invitations.begin(), m_invitations.end(), when - k_invitation_window);
    auto last = std::upper_bound(m_invitations.begin(), m_invitations.end(), when);
    return static_cast<int>(last - first);
}

core::Timestamp SenderLedger::invitations_below(int limit, core::Timestamp when) const {
    auto first = std::upper_bound(m_invitations.begin(), m_invitations.end(), when - k_invitation_window);
    auto last = std::upper_bound(m_invitations.begin(), m_invitations.end(), when);
    auto excess = (last - first) - limit; // this many of the oldest must leave the window
    if (excess < 0) {
        return when;
    }
    return *(first + excess) + k_invitation_window;
}

} // namespace campaign::schedule
