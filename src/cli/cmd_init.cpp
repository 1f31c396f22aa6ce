// campaign init [DIR]: writes the example project (campaigns, templates, sample prospects) without overwriting.
#include <CLI/CLI.hpp>
#include <fstream>
#include <ostream>

#include "cli/context.hpp"
#include "cli/scaffold.hpp"
#include "core/error.hpp"

namespace campaign::cli {

namespace {

int init(Context& context, const std::filesystem::path& folder) {
    int created = 0;
    for (const auto& file : scaffold_files()) {
        auto path = folder / file.path;
        if (std::filesystem::exists(path)) {
            context.out << "kept     " << path.string() << " (already there)\n";
            continue;
        }
        std::error_code error;
        std::filesystem::create_directories(path.parent_path(), error);
        std::ofstream output(path, std::ios::binary);
        output << file.content;
        if (error || !output.flush()) {
            throw core::RuntimeFailure(path.string() + ": error: cannot write the file");
        }
        context.out << "created  " << path.string() << '\n';
        ++created;
    }
    auto project = folder == "." ? std::string() : "cd " + folder.string() + " && ";
    context.out << "\n"
                << created << " files written. Next:\n"
                << "  " << project << "campaign prospects import prospects.csv\n"
                << "  " << project << "campaign validate campaigns/*.yaml\n";
    return k_ok;
}

} // namespace

void add_init_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("init", "Write an example project: campaigns/, templates/, prospects.csv");
    auto folder = std::make_shared<std::filesystem::path>(".");
    command->add_option("DIR", *folder, "The project folder (created if missing)");
    on_run(*command, context, [&context, folder] { return init(context, *folder); });
}

} // namespace campaign::cli
