#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e/harness.hpp"
#include "unit/report/reply_fixture.hpp"

using campaign::e2e::Workspace;

namespace {

// A database made by the binary, holding the hand-worked fixture of the report's unit tests.
void prepare_fixture(const Workspace& workspace) {
    REQUIRE(workspace.run({"suppress", "add", "competitor.example"}).exit_code == 0);
    SQLite::Database db(workspace.database().string(), SQLite::OPEN_READWRITE);
    db.exec(campaign::fixture::k_reply_fixture_sql);
}

std::string dump(const Workspace& workspace) {
    SQLite::Database db(workspace.database().string(), SQLite::OPEN_READONLY);
    std::ostringstream text;
    for (const char* table : {"campaigns", "senders", "prospects", "enrollments", "actions", "events"}) {
        SQLite::Statement rows(db, std::string("SELECT * FROM ") + table + " ORDER BY 1");
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                text << (rows.getColumn(i).isNull() ? "NULL" : rows.getColumn(i).getString()) << '|';
            }
            text << '\n';
        }
    }
    return text.str();
}

bool has_line(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

} // namespace

TEST_CASE("report replies prints the funnel, A/B tests, replies and days of the fixture", "[e2e][report][sqlite]") {
    Workspace workspace;
    prepare_fixture(workspace);
    auto before = dump(workspace);
    auto result = workspace.run({"report", "replies"});
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.rfind("Reply report: all campaigns, all senders (as of ", 0) == 0);
    CHECK(result.out.find("\nCampaigns\ncampaign  enrolled  invites  accepted  acceptance         messaged  replied  "
                          "reply rate         interested  interested rate    opt-outs  failed  accept wait (h)  "
                          "reply wait (h)\n"
                          "alpha     10        9        4         44.4% [18.9–73.3]  4         3        "
                          "75.0% [30.1–95.4]  2           50.0% [15.0–85.0]  1         1       5.0 / 8.8        "
                          "3.0 / 4.6\n") != std::string::npos);
    CHECK(result.out.find("\n            variant a           5     5        3         60.0% [23.1–88.2]  0         0 "
                          "       –                  0           –                  0         0       4.0 / 5.6"
                          "        –\n") != std::string::npos);
    CHECK(has_line(result.out, "alpha / invite, b vs a: no detectable difference yet; about 27 more sends per "
                               "variant needed."));
    CHECK(has_line(
        result.out,
        "4 replies: 2 interested, 0 not interested, 0 later, 0 referral, 1 out of office, 1 opt-out, 0 neutral."));
    CHECK(result.out.find("(erased)") != std::string::npos);
    CHECK(has_line(result.out, "2026-11-02  9        0         0      4         0"));
    // A report only reads.
    CHECK(dump(workspace) == before);
}

TEST_CASE("report replies as JSON, CSV and Markdown", "[e2e][report][sqlite]") {
    Workspace workspace;
    prepare_fixture(workspace);

    auto json = workspace.run({"report", "replies", "--format", "json"});
    REQUIRE(json.exit_code == 0);
    auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed["scope"]["campaign"].is_null());
    CHECK(parsed["campaigns"][0]["enrolled"] == 10);
    CHECK(parsed["steps"][1]["step"] == "hello");
    CHECK(parsed["steps"][1]["reply_rate"]["rate"] == 0.75);
    CHECK(parsed["variants"].size() == 2);
    CHECK(parsed["senders"][1]["sender"] == "bob");
    CHECK(parsed["ab_tests"][0]["p_value"].get<double>() == Approx(0.523809523809524));
    CHECK(parsed["replies"]["latest"][0]["class"] == "interested");

    auto daily = workspace.run({"report", "replies", "--format", "csv", "--section", "daily"});
    REQUIRE(daily.exit_code == 0);
    CHECK(daily.out == "day,invitations,messages,other_actions,accepted,replies\n"
                       "2026-11-02,9,0,0,4,0\n"
                       "2026-11-03,0,4,0,0,3\n"
                       "2026-11-04,0,0,0,0,1\n");

    auto replies = workspace.run({"report", "replies", "--format", "csv", "--section", "replies", "--latest", "2"});
    REQUIRE(replies.exit_code == 0);
    CHECK(replies.out == "at,prospect,profile_url,company,campaign,step,variant,sender,class,text\n"
                         "2026-11-04T15:00:00Z,First2 Last2,https://www.linkedin.com/in/p2,Company 2,alpha,hello,,"
                         "alice,interested,\"Sounds good, let's talk on Tuesday.\"\n"
                         "2026-11-03T14:00:00Z,,,,alpha,hello,,alice,opt_out,Please remove me from your list\n");

    auto markdown = workspace.run({"report", "replies", "--format", "md", "--section", "funnel"});
    REQUIRE(markdown.exit_code == 0);
    CHECK(markdown.out.find("\n## Campaigns\n\n| campaign | enrolled |") != std::string::npos);
    CHECK(markdown.out.find("| --- |") != std::string::npos);
    CHECK(markdown.out.find("## Replies") == std::string::npos);
}

