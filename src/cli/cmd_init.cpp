// campaign init [DIR]: writes the example project (campaigns, templates, sample prospects, activity and SSI) without
// overwriting.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <ostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "cli/scaffold.hpp"
#include "core/error.hpp"

namespace campaign::cli {

namespace {

// As a shell reads it back, so that the printed commands work when pasted.
std::string shell_quoted(const std::string& text) {
    if (text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") ==
        std::string::npos) {
        return text;
    }
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

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
        if (error) {
            throw core::UserError(path.parent_path().string() +
                                  ": error: cannot create the folder: " + error.message());
        }
        std::ofstream output(path, std::ios::binary);
        output << file.content;
        if (!output.flush()) {
            throw core::UserError(path.string() + ": error: cannot write the file: " + std::strerror(errno));
        }
        context.out << "created  " << path.string() << '\n';
        ++created;
    }
    auto project = folder == "." ? std::string() : "cd " + shell_quoted(folder.string()) + " && ";
    context.out << "\n"
                << created << " files written. Next:\n"
                << "  " << project << "campaign prospects import prospects.csv\n"
                << "  " << project << "campaign validate campaigns/*.yaml\n";
    return k_ok;
}

} // namespace

void add_init_command(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "init", "Write an example project: campaigns/, templates/, prospects.csv, activity.csv, ssi-history.csv");
    set_examples(*command,
                 {"campaign init", "campaign init acme-outreach", "campaign init ~/clients/acme && cd ~/clients/acme"});
    auto folder = std::make_shared<std::filesystem::path>(".");
    command->add_option("DIR", *folder, "The project folder (created if missing)");
    on_run(*command, context, [&context, folder] { return init(context, *folder); });
}

} // namespace campaign::cli
