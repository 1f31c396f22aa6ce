// Rehearsals (docs/running.md): a run on the mock transport or the simulated clock works in a copy of the live CRM
// beside it, campaign.rehearsal.db, and never writes into the live one; a live run refuses a database that holds
// simulated work; a run runs only what validate accepts; and a step that failed for good is tried again by
// `campaign retry` once its cause is fixed.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e/harness.hpp"

using campaign::e2e::Result;
using campaign::e2e::Workspace;

namespace {

int count(const std::filesystem::path& database, const std::string& sql) {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

Result run_ok(const Workspace& workspace, const std::vector<std::string>& arguments) {
    auto result = workspace.run(arguments);
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    return result;
}

// The example project with its 300 sample prospects imported, and a campaign whose simulated prospects often answer
// and often opt out, so that a rehearsal uses the audience up.
void prepare(const Workspace& workspace) {
    workspace.copy_from_source("campaigns");
    workspace.copy_from_source("templates");
    workspace.copy_from_source("examples");
    run_ok(workspace, {"prospects", "import", "examples/prospects.csv"});
    workspace.write("eager.yaml", "accept: 1.0\naccept_delay: 1h\nreply: 1.0\nreply_delay: 1h\nopt_out: 0.5\n");
}

const std::vector<std::string> k_month{
    "run",     "campaigns/founders-intro.yaml", "--model", "eager.yaml", "--seed", "7",
    "--start", "2026-11-23T06:00:00Z",          "--for",   "30d"};

// How many prospects a forecast of the live CRM would enroll, as the dry run prints it.
int enrolled_by_forecast(const Workspace& workspace) {
    auto forecast = run_ok(workspace, {"run", "campaigns/founders-intro.yaml", "--dry-run", "--start",
                                       "2026-12-28T06:00:00Z", "--for", "1d"});
    auto at = forecast.out.find(" prospects enrolled\n");
    REQUIRE(at != std::string::npos);
    auto start = forecast.out.rfind('\n', at) + 1;
    return std::stoi(forecast.out.substr(start, at - start));
}

} // namespace

TEST_CASE("a rehearsal works in a copy and the live CRM records nothing of it", "[e2e][rehearsal][invariant][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    auto audience = enrolled_by_forecast(workspace);
    REQUIRE(audience > 20);

    auto first = run_ok(workspace, k_month);
    CHECK(first.out.starts_with("rehearsal: campaign.rehearsal.db: a copy of campaign.db as it is now ("));
    CHECK(first.out.find("); campaign.db records nothing of it\n") != std::string::npos);
    CHECK(first.out.ends_with(
        "the rehearsal's reports: campaign --rehearsal report replies, campaign --rehearsal report ssi\n"));
    auto rehearsal = workspace.rehearsal();
    REQUIRE(count(rehearsal, "SELECT count(*) FROM enrollments") == audience);
    REQUIRE(count(rehearsal, "SELECT count(*) FROM suppressions WHERE reason LIKE 'opted out: %'") > 5);

    // The live CRM: the same prospects, and nothing else.
    auto live = workspace.database();
    for (const char* table :
         {"enrollments", "actions", "events", "suppressions", "runs", "ssi_snapshots", "campaigns"}) {
        INFO(table);
        CHECK(count(live, std::string("SELECT count(*) FROM ") + table) == 0);
    }
    CHECK(count(live, "SELECT count(*) FROM prospects") == count(rehearsal, "SELECT count(*) FROM prospects"));
    CHECK(run_ok(workspace, {"suppress", "list"}).out.find("opted out") == std::string::npos);
    CHECK(run_ok(workspace, {"--rehearsal", "suppress", "list"}).out.find("opted out") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "campaign.db.mock-journal.jsonl"));
    CHECK(std::filesystem::exists(workspace.path() / "campaign.rehearsal.db.mock-journal.jsonl"));

    // A second rehearsal goes on where the first stopped; the whole audience is used up there.
    auto more = run_ok(workspace, {"run", "campaigns/founders-intro.yaml", "--model", "eager.yaml", "--for", "7d"});
    CHECK(
        more.out.starts_with("rehearsal: campaign.rehearsal.db goes on where it stopped (copied from campaign.db at "));
    CHECK(more.out.find("\n0 prospects enrolled\n") != std::string::npos);
    CHECK(count(rehearsal, "SELECT count(*) FROM runs") == 2);

