// `campaign events ingest`: events reported elsewhere, one JSON object a line, recorded once by id and applied by the
// next run; a file with a bad line records nothing and says where.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

int count(const std::filesystem::path& database, const std::string& sql) {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

int count(const Workspace& workspace, const std::string& sql) {
    return static_cast<int>(workspace.count_in_crm(sql));
}

void prepare(const Workspace& workspace) {
    workspace.copy_from_source("campaigns");
    workspace.copy_from_source("templates");
    workspace.copy_from_source("examples");
    REQUIRE(workspace.run({"prospects", "import", "examples/prospects.csv"}).exit_code == 0);
}

// An opt-out written the way a person or another tool would write the URL: with its tracking query.
const std::string k_events =
    R"({"id": "crm-1", "type": "opted_out", "sender": "alice", "at": "2026-11-20T10:00:00Z",)"
    R"( "profile_url": "https://www.linkedin.com/in/example-ayu-halim-25e01af?trk=people-guest_people_search-card"})"
    "\n\n"
    R"({"id": "crm-2", "type": "replied", "sender": "alice", "at": "2026-11-19T10:00:00Z",)"
    R"( "profile_url": "https://linkedin.com/in/someone-else", "text": "Thanks!"})"
    "\n";

} // namespace

TEST_CASE("events from a file are recorded once and applied by the next run", "[e2e][events]") {
    Workspace workspace;
    prepare(workspace);
    workspace.write("events.jsonl", k_events);
    auto first = workspace.run({"events", "ingest", "events.jsonl"});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(first.out == "recorded 2 events from events.jsonl (0 known already); the next run applies them\n");
    auto again = workspace.run({"events", "ingest", "events.jsonl"});
    CHECK(again.out == "recorded 0 events from events.jsonl (2 known already); the next run applies them\n");
    CHECK(count(workspace, "SELECT count(*) FROM events") == 2);
    // The URL was matched to the prospect as the CRM normalized it.
    CHECK(count(workspace, "SELECT count(*) FROM events e JOIN prospects p ON p.id = e.prospect_id"
                           " WHERE e.external_id = 'crm-1'") == 1);

    REQUIRE(workspace.run({"run", "campaigns/founders-intro.yaml", "--start", "2026-11-23T06:00:00Z", "--for", "1d"})
                .exit_code == 0);
    // The mock run rehearsed in a copy, which applied the events; the live CRM keeps them for its next run.
    auto rehearsal = workspace.rehearsal();
    CHECK(count(rehearsal, "SELECT count(*) FROM events WHERE applied_at IS NULL") == 0);
    CHECK(count(rehearsal, "SELECT count(*) FROM suppressions") == 1);
    CHECK(count(rehearsal, "SELECT count(*) FROM enrollments e JOIN prospects p ON p.id = e.prospect_id"
                           " WHERE p.profile_url LIKE '%ayu-halim%'") == 0);
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE applied_at IS NULL") == 2);
    CHECK(count(workspace, "SELECT count(*) FROM enrollments") == 0);
}

TEST_CASE("a file with a bad line records nothing, and says which lines", "[e2e][events]") {
    Workspace workspace;
    prepare(workspace);
    workspace.write("events.jsonl",
                    k_events + R"({"id": "crm-3", "type": "liked", "sender": "alice",)" +
                        R"( "at": "2026-11-20T10:00:00Z", "profile_url": "https://linkedin.com/in/x"})" +
                        "\n{not json\n");
    auto result = workspace.run({"events", "ingest", "events.jsonl"});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "events.jsonl:4: error: the event 'crm-3' has an unknown type 'liked'\n"
                        "events.jsonl:5: error: not valid JSON\n"
                        "events.jsonl: error: nothing was recorded\n");
    CHECK(count(workspace, "SELECT count(*) FROM events") == 0);
    CHECK(workspace.run({"events", "ingest", "missing.jsonl"}).err == "missing.jsonl: error: cannot read the file\n");
}

// Issue 15's defect: a reply holding "stop" suppressed a hot lead for good. Only an explicit request, in any
// language, suppresses; a decline does not.
TEST_CASE("a run suppresses only the replies that ask never to be contacted", "[e2e][events][replies]") {
    Workspace workspace;
    prepare(workspace);
    workspace.write(
        "events.jsonl",
        R"({"id": "r-1", "type": "replied", "sender": "alice", "at": "2026-11-20T10:00:00Z",)"
        R"( "profile_url": "https://www.linkedin.com/in/example-ahmed-hassan-0fc6a1c/",)"
        R"( "text": "Ha, I can't stop laughing at the video - yes, let's talk next week!"})"
        "\n"
        R"({"id": "r-2", "type": "replied", "sender": "alice", "at": "2026-11-20T11:00:00Z",)"
        R"( "profile_url": "https://www.linkedin.com/in/example-wout-claes-6d6dfaa/",)"
        R"( "text": "Bitte entfernen Sie mich aus Ihrem Verteiler."})"
        "\n"
        R"({"id": "r-3", "type": "replied", "sender": "alice", "at": "2026-11-20T12:00:00Z",)"
        R"( "profile_url": "https://www.linkedin.com/in/example-ayu-halim-25e01af", "text": "Not interested."})"
        "\n"
        R"({"id": "r-4", "type": "replied", "sender": "alice", "at": "2026-11-20T13:00:00Z",)"
        R"( "profile_url": "https://www.linkedin.com/in/example-ting-chen-a158bd8e/",)"
        R"( "text": "Thanks, will read it.\n\n> Reply STOP to unsubscribe"})"
        "\n");
    // The campaign's own keyword counts in what the prospect wrote, not in the quote below it.
    std::ifstream original(workspace.path() / "campaigns/founders-intro.yaml");
    std::string campaign((std::istreambuf_iterator<char>(original)), std::istreambuf_iterator<char>());
    auto stop = campaign.find("stop:\n  on_reply: true\n");
    REQUIRE(stop != std::string::npos);
    campaign.insert(stop + std::string("stop:\n  on_reply: true\n").size(), "  opt_out_keywords: [unsubscribe]\n");
    workspace.write("campaigns/founders-intro.yaml", campaign);
    REQUIRE(workspace.run({"events", "ingest", "events.jsonl"}).exit_code == 0);
    auto run =
        workspace.run({"run", "campaigns/founders-intro.yaml", "--start", "2026-11-23T06:00:00Z", "--for", "1d"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    auto rehearsal = workspace.rehearsal();
    CHECK(count(rehearsal, "SELECT count(*) FROM events WHERE applied_at IS NULL") == 0);
    CHECK(count(rehearsal, "SELECT count(*) FROM suppressions") == 1);
    CHECK(count(rehearsal, "SELECT count(*) FROM suppressions WHERE reason LIKE '%Verteiler%'") == 1);
}
