// campaign runners [--format table|json]
// The runners working on the CRM (docs/operations.md, "Several runners"): each one's host and process, since when it
// runs and its last heartbeat, and which senders' leases it holds, at which epoch, until when.
#include <CLI/CLI.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "store/leases.hpp"

namespace campaign::cli {

namespace {

std::string utc_of(std::int64_t ms) {
    return core::format_utc(core::Timestamp{std::chrono::seconds{ms / 1000}});
}

// "12s", "3m 5s", "2h 10m": how long, to the second.
std::string span_of(std::int64_t ms) {
    auto seconds = std::max<std::int64_t>(ms, 0) / 1000;
    if (seconds < 60) {
        return std::to_string(seconds) + "s";
    }
    if (seconds < 3600) {
        return std::to_string(seconds / 60) + "m " + std::to_string(seconds % 60) + "s";
    }
    return std::to_string(seconds / 3600) + "h " + std::to_string(seconds / 60 % 60) + "m";
}

bool alive(const store::RunnerRow& runner, std::int64_t now_ms) {
    return runner.heartbeat_ms + runner.lease_ms >= now_ms;
}

std::string lease_state(const store::LeaseRow& lease, std::int64_t now_ms) {
    if (lease.expires_ms == 0) {
        return "let go";
    }
    return lease.expires_ms > now_ms ? "ends in " + span_of(lease.expires_ms - now_ms)
                                     : "ran out " + span_of(now_ms - lease.expires_ms) + " ago";
}

int show(Context& context, const std::string& format_name) {
    auto format = parse_format(format_name);
    if (format == Format::csv) {
        throw core::UserError("error: --format must be table or json, not 'csv'");
    }
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto view = store::read_runners(database);
    std::map<std::string, int> senders_of;
    std::map<std::string, bool> chores_of;
    for (const auto& lease : view.leases) {
        if (lease.expires_ms > view.now_ms) {
            if (lease.sender.empty()) {
                chores_of[lease.owner] = true;
            } else {
                ++senders_of[lease.owner];
            }
        }
    }
    if (format == Format::json) {
        auto runners = nlohmann::json::array();
        for (const auto& runner : view.runners) {
            runners.push_back({{"id", runner.id},
                               {"host", runner.host},
                               {"pid", runner.pid},
                               {"started_at", utc_of(runner.started_ms)},
                               {"heartbeat_at", utc_of(runner.heartbeat_ms)},
                               {"heartbeat_age_ms", view.now_ms - runner.heartbeat_ms},
                               {"lease_ms", runner.lease_ms},
                               {"alive", alive(runner, view.now_ms)},
                               {"senders", senders_of[runner.id]},
                               {"chores", chores_of[runner.id]}});
        }
        auto leases = nlohmann::json::array();
        for (const auto& lease : view.leases) {
            bool held = lease.expires_ms > view.now_ms;
            leases.push_back({{"lease", lease.name},
                              {"sender", lease.sender.empty() ? nlohmann::json(nullptr) : nlohmann::json(lease.sender)},
                              {"owner", held ? nlohmann::json(lease.owner) : nlohmann::json(nullptr)},
                              {"last_owner", lease.owner},
                              {"epoch", lease.epoch},
                              {"since", utc_of(lease.acquired_ms)},
                              {"expires_at", lease.expires_ms == 0 ? nlohmann::json(nullptr)
                                                                   : nlohmann::json(utc_of(lease.expires_ms))}});
        }
        context.out << nlohmann::json{{"now", utc_of(view.now_ms)}, {"runners", runners}, {"leases", leases}}.dump(2)
                    << '\n';
        return k_ok;
    }
    if (view.runners.empty()) {
        context.out << "no runner works on this CRM now (a live run, campaign run --transport http, is one)\n";
    } else {
        std::vector<Row> rows;
        for (const auto& runner : view.runners) {
            auto age = view.now_ms - runner.heartbeat_ms;
            rows.push_back({runner.id, runner.host, std::to_string(runner.pid), utc_of(runner.started_ms),
                            span_of(age) + " ago" + (alive(runner, view.now_ms) ? "" : " (gone)"),
                            std::to_string(senders_of[runner.id]), chores_of[runner.id] ? "yes" : "no"});
        }
        print_table(context.out, {"runner", "host", "pid", "since", "last heartbeat", "senders", "chores"}, rows, 60);
    }
    if (!view.leases.empty()) {
        context.out << '\n';
        std::vector<Row> rows;
        for (const auto& lease : view.leases) {
            bool held = lease.expires_ms > view.now_ms;
            rows.push_back({lease.sender.empty() ? "(chores)" : lease.sender, held ? lease.owner : "-",
                            std::to_string(lease.epoch), held ? utc_of(lease.acquired_ms) : "-",
                            lease_state(lease, view.now_ms)});
        }
        print_table(context.out, {"sender", "runner", "epoch", "since", "lease"}, rows, 60);
    }
    return k_ok;
}

} // namespace

void add_runners_command(CLI::App& app, Context& context) {
    auto format = std::make_shared<std::string>("table");
    auto* runners = app.add_subcommand(
        "runners", "The live runs working on the CRM, their heartbeats, and the senders each one holds");
    runners->add_option("--format", *format, "table or json");
    set_examples(*runners, {"campaign runners", "campaign runners --db postgresql://campaign@db.internal/agency",
                            "campaign runners --format json"});
    on_run(*runners, context, [&context, format] { return show(context, *format); });
}

} // namespace campaign::cli
