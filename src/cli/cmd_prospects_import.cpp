// campaign prospects import FILE|- [--tag T]... [--source S] [--format table|json]
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"
#include "crm/importer.hpp"
#include "store/database.hpp"

namespace campaign::cli {

namespace {

struct ImportArguments {
    std::string file;
    crm::ImportOptions options;
    std::string format = "table";
};

void show_progress(std::ostream& out, const crm::ImportProgress& progress) {
    out << "\rimporting " << progress.rows << " rows";
    if (progress.total_bytes > 0) { // a pipe has no size to measure against
        out << " (" << progress.bytes_read * 100 / progress.total_bytes << "%)";
    }
    out << std::flush;
}

void print_json(std::ostream& out, const std::string& file, const crm::ImportSummary& summary) {
    nlohmann::json rejections = nlohmann::json::array();
    for (const auto& row : summary.first_rejected) {
        rejections.push_back({{"line", row.line}, {"reason", row.reason}});
    }
    nlohmann::json duplicates = nlohmann::json::array();
    for (const auto& row : summary.first_duplicates) {
        duplicates.push_back({{"line", row.line}, {"same_as", row.same_as}});
    }
    nlohmann::json report{{"file", file},
                          {"dialect", summary.dialect},
                          {"inserted", summary.inserted},
                          {"updated", summary.updated},
                          {"unchanged", summary.unchanged},
                          {"rejected", summary.rejected},
                          {"duplicates", summary.duplicates},
                          {"first_rejected", rejections},
                          {"first_duplicates", duplicates}};
    out << report.dump(2) << '\n';
}

// The rejected rows and the duplicates, in the order of their lines.
void print_problems(std::ostream& err, const std::string& file, const crm::ImportSummary& summary) {
    auto rejected = summary.first_rejected.begin();
    auto duplicate = summary.first_duplicates.begin();
    while (rejected != summary.first_rejected.end() || duplicate != summary.first_duplicates.end()) {
        bool error = duplicate == summary.first_duplicates.end() ||
                     (rejected != summary.first_rejected.end() && rejected->line < duplicate->line);
        if (error) {
            err << file << ':' << rejected->line << ": error: " << rejected->reason << '\n';
            ++rejected;
        } else {
            err << file << ':' << duplicate->line << ": warning: same person as line " << duplicate->same_as << '\n';
            ++duplicate;
        }
    }
    if (summary.rejected > summary.first_rejected.size()) {
        err << "... and " << summary.rejected - summary.first_rejected.size() << " more rejected rows\n";
    }
    if (summary.duplicates > summary.first_duplicates.size()) {
        err << "... and " << summary.duplicates - summary.first_duplicates.size() << " more duplicates\n";
    }
}

void print_text(Context& context, const std::string& file, const crm::ImportSummary& summary) {
    print_problems(context.err, file, summary);
    context.out << file << " (" << summary.dialect << "): inserted " << summary.inserted << ", updated "
                << summary.updated << ", unchanged " << summary.unchanged << ", rejected " << summary.rejected;
    if (summary.duplicates > 0) {
        context.out << ", " << summary.duplicates << (summary.duplicates == 1 ? " duplicate" : " duplicates");
    }
    context.out << '\n';
}

// `-` is standard input; any other name a file, a FIFO or a device such as /dev/stdin.
std::unique_ptr<crm::ImportFile> open_input(const std::string& file) {
    if (file == "-") {
        return std::make_unique<crm::ImportFile>(std::cin, "stdin");
    }
    return std::make_unique<crm::ImportFile>(file);
}

int import(Context& context, const ImportArguments& arguments) {
    // The file first: one that cannot be imported should not leave a new, empty database behind.
    auto file = open_input(arguments.file);
    store::Database database(context.database_path, store::OpenMode::create);
    database.cache_pages(32);
    bool show = arguments.format == "table" && stdout_is_terminal();
    crm::ProgressCallback progress;
    if (show) {
        progress = [&context](const crm::ImportProgress& status) { show_progress(context.out, status); };
    }
    auto summary = crm::import_prospects(database, *file, arguments.options, context.clock, progress);
    if (show) {
        context.out << "\r\033[K";
    }
    if (arguments.format == "json") {
        print_json(context.out, file->name(), summary);
    } else {
        print_text(context, file->name(), summary);
    }
    // The good rows are in; a non-zero exit still tells a script that some were not. Duplicates are only a warning.
    return summary.rejected == 0 ? k_ok : k_user_error;
}

} // namespace

void add_import_command(CLI::App& prospects, Context& context) {
    auto* command = prospects.add_subcommand("import", "Import prospects from a CSV file or a LinkedIn export");
    set_examples(*command, {"campaign prospects import prospects.csv",
                            "campaign prospects import Connections.csv --tag network --source linkedin-export",
                            "cat leads.csv | campaign prospects import - --tag q4"});
    auto arguments = std::make_shared<ImportArguments>();
    command
        ->add_option("FILE", arguments->file,
                     "CSV file with a header row, or LinkedIn's Connections.csv; '-' reads standard input")
        ->required();
    command->add_option("--tag", arguments->options.tags, "Tag every imported prospect (repeatable)");
    command->add_option("--source", arguments->options.source,
                        "Where these prospects come from (default: the file name)");
    command->add_option("--format", arguments->format, "Output format")->check(CLI::IsMember({"table", "json"}));
    on_run(*command, context, [&context, arguments] { return import(context, *arguments); });
}

} // namespace campaign::cli
