// The public holidays of the country calendars shipped in data/holidays/holidays.tsv (made by
// scripts/make-holidays.py from python3-holidays, MIT licence), compiled in.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/time.hpp"

namespace campaign::config {

struct Holiday {
    core::Day day;
    std::string name; // as the country names it: "Tag der Deutschen Einheit"
};

// The holidays of a calendar by its ISO 3166-1 code ("DE", "GB"), in order; nothing for a code without a calendar.
const std::vector<Holiday>* holiday_calendar(std::string_view code);
// Every code with a calendar, in order.
std::vector<std::string_view> holiday_calendar_codes();
// The first and the last year the calendars cover.
std::pair<int, int> holiday_calendar_years();

// The lines of holidays.tsv.
std::string_view holiday_table();

} // namespace campaign::config
