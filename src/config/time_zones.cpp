#include "config/time_zones.hpp"

#include <charconv>
#include <map>
#include <vector>

#include "config/tsv.hpp"

namespace campaign::config {

namespace {

enum class LegacyKind { link, fixed, rules };

struct LegacyName {
    std::string use;
    LegacyKind kind = LegacyKind::link;
    std::string offset;     // hours east of UTC, for System V names
    std::string equivalent; // the zone without summer time at that offset, for a fixed one
};

const std::map<std::string, LegacyName, std::less<>>& legacy_names() {
    static const auto names = [] {
        std::map<std::string, LegacyName, std::less<>> table;
        for_each_row(legacy_time_zone_table(), [&table](std::vector<std::string_view> fields, std::string_view) {
            fields.resize(5);
            auto kind = fields[2] == "fixed"   ? LegacyKind::fixed
                        : fields[2] == "rules" ? LegacyKind::rules
                                               : LegacyKind::link;
            table[std::string(fields[0])] =
                LegacyName{std::string(fields[1]), kind, std::string(fields[3]), std::string(fields[4])};
        });
        return table;
    }();
    return names;
}

// "UTC-05:00" for "-5"
std::string utc_offset(std::string_view hours) {
    int value = 0;
    std::from_chars(hours.data(), hours.data() + hours.size(), value);
    auto magnitude = std::to_string(value < 0 ? -value : value);
    return std::string("UTC") + (value < 0 ? "-" : "+") + (magnitude.size() < 2 ? "0" : "") + magnitude + ":00";
}

const char* k_city_zone = "use the zone of the sender's city (Region/City, such as Europe/Paris), which follows "
                          "its summer time";

// "GMT+1", "UTC-05:00", "Etc/GMT+1": the sign and the hours, when the name is a fixed offset other than zero.
struct FixedOffset {
    char sign = '+';
    int hours = 0;
};

std::optional<FixedOffset> fixed_offset(std::string_view name) {
    for (std::string_view prefix : {"Etc/GMT", "GMT", "UTC"}) {
        if (name.substr(0, prefix.size()) != prefix || name.size() <= prefix.size() + 1) {
            continue;
        }
        auto rest = name.substr(prefix.size());
        if (rest.front() != '+' && rest.front() != '-') {
            return std::nullopt;
        }
        auto digits = rest.substr(1);
        if (digits.size() > 3 && digits.substr(digits.size() - 3) == ":00") {
            digits.remove_suffix(3);
        }
        int hours = 0;
        auto [end, problem] = std::from_chars(digits.data(), digits.data() + digits.size(), hours);
        if (problem != std::errc{} || end != digits.data() + digits.size() || hours == 0 || hours > 14) {
            return std::nullopt;
        }
        return FixedOffset{rest.front(), hours};
    }
    return std::nullopt;
}

std::string hours_text(char sign, int hours) {
    return std::string("UTC") + sign + (hours < 10 ? "0" : "") + std::to_string(hours) + ":00";
}

} // namespace

std::optional<std::string> time_zone_warning(std::string_view name) {
    // What everyone calls the zone, and a sender that truly keeps UTC chose it.
    if (name == "UTC" || name == "GMT") {
        return std::nullopt;
    }
    auto quoted = "'" + std::string(name) + "'";
    if (name.substr(0, 4) == "Etc/") {
        if (auto offset = fixed_offset(name)) {
            char east = offset->sign == '+' ? '-' : '+';
            return quoted + " is " + hours_text(east, offset->hours) + ", not " +
                   hours_text(offset->sign, offset->hours) +
                   " (POSIX inverts the sign), and a fixed offset never observes summer time; " + k_city_zone;
        }
    }
    const auto& names = legacy_names();
    auto found = names.find(name);
    if (found == names.end()) {
        return std::nullopt;
    }
    const auto& legacy = found->second;
    switch (legacy.kind) {
    case LegacyKind::fixed:
        return quoted + " is a fixed offset (" + utc_offset(legacy.offset) + ") that never observes summer time; use " +
               legacy.use +
               (legacy.equivalent.empty() ? "" : " (or " + legacy.equivalent + " if the sender's clocks never change)");
    case LegacyKind::rules:
        return quoted + " is a System V name for a set of rules, not a place; use the zone of the sender's city, " +
               "such as " + legacy.use;
    case LegacyKind::link:
        break;
    }
    return quoted + " is an old name, kept for compatibility; use " + legacy.use;
}

std::optional<std::string> unknown_time_zone_advice(std::string_view name) {
    auto offset = fixed_offset(name);
    if (!offset) {
        return std::nullopt;
    }
    char west = offset->sign == '+' ? '-' : '+';
    auto meant = hours_text(offset->sign, offset->hours);
    return "unknown time zone '" + std::string(name) + "': the tz database writes " + meant + " as Etc/GMT" + west +
           std::to_string(offset->hours) + ", since POSIX inverts the sign (Etc/GMT" + offset->sign +
           std::to_string(offset->hours) + " is " + hours_text(west, offset->hours) +
           "), and a fixed offset never observes summer time; " + k_city_zone;
}

} // namespace campaign::config
