// campaign status [CAMPAIGN] [--format table|json]: where each campaign stands per sender, and what each sender has
// used of its limits today, on its own calendar.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/output.hpp"
#include "config/campaign_loader.hpp"
#include "schedule/calendar.hpp"
#include "schedule/ledger.hpp"
#include "store/action_store.hpp"
#include "store/campaign_store.hpp"
#include "store/enrollment_store.hpp"

namespace campaign::cli {

namespace {

struct StatusArguments {
    std::string campaign;
    std::string format = "table";
};

// A sender's limits as the latest stored version of a campaign using it defines them.
struct SenderUse {
    store::SenderRow row;
    std::optional<core::Sender> definition;
    std::string local_date;
    std::map<core::ActionType, int> today;
    int invitations_this_week = 0;
};

std::map<std::string, core::Sender> sender_definitions(store::CampaignStore& campaigns) {
    std::map<std::string, core::Sender> senders;
    for (const auto& [id, name] : campaigns.campaigns()) {
        auto latest = campaigns.latest_version(id);
        if (!latest) {
            continue;
        }
        auto loaded = config::load_campaign_text(latest->definition, latest->source);
        if (loaded.campaign) {
            for (const auto& sender : loaded.campaign->senders) {
                senders.emplace(sender.id, sender);
            }
        }
    }
    return senders;
}

std::vector<SenderUse> sender_use(store::Database& database, core::Timestamp now) {
    store::CampaignStore campaigns(database);
    store::ActionStore actions(database);
    auto definitions = sender_definitions(campaigns);
    std::vector<SenderUse> result;
    for (const auto& row : campaigns.senders()) {
        SenderUse use{row, std::nullopt, "", {}, 0};
        core::Sender sender;
        if (auto found = definitions.find(row.name); found != definitions.end()) {
            use.definition = found->second;
            sender = found->second;
        } else {
            // Only its day matters here: any hours will do.
            sender.id = row.name;
            sender.working_hours.days.fill(true);
        }
        sender.timezone = row.timezone;
        schedule::SenderCalendar calendar(sender);
        schedule::SenderLedger ledger(calendar);
        actions.for_each_counted(row.id, now - schedule::k_invitation_window - std::chrono::days{2},
                                 [&](core::ActionType type, core::Timestamp at) { ledger.record(type, at); });
        use.local_date = calendar.format_local(now).substr(0, 10);
        for (auto type : core::k_action_types) {
            if (auto used = ledger.used_on_day(type, now); used > 0) {
                use.today[type] = used;
            }
        }
        use.invitations_this_week = ledger.invitations_in_week(now);
        result.push_back(std::move(use));
    }
    return result;
}

std::string optional_time(const std::optional<core::Timestamp>& when) {
    return when ? core::format_utc(*when) : "-";
}

std::string usage(const SenderUse& use) {
    std::string text;
    for (auto type : core::k_action_types) {
        auto used = use.today.count(type) ? use.today.at(type) : 0;
        std::optional<int> limit;
        if (use.definition) {
            if (auto found = use.definition->limits.per_day.find(type); found != use.definition->limits.per_day.end()) {
                limit = found->second;
            }
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
                             {"done", row.done},
                             {"replied", row.replied},
                             {"opted_out", row.opted_out},
                             {"failed", row.failed},
                             {"stopped", row.stopped},
                             {"next_due_at", row.next_due_at ? nlohmann::json(core::format_utc(*row.next_due_at))
                                                             : nlohmann::json(nullptr)}});
    }
    auto people = nlohmann::json::array();
    for (const auto& use : senders) {
        auto today = nlohmann::json::object();
        for (auto type : core::k_action_types) {
            auto used = use.today.count(type) ? use.today.at(type) : 0;
            nlohmann::json entry{{"used", used}};
            if (use.definition) {
                if (auto found = use.definition->limits.per_day.find(type);
                    found != use.definition->limits.per_day.end()) {
                    entry["limit"] = found->second;
                }
            }
            today[std::string(core::to_string(type))] = entry;
        }
        nlohmann::json week{{"used", use.invitations_this_week}};
        if (use.definition) {
            week["limit"] = use.definition->limits.invitations_per_week;
        }
        people.push_back({{"sender", use.row.name},
                          {"timezone", use.row.timezone},
                          {"local_date", use.local_date},
                          {"paused", use.row.paused_at.has_value()},
                          {"pause_reason", use.row.paused_at ? nlohmann::json(use.row.pause_reason) : nullptr},
                          {"today", today},
                          {"invitations_7_days", week}});
    }
    return {{"campaigns", campaigns}, {"senders", people}};
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
    auto counts = store::EnrollmentStore(database).counts(campaign_id);
    // A database played on the simulated clock is looked at on that clock: "today" is the day its last run reached.
    auto now = context.clock.now();
    std::string clock = "wall";
    if (auto run = campaigns.latest_run(); run && run->clock == "simulated") {
        now = campaigns.last_simulated_time().value_or(run->reached_at);
        clock = "simulated";
    }
    auto senders = sender_use(database, now);
    if (parse_format(arguments.format) == Format::json) {
        auto json = to_json(counts, senders);
        json["as_of"] = core::format_utc(now);
        json["clock"] = clock;
        context.out << json.dump(2) << '\n';
        return k_ok;
    }
    if (clock == "simulated") {
        context.out << "as of " << core::format_utc(now) << " on the simulated clock of the last run\n\n";
    }
    std::vector<Row> rows;
    for (const auto& row : counts) {
        rows.push_back({row.campaign, row.sender, std::to_string(row.enrolled), std::to_string(row.active),
                        std::to_string(row.waiting), std::to_string(row.done), std::to_string(row.replied),
                        std::to_string(row.opted_out), std::to_string(row.failed), optional_time(row.next_due_at)});
    }
    print_table(
        context.out,
        {"campaign", "sender", "enrolled", "active", "waiting", "done", "replied", "opted_out", "failed", "next_due"},
        rows);
    context.out << '\n';
    std::vector<Row> use_rows;
    for (const auto& use : senders) {
        auto week = std::to_string(use.invitations_this_week) +
                    (use.definition ? "/" + std::to_string(use.definition->limits.invitations_per_week) : "");
        use_rows.push_back({use.row.name, use.local_date + " " + use.row.timezone, usage(use), week,
                            use.row.paused_at ? "PAUSED: " + use.row.pause_reason : "ok"});
    }
    print_table(context.out, {"sender", "today", "actions today/limit", "invitations 7d", "state"}, use_rows, 80);
    return k_ok;
}

} // namespace

void add_status_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("status", "Where campaigns stand, and what each sender has used today");
    auto arguments = std::make_shared<StatusArguments>();
    command->add_option("CAMPAIGN", arguments->campaign, "Only this campaign");
    command->add_option("--format", arguments->format, "Output format")->check(CLI::IsMember({"table", "json"}));
    on_run(*command, context, [&context, arguments] { return status(context, *arguments); });
}

} // namespace campaign::cli
