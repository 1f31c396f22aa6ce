// campaign retry [--campaign C] [--step S] [--sender S] [--reason R]... [--dry-run]: makes steps that failed for a
// reason a change can remove (a template fixed, a limit raised, a rejection dealt with) due again, for the next run.
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/rehearsal_place.hpp"
#include "store/campaign_store.hpp"
#include "store/rehearsal.hpp"
#include "store/retry.hpp"
#include "store/runner_lock.hpp"

namespace campaign::cli {

namespace {

struct RetryArguments {
    std::string campaign;
    std::string step;
    std::string sender;
    std::vector<std::string> reasons;
    bool dry_run = false;
};

store::RetryFilter filter_of(store::Database& database, const std::filesystem::path& path,
                             const RetryArguments& arguments) {
    store::RetryFilter filter;
    store::CampaignStore names(database);
    if (!arguments.campaign.empty()) {
        if (!names.find_campaign(arguments.campaign)) {
            throw core::UserError("error: no campaign '" + arguments.campaign + "' in " + path.string() +
                                  " (it has not been run yet)");
        }
        filter.campaign = arguments.campaign;
    }
    if (!arguments.sender.empty()) {
        if (!names.find_sender(arguments.sender)) {
            throw core::UserError("error: no sender '" + arguments.sender + "' in " + path.string());
        }
        filter.sender = arguments.sender;
    }
    if (!arguments.step.empty()) {
        filter.step = arguments.step;
    }
    for (const auto& reason : arguments.reasons) {
        filter.reasons.push_back(*core::parse_failure(reason)); // CLI11 checked the names
    }
    return filter;
}

// A database played on the simulated clock is retried on that clock: the step is due where its last run stopped.
core::Timestamp due_time(store::Database& database, const core::Clock& wall) {
    store::CampaignStore campaigns(database);
    if (auto run = campaigns.latest_run(); run && run->clock == "simulated") {
        return campaigns.last_simulated_time().value_or(run->reached_at);
    }
    return wall.now();
}

int retry(Context& context, const RetryArguments& arguments) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto filter = filter_of(database, context.database_path, arguments);
    // Not while a run works on the same enrollments; a dry run changes nothing and needs no lock.
    std::optional<store::RunnerLock> lock;
    if (!arguments.dry_run) {
        lock.emplace(context.database_path);
    }
    auto steps = store::failed_steps(database, filter);
    if (steps.empty()) {
        context.out << "no failed steps match: nothing to retry\n";
        auto rehearsal = store::rehearsal_path(context.database_path);
        if (!store::rehearsal_origin(database) && std::filesystem::exists(rehearsal)) {
            context.out << "(the rehearsal's failed steps, in " << shown(rehearsal)
                        << ", are retried with 'campaign --rehearsal retry')\n";
        }
        return k_ok;
    }
    std::vector<Row> rows;
    for (const auto& step : steps) {
        rows.push_back({step.campaign, step.action.step, step.sender, step.profile_url,
                        std::string(core::to_string(*step.action.failure)), step.action.error});
    }
    print_table(context.out, {"campaign", "step", "sender", "profile_url", "reason", "error"}, rows, 80);
    auto count = [](std::size_t n) { return std::to_string(n) + (n == 1 ? " step" : " steps"); };
    if (arguments.dry_run) {
        context.out << "dry run: " << count(steps.size()) << " would be due again; nothing was changed\n";
        return k_ok;
    }
    auto reopened = store::retry_steps(database, steps, due_time(database, context.clock));
    context.out << count(static_cast<std::size_t>(reopened))
                << (reopened == 1 ? " due again: the next 'campaign run' of its campaign sends it\n"
                                  : " due again: the next 'campaign run' of their campaigns sends them\n");
    return k_ok;
}

} // namespace

void add_retry_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("retry", "Try failed steps again once their cause is fixed");
    set_examples(*command, {"campaign retry --dry-run", "campaign retry --campaign founders-intro --reason template",
                            "campaign retry --sender alice --step hello"});
    auto arguments = std::make_shared<RetryArguments>();
    command->add_option("--campaign", arguments->campaign, "Only this campaign's failed steps");
    command->add_option("--step", arguments->step, "Only this step");
    command->add_option("--sender", arguments->sender, "Only this sender's");
    command
        ->add_option("--reason", arguments->reasons,
                     "Only steps that failed for this reason: template, limit, rejected or gave_up (repeatable)")
        ->check(CLI::IsMember(std::vector<std::string>(core::k_failure_names.begin(), core::k_failure_names.end())));
    command->add_flag("--dry-run", arguments->dry_run, "List what would be tried again, changing nothing");
    on_run(*command, context, [&context, arguments] { return retry(context, *arguments); });
}

} // namespace campaign::cli
