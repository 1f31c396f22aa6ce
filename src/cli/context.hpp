// What every command needs from the shell around it: where the database is, the clock, and where to print.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>

#include "core/clock.hpp"

namespace CLI {
class App;
}

namespace campaign::cli {

struct Context {
    std::filesystem::path database_path;
    bool rehearsal = false; // --rehearsal: database_path names the rehearsal of the CRM --db names
    const core::Clock& clock;
    std::ostream& out;
    std::ostream& err;
    // Set by the subcommand that was chosen; returns the exit code.
    std::function<int()> command;
    bool color = false; // colour what goes to `out` (err paints itself)
};

// The CRM when --db does not name one: $CAMPAIGN_DB, else ./campaign.db.
std::filesystem::path default_database();

enum ExitCode { k_ok = 0, k_user_error = 1, k_usage = 2, k_runtime_failure = 3 };

// Makes `action` the command to run when `subcommand` is the one on the command line.
void on_run(CLI::App& subcommand, Context& context, std::function<int()> action);

void add_init_command(CLI::App& app, Context& context);
void add_validate_command(CLI::App& app, Context& context);
void add_prospects_command(CLI::App& app, Context& context);
void add_import_command(CLI::App& prospects, Context& context);
void add_suppress_command(CLI::App& app, Context& context);
void add_replies_command(CLI::App& app, Context& context);
void add_inbox_command(CLI::App& app, Context& context);
void add_hooks_command(CLI::App& app, Context& context);
void add_template_command(CLI::App& app, Context& context);
void add_run_command(CLI::App& app, Context& context);
void add_rehearsal_command(CLI::App& app, Context& context);
void add_retry_command(CLI::App& app, Context& context);
void add_status_command(CLI::App& app, Context& context);
void add_actions_command(CLI::App& app, Context& context);
void add_sender_command(CLI::App& app, Context& context);
void add_report_command(CLI::App& app, Context& context);
void add_ssi_command(CLI::App& app, Context& context);
void add_ssi_plan_command(CLI::App& ssi, Context& context);
void add_activity_command(CLI::App& app, Context& context);
void add_serve_command(CLI::App& app, Context& context);
void add_events_command(CLI::App& app, Context& context);
void add_db_command(CLI::App& app, Context& context);
void add_runners_command(CLI::App& app, Context& context);
void add_completion_command(CLI::App& app, Context& context);

} // namespace campaign::cli
