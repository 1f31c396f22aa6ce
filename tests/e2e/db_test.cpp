// `campaign db copy FROM TO` (docs/operations.md): a whole CRM copied between a SQLite file and a PostgreSQL server's
// database, either way, checked by counts and digests, refused when it would overwrite or merge into a CRM.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "e2e/harness.hpp"

using campaign::e2e::Result;
using campaign::e2e::ServerDatabase;
using campaign::e2e::Workspace;

namespace {

Result run_ok(const Workspace& workspace, const std::vector<std::string>& arguments) {
    auto result = workspace.run(arguments);
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    return result;
}

// A CRM with the history of a simulated month: prospects and tags, suppressions, SSI and activity imported, and a
// rehearsal of the example campaign with its enrollments, actions, events, replies and simulated SSI. Returns the
// rehearsal's file, the CRM that holds the most.
std::filesystem::path month_of_history(const Workspace& workspace) {
    workspace.copy_from_source("campaigns");
    workspace.copy_from_source("templates");
    workspace.copy_from_source("examples");
    run_ok(workspace, {"--db", "campaign.db", "prospects", "import", "examples/prospects.csv"});
    run_ok(workspace, {"--db", "campaign.db", "suppress", "add", "competitor.example", "--reason", "competitor"});
    run_ok(workspace, {"--db", "campaign.db", "activity", "import", "examples/activity.csv"});
    workspace.write("eager.yaml", "accept: 0.8\naccept_delay: 2h\nreply: 0.6\nreply_delay: 3h\nopt_out: 0.1\n");
    run_ok(workspace, {"--db", "campaign.db", "run", "campaigns/founders-intro.yaml", "--model", "eager.yaml", "--seed",
                       "5", "--start", "2026-11-23T06:00:00Z", "--for", "30d"});
    return workspace.path() / "campaign.rehearsal.db";
}

// What a user reads of a CRM: its reports and its action log, which must be the same in a copy.
std::vector<std::string> readings(const Workspace& workspace, const std::string& crm) {
    std::vector<std::string> read;
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"report", "replies", "--format", "json"},
          std::vector<std::string>{"report", "ssi", "--format", "json"}, std::vector<std::string>{"actions"},
          std::vector<std::string>{"status", "--format", "json"},
          std::vector<std::string>{"suppress", "list", "--format", "csv"},
          std::vector<std::string>{"prospects", "list", "--format", "csv"}}) {
        auto arguments = command;
        arguments.insert(arguments.begin(), {"--db", crm});
        read.push_back(run_ok(workspace, arguments).out);
    }
    return read;
}

// The table of counts and digests a copy prints, without its last line (which names the two databases).
std::string summary_of(const std::string& printed) {
    return printed.substr(0, printed.find("\ncopied "));
}

} // namespace

TEST_CASE("db copy copies a CRM into a new file, checked, and reads the same", "[e2e][db][sqlite]") {
    Workspace workspace;
    auto rehearsal = month_of_history(workspace);
    auto copied = run_ok(workspace, {"db", "copy", rehearsal.string(), "copy.db"});
    CHECK(copied.out.find("\ncopied ") != std::string::npos);
    CHECK(copied.out.ends_with(" tables from campaign.rehearsal.db to copy.db; each table's count and digest are the "
                               "same in both\n"));
    CHECK(copied.out.find("actions ") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "copy.db.partial"));
    CHECK(readings(workspace, "copy.db") == readings(workspace, rehearsal.string()));
    // The copy's rows number on from the original's.
    run_ok(workspace, {"--db", "copy.db", "suppress", "add", "another.example"});
    CHECK(run_ok(workspace, {"--db", "copy.db", "suppress", "list", "--format", "csv"}).out.find("another.example") !=
          std::string::npos);
}

TEST_CASE("db copy refuses to overwrite, to merge and to copy a database into itself", "[e2e][db][sqlite]") {
    Workspace workspace;
    auto rehearsal = month_of_history(workspace);
    run_ok(workspace, {"db", "copy", "campaign.db", "copy.db"});
    auto before = workspace.read("copy.db");

    auto existing = workspace.run({"db", "copy", rehearsal.string(), "copy.db"});
    CHECK(existing.exit_code == 1);
    CHECK(existing.err == "error: copy.db is there already: copy into a new file, or move that one away first\n");
    CHECK(workspace.read("copy.db") == before);

    auto itself = workspace.run({"db", "copy", "campaign.db", "./campaign.db"});
    CHECK(itself.exit_code == 1);
    CHECK(itself.err == "error: campaign.db and campaign.db are the same database\n");

    auto missing = workspace.run({"db", "copy", "nothing.db", "other.db"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err == "error: nothing.db: there is no CRM here to copy\n");
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "other.db"));
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "other.db.partial"));

    auto usage = workspace.run({"db", "copy", "campaign.db"});
    CHECK(usage.exit_code == 2);
}

