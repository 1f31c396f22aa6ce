#include <catch2/catch.hpp>
#include <sstream>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

// Every command from the root down, found through the helps themselves: a new command is checked without a word.
void every_command(const Workspace& workspace, const std::vector<std::string>& path,
                   std::vector<std::vector<std::string>>& found) {
    auto arguments = path;
    arguments.push_back("--help");
    auto help = workspace.run(arguments);
    REQUIRE(help.exit_code == 0);
    for (const auto& name : campaign::e2e::commands_in_help(help.out)) {
        auto below = path;
        below.push_back(name);
        found.push_back(below);
        every_command(workspace, below, found);
    }
}

} // namespace

TEST_CASE("campaign alone, campaign help and help COMMAND show the help", "[e2e][cli][help]") {
    Workspace workspace;
    auto alone = workspace.run({});
    CHECK(alone.exit_code == 2); // nothing to do is a usage error, as before
    CHECK(alone.err.rfind("campaign: LinkedIn outreach campaigns as code", 0) == 0);
    CHECK(alone.err.find("Usage: campaign [OPTIONS] SUBCOMMAND") != std::string::npos);
    CHECK(alone.err.find("  validate ") != std::string::npos);

    auto help = workspace.run({"help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out == workspace.run({"--help"}).out);

    auto run = workspace.run({"help", "run"});
    CHECK(run.exit_code == 0);
    CHECK(run.out == workspace.run({"run", "--help"}).out);
    CHECK(run.out.find("Usage: campaign run [OPTIONS] CAMPAIGN...") != std::string::npos);

    auto import = workspace.run({"help", "prospects", "import"});
    CHECK(import.exit_code == 0);
    CHECK(import.out.find("Usage: campaign prospects import [OPTIONS] FILE") != std::string::npos);

    auto group = workspace.run({"prospects"});
    CHECK(group.exit_code == 2);
    CHECK(group.err.find("Usage: campaign prospects [OPTIONS] SUBCOMMAND") != std::string::npos);
}

TEST_CASE("an unknown command is named with the closest one", "[e2e][cli][help]") {
    Workspace workspace;
    auto typo = workspace.run({"prospects", "lst"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.err == "error: unknown command 'prospects lst' (did you mean 'prospects list'?)\n");

    auto top = workspace.run({"--db", "x.db", "stauts"});
    CHECK(top.exit_code == 2);
    CHECK(top.err == "error: unknown command 'stauts' (did you mean 'status'?)\n");

    auto nothing_close = workspace.run({"frobnicate"});
    CHECK(nothing_close.exit_code == 2);
    CHECK(nothing_close.err == "error: unknown command 'frobnicate' ('campaign --help' lists the commands)\n");

    auto in_help = workspace.run({"help", "report", "replys"});
    CHECK(in_help.exit_code == 2);
    CHECK(in_help.err == "error: unknown command 'report replys' (did you mean 'report replies'?)\n");
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "x.db"));
}

TEST_CASE("global options work after the command too", "[e2e][cli][help]") {
    Workspace workspace;
    REQUIRE(workspace.run({"suppress", "add", "one.example", "--db", "after.db"}).exit_code == 0);
    CHECK(std::filesystem::exists(workspace.path() / "after.db"));
    CHECK_FALSE(std::filesystem::exists(workspace.database()));

    auto listed = workspace.run({"suppress", "list", "--format", "csv", "--db", "after.db"});
    CHECK(listed.exit_code == 0);
    CHECK(listed.out.find("email_domain,one.example") != std::string::npos);

    auto quiet = workspace.run({"suppress", "add", "two.example", "--db", "after.db", "-q"});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.out.empty());

    auto no_rehearsal = workspace.run({"status", "--rehearsal", "--db", "after.db"});
    CHECK(no_rehearsal.exit_code == 1);
    CHECK(no_rehearsal.err.rfind("error: --rehearsal: there is no rehearsal of after.db yet", 0) == 0);
}

TEST_CASE("every command's help ends with two or three examples", "[e2e][cli][help]") {
    Workspace workspace;
    std::vector<std::vector<std::string>> commands;
    every_command(workspace, {}, commands);
    REQUIRE(commands.size() > 30);
    for (const auto& command : commands) {
        std::string name = "campaign";
        for (const auto& word : command) {
            name += " " + word;
        }
        INFO(name);
        auto arguments = command;
        arguments.push_back("--help");
        auto help = workspace.run(arguments).out;
        auto examples = help.rfind("\nExamples:\n");
        REQUIRE(examples != std::string::npos);
        std::istringstream lines(help.substr(examples + 11));
        std::string line;
        int count = 0;
        while (std::getline(lines, line) && !line.empty()) {
            CHECK(line.rfind("  ", 0) == 0);
            // An example of the command itself (completion's install lines redirect its output).
            CHECK(line.find(name) != std::string::npos);
            ++count;
        }
        CHECK(count >= 2);
        CHECK(count <= 3);
        CHECK_FALSE(std::getline(lines, line)); // the examples end the help
    }
}
