// `campaign serve` as a gateway meets it: a real server on 127.0.0.1 that records signed pages of events once, refuses
// what it cannot trust or read without recording any of it, never shows its secret, and stops cleanly on a signal.
// The signatures are HMAC-SHA256 values computed with Python's hmac module for these exact bodies.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "e2e/harness.hpp"
#include "support/fake_unipile.hpp"

using campaign::e2e::Background;
using campaign::e2e::Workspace;

namespace {

const std::string k_secret = "e2e-webhook-secret-4f9a1c";
const campaign::e2e::Environment k_environment{{"CAMPAIGN_WEBHOOK_SECRET", k_secret}};

// Arrives in the opposite order of its events' times; the first URL is written the gateway's way, with a slash.
const std::string k_page =
    R"({"events": [{"id": "wh-2", "type": "replied", "sender": "alice", "profile_url": )"
    R"("https://www.linkedin.com/in/example-ayu-halim-25e01af/", "at": "2026-11-25T10:00:00Z", "text": "Happy to talk"}, )"
    R"({"id": "wh-1", "type": "accepted", "sender": "alice", "profile_url": )"
    R"("https://www.linkedin.com/in/example-ayu-halim-25e01af", "at": "2026-11-24T10:00:00Z"}], "cursor": "2", )"
    R"("more": false})";
const std::string k_page_signature = "sha256=629822fe1c9cfb7d151b67ad021d9625e125318b194aeeb9a49b9847602619aa";

// A good event beside one of a type the protocol does not have.
const std::string k_unknown_type =
    R"({"events": [{"id": "wh-3", "type": "accepted", "sender": "marcus", "profile_url": )"
    R"("https://www.linkedin.com/in/example-ayu-halim-25e01af", "at": "2026-11-24T11:00:00Z"}, )"
    R"({"id": "wh-4", "type": "liked", "sender": "marcus", "profile_url": )"
    R"("https://www.linkedin.com/in/example-ayu-halim-25e01af", "at": "2026-11-24T12:00:00Z"}]})";
const std::string k_unknown_type_signature = "sha256=9f5f57cb29b81b0efdad2dd1e39674054f537b23fd1e8a8b581c6a290aea100d";

const std::string k_malformed = R"({"events": [{"id": "wh-5", "type": "accepted")";
const std::string k_malformed_signature = "sha256=c2ebb0ac968f9c557fc235c93356646d7ecfc6df43cdcb468003e020b7acd823";

constexpr std::size_t k_mib = std::size_t{1024} * 1024;

const std::string k_gateway = "profile: engine\n"
                              "url: http://127.0.0.1:9/v1\n"
                              "api_key_env: CAMPAIGN_GATEWAY_KEY\n"
                              "webhook_secret_env: CAMPAIGN_WEBHOOK_SECRET\n";

// Counts in the rehearsal, where the runs that prepare these tests stored their senders and actions.
int count(const Workspace& workspace, const std::string& sql) {
    SQLite::Database db(workspace.rehearsal().string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

// The example project with its prospects imported, and its senders stored by a run that sends nothing yet (Monday
// 07:00 in Paris is before working hours), so that events find their prospect and sender.
void prepare(const Workspace& workspace) {
    workspace.copy_from_source("campaigns");
    workspace.copy_from_source("templates");
    workspace.copy_from_source("examples");
    REQUIRE(workspace.run({"prospects", "import", "examples/prospects.csv"}).exit_code == 0);
    auto run = workspace.run({"run", "campaigns/founders-intro.yaml", "--once", "--start", "2026-11-23T06:00:00Z"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    workspace.write("gateway.yaml", k_gateway);
}

// A server started in the workspace on the rehearsal, and a client that talks to it.
class Server {
public:
    Server(const Workspace& workspace, std::vector<std::string> options)
        : m_process(workspace.start(on_rehearsal(std::move(options)), k_environment)) {
        auto line = m_process.wait_for_line("listening on ");
        INFO(m_process.err());
        REQUIRE(line.rfind("listening on 127.0.0.1:", 0) == 0);
        m_port = std::stoi(line.substr(line.rfind(':') + 1));
        m_client = std::make_unique<httplib::Client>("127.0.0.1", m_port);
    }

    httplib::Result post(const std::string& path, const std::string& body, const httplib::Headers& headers = {}) {
        return m_client->Post(path, headers, body, "application/json");
    }
    httplib::Result signed_post(const std::string& body, const std::string& signature) {
        return post("/events", body, {{"X-Signature-256", signature}});
    }
    httplib::Client& client() { return *m_client; }
    int port() const { return m_port; }
    Background& process() { return m_process; }

private:
    static std::vector<std::string> on_rehearsal(std::vector<std::string> options) {
        options.insert(options.begin(), "--rehearsal");
        return options;
    }

    Background m_process;
    int m_port = 0;
    std::unique_ptr<httplib::Client> m_client;
};

std::string error_message(const httplib::Result& answer) {
    return nlohmann::json::parse(answer->body).at("error").at("message").get<std::string>();
}

int webhook_events(const Workspace& workspace) {
    return count(workspace, "SELECT count(*) FROM events WHERE external_id LIKE 'wh-%'");
}

} // namespace

TEST_CASE("serve records a signed page once, and answers the same page again with duplicates", "[e2e][serve]") {
    Workspace workspace;
    prepare(workspace);
    Server server(workspace, {"serve", "--listen", "127.0.0.1:0", "--gateway", "gateway.yaml"});
    CHECK(server.process().out().rfind("receiving engine webhooks at POST /events\n", 0) == 0);

    auto health = server.client().Get("/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(health->body == "ok");

    auto first = server.signed_post(k_page, k_page_signature);
    REQUIRE(first);
    CHECK(first->status == 200);
    CHECK(first->body == R"({"recorded":2,"duplicates":0})");
    auto again = server.signed_post(k_page, k_page_signature);
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(again->body == R"({"recorded":0,"duplicates":2})");

    // Both events, the later one first as it came, each with the prospect and sender it is about.
    CHECK(webhook_events(workspace) == 2);
    CHECK(count(workspace, "SELECT count(*) FROM events e JOIN prospects p ON p.id = e.prospect_id"
                           " JOIN senders s ON s.id = e.sender_id WHERE e.external_id IN ('wh-1', 'wh-2')"
                           " AND p.profile_url = 'https://linkedin.com/in/example-ayu-halim-25e01af'"
                           " AND s.name = 'alice' AND e.applied_at IS NULL") == 2);
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE external_id = 'wh-1' AND type = 'accepted'"
                           " AND occurred_at = '2026-11-24T10:00:00Z'") == 1);
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE external_id = 'wh-2' AND type = 'replied'"
                           " AND occurred_at = '2026-11-25T10:00:00Z' AND text = 'Happy to talk'") == 1);

    auto stopped = server.process().stop(SIGINT);
    INFO(stopped.err);
    CHECK(stopped.exit_code == 0);
    CHECK(stopped.out.find("stopped: 2 events recorded, 2 duplicates\n") != std::string::npos);
}

TEST_CASE("serve refuses what it cannot trust or read, and records nothing of it", "[e2e][serve]") {
    Workspace workspace;
    prepare(workspace);
    // -v logs every request: the secret must stay out of that too.
    Server server(workspace, {"-v", "serve", "--listen", "127.0.0.1:0", "--gateway", "gateway.yaml"});

    SECTION("no signature") {
        auto answer = server.post("/events", k_page);
        REQUIRE(answer);
        CHECK(answer->status == 401);
        CHECK(error_message(answer) == "the request has no X-Signature-256 header");
    }
    SECTION("a signature of another body, or under another secret, or in upper case") {
        for (const auto& signature : std::vector<std::string>{
                 k_unknown_type_signature, "sha256=" + std::string(64, '0'),
                 "sha256=629822FE1C9CFB7D151B67AD021D9625E125318B194AEEB9A49B9847602619AA", k_secret}) {
            auto answer = server.signed_post(k_page, signature);
            REQUIRE(answer);
            CHECK(answer->status == 401);
            CHECK(error_message(answer) == "the X-Signature-256 header is not sha256= and the lower-case hex "
                                           "HMAC-SHA256 of the body under the webhook secret");
        }
    }
    SECTION("a body cut short") {
        auto answer = server.signed_post(k_malformed, k_malformed_signature);
        REQUIRE(answer);
        CHECK(answer->status == 400);
        CHECK(nlohmann::json::parse(answer->body).at("error").at("code") == "malformed");
        CHECK(error_message(answer) == "the body is not a JSON object");
    }
    SECTION("an event of an unknown type refuses the good one beside it") {
        auto answer = server.signed_post(k_unknown_type, k_unknown_type_signature);
        REQUIRE(answer);
        CHECK(answer->status == 400);
        CHECK(error_message(answer) == "event 2 'wh-4' has an unknown type 'liked'");
    }
    SECTION("a body over 1 MiB, however it is sent") {
        auto big = R"({"events": [], "padding": ")" + std::string(k_mib, 'x') + R"("})";
        auto answer = server.signed_post(big, k_page_signature);
        REQUIRE(answer);
        CHECK(answer->status == 413);
        CHECK(error_message(answer) == "the body is over 1 MiB");
        // Without a length up front, the limit holds while the body is read.
        httplib::Client chunked("127.0.0.1", server.port());
        std::size_t offset = 0;
        auto streamed = chunked.Post(
            "/events", {{"X-Signature-256", k_page_signature}},
            [&](std::size_t, httplib::DataSink& sink) {
                auto piece = std::min(k_mib / 16, big.size() - offset);
                if (!sink.write(big.data() + offset, piece)) {
                    return false;
                }
                offset += piece;
                if (offset == big.size()) {
                    sink.done();
                }
                return true;
            },
            "application/json");
        if (streamed) { // the server may hang up before all of it is sent, which is a refusal too
            CHECK(streamed->status == 413);
        }
    }
    SECTION("another profile's path") {
        auto answer = server.post("/unipile", k_page, {{"Unipile-Auth", k_secret}});
        REQUIRE(answer);
        CHECK(answer->status == 404);
        CHECK(error_message(answer) == "nothing at /unipile: this gateway posts its events to /events");
    }

    CHECK(webhook_events(workspace) == 0);
    // Still serving after the refusals.
    auto good = server.signed_post(k_page, k_page_signature);
    REQUIRE(good);
    CHECK(good->status == 200);
    CHECK(webhook_events(workspace) == 2);

    auto stopped = server.process().stop(SIGTERM);
    CHECK(stopped.exit_code == 0);
    CHECK(stopped.err.find("warning: refused POST /") != std::string::npos);
    CHECK(stopped.err.find("debug: POST /events from 127.0.0.1: 200") != std::string::npos);
    CHECK(stopped.out.find(k_secret) == std::string::npos);
    CHECK(stopped.err.find(k_secret) == std::string::npos);
    for (const char* file : {"campaign.rehearsal.db", "campaign.rehearsal.db-wal"}) {
        CHECK(workspace.read(file).find(k_secret) == std::string::npos);
    }
}

TEST_CASE("serve does not start without its secret, a gateway or an address of HOST:PORT", "[e2e][serve]") {
    Workspace workspace;
    prepare(workspace);
    unsetenv("CAMPAIGN_WEBHOOK_SECRET");

    auto no_secret = workspace.run({"serve", "--listen", "127.0.0.1:0", "--gateway", "gateway.yaml"});
    CHECK(no_secret.exit_code == 1);
    CHECK(no_secret.err == "gateway.yaml:1:1: error: webhook_secret_env names CAMPAIGN_WEBHOOK_SECRET, which is not "
                           "set or empty: set it to the secret the gateway signs its webhooks with\n");

    auto no_gateway = workspace.run({"serve", "--listen", "127.0.0.1:0", "campaigns/founders-intro.yaml"});
    CHECK(no_gateway.exit_code == 1);
    CHECK(no_gateway.err == "campaigns/founders-intro.yaml: error: the campaign has no 'gateway:' section to say the "
                            "profile and the webhook secret; add one, or give --gateway FILE\n");

    for (const auto* address : {"8787", ":8787", "127.0.0.1", "127.0.0.1:", "127.0.0.1:99999", "http://127.0.0.1:80",
                                "::1:8787", "127.0.0.1:80a"}) {
        auto refused = workspace.run({"serve", "--listen", address, "--gateway", "gateway.yaml"});
        CHECK(refused.exit_code == 1);
        CHECK(refused.err == "error: --listen: '" + std::string(address) + "' is not HOST:PORT like 127.0.0.1:8787\n");
    }

    // A port another server listens on is not shared with it: each gateway's webhooks go to one server.
    Server first(workspace, {"serve", "--listen", "127.0.0.1:0", "--gateway", "gateway.yaml"});
    auto taken_address = "127.0.0.1:" + std::to_string(first.port());
    auto taken = workspace.run({"serve", "--listen", taken_address});
    CHECK(taken.exit_code == 3);
    CHECK(taken.err == "warning: no gateway given: serving the engine profile, without a webhook secret\n"
                       "error: cannot listen on " +
                           taken_address + ": the port is taken or the address is not this machine's\n");
    CHECK(first.process().stop(SIGTERM).exit_code == 0);

    auto both = workspace.run(
        {"serve", "--listen", "127.0.0.1:0", "--gateway", "gateway.yaml", "campaigns/founders-intro.yaml"});
    CHECK(both.exit_code == 2);
}

TEST_CASE("serve takes Unipile's webhooks at /unipile, with the secret in the header Unipile was given",
          "[e2e][serve]") {
    Workspace workspace;
    prepare(workspace);
    workspace.write("unipile.yaml", "profile: unipile\n"
                                    "url: https://api8.unipile.com:13851/api/v1\n"
                                    "api_key_env: CAMPAIGN_UNIPILE_KEY\n"
                                    "webhook_secret_env: CAMPAIGN_WEBHOOK_SECRET\n"
                                    "accounts:\n"
                                    "  alice: dfXlh46vQYCsMbVarumWlg\n");
    Server server(workspace, {"serve", "--listen", "127.0.0.1:0", "--gateway", "unipile.yaml"});
    const std::string relation = R"({"event": "new_relation", "account_id": "dfXlh46vQYCsMbVarumWlg",
        "account_type": "LINKEDIN", "user_provider_id": "ACoAAAyuHalim",
        "user_public_identifier": "example-ayu-halim-25e01af"})";

    auto unsigned_answer = server.post("/unipile", relation);
    REQUIRE(unsigned_answer);
    CHECK(unsigned_answer->status == 401);
    auto wrong = server.post("/unipile", relation, {{"Unipile-Auth", k_secret + "x"}});
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    CHECK(error_message(wrong) == "the Unipile-Auth header is not the webhook secret");
    CHECK(count(workspace, "SELECT count(*) FROM events WHERE external_id LIKE 'new_relation:%'") == 0);

    auto answer = server.post("/unipile", relation, {{"Unipile-Auth", k_secret}});
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK(answer->body == R"({"recorded":1,"duplicates":0})");
    CHECK(count(workspace, "SELECT count(*) FROM events e JOIN prospects p ON p.id = e.prospect_id"
                           " JOIN senders s ON s.id = e.sender_id WHERE e.type = 'accepted'"
                           " AND e.external_id = 'new_relation:dfXlh46vQYCsMbVarumWlg:ACoAAAyuHalim'"
                           " AND p.profile_url = 'https://linkedin.com/in/example-ayu-halim-25e01af'"
                           " AND s.name = 'alice'") == 1);
    CHECK(server.post("/events", k_page, {{"X-Signature-256", k_page_signature}})->status == 404);
    CHECK(server.process().stop(SIGTERM).exit_code == 0);
}

