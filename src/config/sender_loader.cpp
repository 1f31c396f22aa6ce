#include <algorithm>
#include <array>
#include <date/tz.h>
#include <limits>
#include <optional>
#include <set>

#include "config/holiday_calendars.hpp"
#include "config/parts.hpp"
#include "config/time_zones.hpp"
#include "core/text.hpp"

namespace campaign::config {

namespace {

constexpr std::array<std::string_view, 7> k_day_names{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

// What a limit may be: above `safe` a warning, above `hard` refused rather than risk the account; `why` says what
// LinkedIn does above it. docs/campaigns.md#limits says where each number comes from.
struct Bound {
    int safe;
    int hard;
    const char* why;
};

constexpr const char* k_invitations_why =
    "LinkedIn restricts accounts that send more than about 100 invitations a week";
constexpr const char* k_automation_why = "LinkedIn flags accounts that act much faster than a person would";

Bound bound_of(core::ActionType type) {
    switch (type) {
    case core::ActionType::connect:
        return {25, 100, k_invitations_why};
    case core::ActionType::message:
        return {150, 250, "LinkedIn flags accounts that send more than about 100-150 messages a day"};
    case core::ActionType::inmail:
        return {20, 50, "no LinkedIn plan gives more than 50 InMail credits a month"};
    case core::ActionType::view_profile:
        return {250, 500, k_automation_why};
    default:
        return {80, 500, k_automation_why};
    }
}

constexpr Bound k_week_bound{100, 200, k_invitations_why};
constexpr Bound k_pending_bound{500, 1000,
                                "LinkedIn reads many unanswered invitations as a sender people do not know, and "
                                "restricts such accounts first"};

// A limit read against its bound: refused above the hard one, warned about above the safe one.
std::optional<int> read_limit(YamlReader& reader, const YAML::Node& map, const std::string& key, const Bound& bound,
                              const char* period) {
    auto value = reader.integer(map, key, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    if (!value) {
        return std::nullopt;
    }
    auto node = map[key];
    if (*value < 0 || *value > bound.hard) {
        reader.error(node, "'" + key + "' must be between 0 and " + std::to_string(bound.hard) + ", not " +
                               std::to_string(*value) + (*value < 0 ? "" : std::string(": ") + bound.why));
        return std::nullopt;
    }
    if (*value > bound.safe) {
        reader.warning(node, "'" + key + "' is " + std::to_string(*value) + " " + period + ", above the safe " +
                                 std::to_string(bound.safe) + ": " + bound.why + " (see docs/campaigns.md#limits)");
    }
    return value;
}

std::vector<std::string_view> zone_names() {
    std::vector<std::string_view> names;
    for (const auto& zone : date::get_tzdb().zones) {
        names.push_back(zone.name());
    }
    return names;
}

void read_timezone(YamlReader& reader, const YAML::Node& node, core::Sender& sender) {
    auto name = reader.string(node, "timezone", true);
    if (!name) {
        return;
    }
    try {
        date::locate_zone(*name);
        sender.timezone = *name;
        if (auto warning = time_zone_warning(*name)) {
            reader.warning(node["timezone"], *warning);
        }
    } catch (const std::runtime_error&) {
        if (auto advice = unknown_time_zone_advice(*name)) {
            reader.error(node["timezone"], *advice);
            return;
        }
        auto names = zone_names();
        auto suggestion = core::closest_match(*name, names);
        reader.error(node["timezone"], "unknown time zone '" + *name + "'" +
                                           (suggestion ? " (did you mean '" + *suggestion + "'?)"
                                                       : " (expected an IANA name such as Europe/Paris)"));
    }
}

void read_limits(YamlReader& reader, const YAML::Node& node, core::SenderLimits& limits) {
    if (!reader.check_map(
            node, "'limits'",
            {"per_day", "invitations_per_week", "pending_invitations", "notes_per_month", "inmails_per_month"})) {
        return;
    }
    constexpr int k_most_a_month = 10000;
    if (auto notes = reader.integer(node, "notes_per_month", 0, k_most_a_month)) {
        limits.notes_per_month = *notes;
    }
    if (auto inmails = reader.integer(node, "inmails_per_month", 0, k_most_a_month)) {
        limits.inmails_per_month = *inmails;
    }
    if (auto week = read_limit(reader, node, "invitations_per_week", k_week_bound, "a week")) {
        limits.invitations_per_week = *week;
    }
    if (auto pending = read_limit(reader, node, "pending_invitations", k_pending_bound, "at once")) {
        limits.pending_invitations = *pending;
    }
    auto per_day = node["per_day"];
    auto names = core::action_type_names();
    std::vector<std::string_view> type_names(names.begin(), names.end());
    if (!per_day || !reader.check_map(per_day, "'per_day'", type_names)) {
        return;
    }
    for (const auto& entry : per_day) {
        auto name = entry.first.as<std::string>();
        auto type = core::parse_action_type(name);
        if (!type) {
            continue;
        }
        if (auto count = read_limit(reader, per_day, name, bound_of(*type), "a day")) {
            limits.per_day[*type] = *count;
        }
    }
}

void read_pacing(YamlReader& reader, const YAML::Node& node, core::Pacing& pacing) {
    if (!reader.check_map(node, "'pacing'", {"min_gap", "jitter"})) {
        return;
    }
    if (auto gap = reader.duration(node, "min_gap")) {
        pacing.min_gap = *gap;
    }
    if (auto jitter = reader.duration(node, "jitter")) {
        pacing.jitter = *jitter;
    }
}

// A day of the sender's own, or a stretch of them ("2026-08-03..2026-08-14"), inclusive.
void read_holiday_dates(YamlReader& reader, const YAML::Node& list, std::set<int>& days) {
    constexpr int k_longest_stretch = 366;
    for (const auto& item : list) {
        auto text = reader.scalar(item, "each of 'dates'");
        if (!text) {
            continue;
        }
        auto dots = text->find("..");
        auto first = core::parse_day(text->substr(0, dots));
        auto last = dots == std::string::npos ? first : core::parse_day(text->substr(dots + 2));
        if (!first || !last) {
            reader.error(item,
                         "'" + *text + "' is not a day (YYYY-MM-DD) or a stretch of days (YYYY-MM-DD..YYYY-MM-DD)");
            continue;
        }
        if (*last < *first) {
            reader.error(item, "'" + *text + "' ends before it begins");
            continue;
        }
        if ((*last - *first).count() >= k_longest_stretch) {
            reader.error(item, "'" + *text + "' is longer than a year: a sender needs working days");
            continue;
        }
        for (auto day = *first; day <= *last; day += std::chrono::days{1}) {
            days.insert(static_cast<int>(day.time_since_epoch().count()));
        }
    }
}

void read_holidays(YamlReader& reader, const YAML::Node& node, core::Holidays& holidays) {
    if (!reader.check_map(node, "'holidays'", {"calendars", "dates"})) {
        return;
    }
    if (auto calendars = reader.strings(node, "calendars")) {
        auto codes = holiday_calendar_codes();
        for (const auto& written : *calendars) {
            std::string code = written;
            std::transform(code.begin(), code.end(), code.begin(),
                           [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
            const auto* calendar = holiday_calendar(code);
            if (!calendar) {
                auto suggestion = core::closest_match(code, codes);
                auto [first, last] = holiday_calendar_years();
                std::string known;
                for (auto each : codes) {
                    known += (known.empty() ? "" : ", ") + std::string(each);
                }
                reader.error(item_reading(node["calendars"], written),
                             "no holiday calendar '" + written + "'" +
                                 (suggestion ? " (did you mean '" + std::string(*suggestion) + "'?)" : "") +
                                 ": the calendars are those of " + known + ", " + std::to_string(first) + " to " +
                                 std::to_string(last) + " (docs/campaigns.md#holidays); list other days under 'dates'");
                continue;
            }
            if (std::find(holidays.calendars.begin(), holidays.calendars.end(), code) == holidays.calendars.end()) {
                holidays.calendars.push_back(code);
            }
            for (const auto& holiday : *calendar) {
                holidays.days.insert(static_cast<int>(holiday.day.time_since_epoch().count()));
            }
        }
    }
    std::sort(holidays.calendars.begin(), holidays.calendars.end()); // the same calendars in any order
    if (auto dates = node["dates"]) {
        if (reader.check_sequence(dates, "'dates'")) {
            read_holiday_dates(reader, dates, holidays.days);
        }
    }
}

// Holidays and days off that leave a stretch without a working day as long as the run's search for one.
void check_working_days(YamlReader& reader, const YAML::Node& node, const core::Sender& sender) {
    constexpr int k_longest_without_work = 393; // the calendar searches 400 days, less a week
    const auto& holidays = sender.holidays.days;
    auto off = [&](int day) {
        auto weekday = static_cast<std::size_t>(((day % 7) + 11) % 7); // 1970-01-01 was a Thursday
        return holidays.contains(day) || !sender.working_hours.days[weekday];
    };
    for (auto day : holidays) {
        if (holidays.contains(day - 1)) {
            continue; // measured from the start of its stretch
        }
        int first = day;
        while (off(first - 1) && day - first < k_longest_without_work) {
            --first;
        }
        int last = day;
        while (off(last + 1) && last - first < k_longest_without_work) {
            ++last;
        }
        if (last - first + 1 >= k_longest_without_work) {
            reader.error(node["holidays"], "the holidays leave no working day from " +
                                               core::format_day(core::Day{std::chrono::days{first}}) + " for " +
                                               std::to_string(k_longest_without_work) +
                                               " days or more: a sender needs a working day in every year");
            return;
        }
    }
}

void read_warmup(YamlReader& reader, const YAML::Node& node, core::Sender& sender) {
    if (!reader.check_map(node, "'warmup'", {"weeks", "invitations", "start"})) {
        return;
    }
    core::Warmup warmup;
    constexpr int k_longest_warmup = 26;
    if (auto weeks = reader.integer(node, "weeks", 2, k_longest_warmup)) {
        warmup.weeks = *weeks;
    }
    auto connect = sender.limits.per_day.find(core::ActionType::connect);
    auto most = connect == sender.limits.per_day.end() ? bound_of(core::ActionType::connect).hard : connect->second;
    if (auto invitations = reader.integer(node, "invitations", 1, std::max(1, most))) {
        warmup.invitations = *invitations;
    }
    if (warmup.invitations >= most && most > 0) {
        reader.warning(node["invitations"] ? node["invitations"] : node,
                       "'invitations' (" + std::to_string(warmup.invitations) + ") is not below the daily connect " +
                           "limit (" + std::to_string(most) + "): nothing ramps up; give fewer invitations a day");
    }
    if (auto start = reader.string(node, "start")) {
        if (auto day = core::parse_day(*start)) {
            warmup.start_day = static_cast<int>(day->time_since_epoch().count());
        } else {
            reader.error(node["start"], "'start' must be a day such as 2026-12-07, not '" + *start + "'");
        }
    }
    sender.warmup = warmup;
}

core::Sender read_sender(YamlReader& reader, const YAML::Node& node) {
    core::Sender sender;
    sender.location = reader.where(node);
    sender.working_hours.days = {false, true, true, true, true, true, false};
    if (!reader.check_map(node, "a sender",
                          {"id", "name", "first_name", "last_name", "title", "company", "timezone", "account",
                           "working_hours", "limits", "pacing", "holidays", "warmup", "withdraw_invitations_after"})) {
        return sender;
    }
    if (auto id = reader.string(node, "id", true)) {
        if (is_identifier(*id, true)) {
            sender.id = *id;
        } else {
            reader.error(node["id"], "sender id '" + *id + "' must be lower-case letters, digits, '-' and '_'");
        }
    }
    for (const char* key : {"name", "first_name", "last_name", "title", "company"}) {
        if (auto value = reader.string(node, key)) {
            sender.fields[key] = *value;
        }
    }
    read_timezone(reader, node, sender);
    if (auto account = reader.string(node, "account")) {
        if (auto type = core::parse_account_type(*account)) {
            sender.account = *type;
        } else {
            reader.error(node["account"],
                         "unknown account type '" + *account + "' (expected free, premium or sales_navigator)");
        }
    }
    sender.limits = core::default_limits(sender.account);
    if (auto hours = node["working_hours"]) {
        read_working_hours(reader, hours, "working_hours", "a sender", sender.working_hours);
    }
    if (auto limits = node["limits"]) {
        read_limits(reader, limits, sender.limits);
    }
    if (auto pacing = node["pacing"]) {
        read_pacing(reader, pacing, sender.pacing);
    }
    if (auto holidays = node["holidays"]) {
        read_holidays(reader, holidays, sender.holidays);
        check_working_days(reader, node, sender);
    }
    if (auto warmup = node["warmup"]) {
        read_warmup(reader, warmup, sender); // after the limits, which it ramps up to
    }
    if (auto age = reader.duration(node, "withdraw_invitations_after")) {
        if (*age < std::chrono::days{1}) {
            reader.error(node["withdraw_invitations_after"],
                         "'withdraw_invitations_after' must be a day or more (invitations pending longer are "
                         "withdrawn)");
        } else {
            sender.withdraw_invitations_after = *age;
        }
    }
    return sender;
}

} // namespace

void read_working_hours(YamlReader& reader, const YAML::Node& node, std::string_view key, std::string_view who,
                        core::WorkingHours& hours) {
    if (!reader.check_map(node, "'" + std::string(key) + "'", {"days", "from", "to"})) {
        return;
    }
    if (auto days = reader.strings(node, "days")) {
        hours.days = {};
        for (const auto& day : *days) {
            auto found = std::find(k_day_names.begin(), k_day_names.end(), core::to_lower_ascii(day));
            if (found == k_day_names.end()) {
                reader.error(item_reading(node["days"], day),
                             "unknown day '" + day + "' (use mon, tue, wed, thu, fri, sat, sun)");
                continue;
            }
            hours.days[static_cast<std::size_t>(found - k_day_names.begin())] = true;
        }
        if (days->empty()) {
            reader.error(node["days"], std::string(who) + " needs at least one working day");
        }
    }
    for (auto [end, minute] : {std::pair{"from", &hours.from_minute}, std::pair{"to", &hours.to_minute}}) {
        if (auto text = reader.string(node, end)) {
            if (auto parsed = core::parse_time_of_day(*text)) {
                *minute = *parsed;
            } else {
                reader.error(node[end],
                             std::string("'") + end + "' must be a time of day such as \"09:00\", not '" + *text + "'");
            }
        }
    }
    if (hours.from_minute >= hours.to_minute) {
        reader.error(node, "working hours must start before they end");
    }
}

std::vector<core::Sender> read_senders(YamlReader& reader, const YAML::Node& node) {
    std::vector<core::Sender> senders;
    if (!reader.check_sequence(node, "'senders'")) {
        return senders;
    }
    if (node.size() == 0) {
        reader.error(node, "a campaign needs at least one sender");
    }
    std::set<std::string> ids;
    for (const auto& item : node) {
        auto sender = read_sender(reader, item);
        if (!sender.id.empty() && !ids.insert(sender.id).second) {
            reader.error(item["id"], "sender '" + sender.id + "' is listed twice");
        }
        senders.push_back(std::move(sender));
    }
    return senders;
}

} // namespace campaign::config
