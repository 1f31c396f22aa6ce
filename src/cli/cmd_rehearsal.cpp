// campaign rehearsal [show]: where the rehearsal of the CRM is, what it was copied from and how far it got.
// campaign rehearsal discard: removes it; the next rehearsal starts from the live CRM.
// campaign rehearsal split: moves the simulated work of a database made before rehearsals had their own into one.
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/rehearsal_place.hpp"
#include "core/error.hpp"
#include "store/campaign_store.hpp"
#include "store/enrollment_store.hpp"

namespace campaign::cli {

namespace {

int show(Context& context) {
    auto place = rehearsal_place(context.database_path);
    if (!store::crm_exists(place.rehearsal)) {
        context.out << "no rehearsal of " << shown(place.live) << " yet: a run on the mock transport or the simulated "
                    << "clock makes one (" << shown(place.rehearsal) << ")\n";
        return k_ok;
    }
    store::Database database(place.rehearsal, store::OpenMode::must_exist);
    auto origin = store::rehearsal_origin(database);
    if (!origin) {
        throw core::UserError("error: " + shown(place.rehearsal) + " is not a rehearsal");
    }
    context.out << "rehearsal: " << shown(place.rehearsal) << "\ncopied from: " << shown(origin->copied_from) << " at "
                << core::format_utc(origin->copied_at) << '\n';
    if (auto run = store::CampaignStore(database).latest_run()) {
        context.out << "clock: " << run->clock << ", at " << core::format_utc(run->reached_at) << " (last run seed "
                    << run->seed << ")\n";
    }
    int enrolled = 0;
    int active = 0;
    for (const auto& counts : store::EnrollmentStore(database).counts(std::nullopt, context.clock.now())) {
        enrolled += counts.enrolled;
        active += counts.active;
    }
    context.out << "enrollments: " << enrolled << " (" << active << " active)\n";
    if (store::crm_exists(place.live)) {
        store::Database live(place.live, store::OpenMode::must_exist);
        if (store::live_fingerprint(live) != origin->fingerprint) {
            context.out << "note: " << shown(place.live) << " has changed since; 'campaign run --fresh' rehearses "
                        << "with what it holds now\n";
        }
    }
    return k_ok;
}

int discard(Context& context) {
    auto place = rehearsal_place(context.database_path);
    if (!store::crm_exists(place.rehearsal)) {
        context.out << "no rehearsal of " << shown(place.live) << " to discard\n";
        return k_ok;
    }
    {
        store::Database database(place.rehearsal, store::OpenMode::must_exist);
        if (!store::rehearsal_origin(database)) {
            throw core::UserError("error: " + shown(place.rehearsal) + " is not a rehearsal: it stays where it is");
        }
    }
    if (store::on_server(place.rehearsal)) {
        throw core::UserError("error: " + shown(place.rehearsal) +
                              " is a rehearsal on a server: drop its database there (dropdb) to discard it");
    }
    store::RunnerLock lock(place.rehearsal); // not while a run works in it
    store::remove_database_files(place.rehearsal);
    context.out << "discarded " << shown(place.rehearsal) << "; the next rehearsal starts from " << shown(place.live)
                << " as it is then\n";
    return k_ok;
}

int split(Context& context) {
    store::Database database(context.database_path, store::OpenMode::must_exist);
    store::RunnerLock lock(context.database_path);
    auto work = store::simulated_work(database);
    if (!work) {
        context.out << shown(context.database_path) << " holds no simulated work: nothing to split\n";
        return k_ok;
    }
    if (work->live_runs > 0) {
        check_live(database); // says why it cannot be split
    }
    auto target = store::rehearsal_path(context.database_path);
    // A split stopped between the copy and the clean-up goes on from the copy it made.
    bool copied = false;
    if (std::filesystem::exists(target)) {
        store::Database existing(target, store::OpenMode::must_exist);
        auto origin = store::rehearsal_origin(existing);
        copied = origin && !store::on_server(origin->copied_from) && std::filesystem::exists(origin->copied_from) &&
                 std::filesystem::equivalent(origin->copied_from, context.database_path) &&
                 store::run_count(existing) == work->runs;
        if (!copied) {
            throw core::UserError("error: " + shown(target) +
                                  " is there already: 'campaign rehearsal discard' it first, or move it away");
        }
    }
    if (!copied) {
        store::copy_for_rehearsal(database, target, context.clock.now());
    }
    // The mock transport's journal of what its prospects will still do goes with the work it belongs to.
    auto journal = store::mock_journal_path(context.database_path);
    if (std::filesystem::exists(journal)) {
        std::filesystem::rename(journal, store::mock_journal_path(target));
    }
    store::remove_simulated_work(database);
    {
        store::Database rehearsal(target, store::OpenMode::must_exist);
        store::set_rehearsal_fingerprint(rehearsal, store::live_fingerprint(database));
    }
    context.out << "moved the work of " << work->runs << (work->runs == 1 ? " simulated run" : " simulated runs")
                << " into " << shown(target) << "; " << shown(context.database_path)
                << " keeps its prospects, the suppressions you made and the SSI you imported, and is ready for a "
                << "live run\n";
    return k_ok;
}

} // namespace

void add_rehearsal_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "rehearsal", "The rehearsal beside the CRM, where runs on the mock transport or the simulated clock work");
    set_examples(*command,
                 {"campaign rehearsal", "campaign rehearsal discard", "campaign rehearsal show --db client.db"});
    // Alone, it shows the rehearsal; the parent's callback runs after a subcommand's, which it must not undo.
    command->callback([&context, command] {
        if (command->get_subcommands().empty()) {
            context.command = [&context] { return show(context); };
        }
    });
    auto* show_command = command->add_subcommand("show", "Where the rehearsal is, what it was copied from, how far");
    set_examples(*show_command, {"campaign rehearsal show", "campaign rehearsal show --db client.db"});
    on_run(*show_command, context, [&context] { return show(context); });
    auto* discard_command = command->add_subcommand("discard", "Remove the rehearsal");
    set_examples(*discard_command, {"campaign rehearsal discard", "campaign rehearsal discard --db client.db"});
    on_run(*discard_command, context, [&context] { return discard(context); });
    auto* split_command = command->add_subcommand(
        "split", "Move the simulated work of a CRM made before rehearsals had their own database into one");
    set_examples(*split_command, {"campaign rehearsal split", "campaign rehearsal split --db client.db"});
    on_run(*split_command, context, [&context] { return split(context); });
}

} // namespace campaign::cli