namespace {

const char* const k_unipile_key_variable = "CAMPAIGN_E2E_UNIPILE_KEY";
const std::string k_kim = "ACoAAB3dFgHiJkLmNoP"; // Kim's member id, which Unipile's profile of kim-doe answers

// Three prospects that Alice, who works at every hour through Unipile, visits, messages, and reminds two days later
// unless they reply; her account is "acc-alice" at a fake Unipile.
void prepare_unipile(const Workspace& workspace, const campaign::testing::FakeUnipile& unipile) {
    workspace.copy_from_source("templates");
    workspace.write("people.csv", "first_name,linkedin_url,tags\n"
                                  "Kim,https://www.linkedin.com/in/kim-doe/,pilot\n"
                                  "Lee,https://www.linkedin.com/in/lee-roe,pilot\n"
                                  "Max,https://www.linkedin.com/in/max-poe,pilot\n");
    REQUIRE(workspace.run({"prospects", "import", "people.csv"}).exit_code == 0);
    workspace.write("campaigns/unipile.yaml", "profile: unipile\nurl: " + unipile.url() +
                                                  "\napi_key_env: " + k_unipile_key_variable +
                                                  "\nwebhook_secret_env: CAMPAIGN_WEBHOOK_SECRET\n"
                                                  "timeout: 400ms\nconnect_timeout: 400ms\nattempts: 2\nbackoff: 10ms\n"
                                                  "accounts:\n  alice: acc-alice\n");
    workspace.write("campaigns/pilot.yaml", R"(campaign: pilot
templates: ../templates
senders:
  - id: alice
    first_name: Alice
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
  - id: look
    type: view_profile
  - id: hello
    type: message
    after: 10m
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
gateway: unipile.yaml
)");
    ::setenv(k_unipile_key_variable, "unipile-e2e-key", 1);
}

// A message to Alice's account as Unipile's new-messages webhook documents it: the sender named by member id only.
std::string unipile_reply(const std::string& message_id, const std::string& member, const std::string& at) {
    return R"({"account_id": "acc-alice", "account_type": "LINKEDIN",
      "account_info": {"type": "LINKEDIN", "feature": "classic", "user_id": "ACoAAAliceAlice"},
      "event": "message_received", "chat_id": "chat-1", "timestamp": ")" +
           at + R"(", "webhook_name": "campaign", "message_id": ")" + message_id +
           R"(", "message": "Thanks, happy to talk next week",
      "sender": {"attendee_id": "C8zaRZTlVcmfnke_Vai4Gg", "attendee_name": "Kim Doe",
                 "attendee_provider_id": ")" +
           member + R"(", "attendee_profile_url": "https://www.linkedin.com/in/)" + member + R"(/"},
      "attendees": [], "is_sender": false})";
}

