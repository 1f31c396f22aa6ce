// campaign run CAMPAIGN.yaml... [--transport mock|http] [--gateway FILE] [--clock simulated|wall]
//              [--for D | --until T | --once] [--seed N] [--dry-run] [--model FILE] [--start TIME]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <future>
#include <map>
#include <ostream>
#include <sstream>
#include <unistd.h>

#include "cli/context.hpp"
#include "cli/gateway_ssi.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "cli/rehearsal_place.hpp"
#include "cli/run_support.hpp"
#include "cli/stored_campaigns.hpp"
#include "cli/triage_rules.hpp"
#include "cli/validation.hpp"
#include "config/campaign_loader.hpp"
#include "config/gateway_loader.hpp"
#include "config/mock_model_loader.hpp"
#include "engine/ssi_simulation.hpp"
#include "report/reply_render.hpp"
#include "report/ssi_render.hpp"
#include "store/action_store.hpp"
#include "store/campaign_store.hpp"
#include "store/leases.hpp"
#include "store/runner_lock.hpp"
#include "transport/gateway_transport.hpp"
#include "transport/mock_transport.hpp"

namespace campaign::cli {

namespace {

struct RunArguments {
    std::vector<std::filesystem::path> files;
    std::string transport = "mock";
    std::string clock;
    std::string period;
    std::string until;
    std::string start;
    bool once = false;
    bool dry_run = false;
    bool fresh = false;  // start the rehearsal again from the live CRM
    bool strict = false; // warnings stop the run too
    bool report = false; // end with the reply and SSI reports
    std::uint64_t seed = 1;
    std::filesystem::path model;
    std::filesystem::path gateway;
    std::string rules; // reply triage rules on top of the built-in ones
    std::string lease; // how long a live runner's leases on its senders last unless renewed
};

// A live runner's leases (store/leases.hpp) last this long unless renewed, which the heartbeat does every third of it:
// a runner that dies hands its senders over within it.
constexpr std::chrono::seconds k_default_lease{15};

// A dry run without a period forecasts this far.
constexpr core::Duration k_forecast = std::chrono::days{7};
// A run waits this long for an import in another terminal to finish, rather than stopping.
constexpr std::chrono::seconds k_patience_with_imports = std::chrono::minutes{10};
// A simulated run on the mock transport commits this many actions at a time (Engine::share_commits): a commit per
// action was most of a rehearsal's time.
constexpr int k_actions_per_simulated_commit = 1000;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    std::ostringstream text;
    text << input.rdbuf();
    return text.str();
}

// Each campaign's `mock:` section is the model of its own prospects; --model FILE is everyone's.
struct LoadedRun {
    std::vector<engine::CampaignInput> campaigns;
    core::MockModel model; // --model, or the defaults
    std::map<std::string, core::MockModel> campaign_models;
    std::optional<core::GatewaySettings> gateway;
};

// The senders whose SSI one model simulates.
struct SsiGroup {
    const core::SsiModel* model;
    std::vector<std::string> senders;
};

// Every campaign of a run goes through one gateway: a second that names another is a mistake to point at.
void take_gateway(LoadedRun& loaded, const core::GatewaySettings& gateway, core::Diagnostics& problems) {
    if (!loaded.gateway) {
        loaded.gateway = gateway;
    } else if (loaded.gateway->url != gateway.url || loaded.gateway->profile != gateway.profile ||
               loaded.gateway->api_key_env != gateway.api_key_env || loaded.gateway->accounts != gateway.accounts) {
        problems.push_back({gateway.location, "this gateway (" + gateway.url + ") is not the one of the run's other " +
                                                  "campaigns (" + loaded.gateway->url +
                                                  "): one run sends through one gateway, with one key and one set of "
                                                  "accounts"});
    }
}

// Whether the files check better against the live CRM than against its rehearsal: what was imported since the copy.
bool fewer_errors_in_live(const RunArguments& arguments, const RehearsalPlace& place, int errors) {
    if (!store::crm_exists(place.live)) {
        return false;
    }
    store::Database live(place.live, store::OpenMode::must_exist);
    int in_live = 0;
    for (const auto& checked : check_campaign_files(arguments.files, &live)) {
        in_live += error_count(checked.diagnostics);
    }
    return in_live < errors;
}

// A run runs only what validate accepts: the same checks against the CRM it works on, the same lines, and nothing
// recorded when there is an error (or, with --strict, a warning).
LoadedRun load_files(const RunArguments& arguments, store::Database* crm, std::ostream& err,
                     const RehearsalPlace* rehearsal = nullptr) {
    LoadedRun loaded;
    core::Diagnostics problems;
    for (auto& checked : check_campaign_files(arguments.files, crm)) {
        problems.insert(problems.end(), checked.diagnostics.begin(), checked.diagnostics.end());
        auto& campaign = checked.loaded;
        if (!campaign.campaign) {
            continue;
        }
        if (campaign.mock_model) {
            loaded.campaign_models.emplace(campaign.campaign->id, *campaign.mock_model);
        }
        if (campaign.gateway && arguments.gateway.empty()) {
            take_gateway(loaded, *campaign.gateway, problems);
        }
        loaded.campaigns.push_back({std::move(*campaign.campaign), read_file(checked.file), checked.file.string()});
    }
    int errors = error_count(problems);
    int warnings = warning_count(problems);
    if (errors > 0 || (arguments.strict && warnings > 0)) {
        for (const auto& problem : problems) {
            err << problem.to_string() << '\n';
        }
        int blocking = errors + (arguments.strict ? warnings : 0);
        auto found = std::to_string(blocking) + (blocking == 1 ? " problem" : " problems") + " found";
        if (rehearsal && fewer_errors_in_live(arguments, *rehearsal, errors)) {
            // The rehearsal goes on with the CRM as it was copied, which may lack what was imported since.
            throw core::UserError(found + " against the rehearsal " + shown(rehearsal->rehearsal) +
                                  ": nothing was run ('campaign --rehearsal validate' shows the same; --fresh "
                                  "rehearses with what " +
                                  shown(rehearsal->live) + " holds now)");
        }
        throw core::UserError(found + ": nothing was run (campaign validate shows the same)");
    }
    for (const auto& problem : problems) {
        err << problem.to_string() << '\n';
    }
    loaded.model = core::MockModel{core::default_outcome_rates(), {}, std::nullopt};
    if (!arguments.model.empty()) {
        auto file = config::load_mock_model(arguments.model);
        if (!file.model) {
            fail_on(file.diagnostics);
        }
        loaded.model = *file.model;
        loaded.campaign_models.clear();
    }
    if (!arguments.gateway.empty()) {
        auto file = config::load_gateway(arguments.gateway);
        if (!file.settings) {
            fail_on(file.diagnostics);
        }
        loaded.gateway = file.settings;
    }
    return loaded;
}

// Older versions are parsed from their stored text, with the templates of the folder beside the file they came from.
core::Campaign parse_version(const std::string& definition, const std::string& source) {
    auto loaded = config::load_campaign_text(definition, source);
    if (!loaded.campaign) {
        throw core::UserError(source +
                              ": error: an earlier version of this campaign, which running enrollments keep, "
                              "no longer loads: " +
                              loaded.diagnostics.front().to_string());
    }
    return *loaded.campaign;
}

std::optional<core::Timestamp> parse_moment(const std::string& text) {
    if (auto moment = core::parse_utc(text)) {
        return moment;
    }
    return core::parse_utc(text + "T00:00:00Z");
}

void print_changes(std::ostream& out, const std::vector<engine::VersionChange>& changes) {
    for (const auto& change : changes) {
        if (!change.is_new) {
            continue;
        }
        if (!change.previous_version) {
            out << "campaign '" << change.campaign << "': version " << change.version << " stored\n";
            continue;
        }
        out << "campaign '" << change.campaign << "' changed since version " << *change.previous_version
            << " (now version " << change.version << "):\n";
        for (const auto& line : change.changes) {
            out << "  - " << line << '\n';
        }
        out << "  " << change.enrollments_on_older_versions
            << " running enrollments keep the version they started on; new enrollments start on version "
            << change.version << '\n';
    }
}

struct Period {
    core::Timestamp start;
    std::optional<core::Timestamp> until;
};

Period period_of(const RunArguments& arguments, bool simulated, store::Database& database, const core::Clock& wall) {
    Period period{std::chrono::floor<std::chrono::minutes>(wall.now()), std::nullopt};
    if (simulated) {
        if (!arguments.start.empty()) {
            auto start = parse_moment(arguments.start);
            if (!start) {
                throw core::UserError("error: --start: '" + arguments.start +
                                      "' is not a time like 2026-12-01T09:00:00Z");
            }
            period.start = *start;
        } else if (auto reached = store::CampaignStore(database).last_simulated_time()) {
            period.start = *reached;
        }
    }
    if (!arguments.period.empty()) {
        auto length = core::parse_duration(arguments.period);
        if (!length) {
            throw core::UserError("error: --for: '" + arguments.period + "' is not a duration like 30d or 12h");
        }
        period.until = period.start + *length;
    } else if (!arguments.until.empty()) {
        period.until = parse_moment(arguments.until);
        if (!period.until) {
            throw core::UserError("error: --until: '" + arguments.until + "' is not a time like 2026-12-31T18:00:00Z");
        }
    } else if (arguments.dry_run) {
        period.until = period.start + k_forecast;
    }
    if (period.until && *period.until < period.start) {
        throw core::UserError("error: the run would end (" + core::format_utc(*period.until) + ") before it starts (" +
                              core::format_utc(period.start) + ")");
    }
    return period;
}

void print_summary(std::ostream& out, const RunArguments& arguments, bool simulated, core::Timestamp start,
                   const engine::RunSummary& summary) {
    const auto& totals = summary.totals;
    out << (arguments.dry_run ? "forecast " : "ran ") << core::format_utc(start) << " to "
        << core::format_utc(summary.reached) << " (" << (simulated ? "simulated" : "wall") << " clock, seed "
        << arguments.seed << "): " << totals.sent << " actions sent, " << totals.accepted << " accepted, "
        << totals.replied << " replied, "
        << (totals.away > 0 ? std::to_string(totals.away) + " out of office, " : std::string()) << totals.failed
        << " failed; " << summary.stop_reason << '\n';
    if (arguments.dry_run) {
        out << "dry run: nothing was recorded\n";
    }
}

std::vector<std::string> senders_of(const std::vector<engine::CampaignInput>& campaigns) {
    std::vector<std::string> senders;
    for (const auto& input : campaigns) {
        for (const auto& sender : input.campaign.senders) {
            if (std::find(senders.begin(), senders.end(), sender.id) == senders.end()) {
                senders.push_back(sender.id);
            }
        }
    }
    return senders;
}

// A sender's simulated SSI follows --model, or else the first campaign of the command line that names the sender
// and has an `ssi:` section.
std::vector<SsiGroup> ssi_groups(const LoadedRun& loaded, const std::vector<engine::CampaignInput>& campaigns) {
    // The models are the loaded run's own, which outlives the groups.
    std::vector<SsiGroup> groups;
    auto group_of = [&groups](const core::SsiModel& model) -> SsiGroup& {
        for (auto& group : groups) {
            if (group.model == &model) {
                return group;
            }
        }
        return groups.emplace_back(SsiGroup{&model, {}});
    };
    for (const auto& sender : senders_of(campaigns)) {
        const core::SsiModel* model = loaded.model.ssi ? &*loaded.model.ssi : nullptr;
        for (const auto& input : campaigns) {
            auto own = loaded.campaign_models.find(input.campaign.id);
            bool names = std::any_of(input.campaign.senders.begin(), input.campaign.senders.end(),
                                     [&sender](const core::Sender& candidate) { return candidate.id == sender; });
            if (model == nullptr && names && own != loaded.campaign_models.end() && own->second.ssi) {
                model = &*own->second.ssi;
            }
        }
        if (model != nullptr) {
            group_of(*model).senders.push_back(sender);
        }
    }
    return groups;
}

std::unique_ptr<transport::Transport> mock_transport(const LoadedRun& loaded, const RunArguments& arguments,
                                                     store::Database& database, const std::filesystem::path& path) {
    std::optional<std::filesystem::path> journal;
    if (!arguments.dry_run) {
        journal = store::mock_journal_path(path);
    }
    store::ActionStore actions(database);
    auto transport = std::make_unique<transport::MockTransport>(
        loaded.model, arguments.seed, journal,
        [&actions](const std::string& key) { return actions.find_by_key(key).has_value(); });
    for (const auto& [campaign, model] : loaded.campaign_models) {
        transport->use_for_campaign(campaign, model);
    }
    return transport;
}

// The key is read from the environment here and handed to the transport, which keeps it in its request header only.
std::unique_ptr<transport::Transport> gateway_transport(const LoadedRun& loaded, transport::GatewayHooks hooks) {
    if (!loaded.gateway) {
        throw core::UserError("error: --transport http needs a gateway: a 'gateway:' section in the campaign file, "
                              "or --gateway FILE (see docs/http-transport.md)");
    }
    const auto& gateway = *loaded.gateway;
    const char* key = std::getenv(gateway.api_key_env.c_str());
    if (key == nullptr || *key == '\0') {
        throw core::UserError("error: the gateway's key is read from the environment variable " + gateway.api_key_env +
                              ", which is not set");
    }
    return transport::make_gateway_transport(gateway, key, std::move(hooks));
}

void check_arguments(const Context& context, const RunArguments& arguments, bool simulated) {
    if (arguments.dry_run && arguments.transport == "http") {
        throw core::UserError("error: --dry-run forecasts with the mock transport; leave out --transport http");
    }
    if (!arguments.gateway.empty() && arguments.transport != "http") {
        throw core::UserError("error: --gateway is the http transport's: add --transport http to send through it");
    }
    if (arguments.dry_run && !simulated) {
        throw core::UserError("error: --dry-run forecasts on the simulated clock; leave out --clock wall");
    }
    bool rehearsal = arguments.transport == "mock" || simulated;
    if (!rehearsal && context.rehearsal) {
        throw core::UserError("error: --rehearsal: a live run (--transport http on the wall clock) works on the live "
                              "CRM, never on its rehearsal");
    }
    if (!arguments.lease.empty() && rehearsal) {
        throw core::UserError("error: --lease is for live runs (--transport http on the wall clock), which share "
                              "their senders with other runners");
    }
    if (!arguments.lease.empty()) {
        auto lease = core::parse_duration(arguments.lease);
        if (!lease || *lease < std::chrono::seconds{1} || *lease > std::chrono::hours{1}) {
            throw core::UserError("error: --lease " + arguments.lease +
                                  ": give a duration from 1s to 1h, such as 15s (the default)");
        }
    }
    if (arguments.fresh && (!rehearsal || arguments.dry_run)) {
        throw core::UserError(std::string("error: --fresh starts a rehearsal again from the live CRM; ") +
                              (arguments.dry_run ? "a dry run always starts from the database it is given"
                                                 : "a live run has no rehearsal to start again"));
    }
}

// How a later command names the database the run worked in.
std::string database_option(const Context& context, const std::filesystem::path& rehearsal) {
    if (store::rehearsal_path(context.database_path) == rehearsal) {
        return context.database_path == default_database() ? "--rehearsal "
                                                           : "--db " + shown(context.database_path) + " --rehearsal ";
    }
    return "--db " + shown(rehearsal) + " ";
}

// The reports a user reads after a rehearsal, as `report replies` and `report ssi` print them.
void print_reports(std::ostream& out, store::Database& database, core::Timestamp reached,
                   std::shared_ptr<const triage::Triage> triage) {
    report::ReplyReportOptions replies;
    replies.now = reached;
    replies.triage = std::move(triage);
    replies.variant_order = variant_order(database);
    out << '\n';
    report::write_table(out, report::build_reply_report(database, replies), report::Section::all);
    out << '\n';
    report::write_ssi_table(out, report::build_ssi_report(database, report::SsiReportOptions{}),
                            report::SsiSection::all);
}

int run_campaigns(Context& context, const RunArguments& arguments) {
    bool simulated = arguments.clock.empty() ? arguments.transport == "mock" : arguments.clock == "simulated";
    check_arguments(context, arguments, simulated);
    // The reply triage rules compile on the other core while the files are read and checked; a broken rules file
    // still stops the run before anything is written.
    auto triage_loading = std::async(std::launch::async, load_triage, arguments.rules);
    bool rehearsal = arguments.transport == "mock" || simulated;
    if (!store::crm_exists(context.database_path)) {
        // The files' own errors first, then what to do about the missing CRM.
        load_files(arguments, nullptr, context.err);
        store::Database(context.database_path, store::OpenMode::must_exist);
    }
    auto place = rehearsal_place(context.database_path);
    // A dry run forecasts from the database it is given, live or rehearsal (with --rehearsal, the rehearsal); a
    // rehearsal goes on in its own.
    if (arguments.dry_run && context.rehearsal) {
        if (!store::crm_exists(place.rehearsal)) {
            throw core::UserError("error: --rehearsal: there is no rehearsal of " + shown(place.live) +
                                  " yet to forecast from (" + shown(place.rehearsal) + ")");
        }
        context.database_path = place.rehearsal;
    }
    auto crm_path = arguments.dry_run || !rehearsal                            ? context.database_path
                    : (!arguments.fresh && store::crm_exists(place.rehearsal)) ? place.rehearsal
                                                                               : place.live;
    if (rehearsal && arguments.transport == "http" && !arguments.dry_run) {
        context.err << "warning: --transport http on the simulated clock sends through the gateway for real, as fast "
                       "as the clock jumps, and records it in the rehearsal only: point it at a test gateway\n";
    }
    LoadedRun loaded;
    {
        store::Database crm(crm_path, store::OpenMode::must_exist);
        if (!rehearsal) {
            check_live(crm);
        }
        loaded = load_files(arguments, &crm, context.err, crm_path == place.rehearsal ? &place : nullptr);
    }
    auto triage = triage_loading.get();
    std::optional<store::RunnerLock> lock;
    std::optional<DryRunCopy> copy;
    std::optional<Rehearsal> rehearsal_held;
    if (arguments.dry_run) {
        copy.emplace(context.database_path, context.clock);
    } else if (rehearsal) {
        rehearsal_held.emplace(place, arguments.fresh, context.clock, context.out);
    } else {
        // A live run is one of the runners that share the CRM's senders (on SQLite, the only one).
        lock.emplace(context.database_path, store::LockMode::shared);
    }
    auto database_path = copy ? copy->path() : rehearsal_held ? rehearsal_held->path() : context.database_path;
    store::Database database(database_path, store::OpenMode::must_exist);
    database.wait_for_writers(k_patience_with_imports);
    database.keep_temporary_files_in_memory();
    // A run that reaches LinkedIn keeps each intent on disk before it is sent, whatever its clock.
    if (simulated && arguments.transport == "mock") {
        database.relax_durability();
    }
    auto period = period_of(arguments, simulated, database, context.clock);
    if (period.until && *period.until == period.start) {
        context.out << "nothing to do: the " << (simulated ? "simulated " : "") << "clock already stands at "
                    << core::format_utc(period.start) << ", the end of the period asked for\n";
        return k_ok;
    }
    TemplateMessages messages;
    core::SeededRandom random(arguments.seed);
    RunPrinter printer(context.out, context.err, context.clock, arguments.dry_run,
                       !arguments.dry_run && isatty(STDERR_FILENO) != 0);
    core::ManualClock simulated_clock(period.start);
    const core::Clock& clock = simulated ? static_cast<const core::Clock&>(simulated_clock) : context.clock;
    StopOnSignal stop;
    WallSleeper sleeper(stop.requested());
    core::SeededRandom jitter(arguments.seed ^ 0x9e3779b97f4a7c15ULL);
    auto transport =
        arguments.transport == "http"
            ? gateway_transport(loaded, {clock, jitter, sleeper,
                                         [&printer](const std::string& warning) { printer.on_warning(warning); }})
            : mock_transport(loaded, arguments, database, database_path);
    auto senders = senders_of(loaded.campaigns);
    auto simulated_ssi = ssi_groups(loaded, loaded.campaigns);
    GatewaySsi ssi(database, *transport, senders, printer);
    // On the simulated clock the gateway's SSI of today would be recorded for days that have not come.
    bool fetches_ssi = arguments.transport == "http" && !simulated;
    engine::RunObserver& observer = fetches_ssi ? static_cast<engine::RunObserver&>(ssi) : printer;
    std::optional<store::Leases> leases;
    if (lock) {
        auto lease = arguments.lease.empty() ? k_default_lease : *core::parse_duration(arguments.lease);
        leases.emplace(database, database_path, store::this_runner(context.clock),
                       std::chrono::duration_cast<std::chrono::milliseconds>(lease));
    }
    engine::Engine engine(database, *transport, messages, random, observer);
    if (leases) {
        engine.share_senders_with(*leases);
    }
    engine.read_replies_with(triage);
    if (!arguments.dry_run) { // a forecast tells nobody anything
        engine.post_hooks_with(engine::http_hook_post(), engine::process_environment(), context.clock);
    }
    if (simulated && arguments.transport == "mock") {
        engine.share_commits(k_actions_per_simulated_commit);
    }
    auto now = clock.now();
    print_changes(context.out, engine.load(std::move(loaded.campaigns), parse_version, now));
    if (auto settled = engine.recover(now); settled > 0) {
        context.out << settled << " actions interrupted by an earlier run settled\n";
    }
    auto enrolled = engine.enroll(now);
    context.out << enrolled << " prospects enrolled\n";

    store::CampaignStore runs(database);
    auto run_id =
        runs.begin_run({0, std::string(transport->name()), simulated ? "simulated" : "wall", arguments.seed, now, now});
    engine::SimulatedWaiter simulated_waiter(simulated_clock);
    WallWaiter wall_waiter(context.clock, stop.requested());
    engine::Waiter& waiter = simulated ? static_cast<engine::Waiter&>(simulated_waiter) : wall_waiter;
    engine::RunLimits limits{period.until, arguments.once};
    if (arguments.transport == "http") {
        limits.poll_interval = std::chrono::duration_cast<core::Duration>(loaded.gateway->poll_interval);
        limits.poll_interval = std::max(limits.poll_interval, core::Duration{1});
    }
    auto summary = engine.run(clock, waiter, limits, stop.requested());
    runs.end_run(run_id, summary.reached, clock.now(), summary.stop_reason);

    printer.clear_progress();
    print_summary(context.out, arguments, simulated, now, summary);
    if (summary.totals.sent == 0 && summary.totals.unreachable > 0) {
        context.err << "error: the gateway at " << loaded.gateway->url
                    << " could not be reached: nothing was sent; the steps stay due for the next run\n";
        return k_runtime_failure;
    }
    if (simulated && arguments.transport == "mock" && (!arguments.dry_run || arguments.report)) {
        for (const auto& group : simulated_ssi) {
            auto recorded = engine::record_simulated_ssi(database, *group.model, arguments.seed, group.senders, now,
                                                         summary.reached);
            context.out << "simulated " << recorded << " daily SSI snapshots for " << group.senders.size()
                        << (group.senders.size() == 1 ? " sender" : " senders") << '\n';
        }
    }
    if (arguments.report) {
        print_reports(context.out, database, summary.reached, triage);
    } else if (rehearsal_held) {
        auto reader = "campaign " + database_option(context, rehearsal_held->path());
        context.out << "the rehearsal's reports: " << reader << "report replies, " << reader << "report ssi\n";
    }
    return k_ok;
}

} // namespace

