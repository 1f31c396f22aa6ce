#include <algorithm>
#include <catch2/catch.hpp>
#include <sys/wait.h>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

std::string quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

// Runs a shell command line in the workspace: what it printed, one word a line, and its exit code.
std::pair<int, std::string> shell(const Workspace& workspace, const std::string& command) {
    auto out = workspace.path() / ".shell-out";
    int status = std::system(
        ("cd " + quote(workspace.path().string()) + " && " + command + " >" + quote(out.string()) + " 2>&1").c_str());
    auto text = workspace.read(".shell-out");
    std::filesystem::remove(out);
    return {WEXITSTATUS(status), text};
}

std::string lines(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words) {
        text += word + "\n";
    }
    return text;
}

// What bash offers for the words, the last one being completed, with the script sourced.
std::string bash_offers(const Workspace& workspace, const std::vector<std::string>& words) {
    std::string array;
    for (const auto& word : words) {
        array += " " + quote(word);
    }
    auto script = "source completion.bash; COMP_WORDS=(" + array + "); COMP_CWORD=" + std::to_string(words.size() - 1) +
                  "; _campaign; printf '%s\\n' \"${COMPREPLY[@]}\" | sort";
    auto [code, out] = shell(workspace, "bash -c " + quote(script));
    REQUIRE(code == 0);
    return out;
}

} // namespace

TEST_CASE("the bash completion offers the commands, options and choices the binary has", "[e2e][cli][completion]") {
    Workspace workspace;
    auto script = workspace.run({"completion", "bash"});
    REQUIRE(script.exit_code == 0);
    workspace.write("completion.bash", script.out);

    auto [code, registered] = shell(workspace, "bash -c 'source completion.bash; complete -p campaign'");
    CHECK(code == 0);
    CHECK(registered == "complete -o filenames -F _campaign campaign\n");

    // The commands, exactly those the help lists: the script is made from the same definitions.
    auto commands = campaign::e2e::commands_in_help(workspace.run({"--help"}).out);
    std::sort(commands.begin(), commands.end());
    CHECK(bash_offers(workspace, {"campaign", ""}) == lines(commands));
    CHECK(bash_offers(workspace, {"campaign", "prospects", ""}) == "forget\nimport\nlist\nshow\n");
    CHECK(bash_offers(workspace, {"campaign", "prospects", "l"}) == "list\n");
    // Past options and their values, and with the global options after the command.
    CHECK(bash_offers(workspace, {"campaign", "--db", "x.db", "report", "replies", "--format", ""}) ==
          "csv\nhtml\njson\nmd\ntable\n");
    CHECK(bash_offers(workspace, {"campaign", "status", "--db", "x.db", "--f"}) == "--format\n");
    auto global = bash_offers(workspace, {"campaign", "validate", "--"});
    CHECK(global.find("--format\n") != std::string::npos);
    CHECK(global.find("--rehearsal\n") != std::string::npos);
    CHECK(global.find("--color\n") != std::string::npos);
    CHECK(bash_offers(workspace, {"campaign", "--color", ""}) == "always\nauto\nnever\n");
    // A file argument completes file names.
    workspace.write("campaigns/q4.yaml", "");
    CHECK(bash_offers(workspace, {"campaign", "validate", "campaigns/"}) == "campaigns/q4.yaml\n");
}

TEST_CASE("the zsh completion is valid zsh and finds the same things", "[e2e][cli][completion]") {
    Workspace workspace;
    auto script = workspace.run({"completion", "zsh"});
    REQUIRE(script.exit_code == 0);
    CHECK(script.out.rfind("#compdef campaign\n", 0) == 0);
    workspace.write("_campaign", script.out);
    // Debian's zsh, which scripts/test.sh installs.
    REQUIRE(std::system("command -v zsh >/dev/null 2>&1") == 0);
    CHECK(shell(workspace, "zsh -n _campaign").first == 0);
    auto [code, found] = shell(workspace, "zsh -c 'source ./_campaign; _campaign_command_path --db x.db prospects "
                                          "import; _campaign_option_value \"report replies\" --format'");
    CHECK(code == 0);
    CHECK(found == "prospects import\ntable json csv md html\n");
}

TEST_CASE("the fish completion completes command lines in fish", "[e2e][cli][completion]") {
    Workspace workspace;
    auto script = workspace.run({"completion", "fish"});
    REQUIRE(script.exit_code == 0);
    workspace.write("campaign.fish", script.out);
    // Debian's fish, which scripts/test.sh installs.
    REQUIRE(std::system("command -v fish >/dev/null 2>&1") == 0);
    CHECK(shell(workspace, "fish -n campaign.fish").first == 0);
    auto complete = [&](const std::string& line) {
        auto [code, out] = shell(workspace, "fish -c " + quote("source campaign.fish; complete -C " + quote(line)) +
                                                " | cut -f1 | sort");
        CHECK(code == 0);
        return out;
    };
    CHECK(complete("campaign prospects ") == "forget\nimport\nlist\nshow\n");
    CHECK(complete("campaign --db x.db report replies --format ") == "csv\nhtml\njson\nmd\ntable\n");
    CHECK(complete("campaign status --f") == "--format\n");
    CHECK(complete("campaign completion ") == "bash\nfish\nzsh\n");
}

TEST_CASE("completion without a known shell is a usage error", "[e2e][cli][completion]") {
    Workspace workspace;
    CHECK(workspace.run({"completion", "powershell"}).exit_code == 2);
    CHECK(workspace.run({"completion"}).exit_code == 2);
}