    // The campaign changed, rehearsed again from the same starting point: the copy is taken again.
    auto text = workspace.read("campaigns/founders-intro.yaml");
    text.replace(text.find("within: 21d"), 11, "within: 14d");
    workspace.write("campaigns/founders-intro.yaml", text);
    auto fresh = run_ok(workspace, {"run", "campaigns/founders-intro.yaml", "--model", "eager.yaml", "--seed", "7",
                                    "--start", "2026-11-23T06:00:00Z", "--for", "30d", "--fresh"});
    CHECK(fresh.out.starts_with("rehearsal: campaign.rehearsal.db, started again: a copy of campaign.db as it is now"));
    CHECK(fresh.out.find("campaign 'founders-intro': version 1 stored\n") != std::string::npos);
    CHECK(count(rehearsal, "SELECT count(*) FROM runs") == 1);
    CHECK(count(rehearsal, "SELECT count(*) FROM enrollments") == audience);

    // Going live: nobody was used up, nobody suppressed.
    CHECK(enrolled_by_forecast(workspace) == audience);
    CHECK(count(live, "SELECT count(*) FROM runs") == 0);

    auto shown = run_ok(workspace, {"rehearsal"});
    CHECK(shown.out.starts_with("rehearsal: campaign.rehearsal.db\ncopied from: campaign.db at "));
    CHECK(shown.out.find("\nclock: simulated, at 2026-12-23T06:00:00Z (last run seed 7)\n") != std::string::npos);
    CHECK(shown.out.find("\nenrollments: " + std::to_string(audience) + " (") != std::string::npos);

    // A prospect imported into the live CRM since: the rehearsal says so, and --fresh takes it in.
    workspace.write("late.csv", "linkedin_url,first_name,tags\nhttps://linkedin.com/in/late-founder,Lee,founders\n");
    run_ok(workspace, {"prospects", "import", "late.csv"});
    auto changed = run_ok(workspace, {"run", "campaigns/founders-intro.yaml", "--model", "eager.yaml", "--for", "1d"});
    CHECK(changed.out.find("\nnote: campaign.db has changed since the rehearsal was copied from it; --fresh rehearses "
                           "with what it holds now\n") != std::string::npos);

    auto discarded = run_ok(workspace, {"rehearsal", "discard"});
    CHECK(discarded.out ==
          "discarded campaign.rehearsal.db; the next rehearsal starts from campaign.db as it is then\n");
    CHECK_FALSE(std::filesystem::exists(rehearsal));
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "campaign.rehearsal.db.mock-journal.jsonl"));
    auto none = workspace.run({"--rehearsal", "status"});
    CHECK(none.exit_code == 1);
    CHECK(none.err == "error: --rehearsal: there is no rehearsal of campaign.db yet (campaign.rehearsal.db): a run on "
                      "the mock transport or the simulated clock makes one\n");
}

