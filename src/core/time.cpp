#include "core/time.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace campaign::core {

namespace {

struct Unit {
    char symbol;
    Duration length;
};

constexpr std::array k_units{
    Unit{'w', std::chrono::weeks{1}},   Unit{'d', std::chrono::days{1}},    Unit{'h', std::chrono::hours{1}},
    Unit{'m', std::chrono::minutes{1}}, Unit{'s', std::chrono::seconds{1}},
};

std::optional<int> parse_digits(std::string_view text) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

} // namespace

std::string format_utc(Timestamp when) {
    auto day = std::chrono::floor<std::chrono::days>(when);
    std::chrono::year_month_day date{day};
    std::chrono::hh_mm_ss time{when - day};
    int year = int(date.year());
    if (year < 0 || year > 9999) {
        std::array<char, 64> text{};
        std::snprintf(text.data(), text.size(), "%04d-%02u-%02uT%02d:%02d:%02dZ", year, unsigned(date.month()),
                      unsigned(date.day()), int(time.hours().count()), int(time.minutes().count()),
                      int(time.seconds().count()));
        return text.data();
    }
    // Written digit by digit: a run formats a time for every write of an action or an enrollment, and snprintf
    // was a few percent of it.
    std::string text = "0000-00-00T00:00:00Z";
    auto put = [&text](std::size_t at, unsigned value, std::size_t digits) {
        for (std::size_t i = digits; i-- > 0; value /= 10) {
            text[at + i] = static_cast<char>('0' + value % 10);
        }
    };
    put(0, static_cast<unsigned>(year), 4);
    put(5, unsigned(date.month()), 2);
    put(8, unsigned(date.day()), 2);
    put(11, static_cast<unsigned>(time.hours().count()), 2);
    put(14, static_cast<unsigned>(time.minutes().count()), 2);
    put(17, static_cast<unsigned>(time.seconds().count()), 2);
    return text;
}

std::optional<Timestamp> parse_utc(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SSZ, exactly.
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    auto year = parse_digits(text.substr(0, 4));
    auto month = parse_digits(text.substr(5, 2));
    auto day = parse_digits(text.substr(8, 2));
    auto hour = parse_digits(text.substr(11, 2));
    auto minute = parse_digits(text.substr(14, 2));
    auto second = parse_digits(text.substr(17, 2));
    if (!year || !month || !day || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59) {
        return std::nullopt;
    }
    std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month(*month), std::chrono::day(*day)};
    if (!date.ok()) {
        return std::nullopt;
    }
    return std::chrono::sys_days{date} + std::chrono::hours{*hour} + std::chrono::minutes{*minute} +
           std::chrono::seconds{*second};
}

std::optional<Duration> parse_duration(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    Duration total{0};
    std::size_t next_unit = 0; // units must come in decreasing order, each at most once
    while (!text.empty()) {
        std::size_t digits = 0;
        while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
            ++digits;
        }
        if (digits == 0 || digits == text.size() || digits > 6) {
            return std::nullopt;
        }
        auto count = parse_digits(text.substr(0, digits));
        std::size_t unit = next_unit;
        while (unit < k_units.size() && k_units[unit].symbol != text[digits]) {
            ++unit;
        }
        if (!count || unit == k_units.size()) {
            return std::nullopt;
        }
        total += *count * k_units[unit].length;
        next_unit = unit + 1;
        text.remove_prefix(digits + 1);
    }
    return total;
}

std::string format_duration(Duration duration) {
    if (duration == Duration::zero()) {
        return "0s";
    }
    std::string text;
    for (const auto& unit : k_units) {
        if (unit.symbol == 'w') {
            continue; // "10d" reads better than "1w3d"
        }
        auto count = duration / unit.length;
        if (count > 0) {
            text += std::to_string(count) + unit.symbol;
            duration -= count * unit.length;
        }
    }
    return text;
}

std::optional<int> parse_time_of_day(std::string_view text) {
    auto colon = text.find(':');
    if ((colon != 1 && colon != 2) || text.size() != colon + 3) {
        return std::nullopt;
    }
    auto hours = parse_digits(text.substr(0, colon));
    auto minutes = parse_digits(text.substr(colon + 1));
    if (!hours || !minutes || *minutes > 59 || *hours > 24 || (*hours == 24 && *minutes != 0)) {
        return std::nullopt;
    }
    return *hours * 60 + *minutes;
}

std::optional<Day> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    auto year = parse_digits(text.substr(0, 4));
    auto month = parse_digits(text.substr(5, 2));
    auto day = parse_digits(text.substr(8, 2));
    if (!year || !month || !day) {
        return std::nullopt;
    }
    std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                     std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return Day{date};
}

std::string format_day(Day day) {
    std::chrono::year_month_day date{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

int weekday_index(Day day) {
    return static_cast<int>(std::chrono::weekday{day}.iso_encoding()) - 1;
}

} // namespace campaign::core
