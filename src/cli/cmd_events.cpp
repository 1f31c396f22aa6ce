// campaign events ingest FILE.jsonl: events reported elsewhere (a CRM, a gateway's export, a person), one JSON
// object a line, recorded for the runner to apply. A file with one bad line records nothing.
#include <CLI/CLI.hpp>
#include <fstream>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "engine/inbound.hpp"
#include "transport/event_page.hpp"

namespace campaign::cli {

namespace {

constexpr std::size_t k_problems_shown = 50;

int ingest_events(Context& context, const std::filesystem::path& file) {
    std::ifstream input(file, std::ios::binary);
    if (!input) {
        throw core::UserError(file.string() + ": error: cannot read the file");
    }
    store::Database database(context.database_path, store::OpenMode::must_exist);
    engine::InboundRecorder recorder(database);
    store::Transaction transaction(database);
    core::Diagnostics problems;
    std::size_t recorded = 0;
    std::size_t known = 0;
    std::size_t problem_count = 0;
    std::string line;
    for (int number = 1; std::getline(input, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            continue;
        }
        std::string problem;
        auto event = transport::parse_event(line, problem);
        if (!event) {
            if (++problem_count <= k_problems_shown) {
                problems.push_back({{file.string(), number, 0}, problem});
            }
            continue;
        }
        if (problem_count == 0) {
            recorder.record(std::move(*event), context.clock.now()) ? ++recorded : ++known;
        }
    }
    if (problem_count > 0) {
        if (problem_count > k_problems_shown) {
            problems.push_back(
                {{file.string(), 0, 0}, "and " + std::to_string(problem_count - k_problems_shown) + " more problems"});
        }
        problems.push_back({{file.string(), 0, 0}, "nothing was recorded"});
        fail_on(problems); // the transaction rolls back
    }
    transaction.commit();
    context.out << "recorded " << recorded << " events from " << file.string() << " (" << known
                << " known already); the next run applies them\n";
    return k_ok;
}

} // namespace

void add_events_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("events", "Inbound events reported elsewhere");
    set_examples(*command, {"campaign events ingest events.jsonl", "campaign events ingest replies.jsonl --rehearsal"});
    command->require_subcommand(1);
    auto* ingest = command->add_subcommand("ingest", "Record the events of a JSONL file, one object a line");
    set_examples(*ingest,
                 {"campaign events ingest events.jsonl", "campaign events ingest replies.jsonl --db client.db"});
    auto file = std::make_shared<std::filesystem::path>();
    ingest->add_option("FILE", *file, "The events file (.jsonl)")->required();
    on_run(*ingest, context, [&context, file] { return ingest_events(context, *file); });
}

} // namespace campaign::cli