TEST_CASE("a rehearsal's reports and status say so in every format", "[e2e][rehearsal][report][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    run_ok(workspace, k_month);
    const std::string note =
        "REHEARSAL: simulated in a copy of campaign.db; nothing in this report happened on LinkedIn";

    auto table = run_ok(workspace, {"--rehearsal", "report", "replies"}).out;
    CHECK(table.substr(table.find('\n') + 1).starts_with(note + "\n"));
    auto markdown = run_ok(workspace, {"--rehearsal", "report", "ssi", "--format", "md"}).out;
    CHECK(markdown.find("\n\n**" + note + "**\n") != std::string::npos);
    for (const char* report : {"replies", "ssi"}) {
        INFO(report);
        auto json = nlohmann::json::parse(run_ok(workspace, {"--rehearsal", "report", report, "--format", "json"}).out);
        CHECK(json["rehearsal"] == nlohmann::json{{"copy_of", "campaign.db"}});
        auto csv = run_ok(workspace, {"--rehearsal", "report", report, "--format", "csv"});
        CHECK(csv.err == "note: " + note + "\n");
        run_ok(workspace, {"--rehearsal", "report", report, "--format", "html", "--out", "page.html"});
        CHECK(workspace.read("page.html").find("<p class=\"rehearsal\" role=\"note\">" + note + "</p>") !=
              std::string::npos);
    }
    // The same database named with --db is the same rehearsal.
    auto named = run_ok(workspace, {"--db", "campaign.rehearsal.db", "report", "replies", "--format", "json"});
    CHECK(nlohmann::json::parse(named.out)["rehearsal"] == nlohmann::json{{"copy_of", "campaign.db"}});

    auto status = run_ok(workspace, {"--rehearsal", "status"}).out;
    CHECK(status.starts_with(note + "\n\n"));
    auto status_json = nlohmann::json::parse(run_ok(workspace, {"--rehearsal", "status", "--format", "json"}).out);
    CHECK(status_json["rehearsal"] == nlohmann::json{{"copy_of", "campaign.db"}});

    // The live CRM's reports are not a rehearsal's.
    CHECK(
        nlohmann::json::parse(run_ok(workspace, {"report", "replies", "--format", "json"}).out)["rehearsal"].is_null());
    CHECK(run_ok(workspace, {"report", "replies", "--format", "csv"}).err ==
          "note: campaign.db holds nothing to report yet; its rehearsal, campaign.rehearsal.db, does: 'campaign "
          "--rehearsal report ...' reads it\n");
    CHECK(run_ok(workspace, {"status"}).out.find("REHEARSAL") == std::string::npos);
}

TEST_CASE("a live run refuses a rehearsal, and a database holding simulated work until it is split",
          "[e2e][rehearsal][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    run_ok(workspace, k_month);
    const std::vector<std::string> live{"run", "campaigns/founders-intro.yaml", "--transport", "http", "--once"};

    auto on_rehearsal = workspace.run(
        {"--db", "campaign.rehearsal.db", "run", "campaigns/founders-intro.yaml", "--transport", "http", "--once"});
    CHECK(on_rehearsal.exit_code == 1);
    CHECK(on_rehearsal.err ==
          "error: campaign.rehearsal.db is a rehearsal, a copy of campaign.db: a live run "
          "(--transport http on the wall clock) sends for real and works on the live CRM: name that "
          "one (--db campaign.db)\n");
    auto flagged = workspace.run({"--rehearsal", "run", "campaigns/founders-intro.yaml", "--transport", "http"});
    CHECK(flagged.exit_code == 1);
    CHECK(flagged.err == "error: --rehearsal: a live run (--transport http on the wall clock) works on the live CRM, "
                         "never on its rehearsal\n");

    // A database from before rehearsals had a file of their own: the simulated work is in the live CRM.
    std::filesystem::rename(workspace.rehearsal(), workspace.database());
    std::filesystem::rename(workspace.path() / "campaign.rehearsal.db.mock-journal.jsonl",
                            workspace.path() / "campaign.db.mock-journal.jsonl");
    {
        SQLite::Database db(workspace.database().string(), SQLite::OPEN_READWRITE);
        db.exec("DELETE FROM rehearsal");
        db.exec("INSERT INTO suppressions (kind, value, reason, created_at) VALUES"
                " ('email_domain', 'competitor.example', '', '2026-11-01T00:00:00Z')");
    }
    auto prospects = count(workspace.database(), "SELECT count(*) FROM prospects");
    auto refused = workspace.run(live);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err == "error: campaign.db holds the work of 1 simulated run (the last started "
                         "2026-11-23T06:00:00Z), from before rehearsals had a database of their own: a live run would "
                         "take its enrollments, replies and opt-outs for real. 'campaign rehearsal split' moves that "
                         "work into campaign.rehearsal.db and keeps the prospects, the suppressions you made and the "
                         "SSI you imported in campaign.db\n");
    CHECK(count(workspace.database(), "SELECT count(*) FROM runs") == 1);

    auto split = run_ok(workspace, {"rehearsal", "split"});
    CHECK(split.out == "moved the work of 1 simulated run into campaign.rehearsal.db; campaign.db keeps its "
                       "prospects, the suppressions you made and the SSI you imported, and is ready for a live run\n");
    auto live_db = workspace.database();
    for (const char* table : {"enrollments", "actions", "events", "runs"}) {
        INFO(table);
        CHECK(count(live_db, std::string("SELECT count(*) FROM ") + table) == 0);
    }
    CHECK(count(live_db, "SELECT count(*) FROM suppressions") == 1); // the one made by hand
    CHECK(count(live_db, "SELECT count(*) FROM ssi_snapshots WHERE source = 'mock'") == 0);
    CHECK(count(live_db, "SELECT count(*) FROM prospects") == prospects);
    CHECK(count(workspace.rehearsal(), "SELECT count(*) FROM runs") == 1);
    CHECK(count(workspace.rehearsal(), "SELECT count(*) FROM suppressions") > 5);
    CHECK(run_ok(workspace, {"rehearsal", "split"}).out == "campaign.db holds no simulated work: nothing to split\n");
    // Ready: the live run now gets as far as the gateway it was not given.
    auto ready = workspace.run(live);
    CHECK(ready.err.find("--transport http needs a gateway") != std::string::npos);
}

