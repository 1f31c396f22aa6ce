// `campaign run --transport http` against a gateway of the engine profile on 127.0.0.1 that fails on demand: many
// days on the simulated clock, a minute on the wall clock stopped with SIGTERM, a restricted account, a kill in the
// middle. Whatever is lost on the way, every action is performed once at the gateway, limits and hours hold, every
// action ends in a final state, and the key never shows outside its header.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "e2e/harness.hpp"
#include "support/fake_gateway.hpp"

using campaign::e2e::Result;
using campaign::e2e::Workspace;
using campaign::testing::FakeGateway;
using campaign::testing::Fault;
using campaign::testing::FaultKind;

namespace {

const std::string k_key = "gw_live_5c1d8e77a0b4";
const char* const k_key_variable = "CAMPAIGN_E2E_GATEWAY_KEY";

struct SentAction {
    std::string key;
    std::string sender;
    std::string type;
    std::string at_utc;
    std::string at_local;
};

// The rows of a query where the test's runs worked: the rehearsal when a run on the simulated clock made one, else
// the live CRM.
Workspace::Rows worked_rows(const Workspace& workspace, const std::string& sql) {
    return std::filesystem::exists(workspace.rehearsal()) ? campaign::e2e::sqlite_rows(workspace.rehearsal(), sql)
                                                          : workspace.query_crm(sql);
}

std::vector<SentAction> sent_actions(const Workspace& workspace) {
    std::vector<SentAction> sent;
    for (const auto& row : worked_rows(workspace, "SELECT a.idempotency_key, s.name, a.type, a.at_utc, a.at_local"
                                                  " FROM actions a JOIN senders s ON s.id = a.sender_id"
                                                  " WHERE a.state = 'sent' ORDER BY a.id")) {
        sent.push_back({row[0], row[1], row[2], row[3], row[4]});
    }
    return sent;
}

// "2026-11-23T14:30:00Z" as an instant.
std::chrono::sys_seconds instant(const std::string& text) {
    using namespace std::chrono;
    year_month_day day{year{std::stoi(text.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                       std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
    return sys_days{day} + hours{std::stoi(text.substr(11, 2))} + minutes{std::stoi(text.substr(14, 2))} +
           seconds{std::stoi(text.substr(17, 2))};
}

int count(const Workspace& workspace, const std::string& sql) {
    auto rows = worked_rows(workspace, sql);
    return rows.empty() || rows[0][0].empty() ? 0 : std::stoi(rows[0][0]);
}

std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(input), {});
}

// The example project, its prospects imported, and the founders campaign sending through `gateway`.
void prepare(const Workspace& workspace, const FakeGateway& gateway, const std::string& extra = "") {
    workspace.copy_from_source("campaigns");
    workspace.copy_from_source("templates");
    workspace.copy_from_source("examples");
    REQUIRE(workspace.run({"prospects", "import", "examples/prospects.csv"}).exit_code == 0);
    workspace.write("campaigns/gateway.yaml", "profile: engine\nurl: " + gateway.url() +
                                                  "\napi_key_env: " + k_key_variable +
                                                  "\ntimeout: 400ms\nconnect_timeout: 400ms\nattempts: 3\n"
                                                  "backoff: 10ms\nmax_backoff: 50ms\npoll_interval: 1m\n" +
                                                  extra);
    auto campaign = workspace.read("campaigns/founders-intro.yaml");
    workspace.write("campaigns/founders-intro.yaml", campaign + "\ngateway: gateway.yaml\n");
    ::setenv(k_key_variable, k_key.c_str(), 1);
}

// Every action the database calls sent was performed exactly once at the gateway, and nothing else was.
void check_exactly_once(const Workspace& workspace, const FakeGateway& gateway) {
    auto sent = sent_actions(workspace);
    std::set<std::string> keys;
    for (const auto& action : sent) {
        INFO(action.key);
        CHECK(gateway.performed_count(action.key) == 1);
        keys.insert(action.key);
    }
    for (const auto& performed : gateway.performed()) {
        INFO(performed.key);
        CHECK(keys.contains(performed.key));
    }
    CHECK(gateway.performed().size() == sent.size());
}

// Local "2026-11-24T09:04:00+01:00": the hour and minute, and the day.
int local_minute_of_day(const std::string& at_local) {
    return std::stoi(at_local.substr(11, 2)) * 60 + std::stoi(at_local.substr(14, 2));
}

// The working hours and daily limits of the example's senders (campaigns/founders-intro.yaml).
void check_hours_and_limits(const std::vector<SentAction>& sent) {
    const std::map<std::string, std::pair<int, int>> hours{{"alice", {9 * 60, 17 * 60 + 30}},
                                                           {"marcus", {8 * 60 + 30, 17 * 60}}};
    const std::map<std::pair<std::string, std::string>, int> limits{
        {{"alice", "connect"}, 20},  {{"alice", "message"}, 80},   {{"alice", "view_profile"}, 60},
        {{"marcus", "connect"}, 25}, {{"marcus", "message"}, 120}, {{"marcus", "view_profile"}, 100}};
    std::map<std::tuple<std::string, std::string, std::string>, int> per_day;
    for (const auto& action : sent) {
        INFO(action.sender << " " << action.type << " at " << action.at_local);
        auto minute = local_minute_of_day(action.at_local);
        auto [from, to] = hours.at(action.sender);
        CHECK(minute >= from);
        CHECK(minute < to);
        auto limit = limits.find({action.sender, action.type});
        if (limit != limits.end()) {
            auto& counted = per_day[{action.sender, action.type, action.at_local.substr(0, 10)}];
            CHECK(++counted <= limit->second);
        }
    }
}

void check_no_secret(const Workspace& workspace, const Result& result) {
    CHECK(result.out.find(k_key) == std::string::npos);
    CHECK(result.err.find(k_key) == std::string::npos);
    for (const auto& database : {workspace.database(), workspace.rehearsal()}) {
        for (const char* suffix : {"", "-wal"}) {
            auto path = database.string() + suffix;
            if (std::filesystem::exists(path)) {
                CHECK(file_bytes(path).find(k_key) == std::string::npos);
            }
        }
    }
}

const std::vector<std::string> k_ten_days{
    "run",     "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated",
    "--start", "2026-11-23T06:00:00Z",          "--for",       "10d",  "--seed",  "7"};

} // namespace

TEST_CASE("ten simulated days through a gateway that fails on demand", "[e2e][http]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare(workspace, gateway);
    gateway.accept_invitations_after(std::chrono::hours{5});
    gateway.set_ssi("alice", R"({"memberScore": {"overall": 40, "subScores": []}})");
    gateway.reply_to_messages_after(std::chrono::hours{3}, "Sounds good, let's talk");
    gateway.set_stall(std::chrono::milliseconds{700});
    gateway.fail_next(FaultKind::status_500_after_performing, 3);
    gateway.fail_next(FaultKind::timeout_after_performing, 2);
    gateway.fail_next(FaultKind::reset, 2);
    gateway.fail_next(FaultKind::malformed_json, 2);
    gateway.fail_next(FaultKind::status_500, 2);
    // An event that comes twice, and one that comes before one that happened earlier.
    gateway.add_event(
        {"dup-1", "accepted", "alice", "https://www.linkedin.com/in/nobody-known", "2026-11-23T07:00:00Z", "", ""});
    gateway.add_event(
        {"dup-1", "accepted", "alice", "https://www.linkedin.com/in/nobody-known", "2026-11-23T07:00:00Z", "", ""});
    gateway.add_event(
        {"late-2", "withdrawn", "marcus", "https://www.linkedin.com/in/nobody-else", "2026-11-23T06:30:00Z", "", ""});

    auto result = workspace.run(k_ten_days);
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("(simulated clock, seed 7)") != std::string::npos);
    check_no_secret(workspace, result);

