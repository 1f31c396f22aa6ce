// The country calendars compiled in from data/holidays/holidays.tsv.
#include <catch2/catch.hpp>
#include <set>

#include "config/holiday_calendars.hpp"

using namespace campaign;

TEST_CASE("the holiday calendars cover at least 20 countries, every year from 2026 to 2030", "[config]") {
    auto codes = config::holiday_calendar_codes();
    CHECK(codes.size() >= 20);
    CHECK(config::holiday_calendar_years() == std::pair{2026, 2030});
    for (auto code : codes) {
        INFO(code);
        std::set<int> years;
        for (const auto& holiday : *config::holiday_calendar(code)) {
            years.insert(static_cast<int>(std::chrono::year_month_day{holiday.day}.year()));
            CHECK_FALSE(holiday.name.empty());
        }
        CHECK(years == std::set<int>{2026, 2027, 2028, 2029, 2030});
    }
    CHECK(config::holiday_calendar("XX") == nullptr);
}

TEST_CASE("a country calendar holds its public holidays and no Sundays as such", "[config]") {
    auto has = [](std::string_view code, const char* day, std::string_view name) {
        const auto* calendar = config::holiday_calendar(code);
        REQUIRE(calendar);
        auto wanted = *core::parse_day(day);
        return std::any_of(calendar->begin(), calendar->end(), [&](const config::Holiday& holiday) {
            return holiday.day == wanted && holiday.name.find(name) != std::string::npos;
        });
    };
    CHECK(has("DE", "2026-10-03", "Deutschen Einheit"));
    CHECK(has("US", "2026-11-26", "Thanksgiving"));
    CHECK(has("US", "2027-06-18", "Juneteenth")); // observed on the Friday, added to the package's data
    CHECK(has("GB", "2026-12-28", "Boxing Day (Observed)"));
    CHECK(has("FR", "2026-07-14", ""));
    CHECK_FALSE(has("DK", "2026-05-01", "Store bededag")); // abolished from 2024
    // Sweden's calendar in the package lists every Sunday unless told not to.
    CHECK_FALSE(has("SE", "2026-03-08", ""));
}
