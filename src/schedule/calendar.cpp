#include "schedule/calendar.hpp"

#include <date/tz.h>

namespace campaign::schedule {

namespace {

using namespace std::chrono;

// A week has a working day or the loader would have refused the sender; the bound only guards against a loop.
constexpr int k_days_to_search = 8;

const date::time_zone* find_zone(const core::Sender& sender) {
    try {
        return date::locate_zone(sender.timezone);
    } catch (const std::runtime_error&) {
        throw core::UserError("sender '" + sender.id + "': unknown time zone '" + sender.timezone + "'");
    }
}

} // namespace

SenderCalendar::SenderCalendar(const core::Sender& sender) : m_zone(find_zone(sender)), m_hours(sender.working_hours) {
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

// A local time that a spring-forward change skips maps to the moment of the change, and one that an autumn change
// repeats maps to its first occurrence: a window starting at 02:30 on a change day starts at 03:00.
bool SenderCalendar::window(LocalDay day, core::Timestamp& start, core::Timestamp& end) const {
    date::local_days midnight{date::days{day}};
    auto weekday = date::weekday{midnight}.c_encoding();
    if (!m_hours.days[weekday]) {
        return false;
    }
    start = date::floor<seconds>(m_zone->to_sys(midnight + minutes{m_hours.from_minute}, date::choose::earliest));
    end = date::floor<seconds>(m_zone->to_sys(midnight + minutes{m_hours.to_minute}, date::choose::earliest));
    return start < end;
}

bool SenderCalendar::is_working(core::Timestamp when) const {
    core::Timestamp start;
    core::Timestamp end;
    return window(local_day(when), start, end) && start <= when && when < end;
}

std::optional<core::Timestamp> SenderCalendar::window_end(core::Timestamp when) const {
    core::Timestamp start;
    core::Timestamp end;
    if (window(local_day(when), start, end) && start <= when && when < end) {
        return end;
    }
    return std::nullopt;
}

core::Timestamp SenderCalendar::next_working(core::Timestamp when) const {
    auto day = local_day(when);
    for (int i = 0; i < k_days_to_search; ++i, ++day) {
        core::Timestamp start;
        core::Timestamp end;
        if (window(day, start, end) && when < end) {
            return std::max(when, start);
        }
    }
    throw std::logic_error("a sender's week without working hours");
}

core::Timestamp SenderCalendar::next_working_day(core::Timestamp when) const {
    auto day = local_day(when) + 1;
    for (int i = 0; i < k_days_to_search; ++i, ++day) {
        core::Timestamp start;
        core::Timestamp end;
        if (window(day, start, end)) {
            return start;
        }
    }
    throw std::logic_error("a sender's week without working hours");
}

std::string SenderCalendar::format_local(core::Timestamp when) const {
    return date::format("%FT%T%Ez", date::make_zoned(m_zone, when));
}

} // namespace campaign::schedule
