// Instants and durations of the domain, to the second, with their text forms: instants as ISO 8601 UTC
// ("2026-11-26T09:30:00Z"), durations as the campaign files write them ("30m", "2d", "1d12h").
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace campaign::core {

using Duration = std::chrono::seconds;
using Timestamp = std::chrono::sys_seconds;
using Day = std::chrono::sys_days;

std::string format_utc(Timestamp when);
std::optional<Timestamp> parse_utc(std::string_view text);

// "YYYY-MM-DD", a real calendar day.
std::optional<Day> parse_day(std::string_view text);
std::string format_day(Day day);
// 0 for Monday to 6 for Sunday.
int weekday_index(Day day);

// A whole number and a unit (w, d, h, m, s), repeated with units in decreasing order: "1w", "1d12h", "90m".
std::optional<Duration> parse_duration(std::string_view text);
std::string format_duration(Duration duration);

// Minutes since midnight of an "HH:MM" or "H:MM" time of day (00:00 to 24:00).
std::optional<int> parse_time_of_day(std::string_view text);

} // namespace campaign::core
