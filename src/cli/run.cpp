#include "cli/run.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <set>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/context.hpp"
#include "cli/rehearsal_place.hpp"
#include "core/error.hpp"
#include "store/rehearsal.hpp"

namespace campaign::cli {

std::filesystem::path default_database() {
    const char* from_environment = std::getenv("CAMPAIGN_DB");
    return (from_environment && *from_environment) ? from_environment : "campaign.db";
}

namespace {

void set_up_logging(int verbose, bool quiet) {
    auto logger = spdlog::stderr_color_mt("campaign");
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
        "status",         "report replies", "report ssi", "actions",  "prospects list",
        "prospects show", "suppress list",  "ssi list",   "validate", "template render"};
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

} // namespace

void on_run(CLI::App& subcommand, Context& context, std::function<int()> action) {
    subcommand.callback([&context, action = std::move(action)] { context.command = action; });
}

int run(int argc, char** argv) {
    core::SystemClock clock;
    Context context{default_database(), false, clock, std::cout, std::cerr, {}};

    CLI::App app{"campaign: LinkedIn outreach campaigns as code, and what they do to your Social Selling Index"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "campaign 0.1.0");
    app.option_defaults()->always_capture_default();
    app.add_option("--db", context.database_path, "The CRM database (default: $CAMPAIGN_DB, then ./campaign.db)");
    int verbose = 0;
    bool quiet = false;
    app.add_flag("-v,--verbose", verbose, "Say more about what happens");
    app.add_flag("-q,--quiet", quiet, "Print only errors");
    app.add_flag("--rehearsal", context.rehearsal,
                 "Work on the rehearsal of the CRM (campaign.rehearsal.db beside campaign.db), not the CRM itself");

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
    add_serve_command(app, context);
    add_events_command(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int code = app.exit(error);
        return code == 0 ? k_ok : k_usage;
    }
    set_up_logging(verbose, quiet);
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
