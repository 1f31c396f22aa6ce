#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

int count(const std::filesystem::path& database, const std::string& sql) {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

// Counts in the rehearsal, where the runs of these tests on the mock transport work.
int count(const Workspace& workspace, const std::string& sql) {
    return count(workspace.rehearsal(), sql);
}

// The actions sent so far by a run that may not have made its database yet.
int sent_so_far(const Workspace& workspace) {
    try {
        return std::filesystem::exists(workspace.rehearsal())
                   ? count(workspace, "SELECT count(*) FROM actions WHERE state = 'sent'")
                   : 0;
    } catch (const SQLite::Exception&) {
        return 0; // not made yet, or busy: asked again
    }
}

// Every row of the tables a run writes, in a stable order: two databases that print the same are the same.
std::string dump(const std::filesystem::path& database) {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    std::ostringstream text;
    for (const char* table :
         {"campaigns", "campaign_versions", "senders", "enrollments", "actions", "events", "suppressions", "runs"}) {
        SQLite::Statement rows(db, std::string("SELECT * FROM ") + table + " ORDER BY 1");
        while (rows.executeStep()) {
            text << table;
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                text << '|' << (rows.getColumn(i).isNull() ? "NULL" : rows.getColumn(i).getString());
            }
            text << '\n';
        }
    }
    return text.str();
}

// The example project with its 300 sample prospects imported.
void prepare(const Workspace& workspace) {
    workspace.copy_from_source("campaigns");
    workspace.copy_from_source("templates");
    workspace.copy_from_source("examples");
    REQUIRE(workspace.run({"prospects", "import", "examples/prospects.csv"}).exit_code == 0);
}

const std::vector<std::string> k_month{"run",     "campaigns/founders-intro.yaml", "--seed", "7",
                                       "--start", "2026-11-23T06:00:00Z",          "--for",  "30d"};

} // namespace

TEST_CASE("a simulated month of the example campaign, then its status and action log", "[e2e][run][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    auto result = workspace.run(k_month);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("campaign 'founders-intro': version 1 stored\n") != std::string::npos);
    CHECK(result.out.find("ran 2026-11-23T06:00:00Z to 2026-12-") != std::string::npos);
    CHECK(result.out.find(" (simulated clock, seed 7): ") != std::string::npos);
    auto enrolled = count(workspace, "SELECT count(*) FROM enrollments");
    CHECK(enrolled > 20);
    CHECK(result.out.find(std::to_string(enrolled) + " prospects enrolled\n") != std::string::npos);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE state = 'sent'") > enrolled);
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE type = 'accepted'") > 0);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE state = 'sending'") == 0);
    // The audience: founders in Europe or North America who are not customers.
    CHECK(count(workspace, "SELECT count(*) FROM enrollments e JOIN prospect_tags t ON t.prospect_id = e.prospect_id"
                           " AND t.tag = 'customer'") == 0);

    auto status = workspace.run({"--rehearsal", "status"});
    CHECK(status.exit_code == 0);
    CHECK(status.out.starts_with("REHEARSAL: simulated in a copy of campaign.db; nothing in this report happened on "
                                 "LinkedIn\n\nas of 2026-12-"));
    CHECK(status.out.find("\n\ncampaign        sender  enrolled") != std::string::npos);
    CHECK(status.out.find("founders-intro  alice") != std::string::npos);
    CHECK(status.out.find("Europe/Paris") != std::string::npos);

    auto json = workspace.run({"--rehearsal", "status", "founders-intro", "--format", "json"});
    CHECK(json.exit_code == 0);
    CHECK(json.out.find("\"invitations_7_days\": {\n        \"configured_limit\": 80,\n        \"limit\": 80,") !=
          std::string::npos);

    auto log = workspace.run({"--rehearsal", "actions", "--sender", "marcus"});
    CHECK(log.exit_code == 0);
    CHECK(log.out.rfind("at_utc,at_local,sender,campaign,step,variant,type,profile_url,state,idempotency_key,failure\n",
                        0) == 0);
    CHECK(log.out.find(",alice,") == std::string::npos);
    CHECK(log.out.find("-05:00,marcus,founders-intro,invite,") != std::string::npos);

    auto unknown = workspace.run({"status", "nope"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err == "error: no campaign 'nope' in campaign.db (it has not been run yet)\n");
}