TEST_CASE("report replies filters by campaign, sender and period", "[e2e][report][sqlite]") {
    Workspace workspace;
    prepare_fixture(workspace);
    auto day = workspace.run({"report", "replies", "--campaign", "alpha", "--since", "2026-11-03", "--until",
                              "2026-11-03", "--format", "json"});
    REQUIRE(day.exit_code == 0);
    auto parsed = nlohmann::json::parse(day.out);
    CHECK(parsed["scope"]["since"] == "2026-11-03T00:00:00Z");
    CHECK(parsed["scope"]["until"] == "2026-11-04T00:00:00Z"); // the whole of the last day
    CHECK(parsed["campaigns"][0]["messages"] == 4);
    CHECK(parsed["campaigns"][0]["invitations"] == 0);
    CHECK(parsed["campaigns"][0]["replied"] == 3);
    CHECK(parsed["replies"]["latest"].size() == 3); // the fourth came on 11-04
    CHECK(parsed["daily"].size() == 1);

    auto bob = workspace.run({"report", "replies", "--sender", "bob", "--format", "json"});
    REQUIRE(bob.exit_code == 0);
    CHECK(nlohmann::json::parse(bob.out)["campaigns"][0]["failures"] == 1);
}

TEST_CASE("report replies refuses bad input with a message that says what", "[e2e][report][sqlite]") {
    Workspace workspace;
    auto no_database = workspace.run({"report", "replies"});
    CHECK(no_database.exit_code == 1);
    CHECK(no_database.err.find("campaign.db: error: no database here yet") != std::string::npos);

    prepare_fixture(workspace);
    auto expect = [&workspace](const std::vector<std::string>& arguments, int code, const std::string& message) {
        auto result = workspace.run(arguments);
        INFO(result.err);
        CHECK(result.exit_code == code);
        CHECK(result.err.find(message) != std::string::npos);
        CHECK(result.out.empty());
    };
    expect({"report", "replies", "--since", "2026-13-01"}, 1,
           "error: --since: '2026-13-01' is not a day like 2026-11-23\n");
    expect({"report", "replies", "--until", "2026-11-03T12:00:00Z"}, 1,
           "error: --until: '2026-11-03T12:00:00Z' is not a day like 2026-11-23\n");
    expect({"report", "replies", "--since", "2026-11-05", "--until", "2026-11-01"}, 1,
           "error: --until (2026-11-01) is not after --since (2026-11-05)\n");
    expect({"report", "replies", "--campaign", "beta"}, 1,
           "error: no campaign 'beta' in the database (it has not been run yet)\n");
    expect({"report", "replies", "--format", "html"}, 1,
           "error: --format html needs --out FILE: the page is meant for a browser\n");
    expect({"report", "replies", "--format", "xml"}, 2, "--format: xml not in {table,json,csv,md,html}");
    workspace.write("rules/en.yaml", "language: en\nclasses:\n  interested: {strng: [yes]}\n");
    expect({"report", "replies", "--rules", "rules"}, 1,
           "rules/en.yaml:3:16: error: unknown key 'strng' in 'interested' (did you mean 'strong'?)\n");
    expect({"report", "replies", "--rules", "missing"}, 1,
           "missing: error: not a directory of triage rules (<code>.yaml files)\n");
}

