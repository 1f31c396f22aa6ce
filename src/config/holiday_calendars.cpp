#include "config/holiday_calendars.hpp"

#include <map>
#include <stdexcept>

#include "core/text.hpp"

namespace campaign::config {

namespace {

using Calendars = std::map<std::string, std::vector<Holiday>, std::less<>>;

// The table is the repository's own and a test reads all of it: a line it cannot read is a build's mistake.
Calendars read_table() {
    Calendars calendars;
    auto table = holiday_table();
    while (!table.empty()) {
        auto end = table.find('\n');
        auto line = table.substr(0, end);
        table.remove_prefix(end == std::string_view::npos ? table.size() : end + 1);
        if (line.empty() || line.starts_with('#')) {
            continue;
        }
        auto first_tab = line.find('\t');
        auto second_tab = line.find('\t', first_tab + 1);
        auto day = first_tab == std::string_view::npos
                       ? std::nullopt
                       : core::parse_day(line.substr(first_tab + 1, second_tab - first_tab - 1));
        if (!day || second_tab == std::string_view::npos) {
            throw std::logic_error("holidays.tsv: a line that is not CODE, DATE and NAME: " + std::string(line));
        }
        calendars[std::string(line.substr(0, first_tab))].push_back({*day, std::string(line.substr(second_tab + 1))});
    }
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