std::vector<std::string> run_pilot(const std::vector<std::string>& when) {
    std::vector<std::string> arguments{"run", "campaigns/pilot.yaml", "--transport", "http", "--clock", "simulated"};
    arguments.insert(arguments.end(), when.begin(), when.end());
    return arguments;
}

} // namespace

TEST_CASE("a Unipile reply naming the sender by member id alone stops the campaign for them", "[e2e][serve]") {
    campaign::testing::FakeUnipile unipile;
    unipile.set_member_id("kim-doe", k_kim);
    Workspace workspace;
    prepare_unipile(workspace, unipile);
    // The first day: each profile visited (which looks the member up), then messaged, spread over the day.
    auto morning = workspace.run(run_pilot({"--start", "2026-11-23T00:00:00Z", "--for", "1d"}));
    INFO(morning.out << morning.err);
    REQUIRE(morning.exit_code == 0);
    REQUIRE(count(workspace, "SELECT count(*) FROM actions WHERE step = 'hello' AND state = 'sent'") == 3);
    CHECK(count(workspace, "SELECT count(*) FROM prospects WHERE member_id = '" + k_kim +
                               "' AND profile_url = 'https://linkedin.com/in/kim-doe'") == 1);

    Server server(workspace, {"serve", "--listen", "127.0.0.1:0", "--gateway", "campaigns/unipile.yaml"});
    auto answer = server.post("/unipile", unipile_reply("msg-kim-1", k_kim, "2026-11-23T23:59:00.000Z"),
                              {{"Unipile-Auth", k_secret}});
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK(answer->body == R"({"recorded":1,"duplicates":0})");
    CHECK(count(workspace, "SELECT count(*) FROM events e JOIN prospects p ON p.id = e.prospect_id"
                           " WHERE e.external_id = 'msg-kim-1' AND p.profile_url = 'https://linkedin.com/in/kim-doe'"
                           " AND e.profile_url = p.profile_url") == 1);
    CHECK(server.process().stop(SIGTERM).exit_code == 0);

    // The days after: Kim's reply ends the campaign for Kim; Lee and Max, who did not reply, are reminded.
    auto later = workspace.run(run_pilot({"--for", "3d"}));
    INFO(later.out << later.err);
    REQUIRE(later.exit_code == 0);
    CHECK(count(workspace, "SELECT count(*) FROM enrollments e JOIN prospects p ON p.id = e.prospect_id"
                           " WHERE e.state = 'replied' AND p.profile_url = 'https://linkedin.com/in/kim-doe'") == 1);
    CHECK(count(workspace, "SELECT count(*) FROM actions a JOIN prospects p ON p.id = a.prospect_id"
                           " WHERE a.step = 'reminder' AND p.profile_url = 'https://linkedin.com/in/kim-doe'") == 0);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE step = 'reminder' AND state = 'sent'") == 2);
    int to_kim = 0;
    for (const auto& message : unipile.messages()) {
        to_kim += message.member == k_kim;
    }
    CHECK(to_kim == 1); // the first day's message, and no reminder
}