    auto sent = sent_actions(workspace);
    REQUIRE(sent.size() > 100);
    check_exactly_once(workspace, gateway);
    check_hours_and_limits(sent);
    // Acceptances and replies came back through the events and moved the enrollments along.
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE step = 'thanks' AND state = 'sent'") > 0);
    CHECK(count(workspace, "SELECT count(*) FROM enrollments WHERE state = 'replied'") > 0);
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE external_id = 'dup-1'") == 1);
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE external_id = 'late-2'") == 1);
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE applied_at IS NULL") == 0);
    // Every action in a final state, and the cursor saved for the next run.
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE state IN ('sending', 'in_doubt')") == 0);
    CHECK(count(workspace, "SELECT count(*) FROM event_cursors") == 1);
    // The gateway's SSI is today's: a simulated run records none of it for the days it plays.
    CHECK(count(workspace, "SELECT count(*) FROM ssi_snapshots") == 0);
    // The retries went out under the action's own key.
    for (const auto& request : gateway.requests()) {
        if (request.method == "POST") {
            REQUIRE(request.headers.count("Idempotency-Key") == 1);
            CHECK(request.body.find(request.headers.find("Idempotency-Key")->second) != std::string::npos);
        }
    }

    // A second run goes on from there, and asks for events after the saved cursor only.
    auto seen = gateway.requests().size();
    auto more = workspace.run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated",
                               "--for", "2d", "--seed", "7"});
    REQUIRE(more.exit_code == 0);
    check_exactly_once(workspace, gateway);
    auto requests = gateway.requests();
    auto first_poll = std::find_if(requests.begin() + static_cast<long>(seen), requests.end(),
                                   [](const auto& request) { return request.path == "/v1/events"; });
    REQUIRE(first_poll != requests.end());
    CHECK(first_poll->target.find("after=") != std::string::npos);
}