TEST_CASE("db copy moves a CRM to PostgreSQL and back, and every reading is the same on both",
          "[e2e][db][postgresql]") {
    Workspace workspace;
    auto rehearsal = month_of_history(workspace);
    ServerDatabase server;

    auto up = run_ok(workspace, {"db", "copy", rehearsal.string(), server.uri()});
    auto down = run_ok(workspace, {"db", "copy", server.uri(), "back.db"});
    CHECK(summary_of(up.out) == summary_of(down.out));
    auto original = readings(workspace, rehearsal.string());
    CHECK(readings(workspace, server.uri()) == original);
    CHECK(readings(workspace, "back.db") == original);

    // A server's database that holds a CRM is not copied into.
    auto again = workspace.run({"db", "copy", "back.db", server.uri()});
    CHECK(again.exit_code == 1);
    CHECK(again.err.ends_with(": error: the database to copy into is not empty (its prospects hold rows): copy into a "
                              "new file or a new database\n"));
    CHECK(readings(workspace, server.uri()) == original);

    // Its identity columns go on after the copied ids: a new row takes the next one.
    run_ok(workspace, {"--db", server.uri(), "suppress", "add", "another.example"});
    CHECK(workspace.run({"--db", server.uri(), "suppress", "list", "--format", "csv"}).out.find("another.example") !=
          std::string::npos);
}

TEST_CASE("a rehearsal copied to PostgreSQL goes on there exactly as it goes on in its file",
          "[e2e][db][run][postgresql]") {
    Workspace workspace;
    auto rehearsal = month_of_history(workspace);
    ServerDatabase server;
    run_ok(workspace, {"db", "copy", rehearsal.string(), server.uri()});
    run_ok(workspace, {"db", "copy", rehearsal.string(), "file.db"});
    const std::vector<std::string> more{
        "run", "campaigns/founders-intro.yaml", "--model", "eager.yaml", "--seed", "5", "--for", "30d"};
    // Without the live CRM at hand, as on another machine: each checks its files against itself and goes on.
    std::filesystem::rename(workspace.path() / "campaign.db", workspace.path() / "elsewhere.db");
    for (const auto& crm : {server.uri(), std::string("file.db")}) {
        auto arguments = more;
        arguments.insert(arguments.begin(), {"--db", crm});
        auto went_on = run_ok(workspace, arguments);
        CHECK(went_on.out.find(" goes on; campaign.db, which it was copied from, is not there\n") != std::string::npos);
    }
    CHECK(readings(workspace, server.uri()) == readings(workspace, "file.db"));
    std::filesystem::rename(workspace.path() / "elsewhere.db", workspace.path() / "campaign.db");
    auto fresh =
        workspace.run({"--db", server.uri(), "run", "campaigns/founders-intro.yaml", "--fresh", "--for", "1d"});
    CHECK(fresh.exit_code == 1);
    CHECK(fresh.err.find("is a rehearsal on a server, which is not copied again in place") != std::string::npos);
}

TEST_CASE("the rehearsal named after a server's database is not taken for another server's of the same name",
          "[e2e][db][postgresql]") {
    Workspace workspace;
    ServerDatabase server;
    workspace.copy_from_source("campaigns");
    workspace.copy_from_source("templates");
    workspace.copy_from_source("examples");
    run_ok(workspace, {"--db", server.uri(), "prospects", "import", "examples/prospects.csv"});
    const std::vector<std::string> day{
        "run", "campaigns/founders-intro.yaml", "--start", "2026-11-23T06:00:00Z", "--for", "1d"};
    auto first = day;
    first.insert(first.begin(), {"--db", server.uri()});
    run_ok(workspace, first);
    // The same database name on another server: this one, reached as localhost, which the rehearsal cannot tell from
    // another machine (its password filed for that name too). The same server with other settings is the same CRM.
    {
        std::ifstream in(std::getenv("PGPASSFILE"));
        std::string line;
        std::getline(in, line);
        std::ofstream out(std::getenv("PGPASSFILE"), std::ios::app);
        out << "localhost" << line.substr(line.find(':')) << '\n';
    }
    run_ok(workspace,
           {"--db", server.uri() + "?application_name=again", "run", "campaigns/founders-intro.yaml", "--for", "1d"});
    auto other = server.uri();
    other.replace(other.find("127.0.0.1"), 9, "localhost");
    auto second = day;
    second.insert(second.begin(), {"--db", other});
    auto refused = workspace.run(second);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("is the rehearsal of " + server.uri() + ", not of " + other) != std::string::npos);
}