TEST_CASE("run refuses what validate refuses, against the CRM it works on", "[e2e][rehearsal][run][validate][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    auto text = workspace.read("templates/nudge.mustache");
    workspace.write("templates/nudge.mustache", text + "\nHow many people are you, {{headcount}}?\n");
    auto validated = workspace.run({"validate", "campaigns/founders-intro.yaml"});
    REQUIRE(validated.exit_code == 1);
    auto ran = workspace.run(k_month);
    CHECK(ran.exit_code == 1);
    CHECK(ran.err == validated.err.substr(0, validated.err.rfind('\n', validated.err.size() - 2) + 1) +
                         "1 problem found: nothing was run (campaign validate shows the same)\n");
    CHECK(ran.out.empty());
    CHECK_FALSE(std::filesystem::exists(workspace.rehearsal()));
    CHECK(count(workspace.database(), "SELECT count(*) FROM campaigns") == 0);

    // A warning lets a run go on; --strict refuses it too.
    workspace.write("templates/nudge.mustache", text);
    workspace.write("people.csv", "linkedin_url,tags\nhttps://linkedin.com/in/nameless,founders;europe\n");
    run_ok(workspace, {"prospects", "import", "people.csv"});
    auto warned = workspace.run({"validate", "campaigns/founders-intro.yaml"});
    REQUIRE(warned.exit_code == 0);
    REQUIRE(warned.err.find("warning: ") != std::string::npos);
    std::vector<std::string> strict = k_month;
    strict.push_back("--strict");
    auto refused = workspace.run(strict);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find(" found: nothing was run (campaign validate shows the same)\n") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(workspace.rehearsal()));
    auto lenient = run_ok(workspace, k_month);
    CHECK(lenient.err == warned.err);
}

namespace {

// Three prospects, one without a company, and a message that needs one.
void prepare_failing_template(const Workspace& workspace) {
    workspace.write("people.csv", "first_name,linkedin_url,company,tags\n"
                                  "Ana,https://linkedin.com/in/ana,Acme,pilot\n"
                                  "Bo,https://linkedin.com/in/bo,,pilot\n"
                                  "Cy,https://linkedin.com/in/cy,Beta,pilot\n");
    run_ok(workspace, {"prospects", "import", "people.csv"});
    workspace.write("templates/hello.mustache", "Hello {{first_name}} from {{company}}\n");
    workspace.write("campaigns/pilot.yaml", R"(campaign: pilot
templates: ../templates
senders:
  - id: alice
    timezone: UTC
    working_hours: {days: [mon, tue, wed, thu, fri, sat, sun], from: "00:00", to: "24:00"}
audience:
  tags: [pilot]
steps:
  - id: hello
    type: message
    template: hello.mustache
mock:
  reply: 0
  failure: 0
)");
}

} // namespace