TEST_CASE("a dry run prints the schedule and records nothing", "[e2e][run][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    auto before = dump(workspace.database());
    auto result = workspace.run(
        {"run", "campaigns/founders-intro.yaml", "--dry-run", "--start", "2026-11-23T06:00:00Z", "--for", "3d"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("+01:00  alice  founders-intro/look  view_profile  https://") != std::string::npos);
    CHECK(result.out.find("-05:00  marcus  founders-intro/look  view_profile") != std::string::npos);
    CHECK(result.out.find("dry run: nothing was recorded\n") != std::string::npos);
    CHECK(dump(workspace.database()) == before);
    CHECK_FALSE(std::filesystem::exists(workspace.rehearsal()));
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "campaign.db.mock-journal.jsonl"));
}

TEST_CASE("the same seed gives the same database", "[e2e][run][invariant][sqlite]") {
    Workspace first;
    prepare(first);
    Workspace second;
    second.copy_from_source("campaigns");
    second.copy_from_source("templates");
    std::filesystem::copy_file(first.database(), second.database());
    REQUIRE(first.run(k_month).exit_code == 0);
    REQUIRE(second.run(k_month).exit_code == 0);
    CHECK(dump(first.rehearsal()) == dump(second.rehearsal()));
    CHECK(first.read("campaign.rehearsal.db.mock-journal.jsonl") ==
          second.read("campaign.rehearsal.db.mock-journal.jsonl"));
}

TEST_CASE("a run killed at any moment and restarted sends each step exactly once", "[e2e][run][invariant][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    // Enough founders in Europe that a month of the example campaign takes a while.
    std::string csv = "linkedin_url,first_name,company,tags\n";
    for (int i = 0; i < 1500; ++i) {
        csv += "https://linkedin.com/in/crowd-" + std::to_string(i) + ",Sam,Acme,founders;europe\n";
    }
    workspace.write("crowd.csv", csv);
    REQUIRE(workspace.run({"prospects", "import", "crowd.csv"}).exit_code == 0);
    // Killed three times as the transport's journal grows, then left to finish.
    for (std::uintmax_t bytes : {20000U, 150000U, 400000U}) {
        auto killed = workspace.run_killed_when_grown("campaign.rehearsal.db.mock-journal.jsonl", bytes, k_month);
        CHECK(killed.exit_code == 137);
    }
    auto finished = workspace.run({"run", "campaigns/founders-intro.yaml", "--seed", "7", "--until", "2026-12-23"});
    INFO(finished.err);
    REQUIRE(finished.exit_code == 0);

    std::ifstream journal(workspace.path() / "campaign.rehearsal.db.mock-journal.jsonl");
    std::set<std::string> keys;
    int lines = 0;
    for (std::string line; std::getline(journal, line);) {
        auto at = line.find("\"key\":\"");
        REQUIRE(at != std::string::npos);
        auto key = line.substr(at + 7, line.find('"', at + 7) - at - 7);
        CHECK(keys.insert(key).second); // received once at the transport
        ++lines;
    }
    CHECK(lines > 100);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE state = 'sending'") == 0);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE state = 'sent'") == lines);
}

