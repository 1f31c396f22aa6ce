// The commands the README's tour shows, and the examples of docs/ marked as running, run as written: in order, in a
// fresh project that `campaign init` made, each with the files the tour or init gave it, each exiting 0.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

const std::filesystem::path k_source = CAMPAIGN_SOURCE_DIR;
constexpr const char* k_runs = "<!-- runs in a project made by campaign init, after the README's tour -->";
constexpr const char* k_not_run = "<!-- not run:";

struct Command {
    std::string where; // FILE:LINE
    std::string text;  // as a shell reads it: continued lines and here-documents included
};

std::vector<std::string> lines_of(const std::filesystem::path& path) {
    std::ifstream input(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(input, line);) {
        lines.push_back(line);
    }
    return lines;
}

// The commands of each ```sh block between lines `from` and `to` that `wanted` accepts by the line before it.
std::vector<Command> commands_in(const std::filesystem::path& file, std::size_t from, std::size_t to,
                                 const std::function<bool(const std::string&)>& wanted) {
    auto lines = lines_of(file);
    std::vector<Command> commands;
    to = std::min(to, lines.size());
    for (std::size_t i = from; i < to; ++i) {
        if (lines[i] != "```sh") {
            continue;
        }
        bool take = wanted(i > 0 ? lines[i - 1] : "");
        for (++i; i < lines.size() && lines[i] != "```"; ++i) {
            if (!take || lines[i].empty()) {
                continue;
            }
            Command command{file.filename().string() + ":" + std::to_string(i + 1), lines[i]};
            // A line that ends in a backslash goes on; a here-document goes on to its delimiter.
            while (command.text.ends_with("\\") && i + 1 < lines.size()) {
                command.text += "\n" + lines[++i];
            }
            if (auto at = command.text.find("<<'"); at != std::string::npos) {
                auto delimiter = command.text.substr(at + 3, command.text.find('\'', at + 3) - at - 3);
                while (i + 1 < lines.size() && lines[i] != delimiter) {
                    command.text += "\n" + lines[++i];
                }
            }
            commands.push_back(command);
        }
    }
    return commands;
}

// The README's tour: from its heading to the next section of the same level.
std::vector<Command> tour() {
    auto readme = k_source / "README.md";
    auto lines = lines_of(readme);
    std::size_t from = 0;
    while (from < lines.size() && lines[from] != "## A short tour") {
        ++from;
    }
    std::size_t to = from + 1;
    while (to < lines.size() && !lines[to].starts_with("## ")) {
        ++to;
    }
    REQUIRE(to > from + 1);
    return commands_in(readme, from, to, [](const std::string& before) { return !before.starts_with(k_not_run); });
}

std::vector<Command> marked_examples() {
    std::vector<Command> commands;
    for (const char* page : {"prospects.md", "templates.md", "running.md", "reports.md", "replies.md"}) {
        auto found = commands_in(k_source / "docs" / page, 0, std::string::npos,
                                 [](const std::string& before) { return before == k_runs; });
        commands.insert(commands.end(), found.begin(), found.end());
    }
    return commands;
}

struct Outcome {
    int exit_code = -1;
    std::string output;
};

// Runs the commands one after the other in one shell, as a user pastes them, with HOME at the workspace and the
// binary first on PATH; each command's exit code and output are kept apart.
std::vector<Outcome> run_in_shell(const Workspace& workspace, const std::vector<Command>& commands) {
    auto folder = workspace.path() / ".docs";
    std::filesystem::create_directories(folder);
    std::ostringstream script;
    script << "unset CAMPAIGN_DB NO_COLOR\nexport HOME='" << workspace.path().string() << "'\nexport PATH='"
           << std::filesystem::path(CAMPAIGN_BINARY).parent_path().string() << "':\"$PATH\"\ncd \"$HOME\"\n";
    for (std::size_t i = 0; i < commands.size(); ++i) {
        auto name = (folder / std::to_string(i)).string();
        std::ofstream(name + ".sh") << commands[i].text << '\n';
        script << ". '" << name << ".sh' >'" << name << ".out' 2>&1 </dev/null; echo $? >'" << name << ".rc'\n";
    }
    std::ofstream(folder / "all.sh") << script.str();
    auto shell = "bash '" + (folder / "all.sh").string() + "' >/dev/null 2>&1";
    REQUIRE(std::system(shell.c_str()) == 0);
    std::vector<Outcome> outcomes;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        auto name = folder / std::to_string(i);
        Outcome outcome;
        std::ifstream(name.string() + ".rc") >> outcome.exit_code;
        std::ifstream output(name.string() + ".out");
        outcome.output.assign(std::istreambuf_iterator<char>(output), {});
        outcomes.push_back(outcome);
    }
    return outcomes;
}

} // namespace

