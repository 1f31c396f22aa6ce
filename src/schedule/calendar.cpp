#include "schedule/calendar.hpp"

#include <date/tz.h>

namespace campaign::schedule {

namespace {

using namespace std::chrono;

// A week has a working day or the loader would have refused the sender; holidays can take many weeks in a row.
constexpr int k_days_to_search = 400;
// No zone is further than this from UTC, so a local day lies within this much of the same day in UTC.
constexpr hours k_widest_offset{26};

const date::time_zone* find_zone(const core::Sender& sender) {
    try {
        return date::locate_zone(sender.timezone);
    } catch (const std::runtime_error&) {
        throw core::UserError("sender '" + sender.id + "': unknown time zone '" + sender.timezone + "'");
    }
}

void add_span(WorkingDay& day, core::Timestamp start, core::Timestamp end) {
    if (start >= end) {
        return;
    }
    if (day.count > 0 && day.spans[day.count - 1].end == start) {
        day.spans[day.count - 1].end = end; // one offset's stretch goes on in the next
        return;
    }
    if (day.count < static_cast<int>(day.spans.size())) {
        day.spans[day.count++] = {start, end};
    }
}

} // namespace

core::Duration WorkingDay::length() const {
    core::Duration total{0};
    for (int i = 0; i < count; ++i) {
        total += spans[i].end - spans[i].start;
    }
    return total;
}

SenderCalendar::SenderCalendar(const core::Sender& sender)
    : m_id(sender.id), m_zone(find_zone(sender)), m_hours(sender.working_hours), m_holidays(sender.holidays.days) {
    bool any_day = false;
    for (bool day : m_hours.days) {
        any_day = any_day || day;
    }
    if (!any_day || m_hours.from_minute >= m_hours.to_minute) {
        throw core::UserError("sender '" + sender.id + "' has no working hours");
    }
}

LocalDay SenderCalendar::local_day(core::Timestamp when) const {
    auto local = m_zone->to_local(when);
    return static_cast<LocalDay>(date::floor<date::days>(local).time_since_epoch().count());
}

core::Timestamp SenderCalendar::day_start(LocalDay day) const {
    return date::floor<seconds>(m_zone->to_sys(date::local_seconds{date::days{day}}, date::choose::earliest));
}

core::Timestamp SenderCalendar::next_month_start(core::Timestamp when) const {
    auto day = date::year_month_day{date::floor<date::days>(m_zone->to_local(when))};
    auto next = date::local_days{(day.year() / day.month() + date::months{1}) / 1};
    return day_start(static_cast<LocalDay>(next.time_since_epoch().count()));
}

core::Timestamp SenderCalendar::days_later(core::Timestamp when, int days) const {
    auto local = m_zone->to_local(when) + date::days{days};
    return date::floor<seconds>(m_zone->to_sys(local, date::choose::earliest));
}

// The moments whose wall-clock reading lies in the day's hours: within each stretch of one UTC offset, that is the
// hours shifted by the offset.
WorkingDay SenderCalendar::compute_day(LocalDay day) const {
    WorkingDay working;
    date::local_days midnight{date::days{day}};
    if (!m_hours.days[date::weekday{midnight}.c_encoding()] || m_holidays.contains(day)) {
        return working;
    }
    // The local readings, as if they were UTC; each offset's stretch maps them back.
    core::Timestamp from{midnight.time_since_epoch() + minutes{m_hours.from_minute}};
    core::Timestamp to{midnight.time_since_epoch() + minutes{m_hours.to_minute}};
    auto scan = from - k_widest_offset;
    auto scan_end = to + k_widest_offset;
    while (scan < scan_end) {
        auto info = m_zone->get_info(scan);
        auto piece_end = std::min<core::Timestamp>(date::floor<seconds>(info.end), scan_end);
        auto start = std::max<core::Timestamp>(scan, from - info.offset);
        auto end = std::min<core::Timestamp>(piece_end, to - info.offset);
        add_span(working, start, end);
        if (piece_end <= scan) {
            break;
        }
        scan = piece_end;
    }
    return working;
}

WorkingDay SenderCalendar::working_day(LocalDay day) const {
    if (!m_cached || m_cached->first != day) {
        m_cached.emplace(day, compute_day(day));
    }
    return m_cached->second;
}

bool SenderCalendar::is_working(core::Timestamp when) const {
    return window_end(when).has_value();
}

std::optional<core::Timestamp> SenderCalendar::window_end(core::Timestamp when) const {
    auto day = working_day(local_day(when));
    for (int i = 0; i < day.count; ++i) {
        if (day.spans[i].start <= when && when < day.spans[i].end) {
            return day.spans[i].end;
        }
    }
    return std::nullopt;
}

core::Timestamp SenderCalendar::next_working(core::Timestamp when) const {
    auto day = local_day(when);
    for (int i = 0; i < k_days_to_search; ++i, ++day) {
        auto working = working_day(day);
        for (int span = 0; span < working.count; ++span) {
            if (when < working.spans[span].end) {
                return std::max(when, working.spans[span].start);
            }
        }
    }
    throw core::UserError("sender '" + m_id + "' has no working day in the " + std::to_string(k_days_to_search) +
                          " days after " + format_local(when).substr(0, 10) + ": see its holidays");
}

core::Timestamp SenderCalendar::next_working_day(core::Timestamp when) const {
    auto day = local_day(when) + 1;
    for (int i = 0; i < k_days_to_search; ++i, ++day) {
        if (auto working = working_day(day); !working.empty()) {
            return working.spans[0].start;
        }
    }
    throw core::UserError("sender '" + m_id + "' has no working day in the " + std::to_string(k_days_to_search) +
                          " days after " + format_local(when).substr(0, 10) + ": see its holidays");
}

core::Timestamp SenderCalendar::after_working(core::Timestamp from, core::Duration worked) const {
    auto day = working_day(local_day(from));
    auto at = from;
    for (int i = 0; i < day.count; ++i) {
        const auto& span = day.spans[i];
        if (span.end <= from) {
            continue;
        }
        at = std::max(from, span.start);
        if (at + worked < span.end) {
            return at + worked;
        }
        worked -= span.end - at;
        at = span.end;
    }
    return at;
}

core::Duration SenderCalendar::working_left(core::Timestamp from) const {
    auto day = working_day(local_day(from));
    core::Duration left{0};
    for (int i = 0; i < day.count; ++i) {
        if (day.spans[i].end > from) {
            left += day.spans[i].end - std::max(from, day.spans[i].start);
        }
    }
    return left;
}

std::string SenderCalendar::format_local(core::Timestamp when) const {
    return date::format("%FT%T%Ez", date::make_zoned(m_zone, when));
}

} // namespace campaign::schedule