TEST_CASE("a rate limit holds back only the sender it was for", "[e2e][http]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare(workspace, gateway);
    gateway.fail_next_for_sender("alice", Fault::too_many_requests(std::chrono::hours{6}));
    auto result = workspace.run({"-v", "run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock",
                                 "simulated", "--start", "2026-11-23T06:00:00Z", "--for", "1d", "--seed", "7"});
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.find("sender 'alice' rate limited: gateway answered HTTP 429 rate_limited") != std::string::npos);
    // Alice's first try, in her first hour of work (from 08:00 UTC), was refused for six hours: her next went six
    // hours later or more, and Marcus, who starts at 13:30 UTC, went on meanwhile.
    std::vector<std::string> alice;
    int marcus_meanwhile = 0;
    for (const auto& request : gateway.requests()) {
        if (request.method != "POST") {
            continue;
        }
        auto at = request.body.substr(request.body.find("\"at\":\"") + 6, 20);
        if (request.body.find("\"sender\":\"alice\"") != std::string::npos) {
            alice.push_back(at);
        } else if (alice.size() == 1) {
            ++marcus_meanwhile;
        }
    }
    REQUIRE(alice.size() > 2);
    CHECK(instant(alice[0]) >= instant("2026-11-23T08:00:00Z"));
    CHECK(instant(alice[0]) < instant("2026-11-23T09:00:00Z"));
    CHECK(instant(alice[1]) >= instant(alice[0]) + std::chrono::hours{6});
    CHECK(marcus_meanwhile > 0);
    // Waiting out the limit failed nothing.
    CHECK(count(workspace, "SELECT count(*) FROM enrollments WHERE state = 'failed'") == 0);
    check_exactly_once(workspace, gateway);
}

TEST_CASE("a weekly invitation limit at the gateway holds that sender's invitations for a week, and nothing else",
          "[e2e][http]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare(workspace, gateway);
    gateway.limit_invitations("alice");
    auto result = workspace.run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated",
                                 "--start", "2026-11-23T06:00:00Z", "--for", "10d", "--seed", "7"});
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.find("sender 'alice' reached a limit of its account: gateway answered HTTP 429 limit_reached") !=
          std::string::npos);
    CHECK(result.err.find("its invitations wait until") != std::string::npos);
    check_exactly_once(workspace, gateway);
    // One refused invitation a week, not one per prospect: the first, and the first after the week's wait.
    CHECK(gateway.invitations_refused() == 2);
    std::map<std::pair<std::string, std::string>, int> sent;
    for (const auto& action : sent_actions(workspace)) {
        ++sent[{action.sender, action.type}];
    }
    CHECK(sent[{"alice", "connect"}] == 0);
    CHECK(sent[{"alice", "view_profile"}] > 5); // her other actions went on
    CHECK(sent[{"marcus", "connect"}] > 0);     // and the other sender's invitations
    // The hold outlives the run: status and sender show say until when.
    auto status = workspace.run({"--rehearsal", "status"});
    INFO(status.out);
    CHECK(status.out.find("invitations held until 2026-12-0") != std::string::npos);
    auto shown =
        nlohmann::json::parse(workspace.run({"--rehearsal", "sender", "show", "alice", "--format", "json"}).out);
    REQUIRE(shown["holds"].size() == 1);
    CHECK(shown["holds"][0]["type"] == "connect");
    CHECK(shown["holds"][0]["reason"] == "gateway answered HTTP 429 limit_reached: the account reached its weekly "
                                         "invitation limit");
}

