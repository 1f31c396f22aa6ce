// Outbound webhooks (docs/hooks.md) against a receiver on 127.0.0.1 that fails on demand: each classified reply,
// opt-out and inbox action is posted, signed with HMAC-SHA256 over "<timestamp>.<body>", retried with backoff until it
// is taken, at least once under one event id, and `campaign hooks log` says how each went.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <httplib.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <openssl/hmac.h>
#include <set>
#include <thread>

#include "e2e/harness.hpp"

using campaign::e2e::Workspace;

namespace {

const char* const k_secret_variable = "CAMPAIGN_E2E_HOOK_SECRET";
const std::string k_secret = "whsec_e2e_3f9a";

struct Received {
    std::map<std::string, std::string> headers;
    std::string body;
};

// Answers `status` to the next posts it is told to, 200 to the others, and keeps every post.
class Receiver {
public:
    Receiver() {
        m_server.Post("/hooks", [this](const httplib::Request& request, httplib::Response& response) {
            std::lock_guard lock(m_mutex);
            Received received;
            for (const auto& [name, value] : request.headers) {
                received.headers[name] = value;
            }
            received.body = request.body;
            m_received.push_back(received);
            int status = 200;
            if (!m_answers.empty()) {
                status = m_answers.front();
                m_answers.erase(m_answers.begin());
            }
            response.status = status;
            response.set_content("{}", "application/json");
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    ~Receiver() {
        m_server.stop();
        m_thread.join();
    }
    Receiver(const Receiver&) = delete;
    Receiver& operator=(const Receiver&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/hooks"; }
    void answer_next(int status, int times) {
        std::lock_guard lock(m_mutex);
        m_answers.insert(m_answers.end(), times, status);
    }
    std::vector<Received> received() const {
        std::lock_guard lock(m_mutex);
        return m_received;
    }

private:
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::vector<int> m_answers;
    std::vector<Received> m_received;
};

std::string hmac_hex(const std::string& key, const std::string& data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
         data.size(), digest, &length);
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        char pair[3];
        std::snprintf(pair, sizeof pair, "%02x", digest[i]);
        hex += pair;
    }
    return hex;
}

bool signed_right(const Received& post) {
    auto timestamp = post.headers.find("X-Campaign-Timestamp");
    auto signature = post.headers.find("X-Campaign-Signature");
    return timestamp != post.headers.end() && signature != post.headers.end() &&
           signature->second == "sha256=" + hmac_hex(k_secret, timestamp->second + "." + post.body);
}

void prepare(const Workspace& workspace, const Receiver& receiver) {
    ::setenv(k_secret_variable, k_secret.c_str(), 1);
    workspace.write("templates/hello.mustache", "Hello {{first_name}}\n");
    workspace.write("prospects.csv", campaign::e2e::prospects_csv("hooked", "test", 3));
    REQUIRE(workspace.run({"prospects", "import", "prospects.csv"}).exit_code == 0);
    workspace.write("campaigns/hooks.yaml", "hooks:\n  - url: " + receiver.url() + "\n    secret_env: " +
                                                k_secret_variable + "\n    rehearsals: true\n    timeout: 2s\n");
    workspace.write("campaigns/hello.yaml", R"(campaign: hello
templates: ../templates
senders:
  - id: alice
    name: Alice Martin
    timezone: Europe/Paris
    working_hours: {days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:30"}
audience:
  tags: [test]
hooks: hooks.yaml
steps:
  - id: hello
    type: message
    template: hello.mustache
mock:
  reply: 0
  failure: 0
)");
    auto first = workspace.run({"run", "campaigns/hello.yaml", "--start", "2027-03-22T06:00:00Z", "--for", "1d"});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    workspace.write("events.jsonl",
                    R"({"id": "r-1", "type": "replied", "sender": "alice", "at": "2027-03-22T14:00:00Z",)"
                    R"( "profile_url": "https://www.linkedin.com/in/hooked-p1", "text": "Yes, let's talk - can you)"
                    R"( send a few times?"})"
                    "\n"
                    R"({"id": "r-2", "type": "replied", "sender": "alice", "at": "2027-03-22T15:00:00Z",)"
                    R"( "profile_url": "https://www.linkedin.com/in/hooked-p2", "text": "Please remove me from your)"
                    R"( list."})"
                    "\n");
    REQUIRE(workspace.run({"--rehearsal", "events", "ingest", "events.jsonl"}).exit_code == 0);
}

} // namespace

