#include "cli/run.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <set>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "cli/color.hpp"
#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/rehearsal_place.hpp"
#include "core/error.hpp"
#include "store/rehearsal.hpp"

namespace campaign::cli {

std::filesystem::path default_database() {
    const char* from_environment = std::getenv("CAMPAIGN_DB");
    return (from_environment && *from_environment) ? from_environment : "campaign.db";
}

namespace {

void set_up_logging(int verbose, bool quiet, bool color) {
    auto logger = spdlog::stderr_color_mt("campaign", color ? spdlog::color_mode::always : spdlog::color_mode::never);
    logger->set_pattern("%^%l%$: %v");
    logger->set_level(quiet ? spdlog::level::err : verbose > 0 ? spdlog::level::debug : spdlog::level::warn);
    spdlog::set_default_logger(logger);
}

// The subcommand chosen, by its names from the top: "prospects import".
std::string chosen_command(const CLI::App& app) {
    std::string names;
    for (const CLI::App* at = &app; !at->get_subcommands().empty();) {
        at = at->get_subcommands().front();
        names += (names.empty() ? "" : " ") + at->get_name();
    }
    return names;
}

// The commands that only read the database.
bool only_reads(const std::string& command) {
    static const std::set<std::string, std::less<>> k_readers{
        "status",         "report replies", "report ssi",        "actions",          "prospects list",
        "prospects show", "suppress list",  "ssi list",          "validate",         "template render",
        "inbox",          "inbox show",     "replies referrals", "replies classify", "hooks log",
        "sender list",    "sender show"};
    return k_readers.contains(command);
}

// --rehearsal names the rehearsal beside the CRM for every command but `run`, which finds it itself (and makes it),
// and `rehearsal`, which is about it. A command that writes says where it wrote.
void use_rehearsal(const CLI::App& app, Context& context) {
    if (!context.rehearsal || app.got_subcommand("run") || app.got_subcommand("rehearsal")) {
        return;
    }
    auto rehearsal = store::rehearsal_path(context.database_path);
    if (!std::filesystem::exists(rehearsal)) {
        throw core::UserError("error: --rehearsal: there is no rehearsal of " + shown(context.database_path) +
                              " yet (" + shown(rehearsal) +
                              "): a run on the mock transport or the simulated clock makes one");
    }
    if (!only_reads(chosen_command(app))) {
        context.err << "note: --rehearsal: this changes " << shown(rehearsal) << " only, not "
                    << shown(context.database_path)
                    << "; 'campaign run --fresh' and 'campaign rehearsal discard' throw the rehearsal away\n";
    }
    context.database_path = rehearsal;
}

// What a command line CLI11 could not parse gets: an unknown command is named with the closest one, a command
// group without its command shows its help, the rest CLI11's own message.
int usage_error(const CLI::App& app, const std::vector<std::string>& arguments, const CLI::ParseError& error,
                Context& context) {
    auto named = named_command(app, arguments);
    if (named.unknown) {
        context.err << unknown_command_message(*named.command, *named.unknown) << '\n';
    } else if (named.command->get_require_subcommand_min() > 0 &&
               named.command->get_subcommands([](const CLI::App* chosen) { return chosen->parsed(); }).empty()) {
        context.err << help_of(*named.command);
    } else {
        app.exit(error, context.out, context.err);
    }
    return k_usage;
}

} // namespace

void on_run(CLI::App& subcommand, Context& context, std::function<int()> action) {
    subcommand.callback([&context, action = std::move(action)] { context.command = action; });
}

int run(int argc, char** argv) {
    core::SystemClock clock;
    // Messages go through a painter, which colours their error: and warning: once --color is known.
    PaintingBuffer painter(std::cerr.rdbuf());
    std::ostream err(&painter);
    Context context{default_database(), false, clock, std::cout, err, {}, false};

    CLI::App app{"campaign: LinkedIn outreach campaigns as code, and what they do to your Social Selling Index",
                 "campaign"};
    app.require_subcommand(1);
    // The global options work after the command too (`campaign status --db x.db`): commands inherit this.
    app.fallthrough();
    app.set_version_flag("--version", "campaign 0.1.0");
    app.option_defaults()->always_capture_default();
    app.add_option("--db", context.database_path, "The CRM database (default: $CAMPAIGN_DB, then ./campaign.db)");
    int verbose = 0;
    bool quiet = false;
    app.add_flag("-v,--verbose", verbose, "Say more about what happens");
    app.add_flag("-q,--quiet", quiet, "Print only errors");
    std::string color = "auto";
    app.add_option("--color", color, "Colour on a terminal: auto (default; none with NO_COLOR set), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_flag("--rehearsal", context.rehearsal,
                 "Work on the rehearsal of the CRM (campaign.rehearsal.db beside campaign.db), not the CRM itself");

    add_help_command(app, context);
    add_init_command(app, context);
    add_validate_command(app, context);
    add_prospects_command(app, context);
    add_suppress_command(app, context);
    add_template_command(app, context);
    add_run_command(app, context);
    add_rehearsal_command(app, context);
    add_retry_command(app, context);
    add_status_command(app, context);
    add_actions_command(app, context);
    add_sender_command(app, context);
    add_ssi_command(app, context);
    add_activity_command(app, context);
    add_report_command(app, context);
    add_replies_command(app, context);
    add_inbox_command(app, context);
    add_hooks_command(app, context);
    add_serve_command(app, context);
    add_events_command(app, context);
    add_db_command(app, context);
    add_runners_command(app, context);
    add_completion_command(app, context);

    std::vector<std::string> arguments(argv + std::min(argc, 1), argv + argc);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        painter.paint(use_color(color, STDERR_FILENO));
        if (error.get_exit_code() == 0) { // --help, --version
            app.exit(error, context.out, context.err);
            return k_ok;
        }
        return usage_error(app, arguments, error, context);
    }
    bool color_err = use_color(color, STDERR_FILENO);
    painter.paint(color_err);
    context.color = use_color(color, STDOUT_FILENO);
    set_up_logging(verbose, quiet, color_err);
    if (quiet) {
        context.out.setstate(std::ios::failbit); // what commands print for people is dropped; errors still show
    }
    try {
        use_rehearsal(app, context);
        spdlog::debug("database {}", context.database_path.string());
        return context.command ? context.command() : k_usage;
    } catch (const core::UserError& error) {
        context.err << error.what() << '\n';
        return k_user_error;
    } catch (const core::RuntimeFailure& error) {
        context.err << error.what() << '\n';
        return k_runtime_failure;
    } catch (const std::exception& error) {
        context.err << "error: " << error.what() << '\n';
        return k_runtime_failure;
    }
}

} // namespace campaign::cli
