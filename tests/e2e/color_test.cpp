#include <catch2/catch.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

constexpr const char* k_red_error = "\033[1;31merror:\033[0m";

std::string quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

// What `campaign ARGUMENTS` prints on a terminal (a pseudo-terminal that script(1) gives it), with `environment`
// ("NO_COLOR=1 ") before it.
std::string on_terminal(const Workspace& workspace, const std::string& environment, const std::string& arguments) {
    auto command =
        "env -u NO_COLOR -u CAMPAIGN_DB TERM=xterm " + environment + quote(CAMPAIGN_BINARY) + " " + arguments;
    std::string shell =
        "cd " + quote(workspace.path().string()) + " && script -qec " + quote(command) + " /dev/null >.terminal 2>&1";
    std::system(shell.c_str()); // its exit code is the command's: what it printed is what is checked
    return workspace.read(".terminal");
}

void write_broken_campaign(const Workspace& workspace) {
    workspace.write("campaigns/broken.yaml", "campaign: broken\nsendr: []\n");
}

} // namespace

TEST_CASE("asked for with --color always, colour paints error: and warning:, and output to a file stays plain",
          "[e2e][cli][color]") {
    Workspace workspace;
    write_broken_campaign(workspace);
    auto plain = workspace.run({"validate", "campaigns/broken.yaml"});
    CHECK(plain.exit_code == 1);
    CHECK(plain.err.find('\033') == std::string::npos);

    auto painted = workspace.run({"validate", "campaigns/broken.yaml", "--color", "always"});
    CHECK(painted.exit_code == 1);
    CHECK(painted.err.find(std::string("\ncampaigns/broken.yaml:2:1: ") + k_red_error +
                           " unknown key 'sendr' in the campaign file (did you mean 'senders'?)\n") !=
          std::string::npos);
    CHECK(painted.err.find("problems found\n") != std::string::npos);

    auto usage = workspace.run({"--color", "always", "prospects", "lst"});
    CHECK(usage.err ==
          std::string(k_red_error) + " unknown command 'prospects lst' (did you mean 'prospects list'?)\n");

    workspace.write("templates/hello.mustache", "Hi\n");
    workspace.write("campaigns/zoned.yaml", "campaign: zoned\nsenders:\n  - id: alice\n    timezone: EST\naudience:\n"
                                            "  tags: [founders]\nsteps:\n  - id: hello\n    type: message\n"
                                            "    template: hello.mustache\n");
    auto warned = workspace.run({"validate", "campaigns/zoned.yaml", "--color", "always"});
    CHECK(warned.exit_code == 0);
    CHECK(warned.err.rfind("campaigns/zoned.yaml:4:15: \033[1;35mwarning:\033[0m 'EST' is a fixed offset", 0) == 0);
    CHECK(warned.out.find("\033[1;36mnote:") == std::string::npos); // the out stream carries no prefixes to paint
}

TEST_CASE("on a terminal colour is on, unless NO_COLOR is set or --color never", "[e2e][cli][color]") {
    Workspace workspace;
    write_broken_campaign(workspace);
    CHECK(on_terminal(workspace, "", "validate campaigns/broken.yaml").find(k_red_error) != std::string::npos);
    for (const char* no_color : {"NO_COLOR=1 ", "NO_COLOR=0 ", "NO_COLOR= "}) {
        INFO(no_color);
        CHECK(on_terminal(workspace, no_color, "validate campaigns/broken.yaml").find('\033') == std::string::npos);
    }
    CHECK(on_terminal(workspace, "", "validate campaigns/broken.yaml --color never").find('\033') == std::string::npos);
    CHECK(on_terminal(workspace, "TERM=dumb ", "validate campaigns/broken.yaml").find('\033') == std::string::npos);
    // Asked for by name, it wins over the environment.
    CHECK(on_terminal(workspace, "NO_COLOR=1 ", "validate campaigns/broken.yaml --color always").find(k_red_error) !=
          std::string::npos);
}

TEST_CASE("status paints the state of each sender, keeping the table aligned", "[e2e][cli][color][status]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hi {{first_name}}\n");
    workspace.write("campaigns/q4.yaml", "campaign: q4\nsenders:\n  - id: alice\n    timezone: Europe/Paris\n"
                                         "audience:\n  tags: [founders]\nsteps:\n  - id: hello\n    type: message\n"
                                         "    template: hello.mustache\n");
    workspace.write("people.csv", campaign::e2e::prospects_csv("zoe", "founders", 3));
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    REQUIRE(workspace.run({"run", "campaigns/q4.yaml", "--for", "2d"}).exit_code == 0);
    auto plain = workspace.run({"status", "--rehearsal"});
    auto painted = workspace.run({"status", "--rehearsal", "--color", "always"});
    CHECK(plain.out.find('\033') == std::string::npos);
    auto state = plain.out.find("  ok\n");
    REQUIRE(state != std::string::npos);
    // The same text, the state in green.
    CHECK(painted.out == plain.out.substr(0, state) + "  \033[32mok\033[0m\n" + plain.out.substr(state + 5));
}