TEST_CASE("a second run on the same database refuses", "[e2e][run][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    auto lock_path = workspace.rehearsal().string() + ".run-lock";
    int descriptor = ::open(lock_path.c_str(), O_RDWR | O_CREAT, 0644);
    REQUIRE(::flock(descriptor, LOCK_EX | LOCK_NB) == 0);
    auto result = workspace.run(k_month);
    ::close(descriptor);
    CHECK(result.exit_code == 3);
    CHECK(result.err == "campaign.rehearsal.db: error: another 'campaign run' is using this database; wait for it "
                        "to finish or stop it (Ctrl-C) first\n");
    CHECK(count(workspace.database(), "SELECT count(*) FROM enrollments") == 0);
    CHECK_FALSE(std::filesystem::exists(workspace.rehearsal()));
}

TEST_CASE("a changed campaign file is a new version, and running enrollments keep theirs", "[e2e][run]") {
    Workspace workspace;
    prepare(workspace);
    REQUIRE(workspace.run({"run", "campaigns/founders-intro.yaml", "--start", "2026-11-23T06:00:00Z", "--for", "2d"})
                .exit_code == 0);
    auto text = workspace.read("campaigns/founders-intro.yaml");
    text.replace(text.find("within: 21d"), 11, "within: 14d");
    workspace.write("campaigns/founders-intro.yaml", text);
    auto result = workspace.run({"run", "campaigns/founders-intro.yaml", "--for", "1d"});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    auto active =
        count(workspace, "SELECT count(*) FROM enrollments WHERE state = 'active' AND campaign_version_id = 1");
    CHECK(result.out.find("campaign 'founders-intro' changed since version 1 (now version 2):\n"
                          "  - step 'invite': branches changed\n  " +
                          std::to_string(active) +
                          " running enrollments keep the version they started on; new enrollments start on version "
                          "2\n") != std::string::npos);
    CHECK(count(workspace, "SELECT count(*) FROM campaign_versions") == 2);
}

TEST_CASE("a bad campaign file stops the run before anything happens", "[e2e][run][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    workspace.write("campaigns/broken.yaml", "campaign: broken\nsenders: 3\n");
    auto result = workspace.run({"run", "campaigns/broken.yaml"});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "campaigns/broken.yaml:1:1: error: missing required key 'audience'\n"
                        "campaigns/broken.yaml:1:1: error: missing required key 'steps'\n"
                        "campaigns/broken.yaml:2:10: error: 'senders' must be a list\n"
                        "3 problems found: nothing was run (campaign validate shows the same)\n");
    CHECK(count(workspace.database(), "SELECT count(*) FROM campaigns") == 0);
    CHECK_FALSE(std::filesystem::exists(workspace.rehearsal()));
}

TEST_CASE("a wall-clock run stops cleanly on SIGTERM and SIGINT", "[e2e][run]") {
    for (int signal : {SIGTERM, SIGINT}) {
        Workspace workspace;
        prepare(workspace);
        // A sender who works around the clock, every day, with a second between actions.
        workspace.write("campaigns/now.yaml", "campaign: now\n"
                                              "senders:\n"
                                              "  - id: night-owl\n"
                                              "    timezone: UTC\n"
                                              "    working_hours: {days: [sun, mon, tue, wed, thu, fri, sat],"
                                              " from: \"00:00\", to: \"23:59\"}\n"
                                              "    pacing: {min_gap: 1s, jitter: 0s}\n"
                                              "audience:\n  tags: [founders]\n"
                                              "steps:\n  - id: look\n    type: view_profile\n");
        // Stopped once two actions are out, however long the start took.
        auto running = workspace.start({"run", "campaigns/now.yaml", "--clock", "wall"});
        auto patience = std::chrono::steady_clock::now() + std::chrono::seconds{20};
        while (sent_so_far(workspace) < 2 && std::chrono::steady_clock::now() < patience) {
            std::this_thread::sleep_for(std::chrono::milliseconds{50});
        }
        auto result = running.stop(signal);
        INFO(result.err);
        CHECK(result.exit_code == 0);
        CHECK(result.out.find("(wall clock, seed 1): ") != std::string::npos);
        CHECK(result.out.find("; stopped\n") != std::string::npos);
        auto sent = count(workspace, "SELECT count(*) FROM actions WHERE state = 'sent'");
        CHECK(sent >= 2);
        CHECK(sent <= 5);
        CHECK(count(workspace, "SELECT count(*) FROM actions WHERE state = 'sending'") == 0);
        CHECK(count(workspace, "SELECT count(*) FROM runs WHERE stop_reason = 'stopped'") == 1);
    }
}

