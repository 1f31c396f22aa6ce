#include "config/holiday_calendars.hpp"

#include <map>
#include <stdexcept>

#include "config/tsv.hpp"
#include "core/text.hpp"

namespace campaign::config {

namespace {

using Calendars = std::map<std::string, std::vector<Holiday>, std::less<>>;

// The table is the repository's own and a test reads all of it: a line it cannot read is a build's mistake.
Calendars read_table() {
    Calendars calendars;
    for_each_row(holiday_table(), [&calendars](const std::vector<std::string_view>& fields, std::string_view line) {
        auto day = fields.size() == 3 ? core::parse_day(fields[1]) : std::nullopt;
        if (!day) {
            throw std::logic_error("holidays.tsv: a line that is not CODE, DATE and NAME: " + std::string(line));
        }
        calendars[std::string(fields[0])].push_back({*day, std::string(fields[2])});
    });
    return calendars;
}

const Calendars& calendars() {
    static const Calendars k_calendars = read_table();
    return k_calendars;
}

} // namespace

const std::vector<Holiday>* holiday_calendar(std::string_view code) {
    auto found = calendars().find(code);
    return found == calendars().end() ? nullptr : &found->second;
}

std::vector<std::string_view> holiday_calendar_codes() {
    std::vector<std::string_view> codes;
    for (const auto& [code, holidays] : calendars()) {
        codes.push_back(code);
    }
    return codes;
}

std::pair<int, int> holiday_calendar_years() {
    auto first = 9999;
    auto last = 0;
    for (const auto& [code, holidays] : calendars()) {
        for (const auto& holiday : holidays) {
            auto year = static_cast<int>(std::chrono::year_month_day{holiday.day}.year());
            first = std::min(first, year);
            last = std::max(last, year);
        }
    }
    return {first, last};
}

} // namespace campaign::config