TEST_CASE("a restricted account pauses its sender until it is resumed, and the others go on", "[e2e][http]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare(workspace, gateway);
    gateway.restrict_sender("alice");
    const std::vector<std::string> day{
        "run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated", "--for", "1d"};
    auto first_day = day;
    first_day.insert(first_day.end(), {"--start", "2026-11-23T06:00:00Z"});
    auto result = workspace.run(first_day);
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.find("sender 'alice' paused: gateway answered HTTP 403 account_restricted: LinkedIn restricted "
                          "this account (resume with: campaign sender resume alice)") != std::string::npos);
    int alice_posts = 0;
    for (const auto& request : gateway.requests()) {
        alice_posts += request.method == "POST" && request.body.find("\"sender\":\"alice\"") != std::string::npos;
    }
    CHECK(alice_posts == 1);
    CHECK(count(workspace, "SELECT count(*) FROM actions a JOIN senders s ON s.id = a.sender_id"
                           " WHERE s.name = 'marcus' AND a.state = 'sent'") > 5);
    // A run on the simulated clock records in the rehearsal, the pause too.
    auto status = workspace.run({"--rehearsal", "status"});
    CHECK(status.out.find("PAUSED: gateway answered HTTP 403 account_restricted") != std::string::npos);

    // Nothing for her while paused, even on another day.
    auto paused = workspace.run(day);
    REQUIRE(paused.exit_code == 0);
    CHECK(gateway.performed().size() == sent_actions(workspace).size());
    int still = 0;
    for (const auto& request : gateway.requests()) {
        still += request.method == "POST" && request.body.find("\"sender\":\"alice\"") != std::string::npos;
    }
    CHECK(still == 1);

    gateway.unrestrict_sender("alice");
    REQUIRE(workspace.run({"--rehearsal", "sender", "resume", "alice"}).exit_code == 0);
    auto resumed = workspace.run(day);
    REQUIRE(resumed.exit_code == 0);
    CHECK(count(workspace, "SELECT count(*) FROM actions a JOIN senders s ON s.id = a.sender_id"
                           " WHERE s.name = 'alice' AND a.state = 'sent'") > 0);
    check_exactly_once(workspace, gateway);
}

TEST_CASE("a run killed in the middle is settled by asking the gateway, never by sending again", "[e2e][http]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare(workspace, gateway);
    gateway.accept_invitations_after(std::chrono::hours{2});
    auto killed = workspace.run_killed_when_grown("campaign.db-wal", 600'000, k_ten_days);
    INFO(killed.out << killed.err);
    auto rerun = workspace.run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated",
                                "--for", "3d", "--seed", "7"});
    INFO(rerun.out << rerun.err);
    REQUIRE(rerun.exit_code == 0);
    check_exactly_once(workspace, gateway);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE state IN ('sending', 'in_doubt')") == 0);
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE applied_at IS NULL") == 0);
}

TEST_CASE("a wall-clock minute through the gateway, stopped with SIGTERM", "[e2e][http][sqlite]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare(workspace, gateway);
    // A sender who works every day, every few seconds, so that a minute of the wall clock sends. The day's work is
    // spread over its working hours, so those end a few minutes from now: all but the last minutes of the spread
    // lie behind, whatever the hour the test runs at (hours to 24:00 would hold most of the day's work back until
    // late in the day when it runs just after midnight).
    auto now = std::chrono::floor<std::chrono::minutes>(std::chrono::system_clock::now());
    auto minute_of_day = (now - std::chrono::floor<std::chrono::days>(now)).count() + 4;
    char until[16];
    std::snprintf(until, sizeof until, "%02d:%02d", static_cast<int>(std::min<long>(minute_of_day, 1440) / 60),
                  static_cast<int>(std::min<long>(minute_of_day, 1440) % 60));
    workspace.write("campaigns/always.yaml", std::string(R"(campaign: always
templates: ../templates
senders:
  - id: nora
    first_name: Nora
    timezone: UTC
    working_hours:
      days: [mon, tue, wed, thu, fri, sat, sun]
      from: "00:00"
      to: ")") + until + R"("
    pacing:
      min_gap: 2s
      jitter: 2s
audience:
  tags: [founders]
steps:
  - id: look
    type: view_profile
  - id: invite
    type: connect
    note: connect-short.mustache
gateway: gateway.yaml
)");
    auto settings = workspace.read("campaigns/gateway.yaml");
    workspace.write("campaigns/gateway.yaml",
                    settings.replace(settings.find("poll_interval: 1m"), 17, "poll_interval: 5s"));
    gateway.accept_invitations_after(std::chrono::seconds{0});
    gateway.set_ssi("nora", R"({"memberScore": {"overall": 51.37, "subScores": [
        {"pillar": "PROFESSIONAL_BRAND", "score": 14.9}, {"pillar": "FIND_RIGHT_PEOPLE", "score": 12.02},
        {"pillar": "INSIGHT_ENGAGEMENT", "score": 10.75}, {"pillar": "STRONG_RELATIONSHIP", "score": 13.7}]}})");
    auto result = workspace.run_signalled_after(SIGTERM, std::chrono::seconds{60},
                                                {"run", "campaigns/always.yaml", "--transport", "http"});
    INFO(result.out << result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("(wall clock, seed 1)") != std::string::npos);
    CHECK(result.out.find("; stopped\n") != std::string::npos);
    auto sent = sent_actions(workspace);
    CHECK(sent.size() >= 10);
    check_exactly_once(workspace, gateway);
    check_no_secret(workspace, result);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE state IN ('sending', 'in_doubt')") == 0);
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE type = 'accepted' AND applied_at IS NOT NULL") > 0);
    CHECK(count(workspace, "SELECT count(*) FROM runs WHERE clock = 'wall' AND transport = 'http'") == 1);
    // The sender's SSI, fetched from the gateway when the run started, is today's snapshot.
    CHECK(count(workspace, "SELECT count(*) FROM ssi_snapshots s JOIN senders n ON n.id = s.sender_id"
                           " WHERE n.name = 'nora' AND s.brand = 14.9 AND s.day = date('now')") == 1);
}

