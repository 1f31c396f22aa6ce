// campaign status [CAMPAIGN] [--format table|json]: where each campaign stands per sender, and what each sender has
// used of its limits today, on its own calendar.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cli/color.hpp"
#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/rehearsal_place.hpp"
#include "cli/sender_use.hpp"
#include "cli/stored_campaigns.hpp"
#include "config/holiday_calendars.hpp"
#include "report/page.hpp"
#include "schedule/calendar.hpp"
#include "schedule/health.hpp"
#include "schedule/ledger.hpp"
#include "schedule/limits.hpp"
#include "store/action_store.hpp"
#include "store/campaign_store.hpp"
#include "store/enrollment_store.hpp"
#include "store/rehearsal.hpp"
#include "store/retry.hpp"

namespace campaign::cli {

namespace {

struct StatusArguments {
    std::string campaign;
    std::string format = "table";
};

std::string optional_time(const std::optional<core::Timestamp>& when) {
    return when ? core::format_utc(*when) : "-";
}

std::string usage(const SenderUse& use) {
    std::string text;
    for (auto type : core::k_action_types) {
        auto used = use.today.count(type) ? use.today.at(type) : 0;
        std::optional<int> limit;
        if (auto found = use.limits.find(type); found != use.limits.end()) {
            limit = found->second;
        }
        if (used == 0 && !(limit && (type == core::ActionType::connect || type == core::ActionType::message))) {
            continue;
        }
        text += (text.empty() ? "" : "  ") + std::string(core::to_string(type)) + " " + std::to_string(used) +
                (limit ? "/" + std::to_string(*limit) : "");
    }
    return text.empty() ? "-" : text;
}

nlohmann::json to_json(const std::vector<store::EnrollmentCounts>& counts, const std::vector<SenderUse>& senders) {
    auto campaigns = nlohmann::json::array();
    for (const auto& row : counts) {
        campaigns.push_back({{"campaign", row.campaign},
                             {"sender", row.sender},
                             {"enrolled", row.enrolled},
                             {"active", row.active},
                             {"waiting", row.waiting},
                             {"paused", row.paused},
                             {"done", row.done},
                             {"replied", row.replied},
                             {"ended_on_reply", row.ended_on_reply},
                             {"lost", row.lost},
                             {"opted_out", row.opted_out},
                             {"failed", row.failed},
                             {"stopped", row.stopped},
                             {"next_due_at", row.next_due_at ? nlohmann::json(core::format_utc(*row.next_due_at))
                                                             : nlohmann::json(nullptr)}});
    }
    auto people = nlohmann::json::array();
    for (const auto& use : senders) {
        nlohmann::json week{{"used", use.invitations_this_week}};
        if (use.week_limit) {
            week["limit"] = *use.week_limit;
            week["configured_limit"] = use.definition->limits.invitations_per_week;
        }
        people.push_back(
            {{"sender", use.row.name},
             {"timezone", use.row.timezone},
             {"local_date", use.local_date},
             {"paused", use.row.paused_at.has_value()},
             {"pause_reason", use.row.paused_at ? nlohmann::json(use.row.pause_reason) : nullptr},
             {"held", use.held.empty() ? nlohmann::json(nullptr) : nlohmann::json(use.held)},
             {"holds", holds_json(use)},
             {"today", today_json(use)},
             {"invitations_7_days", week},
             {"invitations", invitations_json(use)},
             {"limits_note", use.limits_note.empty() ? nlohmann::json(nullptr) : nlohmann::json(use.limits_note)},
             {"holiday", use.holiday.empty() ? nlohmann::json(nullptr) : nlohmann::json(use.holiday)}});
    }
    return {{"campaigns", campaigns}, {"senders", people}};
}

// The failed steps of the campaign (or all), one row per campaign, step and reason: how many, and the latest error.
struct FailureGroup {
    std::string campaign;
    std::string step;
    core::Failure reason = core::Failure::rejected;
    int count = 0;
    std::string latest_error;
};

std::vector<FailureGroup> failure_groups(store::Database& database, const std::string& campaign) {
    store::RetryFilter filter;
    if (!campaign.empty()) {
        filter.campaign = campaign;
    }
    std::vector<FailureGroup> groups;
    for (const auto& failed : store::failed_steps(database, filter)) {
        auto reason = *failed.action.failure;
        auto found = std::find_if(groups.begin(), groups.end(), [&](const FailureGroup& group) {
            return group.campaign == failed.campaign && group.step == failed.action.step && group.reason == reason;
        });
        if (found == groups.end()) {
            found = groups.insert(groups.end(), FailureGroup{failed.campaign, failed.action.step, reason, 0, ""});
        }
        ++found->count;
        found->latest_error = failed.action.error; // oldest first: the last one seen is the latest
    }
    return groups;
}

nlohmann::json failures_json(const std::vector<FailureGroup>& groups) {
    auto json = nlohmann::json::array();
    for (const auto& group : groups) {
        json.push_back({{"campaign", group.campaign},
                        {"step", group.step},
                        {"reason", core::to_string(group.reason)},
                        {"count", group.count},
                        {"latest_error", group.latest_error}});
    }
    return json;
}

void print_failures(std::ostream& out, const std::vector<FailureGroup>& groups) {
    if (groups.empty()) {
        return;
    }
    std::vector<Row> rows;
    for (const auto& group : groups) {
        rows.push_back({group.campaign, group.step, std::string(core::to_string(group.reason)),
                        std::to_string(group.count), group.latest_error});
    }
    out << "\nfailed steps ('campaign retry' tries them again once the cause is fixed):\n";
    print_table(out, {"campaign", "step", "reason", "failed", "latest error"}, rows, 100);
}

// The state column is the last, which a table prints as it is at the end of its line: painted there once the
// table is aligned, so that colour codes never count as width.
void print_senders(Context& context, const std::vector<Row>& rows) {
    std::ostringstream table;
    print_table(table, {"sender", "today", "actions today/limit", "invitations 7d", "state"}, rows, 80);
    if (!context.color) {
        context.out << table.str();
        return;
    }
    std::istringstream lines(table.str());
    std::string line;
    std::getline(lines, line);
    context.out << line << '\n';
    for (const auto& row : rows) {
        std::getline(lines, line);
        const auto& state = row.back();
        if (line.ends_with(state)) {
            line = line.substr(0, line.size() - state.size()) + (state == "ok" ? in_green(state) : in_red(state));
        }
        context.out << line << '\n';
    }
}

int status(Context& context, const StatusArguments& arguments) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::CampaignStore campaigns(database);
    std::optional<core::RowId> campaign_id;
    if (!arguments.campaign.empty()) {
        campaign_id = campaigns.find_campaign(arguments.campaign);
        if (!campaign_id) {
            throw core::UserError("error: no campaign '" + arguments.campaign + "' in " +
                                  context.database_path.string() + " (it has not been run yet)");
        }
    }
    auto [now, clock] = status_time(database, context.clock.now());
    auto counts = store::EnrollmentStore(database).counts(campaign_id, now);
    auto senders = sender_use(database, now);
    auto failures = failure_groups(database, arguments.campaign);
    auto origin = store::rehearsal_origin(database);
    if (parse_format(arguments.format) == Format::json) {
        auto json = to_json(counts, senders);
        json["as_of"] = core::format_utc(now);
        json["clock"] = clock;
        json["rehearsal"] =
            origin ? nlohmann::json{{"copy_of", origin->copied_from.filename().string()}} : nlohmann::json(nullptr);
        json["failures"] = failures_json(failures);
        context.out << json.dump(2) << '\n';
        return k_ok;
    }
    if (origin) {
        context.out << report::rehearsal_note(origin->copied_from.filename().string()) << "\n\n";
    }
    if (clock == "simulated") {
        context.out << "as of " << core::format_utc(now) << " on the simulated clock of the last run\n\n";
    }
    if (!campaign_id && counts.empty()) {
        context.out << "no campaign has run on " << shown(context.database_path) << " yet";
        auto rehearsal = store::rehearsal_path(context.database_path);
        if (!origin && std::filesystem::exists(rehearsal)) {
            context.out << "; its rehearsals did, in " << shown(rehearsal) << " ('campaign --rehearsal status')";
        }
        context.out << '\n';
    } else {
        std::vector<Row> rows;
        for (const auto& row : counts) {
            rows.push_back({row.campaign, row.sender, std::to_string(row.enrolled), std::to_string(row.active),
                            std::to_string(row.waiting), std::to_string(row.paused), std::to_string(row.done),
                            std::to_string(row.replied), std::to_string(row.lost), std::to_string(row.opted_out),
                            std::to_string(row.failed), optional_time(row.next_due_at)});
        }
        print_table(context.out,
                    {"campaign", "sender", "enrolled", "active", "waiting", "paused", "done", "replied", "lost",
                     "opted_out", "failed", "next_due"},
                    rows);
    }
    if (senders.empty()) {
        return k_ok;
    }
    context.out << '\n';
    std::vector<Row> use_rows;
    for (const auto& use : senders) {
        auto week =
            std::to_string(use.invitations_this_week) + (use.week_limit ? "/" + std::to_string(*use.week_limit) : "");
        std::string state = use.row.paused_at ? "PAUSED: " + use.row.pause_reason : "ok";
        for (const auto* note : {&use.held, &use.holiday, &use.limits_note}) {
            state += note->empty() ? "" : "; " + *note;
        }
        // A monthly allowance in use, and what is left of it.
        const auto* limits = use.definition ? &use.definition->limits : nullptr;
        if (use.notes_left && *use.notes_left < limits->notes_per_month.value_or(0)) {
            state += "; " + std::to_string(*use.notes_left) + " invitation notes left this month";
        }
        if (use.inmails_left && *use.inmails_left < limits->inmails_per_month) {
            state += "; " + std::to_string(*use.inmails_left) + " InMail credits left this month";
        }
        use_rows.push_back({use.row.name, use.local_date + " " + use.row.timezone, usage(use), week, state});
    }
    print_senders(context, use_rows);
    print_failures(context.out, failures);
    return k_ok;
}

} // namespace

void add_status_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("status", "Where campaigns stand, and what each sender has used today");
    set_examples(*command,
                 {"campaign status", "campaign status founders-intro", "campaign status --rehearsal --format json"});
    auto arguments = std::make_shared<StatusArguments>();
    command->add_option("CAMPAIGN", arguments->campaign, "Only this campaign");
    command->add_option("--format", arguments->format, "Output format")->check(CLI::IsMember({"table", "json"}));
    on_run(*command, context, [&context, arguments] { return status(context, *arguments); });
}

} // namespace campaign::cli