TEST_CASE("a step that failed for its template is tried again by retry once the template is fixed",
          "[e2e][rehearsal][retry][sqlite]") {
    Workspace workspace;
    prepare_failing_template(workspace);
    const std::vector<std::string> day{"run", "campaigns/pilot.yaml", "--start", "2026-11-02T08:00:00Z", "--for", "1d"};

    // The forecast shows the failure where it would happen.
    auto forecast = run_ok(
        workspace, {"run", "campaigns/pilot.yaml", "--dry-run", "--start", "2026-11-02T08:00:00Z", "--for", "1d"});
    CHECK(forecast.out.find("https://linkedin.com/in/bo  (failed: templates/hello.mustache:1:27: no value for "
                            "'company' and no fallback)\n") != std::string::npos);

    auto first = run_ok(workspace, day);
    CHECK(first.out.find("2 actions sent, 0 accepted, 0 replied, 1 failed") != std::string::npos);
    auto rehearsal = workspace.rehearsal();
    CHECK(count(rehearsal, "SELECT count(*) FROM actions WHERE state = 'failed' AND failure = 'template'") == 1);

    auto status = run_ok(workspace, {"--rehearsal", "status"}).out;
    CHECK(status.find("failed steps ('campaign retry' tries them again once the cause is fixed):\n") !=
          std::string::npos);
    CHECK(status.find("pilot     hello  template  1       templates/hello.mustache:1:27: no value for 'company' and "
                      "no fallback\n") != std::string::npos);
    auto status_json = nlohmann::json::parse(run_ok(workspace, {"--rehearsal", "status", "--format", "json"}).out);
    CHECK(status_json["failures"][0]["reason"] == "template");
    CHECK(status_json["failures"][0]["count"] == 1);
    auto log = nlohmann::json::parse(run_ok(workspace, {"--rehearsal", "actions", "--format", "json"}).out);
    int failures = 0;
    for (const auto& action : log) {
        failures += action["failure"] == "template";
    }
    CHECK(failures == 1);

    // A retry before the fix changes nothing until the run, which fails the same way again.
    auto dry = run_ok(workspace, {"--rehearsal", "retry", "--dry-run"});
    CHECK(dry.out.ends_with("dry run: 1 step would be due again; nothing was changed\n"));
    CHECK(count(rehearsal, "SELECT count(*) FROM enrollments WHERE state = 'failed'") == 1);
    auto unknown_reason = workspace.run({"--rehearsal", "retry", "--reason", "timeout"});
    CHECK(unknown_reason.exit_code == 2);

    workspace.write("templates/hello.mustache", "Hello {{first_name}}{{#company}} from {{company}}{{/company}}\n");
    auto retried = run_ok(workspace, {"--rehearsal", "retry", "--campaign", "pilot", "--reason", "template"});
    CHECK(retried.out.find("https://linkedin.com/in/bo  template") != std::string::npos);
    CHECK(retried.out.ends_with("1 step due again: the next 'campaign run' of its campaign sends it\n"));
    CHECK(count(rehearsal, "SELECT count(*) FROM enrollments WHERE state = 'failed'") == 0);

    auto again = run_ok(workspace, {"run", "campaigns/pilot.yaml", "--for", "1d"});
    CHECK(again.out.find("1 actions sent, 0 accepted, 0 replied, 0 failed") != std::string::npos);
    CHECK(count(rehearsal, "SELECT count(*) FROM actions WHERE state = 'sent'") == 3);
    CHECK(count(rehearsal, "SELECT count(*) FROM actions WHERE idempotency_key = 'pilot/2/hello' AND state = 'sent'"
                           " AND rendered_text = 'Hello Bo'") == 1);
    CHECK(run_ok(workspace, {"--rehearsal", "retry"}).out == "no failed steps match: nothing to retry\n");
    // Nothing of it reached the live CRM.
    CHECK(count(workspace.database(), "SELECT count(*) FROM actions") == 0);
}