TEST_CASE("an http run says what is missing: the gateway, or its key", "[e2e][http]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare(workspace, gateway);
    auto campaign = workspace.read("campaigns/founders-intro.yaml");
    workspace.write("campaigns/plain.yaml", campaign.substr(0, campaign.find("\ngateway: gateway.yaml")));
    auto none = workspace.run({"run", "campaigns/plain.yaml", "--transport", "http", "--once"});
    CHECK(none.exit_code == 1);
    CHECK(none.err == "error: --transport http needs a gateway: a 'gateway:' section in the campaign file, or "
                      "--gateway FILE (see docs/http-transport.md)\n");
    CHECK(workspace
              .run({"run", "campaigns/plain.yaml", "--transport", "http", "--gateway", "campaigns/gateway.yaml",
                    "--clock", "simulated", "--start", "2026-11-23T06:00:00Z", "--for", "1d"})
              .exit_code == 0);

    ::unsetenv(k_key_variable);
    auto keyless = workspace.run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--once"});
    CHECK(keyless.exit_code == 1);
    CHECK(keyless.err == std::string("error: the gateway's key is read from the environment variable ") +
                             k_key_variable + ", which is not set\n");
    CHECK(workspace.run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--dry-run"}).exit_code == 1);
}

TEST_CASE("a wrong key or a gateway out of reach stops the run with code 3 and fails nothing", "[e2e][http]") {
    FakeGateway gateway("the-gateway's-real-key");
    Workspace workspace;
    prepare(workspace, gateway);
    const std::vector<std::string> day{
        "run",     "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated",
        "--start", "2026-11-23T06:00:00Z",          "--for",       "1d"};
    auto refused = workspace.run(day);
    INFO(refused.out << refused.err);
    CHECK(refused.exit_code == 3);
    CHECK(refused.err.find("error: gateway answered HTTP 401 unauthorized") != std::string::npos);
    CHECK(refused.err.find("the run stopped, nothing more was sent; check the gateway's url and key") !=
          std::string::npos);
    CHECK(refused.err.find(k_key) == std::string::npos);
    CHECK(count(workspace, "SELECT count(*) FROM enrollments WHERE state = 'failed'") == 0);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE state = 'sending'") == 0);

    // Nothing listens where the gateway should be.
    auto settings = workspace.read("campaigns/gateway.yaml");
    auto url = settings.find(gateway.url());
    workspace.write("campaigns/gateway.yaml", settings.replace(url, gateway.url().size(), "http://127.0.0.1:1/v1"));
    auto down = workspace.run(
        {"run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated", "--for", "1d"});
    INFO(down.out << down.err);
    CHECK(down.exit_code == 3);
    CHECK(down.err.find("cannot reach the gateway at http://127.0.0.1:1/v1") != std::string::npos);
    CHECK(down.err.find("error: the gateway at http://127.0.0.1:1/v1 could not be reached: nothing was sent") !=
          std::string::npos);
    CHECK(count(workspace, "SELECT count(*) FROM enrollments WHERE state = 'failed'") == 0);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE state IN ('sending', 'in_doubt')") == 0);
}

TEST_CASE("a rate limit holds its sender in the runs that follow too", "[e2e][http]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare(workspace, gateway);
    gateway.fail_next_for_sender("alice", Fault::too_many_requests(std::chrono::hours{3}));
    auto first = workspace.run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated",
                                "--start", "2026-11-23T08:00:00Z", "--for", "1h"});
    REQUIRE(first.exit_code == 0);
    auto alice_posts = [&gateway] {
        int posts = 0;
        for (const auto& request : gateway.requests()) {
            posts += request.method == "POST" && request.body.find("\"sender\":\"alice\"") != std::string::npos;
        }
        return posts;
    };
    CHECK(alice_posts() == 1);
    // The next hour, in a run of its own: still within the three hours, nothing for alice.
    REQUIRE(
        workspace
            .run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated", "--for", "1h"})
            .exit_code == 0);
    CHECK(alice_posts() == 1);
    REQUIRE(
        workspace
            .run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated", "--for", "3h"})
            .exit_code == 0);
    CHECK(alice_posts() > 1);
    check_exactly_once(workspace, gateway);
}

