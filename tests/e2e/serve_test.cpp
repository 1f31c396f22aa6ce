// `campaign serve` as a gateway meets it: a real server on 127.0.0.1 that records signed pages of events once, refuses
// what it cannot trust or read without recording any of it, never shows its secret, and stops cleanly on a signal.
// The signatures are HMAC-SHA256 values computed with Python's hmac module for these exact bodies.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <csignal>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "e2e/harness.hpp"

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

int count(const Workspace& workspace, const std::string& sql) {
    SQLite::Database db(workspace.database().string(), SQLite::OPEN_READONLY);
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

// A server started in the workspace, and a client that talks to it.
class Server {
public:
    Server(const Workspace& workspace, const std::vector<std::string>& options)
        : m_process(workspace.start(options, k_environment)) {
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
    for (const char* file : {"campaign.db", "campaign.db-wal"}) {
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