TEST_CASE("Unipile's PERMISSIONS status pauses the sender with what to do", "[e2e][serve]") {
    campaign::testing::FakeUnipile unipile;
    Workspace workspace;
    prepare_unipile(workspace, unipile);
    // Unipile tells no time for an account's status: `serve` stamps it on the wall clock, so the simulated run starts
    // the day before, and reaches that moment before the reminders are due.
    std::chrono::year_month_day yesterday{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) -
                                          std::chrono::days{1}};
    char start[40];
    std::snprintf(start, sizeof start, "%04d-%02u-%02uT00:00:00Z", static_cast<int>(yesterday.year()),
                  static_cast<unsigned>(yesterday.month()), static_cast<unsigned>(yesterday.day()));
    REQUIRE(workspace.run(run_pilot({"--start", start, "--for", "2h"})).exit_code == 0);
    Server server(workspace, {"serve", "--listen", "127.0.0.1:0", "--gateway", "campaigns/unipile.yaml"});
    auto answer = server.post("/unipile", R"({"AccountStatus": {"account_id": "acc-alice", "account_type": "LINKEDIN",
        "message": "PERMISSIONS"}})",
                              {{"Unipile-Auth", k_secret}});
    REQUIRE(answer);
    CHECK(answer->body == R"({"recorded":1,"duplicates":0})");
    CHECK(server.process().stop(SIGTERM).exit_code == 0);

    auto later = workspace.run(run_pilot({"--for", "3d"}));
    INFO(later.out << later.err);
    REQUIRE(later.exit_code == 0);
    const std::string reason = "Unipile reports the account PERMISSIONS: Unipile lacks a permission it needs on the "
                               "account: connect the account again in Unipile and grant what it asks for";
    CHECK(later.err.find("warning: sender 'alice' reported restricted: " + reason +
                         "; paused until it is resumed (campaign sender resume alice)\n") != std::string::npos);
    CHECK(count(workspace, "SELECT count(*) FROM actions WHERE step = 'reminder'") == 0);
    auto status = workspace.run({"--rehearsal", "status"});
    CHECK(status.out.find("PAUSED: " + reason) != std::string::npos);
}

