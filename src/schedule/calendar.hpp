// A sender's week as the sender lives it: working days and hours in the sender's own time zone (IANA, through
// date-tz), so that 9:00 in Paris stays 9:00 on both sides of a daylight-saving change.
#pragma once

#include <optional>
#include <string>

#include "core/campaign.hpp"
#include "core/time.hpp"

namespace date {
class time_zone;
}

namespace campaign::schedule {

// Days since 1970-01-01 on the sender's local calendar: the key of a per-day limit.
using LocalDay = int;

class SenderCalendar {
public:
    // Throws core::UserError for a zone the time zone database does not know.
    explicit SenderCalendar(const core::Sender& sender);

    bool is_working(core::Timestamp when) const;
    // The end of the working hours `when` is in; nothing when it is outside them.
    std::optional<core::Timestamp> window_end(core::Timestamp when) const;
    // The earliest moment at or after `when` inside working hours.
    core::Timestamp next_working(core::Timestamp when) const;
    // The start of working hours on the first working day after the local day of `when`.
    core::Timestamp next_working_day(core::Timestamp when) const;

    LocalDay local_day(core::Timestamp when) const;
    // "2026-03-29T09:00:00+02:00": the sender's wall clock, with its offset from UTC on that day.
    std::string format_local(core::Timestamp when) const;

private:
    // The working window of a local day, in UTC; empty when the day is not a working day.
    bool window(LocalDay day, core::Timestamp& start, core::Timestamp& end) const;

    const date::time_zone* m_zone;
    core::WorkingHours m_hours;
};

} // namespace campaign::schedule