TEST_CASE("an action in doubt is resolved by hand and the next run goes on from there", "[e2e][run][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    REQUIRE(workspace.run({"run", "campaigns/founders-intro.yaml", "--start", "2026-11-23T06:00:00Z", "--for", "1d"})
                .exit_code == 0);
    {
        SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READWRITE);
        // As a crash with a transport that cannot say leaves it: the action in doubt, the enrollment parked. Made
        // from an action that went out, which the database refuses to change unless its guard is lifted.
        db.exec("DROP TRIGGER actions_stay_sent");
        db.exec("UPDATE actions SET state = 'in_doubt' WHERE idempotency_key = 'founders-intro/3/look'");
        db.exec("UPDATE enrollments SET current_step = 'look', due_action = 'view_profile', next_due_at = NULL,"
                " waiting_since = NULL WHERE id = 3");
    }
    auto missing = workspace.run({"--rehearsal", "actions", "resolve", "nope", "sent"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.ends_with("\nerror: no action with the key 'nope' (see: campaign actions)\n"));
    auto resolved = workspace.run({"--rehearsal", "actions", "resolve", "founders-intro/3/look", "sent"});
    CHECK(resolved.exit_code == 0);
    CHECK(resolved.out == "action 'founders-intro/3/look' resolved as sent; the next run takes it from there\n");
    auto again = workspace.run({"--rehearsal", "actions", "resolve", "founders-intro/3/look", "not-sent"});
    CHECK(again.exit_code == 1);
    CHECK(again.err ==
          "note: --rehearsal: this changes campaign.rehearsal.db only, not campaign.db; 'campaign run --fresh' and "
          "'campaign rehearsal discard' throw the rehearsal away\n"
          "error: action 'founders-intro/3/look' is sent, not in doubt: there is nothing to resolve\n");

    REQUIRE(workspace.run({"run", "campaigns/founders-intro.yaml", "--for", "2d"}).exit_code == 0);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE enrollment_id = 3 AND step = 'look'") == 1);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE enrollment_id = 3 AND step = 'invite'") == 1);
}

TEST_CASE("run refuses what cannot be run, saying why", "[e2e][run][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    auto backwards = workspace.run(
        {"run", "campaigns/founders-intro.yaml", "--start", "2026-11-23T06:00:00Z", "--until", "2026-11-01"});
    CHECK(backwards.exit_code == 1);
    CHECK(backwards.err == "error: the run would end (2026-11-01T00:00:00Z) before it starts (2026-11-23T06:00:00Z)\n");
    auto twice = workspace.run({"run", "campaigns/founders-intro.yaml", "campaigns/founders-intro.yaml"});
    CHECK(twice.exit_code == 1);
    CHECK(twice.err == "campaigns/founders-intro.yaml:1:1: error: campaign 'founders-intro' is also the campaign of "
                       "campaigns/founders-intro.yaml\n"
                       "1 problem found: nothing was run (campaign validate shows the same)\n");
    auto wall_forecast = workspace.run({"run", "campaigns/founders-intro.yaml", "--dry-run", "--clock", "wall"});
    CHECK(wall_forecast.exit_code == 1);
    CHECK(wall_forecast.err == "error: --dry-run forecasts on the simulated clock; leave out --clock wall\n");
    auto no_log = workspace.run({"actions", "--campaign", "nope"});
    CHECK(no_log.exit_code == 1);
    CHECK(no_log.err == "error: no campaign 'nope' in campaign.db (it has not been run yet)\n");
    CHECK(count(workspace.database(), "SELECT count(*) FROM campaigns") == 0);
}
