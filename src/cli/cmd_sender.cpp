// campaign sender list | show SENDER | resume SENDER: the senders campaigns act through, one sender's limits today
// and its health, and lifting the pause that a restricted or disconnected account put on one.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/sender_use.hpp"
#include "schedule/health.hpp"
#include "store/campaign_store.hpp"

namespace campaign::cli {

namespace {

constexpr std::size_t k_holidays_shown = 5;

int list_senders(Context& context) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    std::vector<Row> rows;
    for (const auto& sender : store::CampaignStore(database).senders()) {
        rows.push_back({sender.name, sender.display_name, sender.timezone,
                        sender.paused_at
                            ? "paused since " + core::format_utc(*sender.paused_at) + ": " + sender.pause_reason
                            : "active"});
    }
    print_table(context.out, {"sender", "name", "timezone", "state"}, rows, 60);
    return k_ok;
}

std::string day_text(int day) {
    return core::format_day(core::Day{std::chrono::days{day}});
}

nlohmann::json show_json(const SenderUse& use, const std::vector<std::pair<int, std::string>>& holidays) {
    auto upcoming = nlohmann::json::array();
    for (const auto& [day, name] : holidays) {
        upcoming.push_back({{"date", day_text(day)}, {"name", name}});
    }
    const auto* definition = use.definition ? &*use.definition : nullptr;
    nlohmann::json warmup = nullptr;
    if (definition && definition->warmup) {
        auto start = definition->warmup->start_day ? definition->warmup->start_day : definition->first_action_day;
        warmup = {{"weeks", definition->warmup->weeks},
                  {"invitations", definition->warmup->invitations},
                  {"start", start ? nlohmann::json(day_text(*start)) : nlohmann::json(nullptr)}};
    }
    return {
        {"sender", use.row.name},
        {"name", use.row.display_name},
        {"timezone", use.row.timezone},
        {"local_date", use.local_date},
        {"account", definition ? nlohmann::json(core::to_string(definition->account)) : nlohmann::json(nullptr)},
        {"paused", use.row.paused_at.has_value()},
        {"pause_reason", use.row.paused_at ? nlohmann::json(use.row.pause_reason) : nlohmann::json(nullptr)},
        {"held_until",
         use.row.held_until ? nlohmann::json(core::format_utc(*use.row.held_until)) : nlohmann::json(nullptr)},
        {"holds", holds_json(use)},
        {"today", today_json(use)},
        {"invitations_7_days",
         {{"used", use.invitations_this_week},
          {"limit", use.week_limit ? nlohmann::json(*use.week_limit) : nlohmann::json(nullptr)}}},
        {"invitations", invitations_json(use)},
        {"limits_note", use.limits_note.empty() ? nlohmann::json(nullptr) : nlohmann::json(use.limits_note)},
        {"holiday", use.holiday.empty() ? nlohmann::json(nullptr) : nlohmann::json(use.holiday)},
        {"warmup", warmup},
        {"holiday_calendars", definition ? nlohmann::json(definition->holidays.calendars) : nlohmann::json::array()},
        {"next_holidays", upcoming}};
}

// One sender's day: its limits today beside the configured ones and why they differ, its invitations' health,
// what holds it, and its next holidays.
int show_sender(Context& context, const std::string& name, const std::string& format) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto [now, clock] = status_time(database, context.clock.now());
    auto senders = sender_use(database, now);
    auto found =
        std::find_if(senders.begin(), senders.end(), [&name](const SenderUse& use) { return use.row.name == name; });
    if (found == senders.end()) {
        throw core::UserError("error: no sender '" + name + "' in " + context.database_path.string());
    }
    const auto& use = *found;
    const auto* definition = use.definition ? &*use.definition : nullptr;
    std::vector<std::pair<int, std::string>> holidays;
    if (definition) {
        schedule::SenderCalendar calendar(*definition);
        auto today = calendar.local_day(now);
        for (auto day = definition->holidays.days.lower_bound(today);
             day != definition->holidays.days.end() && holidays.size() < k_holidays_shown; ++day) {
            holidays.emplace_back(*day, holiday_name(*definition, *day));
        }
    }
    if (parse_format(format) == Format::json) {
        auto json = show_json(use, holidays);
        json["as_of"] = core::format_utc(now);
        json["clock"] = clock;
        context.out << json.dump(2) << '\n';
        return k_ok;
    }
    auto& out = context.out;
    out << "sender " << use.row.name << (use.row.display_name.empty() ? "" : " (" + use.row.display_name + ")") << ", "
        << use.row.timezone;
    if (definition) {
        out << ", " << core::to_string(definition->account) << " account";
    }
    out << "\n"
        << (use.row.paused_at ? "PAUSED since " + core::format_utc(*use.row.paused_at) + ": " + use.row.pause_reason
                              : "active");
    if (!use.held.empty()) {
        out << "; " << use.held;
    }
    for (const auto& hold : use.holds) {
        out << "\n" << core::plural_of(hold.type) << " held: " << hold.reason;
    }
    out << "\ntoday: " << use.local_date << (clock == "simulated" ? " (the simulated clock of the last run)" : "")
        << (use.holiday.empty() ? "" : ", a " + use.holiday) << "\n";
    if (!definition) {
        out << "no stored campaign defines it: its limits are not known\n";
        return k_ok;
    }
    std::vector<Row> rows;
    for (auto type : core::k_action_types) {
        auto limit = use.limits.find(type);
        if (limit == use.limits.end()) {
            continue;
        }
        auto used = use.today.count(type) ? use.today.at(type) : 0;
        rows.push_back({std::string(core::to_string(type)), std::to_string(definition->limits.per_day.at(type)),
                        std::to_string(limit->second), std::to_string(used)});
    }
    rows.push_back({"invitations in 7 days", std::to_string(definition->limits.invitations_per_week),
                    use.week_limit ? std::to_string(*use.week_limit) : "-", std::to_string(use.invitations_this_week)});
    out << '\n';
    print_table(out, {"limit", "configured", "today", "used"}, rows);
    out << '\n' << (use.limits_note.empty() ? "today's limits are the configured ones" : use.limits_note) << '\n';
    const auto& record = use.invitations;
    out << "invitations: " << record.pending << " pending of a ceiling of " << definition->limits.pending_invitations;
    if (record.settled > 0) {
        out << "; " << record.settled_accepted << " of the latest " << record.settled
            << " sent 14 days ago or more accepted";
        if (record.settled < schedule::k_least_settled) {
            out << " (acceptance counts from " << schedule::k_least_settled << ")";
        }
    }
    out << '\n';
    if (use.notes_left) {
        out << "invitation notes left this month: " << *use.notes_left << " of " << *definition->limits.notes_per_month
            << " (then invitations go without a note, or wait in campaigns that hold them)\n";
    }
    if (use.inmails_left) {
        out << "InMail credits left this month: " << *use.inmails_left << " of " << definition->limits.inmails_per_month
            << '\n';
    }
    if (definition->warmup) {
        auto start = definition->warmup->start_day ? definition->warmup->start_day : definition->first_action_day;
        out << "warm-up: " << definition->warmup->weeks << " weeks from "
            << (start ? day_text(*start) + (definition->warmup->start_day ? "" : " (its first action)")
                      : std::string("its first action, still to come"))
            << ", " << definition->warmup->invitations << " invitations a day in the first\n";
    }
    if (!holidays.empty()) {
        out << "next holidays:";
        for (const auto& [day, holiday] : holidays) {
            out << "\n  " << day_text(day) << "  " << holiday;
        }
        out << '\n';
    } else if (!definition->holidays.days.empty()) {
        out << "no holidays to come in its calendars (they cover 2026 to 2030)\n";
    }
    return k_ok;
}