TEST_CASE("a gateway file is for the http transport, and a missing one is named", "[e2e][http]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare(workspace, gateway);
    auto mock = workspace.run({"run", "campaigns/founders-intro.yaml", "--gateway", "campaigns/gateway.yaml"});
    CHECK(mock.exit_code == 1);
    CHECK(mock.err == "error: --gateway is the http transport's: add --transport http to send through it\n");
    auto missing =
        workspace.run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--gateway", "gw.yaml"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err == "gw.yaml: error: cannot read the file\n");
    CHECK(count(workspace, "SELECT count(*) FROM actions") == 0);
}

namespace {

// Eight prospects and a sender who works at every hour, messaged once and reminded two days later unless they reply.
void prepare_reminders(const Workspace& workspace, const FakeGateway& gateway) {
    workspace.copy_from_source("templates");
    std::string people = "first_name,linkedin_url,tags\n";
    for (int i = 1; i <= 8; ++i) {
        people += "P" + std::to_string(i) + ",https://www.linkedin.com/in/pilot-" + std::to_string(i) + ",pilot\n";
    }
    workspace.write("people.csv", people);
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    workspace.write("campaigns/gateway.yaml", "profile: engine\nurl: " + gateway.url() +
                                                  "\napi_key_env: " + k_key_variable +
                                                  "\ntimeout: 400ms\nconnect_timeout: 400ms\nattempts: 3\n"
                                                  "backoff: 10ms\nmax_backoff: 50ms\npoll_interval: 1m\n");
    workspace.write("campaigns/pilot.yaml", R"(campaign: pilot
templates: ../templates
senders:
  - id: nora
    first_name: Nora
    timezone: UTC
    working_hours:
      days: [mon, tue, wed, thu, fri, sat, sun]
      from: "00:00"
      to: "24:00"
    pacing:
      min_gap: 1m
      jitter: 1m
audience:
  tags: [pilot]
stop:
  on_reply: true
steps:
  - id: hello
    type: message
    template: thanks.mustache
    on:
      replied: end
      no_reply:
        within: 2d
        goto: reminder
  - id: reminder
    type: message
    template: nudge.mustache
    on:
      replied: end
      no_reply:
        within: 2d
        goto: end
gateway: gateway.yaml
)");
    ::setenv(k_key_variable, k_key.c_str(), 1);
}

} // namespace

TEST_CASE("an events page without its events list keeps the cursor: the replies before it stop their reminders",
          "[e2e][http]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare_reminders(workspace, gateway);
    // Six of the eight reply at the end of the first day, after its messages. The first poll meets a page that has
    // lost its events and kept its cursor, past all six.
    for (int i = 1; i <= 6; ++i) {
        gateway.add_event({"reply-" + std::to_string(i), "replied", "nora",
                           "https://www.linkedin.com/in/pilot-" + std::to_string(i), "2026-11-23T23:59:00Z",
                           "Thanks, let's talk", ""});
    }
    gateway.add_raw_page(R"({"cursor": "6"})");

    auto result = workspace.run({"run", "campaigns/pilot.yaml", "--transport", "http", "--clock", "simulated",
                                 "--start", "2026-11-23T00:00:00Z", "--for", "4d"});
    INFO(result.out << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.find("warning: the gateway's events page was not understood (the page has no 'events' list): "
                          "asking again later\n") != std::string::npos);
    // The six replies were applied, and only the two who did not reply were reminded.
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE type = 'replied' AND applied_at IS NOT NULL") == 6);
    CHECK(count(workspace, "SELECT count(*) FROM enrollments WHERE state = 'replied'") == 6);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE step = 'hello' AND state = 'sent'") == 8);
    CHECK(count(workspace,
                "SELECT count(*) FROM actions a JOIN prospects p ON p.id = a.prospect_id"
                " WHERE a.step = 'reminder' AND a.state = 'sent'"
                " AND p.profile_url IN ('https://linkedin.com/in/pilot-7', 'https://linkedin.com/in/pilot-8')") == 2);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE step = 'reminder'") == 2);
    CHECK(count(workspace, "SELECT count(*) FROM event_cursors WHERE cursor = '6'") == 1);
    check_exactly_once(workspace, gateway);
}

