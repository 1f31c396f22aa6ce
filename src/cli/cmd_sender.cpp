// campaign sender list | resume SENDER: the senders campaigns act through, and lifting the pause that a restricted
// or disconnected account put on one.
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "store/campaign_store.hpp"

namespace campaign::cli {

namespace {

int list_senders(Context& context) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    std::vector<Row> rows;
    for (const auto& sender : store::CampaignStore(database).senders()) {
        rows.push_back({sender.name, sender.display_name, sender.timezone,
                        sender.paused_at
                            ? "paused since " + core::format_utc(*sender.paused_at) + ": " + sender.pause_reason
                            : "active"});
    }
    print_table(context.out, {"sender", "name", "timezone", "state"}, rows, 60);
    return k_ok;
}

int resume_sender(Context& context, const std::string& name) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::CampaignStore senders(database);
    if (!senders.find_sender(name)) {
        throw core::UserError("error: no sender '" + name + "' in " + context.database_path.string());
    }
    if (!senders.resume_sender(name)) {
        context.out << "sender '" << name << "' was not paused\n";
        return k_ok;
    }
    context.out << "sender '" << name
                << "' resumed: runs send for it again, one going on now at its next look for events\n";
    return k_ok;
}

} // namespace

void add_sender_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("sender", "List senders, or resume one that was paused");
    set_examples(*command, {"campaign sender list", "campaign sender resume alice"});
    command->require_subcommand(1);
    auto* list = command->add_subcommand("list", "The senders and whether they are paused");
    set_examples(*list, {"campaign sender list", "campaign sender list --rehearsal"});
    on_run(*list, context, [&context] { return list_senders(context); });
    auto* resume = command->add_subcommand("resume", "Send for a paused sender again");
    set_examples(*resume, {"campaign sender resume alice", "campaign sender resume bob --db client.db"});
    auto name = std::make_shared<std::string>();
    resume->add_option("SENDER", *name, "The sender's id")->required();
    on_run(*resume, context, [&context, name] { return resume_sender(context, *name); });
}

} // namespace campaign::cli