int resume_sender(Context& context, const std::string& name) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::CampaignStore senders(database);
    if (!senders.find_sender(name)) {
        throw core::UserError("error: no sender '" + name + "' in " + context.database_path.string());
    }
    if (!senders.resume_sender(name)) {
        context.out << "sender '" << name << "' was not paused\n";
        return k_ok;
    }
    context.out << "sender '" << name
                << "' resumed: runs send for it again, one going on now at its next look for events\n";
    return k_ok;
}

} // namespace

void add_sender_command(CLI::App& app, Context& context) {
    auto* command =
        app.add_subcommand("sender", "List senders, show one's limits and health, or resume one that was paused");
    set_examples(*command, {"campaign sender list", "campaign sender show alice", "campaign sender resume alice"});
    command->require_subcommand(1);
    auto* list = command->add_subcommand("list", "The senders and whether they are paused");
    set_examples(*list, {"campaign sender list", "campaign sender list --rehearsal"});
    on_run(*list, context, [&context] { return list_senders(context); });
    auto* show =
        command->add_subcommand("show", "A sender's limits today and why, its invitations' health, its holidays");
    set_examples(*show, {"campaign sender show alice", "campaign sender show marcus --rehearsal --format json"});
    auto shown_name = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("table");
    show->add_option("SENDER", *shown_name, "The sender's id")->required();
    show->add_option("--format", *format, "Output format")->check(CLI::IsMember({"table", "json"}));
    on_run(*show, context, [&context, shown_name, format] { return show_sender(context, *shown_name, *format); });
    auto* resume = command->add_subcommand("resume", "Send for a paused sender again");
    set_examples(*resume, {"campaign sender resume alice", "campaign sender resume bob --db client.db"});
    auto name = std::make_shared<std::string>();
    resume->add_option("SENDER", *name, "The sender's id")->required();
    on_run(*resume, context, [&context, name] { return resume_sender(context, *name); });
}

} // namespace campaign::cli
