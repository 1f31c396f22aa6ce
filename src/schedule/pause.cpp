#include "schedule/pause.hpp"

#include <algorithm>

namespace campaign::schedule {

core::Timestamp resume_moment(const SenderCalendar& calendar, std::optional<core::Day> until, core::Duration fallback,
                              core::Timestamp at) {
    if (until) {
        return calendar.day_start(static_cast<LocalDay>(until->time_since_epoch().count()));
    }
    return calendar.day_start(calendar.local_day(at + fallback));
}

core::Timestamp after_pause(const SenderCalendar& calendar, core::Timestamp due, core::Timestamp paused_at,
                            core::Timestamp resume) {
    auto days = calendar.local_day(resume) - calendar.local_day(paused_at);
    return std::max(calendar.days_later(due, days), resume);
}

} // namespace campaign::schedule