TEST_CASE("a rehearsal goes on with the CRM as it was copied, and says so when that is why a file fails",
          "[e2e][rehearsal][validate][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    run_ok(workspace, {"run", "campaigns/founders-intro.yaml", "--for", "2d", "--start", "2026-11-23T06:00:00Z"});
    // A field imported into the live CRM since the copy, and a template that uses it.
    workspace.write("budget.csv", "linkedin_url,budget\nhttps://linkedin.com/in/someone-new,10k\n");
    run_ok(workspace, {"prospects", "import", "budget.csv"});
    auto text = workspace.read("templates/nudge.mustache");
    workspace.write("templates/nudge.mustache", text + "{{budget | your budget}}\n");
    CHECK(workspace.run({"validate", "campaigns/founders-intro.yaml"}).exit_code == 0);
    auto refused = workspace.run({"run", "campaigns/founders-intro.yaml", "--for", "1d"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.ends_with("1 problem found against the rehearsal campaign.rehearsal.db: nothing was run "
                                "('campaign --rehearsal validate' shows the same; --fresh rehearses with what "
                                "campaign.db holds now)\n"));
    run_ok(workspace,
           {"run", "campaigns/founders-intro.yaml", "--for", "1d", "--fresh", "--start", "2026-11-23T06:00:00Z"});

    // A forecast with --rehearsal starts from the rehearsal, where the clock stands.
    auto forecast =
        run_ok(workspace, {"--rehearsal", "run", "campaigns/founders-intro.yaml", "--dry-run", "--for", "1d"});
    CHECK(forecast.out.find("forecast 2026-11-24T06:00:00Z to 2026-11-25T06:00:00Z") != std::string::npos);
}

TEST_CASE("an erasure reaches the rehearsal too, and a moved project keeps its pair",
          "[e2e][rehearsal][prospects][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    run_ok(workspace, k_month);
    const std::string who = "https://www.linkedin.com/in/example-ayu-halim-25e01af";
    REQUIRE(count(workspace.rehearsal(), "SELECT count(*) FROM prospects WHERE profile_url LIKE '%ayu-halim%'") == 1);
    auto forgotten = run_ok(workspace, {"prospects", "forget", who});
    CHECK(forgotten.out.ends_with("\nerased from campaign.rehearsal.db too\n"));
    for (const auto& database : {workspace.database(), workspace.rehearsal()}) {
        INFO(database);
        CHECK(count(database, "SELECT count(*) FROM prospects WHERE profile_url LIKE '%ayu-halim%'") == 0);
        CHECK(count(database, "SELECT count(*) FROM suppressions WHERE kind = 'forgotten'") == 1);
    }

    // The pair moved together still names its own live CRM.
    auto moved = workspace.path() / "moved";
    std::filesystem::create_directories(moved);
    for (const char* file : {"campaign.db", "campaign.rehearsal.db"}) {
        std::filesystem::copy_file(workspace.path() / file, moved / file);
    }
    auto shown = run_ok(workspace, {"--db", "moved/campaign.db", "rehearsal"});
    CHECK(shown.out.starts_with("rehearsal: moved/campaign.rehearsal.db\ncopied from: moved/campaign.db at "));
}

TEST_CASE("a split takes the mock's journal with the work, and leaves the live CRM unchanged since",
          "[e2e][rehearsal][sqlite]") {
    Workspace workspace;
    prepare(workspace);
    run_ok(workspace,
           {"run", "campaigns/founders-intro.yaml", "--for", "10d", "--seed", "3", "--start", "2026-11-23T06:00:00Z"});
    std::filesystem::rename(workspace.rehearsal(), workspace.database());
    std::filesystem::rename(workspace.path() / "campaign.rehearsal.db.mock-journal.jsonl",
                            workspace.path() / "campaign.db.mock-journal.jsonl");
    {
        SQLite::Database db(workspace.database().string(), SQLite::OPEN_READWRITE);
        db.exec("DELETE FROM rehearsal");
    }
    run_ok(workspace, {"rehearsal", "split"});
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "campaign.db.mock-journal.jsonl"));
    CHECK(std::filesystem::exists(workspace.path() / "campaign.rehearsal.db.mock-journal.jsonl"));
    auto shown = run_ok(workspace, {"rehearsal"});
    CHECK(shown.out.find("has changed since") == std::string::npos);
    auto more = run_ok(workspace, {"run", "campaigns/founders-intro.yaml", "--for", "1d"});
    CHECK(more.out.find("has changed since") == std::string::npos);
}