TEST_CASE("serve refuses a form body with 415 and says to create the webhook with JSON", "[e2e][serve]") {
    Workspace workspace;
    prepare(workspace);
    workspace.write("unipile.yaml", "profile: unipile\n"
                                    "url: https://api8.unipile.com:13851/api/v1\n"
                                    "api_key_env: CAMPAIGN_UNIPILE_KEY\n"
                                    "webhook_secret_env: CAMPAIGN_WEBHOOK_SECRET\n");
    Server server(workspace, {"serve", "--listen", "127.0.0.1:0", "--gateway", "unipile.yaml"});
    const std::string form = "event=message_received&account_id=acc-alice&message_id=m-1&"
                             "sender%5Battendee_provider_id%5D=ACoAAKim&message=Hello";
    const std::string words = "the body is a form (application/x-www-form-urlencoded), and the events are read from "
                              "JSON only: create the webhook with \"format\": \"json\" (Unipile's default), not "
                              "\"form\"";
    // As Unipile sends it for a webhook created with "format": "form", with its Content-Type or without one.
    auto typed =
        server.client().Post("/unipile", {{"Unipile-Auth", k_secret}}, form, "application/x-www-form-urlencoded");
    REQUIRE(typed);
    CHECK(typed->status == 415);
    CHECK(nlohmann::json::parse(typed->body).at("error").at("code") == "unsupported_media_type");
    CHECK(error_message(typed) == words);
    auto untyped = server.client().Post("/unipile", {{"Unipile-Auth", k_secret}}, form, "");
    REQUIRE(untyped);
    CHECK(untyped->status == 415);
    // Unauthenticated, it is refused for that first, and says nothing of the body.
    auto anonymous = server.client().Post("/unipile", form, "application/x-www-form-urlencoded");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);
    CHECK(count(workspace, "SELECT count(*) FROM events") == 0);
    auto stopped = server.process().stop(SIGTERM);
    CHECK(stopped.exit_code == 0);
    CHECK(stopped.err.find("warning: refused POST /unipile from 127.0.0.1: 415 " + words) != std::string::npos);
}
