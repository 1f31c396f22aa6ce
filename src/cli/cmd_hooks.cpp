// campaign hooks log [--failed] [--limit N] [--format table|json]
// campaign hooks deliver
// The outbound webhooks (docs/hooks.md): what was posted to whom, when, and how it went; and posting now what is due,
// for the inbox's actions between runs or a receiver that is back.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "engine/hooks.hpp"
#include "store/campaign_store.hpp"
#include "store/hook_store.hpp"

namespace campaign::cli {

namespace {

std::string state_of(const store::HookDelivery& delivery) {
    if (delivery.delivered_at) {
        return "delivered";
    }
    if (!delivery.next_at) {
        return "given up";
    }
    return delivery.attempts == 0 ? "waiting" : "retrying";
}

int log(Context& context, bool failed_only, std::size_t limit, const std::string& format_name) {
    auto format = parse_format(format_name);
    if (format == Format::csv) {
        throw core::UserError("error: --format must be table or json, not 'csv'");
    }
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto deliveries = store::HookStore(database).log(failed_only, limit);
    if (format == Format::json) {
        auto json = nlohmann::json::array();
        for (const auto& delivery : deliveries) {
            auto optional_time = [](const std::optional<core::Timestamp>& when) {
                return when ? nlohmann::json(core::format_utc(*when)) : nlohmann::json(nullptr);
            };
            json.push_back({{"event", delivery.event_key},
                            {"type", delivery.type},
                            {"url", delivery.url},
                            {"state", state_of(delivery)},
                            {"attempts", delivery.attempts},
                            {"created_at", core::format_utc(delivery.created_at)},
                            {"delivered_at", optional_time(delivery.delivered_at)},
                            {"next_at", optional_time(delivery.next_at)},
                            {"last_status", delivery.last_status ? nlohmann::json(*delivery.last_status) : nullptr},
                            {"last_error", delivery.last_error}});
        }
        context.out << json.dump(2) << '\n';
        return k_ok;
    }
    if (deliveries.empty()) {
        context.out << (failed_only ? "no webhook delivery has failed\n"
                                    : "no webhook was told anything yet (a campaign's 'hooks:', docs/hooks.md)\n");
        return k_ok;
    }
    std::vector<Row> rows;
    for (const auto& delivery : deliveries) {
        auto when = delivery.delivered_at ? core::format_utc(*delivery.delivered_at)
                    : delivery.next_at    ? "next " + core::format_utc(*delivery.next_at)
                                          : std::string("-");
        rows.push_back({core::format_utc(delivery.created_at), delivery.type, delivery.event_key, delivery.url,
                        state_of(delivery), std::to_string(delivery.attempts), when, delivery.last_error});
    }
    print_table(context.out, {"told", "event", "id", "url", "state", "tries", "delivered / next", "last error"}, rows,
                60);
    return k_ok;
}

// A database played on the simulated clock delivers on that clock, as its runs do.
int deliver(Context& context, bool given_up) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    auto now = context.clock.now();
    store::CampaignStore campaigns(database);
    if (auto run = campaigns.latest_run(); run && run->clock == "simulated") {
        now = std::max(now, campaigns.last_simulated_time().value_or(run->reached_at));
    }
    if (given_up) {
        store::Transaction transaction(database);
        auto revived = store::HookStore(database).revive(now);
        transaction.commit();
        context.out << revived << (revived == 1 ? " delivery" : " deliveries") << " given up posted again\n";
    }
    engine::HookRound total;
    for (;;) {
        auto round = engine::deliver_hooks(database, now, context.clock, engine::http_hook_post(),
                                           engine::process_environment());
        total.delivered += round.delivered;
        total.failed += round.failed;
        total.given_up += round.given_up;
        total.unsigned_ += round.unsigned_;
        if (round.delivered + round.failed + round.given_up == 0) {
            break; // what waits for its secret waits its backoff
        }
    }
    context.out << total.delivered << " delivered, " << total.failed << " to be tried again, " << total.given_up
                << " given up";
    if (total.unsigned_ > 0) {
        context.out << ", " << total.unsigned_ << " waiting for their secret's environment variable";
    }
    context.out << '\n';
    return total.failed + total.given_up + total.unsigned_ > 0 ? k_runtime_failure : k_ok;
}

} // namespace

void add_hooks_command(CLI::App& app, Context& context) {
    auto* hooks = app.add_subcommand("hooks", "The webhooks that hear of replies, acceptances, opt-outs and the inbox");
    hooks->require_subcommand(1);
    set_examples(*hooks, {"campaign hooks log", "campaign hooks log --failed", "campaign hooks deliver"});

    auto failed_only = std::make_shared<bool>(false);
    auto limit = std::make_shared<std::size_t>(50);
    auto format = std::make_shared<std::string>("table");
    auto* log_command = hooks->add_subcommand("log", "What was posted to whom, when, and how it went, newest first");
    log_command->add_flag("--failed", *failed_only, "Only the deliveries that failed: retrying or given up");
    log_command->add_option("--limit", *limit, "How many (default: 50)")->check(CLI::PositiveNumber);
    log_command->add_option("--format", *format, "table or json");
    set_examples(*log_command, {"campaign hooks log", "campaign hooks log --failed --format json"});
    on_run(*log_command, context,
           [&context, failed_only, limit, format] { return log(context, *failed_only, *limit, *format); });

    auto given_up = std::make_shared<bool>(false);
    auto* deliver_command = hooks->add_subcommand("deliver", "Post now what is due, and say how it went");
    deliver_command->add_flag("--given-up", *given_up, "Post again the deliveries given up, with fresh tries");
    set_examples(*deliver_command, {"campaign hooks deliver", "campaign hooks deliver --given-up"});
    on_run(*deliver_command, context, [&context, given_up] { return deliver(context, *given_up); });
}

} // namespace campaign::cli