TEST_CASE("a rules directory changes how replies are classified", "[e2e][report][sqlite]") {
    Workspace workspace;
    prepare_fixture(workspace);
    workspace.write("rules/en.yaml", "language: en\nreplace: true\nclasses:\n  interested: {strong: [tuesday]}\n"
                                     "  out_of_office: {strong: [vacation]}\n  opt_out: {strong: [remove me]}\n");
    auto result = workspace.run({"report", "replies", "--rules", "rules", "--format", "json"});
    REQUIRE(result.exit_code == 0);
    auto by_class = nlohmann::json::parse(result.out)["replies"]["by_class"];
    // "happy to chat" is no longer a yes; "out of office" is still an absence, as the German rules read it (Germans
    // write it in English too); the opt-out stays.
    CHECK(by_class["interested"] == 1);
    CHECK(by_class["neutral"] == 1);
    CHECK(by_class["out_of_office"] == 1);
    CHECK(by_class["opt_out"] == 1);
}

TEST_CASE("the HTML page is written whole and renders in a browser", "[e2e][report][sqlite]") {
    Workspace workspace;
    prepare_fixture(workspace);
    workspace.write("report.html", "an older report");
    auto result = workspace.run({"report", "replies", "--format", "html", "--out", "report.html"});
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "wrote report.html\n");
    CHECK_FALSE(std::filesystem::exists(workspace.path() / "report.html.partial"));
    auto page = workspace.read("report.html");
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("<link") == std::string::npos);
    CHECK(page.find("<script") == std::string::npos);

    // Debian's chromium, which scripts/test.sh installs: it must lay the page out and paint the charts.
    REQUIRE(std::system("command -v chromium >/dev/null 2>&1") == 0);
    auto folder = workspace.path().string();
    std::string browser = "cd '" + folder +
                          "' && timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run"
                          " --disable-background-networking --disable-component-update --disable-sync"
                          " --user-data-dir='" +
                          folder + "/browser' --window-size=1440,2000";
    REQUIRE(std::system((browser + " --dump-dom file://" + folder + "/report.html > dom.html 2>/dev/null").c_str()) ==
            0);
    auto dom = workspace.read("dom.html");
    CHECK(dom.find("<h1>Reply report</h1>") != std::string::npos);
    CHECK(dom.find("aria-label=\"funnel\"") != std::string::npos);
    CHECK(dom.find("aria-label=\"daily activity\"") != std::string::npos);
    CHECK(dom.find("First2 Last2") != std::string::npos);
    REQUIRE(std::system(
                (browser + " --screenshot=" + folder + "/report.png file://" + folder + "/report.html >/dev/null 2>&1")
                    .c_str()) == 0);
    CHECK(std::filesystem::file_size(workspace.path() / "report.png") > 20000); // a blank page is a few kB
}

TEST_CASE("the same simulated run gives the same report", "[e2e][report][sqlite]") {
    auto play = [](const Workspace& workspace) {
        workspace.copy_from_source("campaigns");
        workspace.copy_from_source("templates");
        workspace.copy_from_source("examples");
        REQUIRE(workspace.run({"prospects", "import", "examples/prospects.csv"}).exit_code == 0);
        REQUIRE(workspace
                    .run({"run", "campaigns/founders-intro.yaml", "--seed", "11", "--start", "2026-11-23T06:00:00Z",
                          "--for", "30d"})
                    .exit_code == 0);
        return workspace.run({"--rehearsal", "report", "replies", "--format", "json"}).out;
    };
    Workspace first;
    Workspace second;
    auto report = play(first);
    CHECK(report == play(second));
    auto parsed = nlohmann::json::parse(report);
    CHECK(parsed["generated_at"].get<std::string>().rfind("2026-12-", 0) == 0); // the simulated clock's time
    CHECK(parsed["rehearsal"] == nlohmann::json{{"copy_of", "campaign.db"}});
    CHECK(parsed["campaigns"][0]["enrolled"].get<int>() > 20);
    CHECK(parsed["variants"].size() == 2);
    CHECK(parsed["ab_tests"].size() == 1);
}