TEST_CASE("each classified reply and opt-out is posted signed, retried until the receiver takes it", "[e2e][hooks]") {
    Receiver receiver;
    Workspace workspace;
    prepare(workspace, receiver);
    receiver.answer_next(500, 2);
    receiver.answer_next(503, 1);
    auto run = workspace.run({"run", "campaigns/hello.yaml", "--for", "1d"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);

    auto posts = receiver.received();
    REQUIRE(posts.size() >= 3 + 3); // three events, three failures
    for (const auto& post : posts) {
        CHECK(signed_right(post));
        CHECK(post.headers.at("Content-Type") == "application/json");
    }
    // Each event, taken once or more, always under one id; the failed ones were posted again with the same body.
    std::map<std::string, std::set<std::string>> bodies_by_id;
    std::set<std::string> types;
    for (const auto& post : posts) {
        auto body = nlohmann::json::parse(post.body);
        CHECK(post.headers.at("X-Campaign-Delivery") == body["id"]);
        bodies_by_id[body["id"]].insert(post.body);
        types.insert(body["type"].get<std::string>());
    }
    CHECK(bodies_by_id.size() == 3);
    for (const auto& [id, distinct] : bodies_by_id) {
        CHECK(distinct.size() == 1);
    }
    CHECK(types == std::set<std::string>{"reply.classified", "prospect.opted_out"});
    auto interested = std::find_if(posts.begin(), posts.end(), [](const Received& post) {
        return post.body.find("\"class\":\"interested\"") != std::string::npos;
    });
    REQUIRE(interested != posts.end());
    auto body = nlohmann::json::parse(interested->body);
    CHECK(body["rehearsal"] == true);
    CHECK(body["data"]["campaign"] == "hello");
    CHECK(body["data"]["step"] == "hello");
    CHECK(body["data"]["prospect"]["first_name"] == "P1");
    CHECK(body["data"]["reply"]["text"] == "Yes, let's talk - can you send a few times?");

    auto log = nlohmann::json::parse(workspace.run({"--rehearsal", "hooks", "log", "--format", "json"}).out);
    REQUIRE(log.size() == 3);
    int tries = 0;
    for (const auto& delivery : log) {
        CHECK(delivery["state"] == "delivered");
        tries += delivery["attempts"].get<int>();
    }
    CHECK(tries == 6);
    CHECK(workspace.run({"--rehearsal", "hooks", "log", "--failed"}).out == "no webhook delivery has failed\n");

    // What the inbox does is posted at once.
    auto inbox = nlohmann::json::parse(workspace.run({"--rehearsal", "inbox", "--format", "json"}).out);
    REQUIRE_FALSE(inbox.empty());
    auto id = std::to_string(inbox.back()["id"].get<int>());
    REQUIRE(workspace.run({"--rehearsal", "inbox", "done", id}).exit_code == 0);
    auto last = nlohmann::json::parse(receiver.received().back().body);
    CHECK(last["type"] == "inbox.done");
    CHECK(std::to_string(last["data"]["reply"]["id"].get<int>()) == id);
}

TEST_CASE("a receiver that refuses a post is given up at once, and one that is down is tried again by hooks deliver",
          "[e2e][hooks]") {
    Receiver receiver;
    Workspace workspace;
    prepare(workspace, receiver);
    receiver.answer_next(400, 1);
    REQUIRE(workspace.run({"run", "campaigns/hello.yaml", "--for", "1h"}).exit_code == 0);
    auto failed = workspace.run({"--rehearsal", "hooks", "log", "--failed", "--format", "json"});
    auto log = nlohmann::json::parse(failed.out);
    REQUIRE(log.size() == 1);
    CHECK(log[0]["state"] == "given up");
    CHECK(log[0]["last_status"] == 400);
    CHECK(log[0]["last_error"] == "HTTP 400");

    // Without its secret, nothing is posted unsigned: the delivery waits, and says why.
    ::unsetenv(k_secret_variable);
    auto inbox = nlohmann::json::parse(workspace.run({"--rehearsal", "inbox", "--format", "json"}).out);
    REQUIRE_FALSE(inbox.empty());
    auto seen = receiver.received().size();
    REQUIRE(
        workspace.run({"--rehearsal", "inbox", "snooze", std::to_string(inbox[0]["id"].get<int>()), "3d"}).exit_code ==
        0);
    CHECK(receiver.received().size() == seen);
    auto waiting = nlohmann::json::parse(workspace.run({"--rehearsal", "hooks", "log", "--format", "json"}).out);
    CHECK(waiting[0]["type"] == "inbox.snoozed");
    CHECK(waiting[0]["state"] == "waiting"); // no try used up
    CHECK(waiting[0]["last_error"].get<std::string>().find(k_secret_variable) != std::string::npos);
    ::setenv(k_secret_variable, k_secret.c_str(), 1);
    auto deliver = workspace.run({"--rehearsal", "hooks", "deliver"});
    INFO(deliver.out << deliver.err);
    // Not due yet: it waits its backoff.
    CHECK(deliver.out == "0 delivered, 0 to be tried again, 0 given up\n");
}
