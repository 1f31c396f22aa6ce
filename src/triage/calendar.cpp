#include "triage/calendar.hpp"

#include <algorithm>

namespace campaign::triage {

namespace chrono = std::chrono;

year_month_day plus_days(year_month_day day, int count) {
    return year_month_day{chrono::sys_days{day} + chrono::days{count}};
}

year_month_day plus_months(year_month_day day, int count) {
    auto moved = year_month_day{day.year(), day.month(), chrono::day{1}} + chrono::months{count};
    auto last = year_month_day{chrono::year_month_day_last{moved.year(), chrono::month_day_last{moved.month()}}};
    return year_month_day{moved.year(), moved.month(), std::min(day.day(), last.day())};
}

year_month_day last_day(chrono::year y, chrono::month m) {
    return year_month_day{chrono::year_month_day_last{y, chrono::month_day_last{m}}};
}

std::optional<year_month_day> next_date(int day, int month, int year, year_month_day received) {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
        return std::nullopt;
    }
    if (year != 0) {
        int full = year < 100 ? year + 2000 : year; // "05/01/27"
        year_month_day given{chrono::year{full}, chrono::month(month), chrono::day(day)};
        return given.ok() ? std::optional(given) : std::nullopt;
    }
    for (int ahead = 0; ahead <= 4; ++ahead) { // four years: 29 February
        year_month_day candidate{received.year() + chrono::years{ahead}, chrono::month(month), chrono::day(day)};
        if (candidate.ok() && candidate >= received) {
            return candidate;
        }
    }
    return std::nullopt;
}

int iso_weekday(year_month_day day) {
    return static_cast<int>(chrono::weekday{chrono::sys_days{day}}.iso_encoding());
}

year_month_day next_weekday(int weekday, year_month_day received) {
    int ahead = (weekday - iso_weekday(received) + 7) % 7;
    return plus_days(received, ahead == 0 ? 7 : ahead);
}

year_month_day monday_of_next_week(year_month_day received) {
    return plus_days(received, 8 - iso_weekday(received));
}

// Easter Sunday by the anonymous Gregorian algorithm (Meeus).
year_month_day easter(int y) {
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
    return year_month_day{chrono::year{y}, chrono::month(month), chrono::day(day)};
}

year_month_day relative_date(RelativeDate relative, year_month_day received) {
    auto y = static_cast<int>(received.year());
    switch (relative) {
    case RelativeDate::tomorrow:
        return plus_days(received, 1);
    case RelativeDate::next_week:
        return monday_of_next_week(received);
    case RelativeDate::next_month:
        return plus_months(year_month_day{received.year(), received.month(), chrono::day{1}}, 1);
    case RelativeDate::next_year:
        return year_month_day{chrono::year{y + 1}, chrono::January, chrono::day{1}};
    case RelativeDate::after_holidays: {
        // The first Monday on or after 2 January; in the first days of January, this January's.
        int next = received.month() == chrono::January && static_cast<unsigned>(received.day()) <= 6 ? y : y + 1;
        auto second = year_month_day{chrono::year{next}, chrono::January, chrono::day{2}};
        return plus_days(second, (8 - iso_weekday(second)) % 7);
    }
    case RelativeDate::after_summer: {
        int next = received.month() >= chrono::September ? y + 1 : y;
        return year_month_day{chrono::year{next}, chrono::September, chrono::day{1}};
    }
    case RelativeDate::end_of_month:
        return last_day(received.year(), received.month());
    case RelativeDate::after_easter: {
        auto tuesday = plus_days(easter(y), 2);
        return tuesday >= received ? tuesday : plus_days(easter(y + 1), 2);
    }
    }
    return received;
}

} // namespace campaign::triage
