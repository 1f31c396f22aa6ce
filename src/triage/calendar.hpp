// Day arithmetic the dates of replies need: months that end early, ISO weekdays, Easter, and the days relative
// phrases stand for (tests/triage/LABELLING.md).
#pragma once

#include <chrono>
#include <optional>

#include "triage/rules.hpp"

namespace campaign::triage {

using std::chrono::year_month_day;

year_month_day plus_days(year_month_day day, int count);
// The same day of the month `count` months on, or that month's last day when it is shorter.
year_month_day plus_months(year_month_day day, int count);
year_month_day last_day(std::chrono::year y, std::chrono::month m);
// The next day with this day and month on or after `received`, unless the year is given (not 0; "27" is 2027).
std::optional<year_month_day> next_date(int day, int month, int year, year_month_day received);
int iso_weekday(year_month_day day); // 1 Monday .. 7 Sunday
// The next such weekday after `received` (a week on when it is today).
year_month_day next_weekday(int weekday, year_month_day received);
year_month_day monday_of_next_week(year_month_day received);
year_month_day easter(int year); // Easter Sunday, Gregorian
year_month_day relative_date(RelativeDate relative, year_month_day received);

} // namespace campaign::triage