TEST_CASE("a gateway that forgot the saved cursor gives its events again, and none is applied twice", "[e2e][http]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare_reminders(workspace, gateway);
    gateway.add_event({"reply-1", "replied", "nora", "https://www.linkedin.com/in/pilot-1", "2026-11-23T12:00:00Z",
                       "Thanks, let's talk", ""});
    const std::vector<std::string> day{"run",     "campaigns/pilot.yaml", "--transport", "http", "--clock", "simulated",
                                       "--start", "2026-11-23T00:00:00Z", "--for",       "1d"};
    REQUIRE(workspace.run(day).exit_code == 0);
    REQUIRE(count(workspace, "SELECT count(*) FROM event_cursors WHERE cursor = '1'") == 1);

    // Its store was reset: the saved cursor means nothing to it any more, and its events come from the start.
    gateway.forget_cursors();
    gateway.add_event({"reply-2", "replied", "nora", "https://www.linkedin.com/in/pilot-2", "2026-11-24T12:00:00Z",
                       "Yes, next week", ""});
    auto again =
        workspace.run({"run", "campaigns/pilot.yaml", "--transport", "http", "--clock", "simulated", "--for", "3d"});
    INFO(again.out << again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(again.err.find("warning: the gateway does not know the cursor '1' (HTTP 410): asking for its events from "
                         "the start; those recorded already are not applied again\n") != std::string::npos);
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE type = 'replied'") == 2);
    CHECK(count(workspace, "SELECT count(*) FROM enrollments WHERE state = 'replied'") == 2);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE step = 'reminder'") == 6);
    CHECK(count(workspace, "SELECT count(*) FROM event_cursors WHERE cursor = '1.2'") == 1);
}

TEST_CASE("an answer from the inbox goes out once through a failing gateway, within the sender's hours",
          "[e2e][http][inbox]") {
    FakeGateway gateway(k_key);
    Workspace workspace;
    prepare(workspace, gateway);
    gateway.accept_invitations_after(std::chrono::hours{5});
    gateway.reply_to_messages_after(std::chrono::hours{3}, "Sounds good, can you send a few times for a call?");
    auto first = workspace.run(k_ten_days);
    INFO(first.out << first.err);
    REQUIRE(first.exit_code == 0);
    auto listed = workspace.run({"--rehearsal", "inbox", "--class", "interested", "--format", "json"});
    REQUIRE(listed.exit_code == 0);
    auto inbox = nlohmann::json::parse(listed.out);
    REQUIRE_FALSE(inbox.empty());
    auto id = std::to_string(inbox[0]["id"].get<int>());
    auto key = "inbox/" + id;

    auto answered = workspace.run({"--rehearsal", "inbox", "reply", id, "--text", "Great - does Tuesday at 10 work?"});
    INFO(answered.err);
    REQUIRE(answered.exit_code == 0);
    CHECK(answered.out.find("queued") != std::string::npos);
    auto twice = workspace.run({"--rehearsal", "inbox", "reply", id, "--text", "Again"});
    CHECK(twice.exit_code == 1);
    CHECK(twice.err.find("answered already (queued)") != std::string::npos);
    CHECK(workspace.run({"--rehearsal", "inbox", "reply", id}).err.find("--text TEXT or --template FILE") !=
          std::string::npos);

    // The gateway performs it and answers 500, then times out after performing it: retried under its key, it is
    // performed once.
    gateway.fail_next(FaultKind::status_500_after_performing, 1);
    gateway.fail_next(FaultKind::timeout_after_performing, 1);
    gateway.fail_next(FaultKind::status_500, 1);
    auto more = workspace.run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated",
                               "--for", "2d", "--seed", "7"});
    INFO(more.out << more.err);
    REQUIRE(more.exit_code == 0);
    check_exactly_once(workspace, gateway);
    check_hours_and_limits(sent_actions(workspace));
    CHECK(gateway.performed_count(key) == 1);
    auto requests = gateway.requests();
    auto tries = std::count_if(requests.begin(), requests.end(), [&key](const auto& request) {
        auto header = request.headers.find("Idempotency-Key");
        return request.method == "POST" && header != request.headers.end() && header->second == key;
    });
    CHECK(tries >= 3); // the faults met it
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE idempotency_key = '" + key +
                               "' AND state = 'sent' AND type = 'message'"
                               " AND rendered_text = 'Great - does Tuesday at 10 work?'") == 1);
    CHECK(count(workspace, "SELECT count(*) FROM inbox_answers WHERE due_at IS NOT NULL") == 0);
    auto shown = workspace.run({"--rehearsal", "inbox", "show", id});
    CHECK(shown.out.find("answered: sent") != std::string::npos);
    CHECK(shown.out.find("(inbox:" + id + ", sent):\n  Great - does Tuesday at 10 work?") != std::string::npos);
    // A third run sends nothing more for it.
    REQUIRE(workspace
                .run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock", "simulated", "--for",
                      "1d", "--seed", "7"})
                .exit_code == 0);
    CHECK(gateway.performed_count(key) == 1);
    // The report counts the inbox's answers as one row, not a step each.
    auto report = workspace.run({"--rehearsal", "report", "replies"});
    CHECK(report.out.find("inbox answers") != std::string::npos);
    CHECK(report.out.find("inbox:") == std::string::npos);
}

