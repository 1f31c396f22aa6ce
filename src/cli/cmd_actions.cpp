// campaign actions [--campaign C] [--sender S] [--format csv|json|table]: the action log, one row per action.
// campaign actions resolve KEY sent|not-sent: settles an action left in doubt.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "store/action_store.hpp"
#include "store/campaign_store.hpp"
#include "store/enrollment_store.hpp"

namespace campaign::cli {

namespace {

struct ActionsArguments {
    std::string campaign;
    std::string sender;
    std::string format = "csv";
};

const Row k_columns{"at_utc", "at_local",    "sender", "campaign",        "step",   "variant",
                    "type",   "profile_url", "state",  "idempotency_key", "failure"};

// Why a step failed for good (template, limit, rejected, gave_up), which says what 'campaign retry' needs first.
std::string failure_of(const core::Action& action) {
    return action.failure ? std::string(core::to_string(*action.failure)) : std::string();
}

Row columns(const store::ActionLogRow& row) {
    const auto& action = row.action;
    return {core::format_utc(action.at_utc),
            action.at_local,
            row.sender,
            row.campaign,
            action.step,
            action.variant,
            std::string(core::to_string(action.type)),
            row.profile_url,
            std::string(core::to_string(action.state)),
            action.idempotency_key,
            failure_of(action)};
}

nlohmann::json to_json(const store::ActionLogRow& row) {
    const auto& action = row.action;
    auto optional = [](const std::string& text) {
        return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
    };
    return {{"at_utc", core::format_utc(action.at_utc)},
            {"at_local", action.at_local},
            {"sender", row.sender},
            {"campaign", row.campaign},
            {"campaign_version", row.version},
            {"step", action.step},
            {"variant", optional(action.variant)},
            {"type", core::to_string(action.type)},
            {"profile_url", row.profile_url},
            {"state", core::to_string(action.state)},
            {"idempotency_key", action.idempotency_key},
            {"failure", optional(failure_of(action))},
            {"attempts", action.attempts},
            {"subject", optional(action.subject)},
            {"text", optional(action.rendered_text)},
            {"response", optional(action.response)},
            {"error", optional(action.error)}};
}

int list_actions(Context& context, const ActionsArguments& arguments) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::ActionStore actions(database);
    store::ActionLogFilter filter;
    store::CampaignStore names(database);
    if (!arguments.campaign.empty()) {
        if (!names.find_campaign(arguments.campaign)) {
            throw core::UserError("error: no campaign '" + arguments.campaign + "' in " +
                                  context.database_path.string() + " (it has not been run yet)");
        }
        filter.campaign = arguments.campaign;
    }
    if (!arguments.sender.empty()) {
        if (!names.find_sender(arguments.sender)) {
            throw core::UserError("error: no sender '" + arguments.sender + "' in " + context.database_path.string());
        }
        filter.sender = arguments.sender;
    }
    switch (parse_format(arguments.format)) {
    case Format::csv:
        print_csv_row(context.out, k_columns);
        actions.for_each_logged(filter,
                                [&](const store::ActionLogRow& row) { print_csv_row(context.out, columns(row)); });
        break;
    case Format::json: {
        // Streamed, so that a log of a million actions prints in constant memory.
        const char* separator = "[\n";
        actions.for_each_logged(filter, [&](const store::ActionLogRow& row) {
            context.out << separator << "  " << to_json(row).dump();
            separator = ",\n";
        });
        context.out << (separator[0] == '[' ? "[]\n" : "\n]\n");
        break;
    }
    case Format::table: {
        std::vector<Row> rows;
        actions.for_each_logged(filter, [&](const store::ActionLogRow& row) { rows.push_back(columns(row)); });
        print_table(context.out, k_columns, rows);
        break;
    }
    }
    return k_ok;
}

// What a person found out about an action the transport could not account for: whether it went out. The next run
// settles the enrollment accordingly: on to its next step, or the step sent again under the same key.
int resolve(Context& context, const std::string& key, const std::string& outcome) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::ActionStore actions(database);
    store::EnrollmentStore enrollments(database);
    store::Transaction transaction(database);
    auto action = actions.find_by_key(key);
    if (!action) {
        throw core::UserError("error: no action with the key '" + key + "' (see: campaign actions)");
    }
    if (action->state != core::ActionState::in_doubt) {
        throw core::UserError("error: action '" + key + "' is " + std::string(core::to_string(action->state)) +
                              ", not in doubt: there is nothing to resolve");
    }
    bool went_out = outcome == "sent";
    actions.finish(action->id, went_out ? core::ActionState::sent : core::ActionState::failed,
                   went_out ? "resolved by hand: it went out" : "",
                   went_out ? "" : "resolved by hand: it did not go out; it will be sent again");
    auto enrollment = enrollments.get(action->enrollment_id);
    if (enrollment.state == core::EnrollmentState::active && enrollment.current_step == action->step &&
        enrollment.due_action) {
        enrollment.next_due_at = action->at_utc;
        enrollments.update(enrollment, context.clock.now());
    }
    transaction.commit();
    context.out << "action '" << key << "' resolved as " << (went_out ? "sent" : "not sent")
                << "; the next run takes it from there\n";
    return k_ok;
}

} // namespace

void add_actions_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("actions", "The action log: every action taken, one row per action");
    set_examples(*command, {"campaign actions", "campaign actions --campaign founders-intro --format json",
                            "campaign actions --sender alice --format table"});
    auto arguments = std::make_shared<ActionsArguments>();
    command->add_option("--campaign", arguments->campaign, "Only this campaign's actions");
    command->add_option("--sender", arguments->sender, "Only this sender's actions");
    command->add_option("--format", arguments->format, "Output format (default: csv)")
        ->check(CLI::IsMember({"csv", "json", "table"}));
    // The log, unless the resolve subcommand was given.
    command->callback([&context, arguments, command] {
        if (command->get_subcommands().empty()) {
            context.command = [&context, arguments] { return list_actions(context, *arguments); };
        }
    });

    auto* resolve_command = command->add_subcommand("resolve", "Say whether an action in doubt went out");
    set_examples(*resolve_command, {"campaign actions resolve founders-intro/42/invite sent",
                                    "campaign actions resolve founders-intro/42/invite not-sent"});
    auto key = std::make_shared<std::string>();
    auto outcome = std::make_shared<std::string>();
    resolve_command->add_option("KEY", *key, "The action's idempotency key")->required();
    resolve_command->add_option("OUTCOME", *outcome, "sent or not-sent")
        ->required()
        ->check(CLI::IsMember({"sent", "not-sent"}));
    on_run(*resolve_command, context, [&context, key, outcome] { return resolve(context, *key, *outcome); });
}

} // namespace campaign::cli