TEST_CASE("every command of the README's tour and of the docs' running examples works as written", "[e2e][docs]") {
    auto commands = tour();
    REQUIRE(commands.size() > 20);
    REQUIRE(commands[1].text.starts_with("campaign init ~/outreach"));
    auto examples = marked_examples();
    REQUIRE(examples.size() > 10);
    commands.insert(commands.end(), examples.begin(), examples.end());

    Workspace workspace;
    auto outcomes = run_in_shell(workspace, commands);
    for (std::size_t i = 0; i < commands.size(); ++i) {
        INFO(commands[i].where << ": " << commands[i].text << "\n" << outcomes[i].output);
        CHECK(outcomes[i].exit_code == 0);
    }
    auto project = workspace.path() / "outreach";
    CHECK(std::filesystem::exists(project / "campaign.rehearsal.db"));
    CHECK(std::filesystem::exists(project / "replies.html"));
    CHECK(std::filesystem::exists(project / "ssi.html"));
    for (std::size_t i = 0; i < commands.size(); ++i) {
        if (commands[i].text == "campaign --rehearsal report ssi") {
            INFO(outcomes[i].output);
            CHECK(outcomes[i].output.find("posts are followed by gains in Establish your professional brand") !=
                  std::string::npos);
        }
        if (commands[i].text.starts_with("campaign --rehearsal report replies --campaign founders-intro --since")) {
            CHECK(outcomes[i].output.find("Nothing was sent") == std::string::npos);
        }
    }
}

TEST_CASE("a reply report whose period holds nothing says where the sends are", "[e2e][docs][report][sqlite]") {
    Workspace workspace;
    REQUIRE(workspace.run({"init"}).exit_code == 0);
    REQUIRE(workspace.run({"prospects", "import", "prospects.csv"}).exit_code == 0);
    auto live = workspace.run({"report", "replies"});
    CHECK(live.out.find("\nNothing has been sent yet.\n") != std::string::npos);
    CHECK(live.err.empty());
    REQUIRE(workspace
                .run({"run", "campaigns/founders-intro.yaml", "--for", "30d", "--seed", "7", "--start",
                      "2026-11-23T06:00:00Z"})
                .exit_code == 0);
    auto empty = workspace.run({"--rehearsal", "report", "replies", "--since", "2026-11-01", "--until", "2026-11-05"});
    CHECK(empty.exit_code == 0);
    CHECK(empty.out.find("\nNothing was sent in this period; what was sent runs from 2026-11-23 to 2026-12-") !=
          std::string::npos);
    auto json = workspace.run(
        {"--rehearsal", "report", "replies", "--format", "json", "--since", "2026-11-01", "--until", "2026-11-05"});
    CHECK(json.out.find("\"sent_days\": {\n    \"first\": \"2026-11-23\"") != std::string::npos);
    // The live CRM beside a rehearsal that has something: the note says where to look.
    auto beside = workspace.run({"report", "replies"});
    CHECK(beside.err == "note: campaign.db holds nothing to report yet; its rehearsal, campaign.rehearsal.db, does: "
                        "'campaign --rehearsal report ...' reads it\n");
    auto ssi = workspace.run({"--rehearsal", "report", "ssi", "--since", "2026-01-01", "--until", "2026-01-31"});
    CHECK(ssi.out.find("No SSI recorded in this period; the SSI recorded runs from 2026-11-23 to 2026-12-") !=
          std::string::npos);
}