TEST_CASE("after a run with failures and retries the tallies agree with the action log", "[e2e][report]") {
    Workspace workspace;
    workspace.copy_from_source("campaigns");
    workspace.copy_from_source("templates");
    workspace.copy_from_source("examples");
    workspace.write("flaky.yaml", "accept: 0.6\nreply: 0.4\nfailure: 0.3\n");
    REQUIRE(workspace.run({"prospects", "import", "examples/prospects.csv"}).exit_code == 0);
    auto run = workspace.run({"run", "campaigns/founders-intro.yaml", "--model", "flaky.yaml", "--seed", "3", "--start",
                              "2026-11-23T06:00:00Z", "--for", "30d"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM actions WHERE attempts > 1").getInt() > 0);
    constexpr const char* recount =
        "SELECT campaign_id, sender_id, step, COALESCE(variant, ''), type, state, substr(at_utc, 1, 10), COUNT(*)"
        " FROM actions GROUP BY 1, 2, 3, 4, 5, 6, 7";
    constexpr const char* tallied = "SELECT campaign_id, sender_id, step, variant, type, state, day, actions"
                                    " FROM action_tallies WHERE actions <> 0";
    CHECK(db.execAndGet(std::string("SELECT count(*) FROM (") + recount + " EXCEPT " + tallied + ")").getInt() == 0);
    CHECK(db.execAndGet(std::string("SELECT count(*) FROM (") + tallied + " EXCEPT " + recount + ")").getInt() == 0);

    // The report's prospects messaged are the distinct prospects of the log.
    auto report = workspace.run({"--rehearsal", "report", "replies", "--format", "json"});
    REQUIRE(report.exit_code == 0);
    auto parsed = nlohmann::json::parse(report.out);
    CHECK(parsed["campaigns"][0]["reached"].get<int>() >=
          db.execAndGet("SELECT count(DISTINCT enrollment_id) FROM actions WHERE type = 'message' AND state = 'sent'")
              .getInt());
    CHECK(parsed["campaigns"][0]["messages"] ==
          db.execAndGet("SELECT count(*) FROM actions WHERE type = 'message' AND state = 'sent'").getInt());
    CHECK(parsed["campaigns"][0]["failures"] ==
          db.execAndGet("SELECT count(*) FROM actions WHERE state = 'failed'").getInt());
}

TEST_CASE("the A/B control is the first variant of the campaign file, not the first by name", "[e2e][report]") {
    Workspace workspace;
    workspace.copy_from_source("campaigns");
    workspace.copy_from_source("templates");
    workspace.copy_from_source("examples");
    REQUIRE(workspace.run({"prospects", "import", "examples/prospects.csv"}).exit_code == 0);
    // The file lists 'short', then 'question'.
    REQUIRE(workspace.run({"run", "campaigns/founders-intro.yaml", "--seed", "7", "--for", "30d"}).exit_code == 0);
    auto json = workspace.run({"report", "replies", "--rehearsal", "--format", "json"});
    REQUIRE(json.exit_code == 0);
    auto parsed = nlohmann::json::parse(json.out);
    REQUIRE(parsed["ab_tests"].size() == 1);
    CHECK(parsed["ab_tests"][0]["control"] == "short");
    CHECK(parsed["ab_tests"][0]["variant"] == "question");
    CHECK(parsed["variants"][0]["variant"] == "short");
    auto table = workspace.run({"report", "replies", "--rehearsal", "--section", "ab"});
    CHECK(table.out.find("founders-intro / invite, question vs short: ") != std::string::npos);
}

TEST_CASE("status and report replies count the same people as having replied", "[e2e][report][status]") {
    Workspace workspace;
    workspace.write("templates/hello.mustache", "Hi {{first_name}}, a question about {{company}}.\n");
    // One message and nothing after it: each enrollment is done once it is sent, so every reply comes after.
    workspace.write("campaigns/one-note.yaml", R"(campaign: one-note
senders:
  - id: alice
    timezone: Europe/Paris
audience:
  tags: [founders]
steps:
  - id: hello
    type: message
    template: hello.mustache
mock:
  reply: 0.5
  reply_delay: 1d
  opt_out: 0
)");
    workspace.write("people.csv", campaign::e2e::prospects_csv("late", "founders", 40));
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    REQUIRE(workspace.run({"run", "campaigns/one-note.yaml", "--seed", "3", "--for", "20d"}).exit_code == 0);

    auto report = nlohmann::json::parse(workspace.run({"report", "replies", "--rehearsal", "--format", "json"}).out);
    auto replied = report["campaigns"][0]["replied"].get<int>();
    REQUIRE(replied > 5);
    auto status = nlohmann::json::parse(workspace.run({"status", "--rehearsal", "--format", "json"}).out);
    const auto& row = status["campaigns"][0];
    CHECK(row["replied"] == replied); // it was 0: no reply ended an enrollment that was already done
    CHECK(row["ended_on_reply"] == 0);
    CHECK(row["done"] == 40);
    auto table = workspace.run({"status", "--rehearsal"});
    CHECK(table.out.find("one-note  alice   40        0       0        0       40    " + std::to_string(replied)) !=
          std::string::npos);
}
