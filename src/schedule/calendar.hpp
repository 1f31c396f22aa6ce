// A sender's week as the sender lives it: working days and hours in the sender's own time zone (IANA, through
// date-tz), so that 9:00 in Paris stays 9:00 on both sides of a daylight-saving change.
//
// Working hours are readings of the sender's wall clock: a moment is inside them when the clock on the wall shows a
// time inside them on a working day. On the night the clocks go back, a repeated hour inside the hours is worked
// both times it is shown, and the part of the hours the clock jumps back out of is not (London, 01:30-02:30 on 25
// October 2026: 01:30-02:00 summer time, then 01:30-02:30 winter time, never 01:00-01:29). On the night the clocks
// go forward, the skipped times are not worked: a window starting at 02:30 in the skipped hour starts at 03:00.
//
// A holiday of the sender's (a public holiday of its country calendars, or a date of its own) is a day off like a
// weekend: nothing goes out on it, and what was due waits for the next working day.
#pragma once

#include <array>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "core/campaign.hpp"
#include "core/time.hpp"

namespace date {
class time_zone;
}

namespace campaign::schedule {

// Days since 1970-01-01 on the sender's local calendar: the key of a per-day limit.
using LocalDay = int;

// A stretch of working time, in UTC: start inclusive, end exclusive.
struct WorkingSpan {
    core::Timestamp start;
    core::Timestamp end;
};

// The working time of one local day, in order: one span on most days, two on a night the clocks go back through
// the hours, none on a day off.
struct WorkingDay {
    std::array<WorkingSpan, 3> spans{};
    int count = 0;

    bool empty() const { return count == 0; }
    core::Duration length() const;
};

class SenderCalendar {
public:
    // Throws core::UserError for a zone the time zone database does not know, and for a sender with no working hours
    // (and, from the searches, for holidays that leave none in the 400 days after a moment).
    explicit SenderCalendar(const core::Sender& sender);

    bool is_working(core::Timestamp when) const;
    // The end of the stretch of working time `when` is in; nothing when it is outside working hours.
    std::optional<core::Timestamp> window_end(core::Timestamp when) const;
    // The earliest moment at or after `when` inside working hours.
    core::Timestamp next_working(core::Timestamp when) const;
    // The start of working hours on the first working day after the local day of `when`.
    core::Timestamp next_working_day(core::Timestamp when) const;
    // The working time of a local day.
    WorkingDay working_day(LocalDay day) const;
    // The moment `worked` of working time after `from` on `from`'s local day, counting only working time; the end of
    // the day's working hours when it has less left.
    core::Timestamp after_working(core::Timestamp from, core::Duration worked) const;
    // The working time left on `from`'s local day, from `from` on.
    core::Duration working_left(core::Timestamp from) const;

    LocalDay local_day(core::Timestamp when) const;
    // The first moment of a local day: its midnight, or the end of a gap the clocks skip through it.
    core::Timestamp day_start(LocalDay day) const;
    // The first moment of the local month after the one of `when`: where a monthly allowance starts again.
    core::Timestamp next_month_start(core::Timestamp when) const;
    // The moment the wall clock shows the same time as at `when`, `days` local days later (after a gap the clocks
    // skip, when that time is in it; the first of two, when they go back through it).
    core::Timestamp days_later(core::Timestamp when, int days) const;
    // "2026-03-29T09:00:00+02:00": the sender's wall clock, with its offset from UTC on that day.
    std::string format_local(core::Timestamp when) const;

private:
    WorkingDay compute_day(LocalDay day) const;

    std::string m_id;
    const date::time_zone* m_zone;
    core::WorkingHours m_hours;
    std::set<LocalDay> m_holidays;
    // The planner asks about the same day many times in a row.
    mutable std::optional<std::pair<LocalDay, WorkingDay>> m_cached;
};

} // namespace campaign::schedule