TEST_CASE("an answer from the inbox caught in flight by a kill is settled by asking the gateway, never sent twice",
          "[e2e][http][inbox]") {
    for (auto fault : {FaultKind::timeout_after_performing, FaultKind::timeout_before_performing}) {
        FakeGateway gateway(k_key);
        Workspace workspace;
        prepare(workspace, gateway);
        gateway.accept_invitations_after(std::chrono::hours{5});
        gateway.reply_to_messages_after(std::chrono::hours{3}, "Sounds good, can you send a few times for a call?");
        REQUIRE(workspace.run(k_ten_days).exit_code == 0);
        auto inbox = nlohmann::json::parse(
            workspace.run({"--rehearsal", "inbox", "--class", "interested", "--sender", "alice", "--format", "json"})
                .out);
        REQUIRE_FALSE(inbox.empty());
        auto id = std::to_string(inbox[0]["id"].get<int>());
        auto key = "inbox/" + id;
        REQUIRE(workspace.run({"--rehearsal", "inbox", "reply", id, "--text", "Tuesday at 10?"}).exit_code == 0);
        // The answer goes first; the gateway holds it for longer than the run lives, and the client waits for it.
        workspace.write("campaigns/gateway.yaml", "profile: engine\nurl: " + gateway.url() +
                                                      "\napi_key_env: " + k_key_variable +
                                                      "\ntimeout: 30s\nconnect_timeout: 400ms\nattempts: 3\n"
                                                      "backoff: 10ms\nmax_backoff: 50ms\npoll_interval: 1m\n");
        gateway.set_stall(std::chrono::seconds{20});
        gateway.fail_next_for_sender("alice", fault);
        // Killed once the answer has reached the gateway, however long the run took to get there.
        auto running = workspace.start({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock",
                                        "simulated", "--for", "1d", "--seed", "7"});
        auto patience = std::chrono::steady_clock::now() + std::chrono::seconds{15};
        while (gateway.requests_for(key) == 0 && std::chrono::steady_clock::now() < patience) {
            std::this_thread::sleep_for(std::chrono::milliseconds{20});
        }
        REQUIRE(gateway.requests_for(key) == 1);
        auto killed = running.stop(SIGKILL);
        INFO(killed.out << killed.err);
        REQUIRE(killed.exit_code == 137);
        REQUIRE(count(workspace,
                      "SELECT count(*) FROM actions WHERE idempotency_key = '" + key + "' AND state = 'sending'") == 1);
        gateway.set_stall(std::chrono::milliseconds{10});
        auto rerun = workspace.run({"run", "campaigns/founders-intro.yaml", "--transport", "http", "--clock",
                                    "simulated", "--for", "1d", "--seed", "7"});
        INFO(rerun.out << rerun.err);
        REQUIRE(rerun.exit_code == 0);
        CHECK(gateway.performed_count(key) == 1);
        CHECK(count(workspace,
                    "SELECT count(*) FROM actions WHERE idempotency_key = '" + key + "' AND state = 'sent'") == 1);
        CHECK(count(workspace, "SELECT count(*) FROM inbox_answers WHERE due_at IS NOT NULL") == 0);
        check_exactly_once(workspace, gateway);
    }
}