void add_run_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("run", "Run campaigns: enroll their audience and send their steps");
    set_examples(*command, {"campaign run campaigns/founders-intro.yaml --for 30d --seed 42",
                            "campaign run campaigns/founders-intro.yaml --dry-run",
                            "campaign run campaigns/founders-intro.yaml --transport http"});
    auto arguments = std::make_shared<RunArguments>();
    command->add_option("CAMPAIGN", arguments->files, "Campaign YAML files")->required();
    command->add_option("--transport", arguments->transport, "How actions go out: mock (default) or http")
        ->check(CLI::IsMember({"mock", "http"}));
    command->add_option("--gateway", arguments->gateway, "The http transport's gateway file (default: the campaign's)");
    command->add_option("--clock", arguments->clock, "simulated (the mock's default) or wall")
        ->check(CLI::IsMember({"simulated", "wall"}));
    auto* period = command->add_option("--for", arguments->period, "Run for this long, e.g. 30d");
    auto* until = command->add_option("--until", arguments->until, "Run until this UTC time, e.g. 2026-12-31");
    auto* once = command->add_flag("--once", arguments->once, "Do what is due now, then stop");
    period->excludes(until)->excludes(once);
    until->excludes(once);
    command->add_option("--seed", arguments->seed, "Seed of the simulator and the pacing jitter (default: 1)");
    command->add_flag("--dry-run", arguments->dry_run,
                      "Rehearse in a copy that is thrown away, printing the schedule (7 days unless told)");
    command->add_flag("--fresh", arguments->fresh,
                      "Start the rehearsal again from the live CRM as it is now (default: go on where it stopped)");
    command->add_flag("--strict", arguments->strict, "Refuse to run when validate finds warnings too");
    command->add_flag("--report", arguments->report, "End with the reply and SSI reports of what the run worked on");
    command->add_option(
        "--rules", arguments->rules,
        "A directory of <code>.yaml reply triage rules on top of the built-in ones (data/triage/README.md)");
    command->add_option("--model", arguments->model, "Mock model file (default: the campaign's mock section)")
        ->check(CLI::ExistingFile);
    command->add_option("--start", arguments->start, "Where a simulated clock starts (default: where it stopped)");
    command->add_option("--lease", arguments->lease,
                        "How long a live runner's hold on its senders lasts unless renewed (default: 15s)");
    on_run(*command, context, [&context, arguments] { return run_campaigns(context, *arguments); });
}

} // namespace campaign::cli
