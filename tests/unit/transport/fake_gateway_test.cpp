// The fake gateway as an HTTP client meets it, with no product code in between: the transport's tests lean on it
// performing each key once, paging events as the wire profile says and failing exactly as asked.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/fake_gateway.hpp"

using campaign::testing::Event;
using campaign::testing::FakeGateway;
using campaign::testing::Fault;
using campaign::testing::FaultKind;
using nlohmann::json;

namespace {

const std::string k_key = "secret-gateway-key";

json action(const std::string& key, const std::string& type = "connect", const std::string& sender = "alice",
            const std::string& at = "2026-12-01T09:30:00Z") {
    return {{"idempotency_key", key},
            {"type", type},
            {"sender", sender},
            {"account", sender + "-account"},
            {"prospect", {{"profile_url", "https://www.linkedin.com/in/jane-doe"}, {"public_id", "jane-doe"}}},
            {"subject", ""},
            {"text", "Hi Jane"},
            {"at", at}};
}

httplib::Client client_of(const FakeGateway& gateway, const std::string& key = k_key) {
    httplib::Client client("127.0.0.1", gateway.port());
    client.set_bearer_token_auth(key);
    return client;
}

httplib::Result post(httplib::Client& client, const json& body) {
    httplib::Headers headers = {{"Idempotency-Key", body["idempotency_key"].get<std::string>()}};
    return client.Post("/v1/actions", headers, body.dump(), "application/json");
}

json body_of(const httplib::Result& result) {
    REQUIRE(result);
    return json::parse(result->body);
}

std::string error_code(const httplib::Result& result) {
    return body_of(result)["error"]["code"].get<std::string>();
}

} // namespace

TEST_CASE("the fake gateway performs an action once per idempotency key", "[transport]") {
    FakeGateway gateway(k_key);
    auto client = client_of(gateway);

    auto first = post(client, action("q4/17/invite"));
    auto again = post(client, action("q4/17/invite"));

    REQUIRE(first->status == 200);
    CHECK(body_of(first) == json{{"status", "sent"}, {"id", "gw-1"}});
    CHECK(again->body == first->body);
    CHECK(gateway.performed_count("q4/17/invite") == 1);
    CHECK(gateway.requests_for("q4/17/invite") == 2);
    auto performed = gateway.performed();
    REQUIRE(performed.size() == 1);
    CHECK(performed[0].id == "gw-1");
    CHECK(performed[0].type == "connect");
    CHECK(performed[0].sender == "alice");
    CHECK(performed[0].account == "alice-account");
    CHECK(performed[0].profile_url == "https://www.linkedin.com/in/jane-doe");
    CHECK(performed[0].text == "Hi Jane");
    CHECK(performed[0].at == "2026-12-01T09:30:00Z");
    CHECK(performed[0].requests == 2);
    CHECK(body_of(post(client, action("q4/18/invite")))["id"] == "gw-2");
}

TEST_CASE("the fake gateway refuses requests it cannot trust", "[transport]") {
    FakeGateway gateway(k_key);

    SECTION("without the key") {
        httplib::Client anonymous("127.0.0.1", gateway.port());
        auto result = post(anonymous, action("k1"));
        CHECK(result->status == 401);
        CHECK(error_code(result) == "unauthorized");
    }
    SECTION("with another key") {
        auto stranger = client_of(gateway, "another-key");
        CHECK(stranger.Get("/v1/events")->status == 401);
    }
    SECTION("with an Idempotency-Key header that is not the body's") {
        auto client = client_of(gateway);
        auto result =
            client.Post("/v1/actions", {{"Idempotency-Key", "other"}}, action("k1").dump(), "application/json");
        CHECK(result->status == 400);
    }
    SECTION("with an unknown action type") {
        auto client = client_of(gateway);
        CHECK(post(client, action("k1", "poke"))->status == 400);
    }
    SECTION("with a time that is not ISO 8601 UTC") {
        auto client = client_of(gateway);
        CHECK(post(client, action("k1", "connect", "alice", "2026-12-01 09:30"))->status == 400);
    }
    CHECK(gateway.performed().empty());
    CHECK(gateway.request_count("/v1/") == 1);
}

TEST_CASE("the fake gateway records what was sent, headers included", "[transport]") {
    FakeGateway gateway(k_key);
    auto client = client_of(gateway);
    post(client, action("q4/17/invite"));

    auto requests = gateway.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "POST");
    CHECK(requests[0].path == "/v1/actions");
    // The log's headers compare their names as HTTP does, whatever the case.
    CHECK(requests[0].headers.find("idempotency-key")->second == "q4/17/invite");
    CHECK(requests[0].headers.find("Authorization")->second == "Bearer " + k_key);
    CHECK(json::parse(requests[0].body)["sender"] == "alice");
    CHECK(gateway.saw_text(k_key));
    CHECK_FALSE(gateway.saw_text("webhook-secret"));
}

TEST_CASE("the fake gateway looks an action up by its percent-encoded key", "[transport]") {
    FakeGateway gateway(k_key);
    auto client = client_of(gateway);
    auto sent = post(client, action("q4-outreach/17/invite"));

    auto found = client.Get("/v1/actions/q4-outreach%2F17%2Finvite");
    auto missing = client.Get("/v1/actions/q4-outreach%2F18%2Finvite");

    CHECK(found->status == 200);
    CHECK(found->body == sent->body);
    CHECK(missing->status == 404);
    CHECK(error_code(missing) == "not_found");
    CHECK(gateway.lookups_for("q4-outreach/17/invite") == 1);
    CHECK(gateway.requests().back().target == "/v1/actions/q4-outreach%2F18%2Finvite");
}

TEST_CASE("the fake gateway pages its events with a cursor", "[transport]") {
    FakeGateway gateway(k_key);
    auto client = client_of(gateway);
    for (int i = 1; i <= 5; ++i) {
        gateway.add_event({"ev-" + std::to_string(i), "accepted", "alice", "https://www.linkedin.com/in/p",
                           "2026-12-02T14:05:00Z", "", ""});
    }

    auto first = body_of(client.Get("/v1/events?limit=2"));
    auto second = body_of(client.Get("/v1/events?after=2&limit=2"));
    auto last = body_of(client.Get("/v1/events?after=4&limit=2"));
    auto after_last = body_of(client.Get("/v1/events?after=5&limit=2"));

    CHECK(first["events"].size() == 2);
    CHECK(first["events"][0]["id"] == "ev-1");
    CHECK(first["cursor"] == "2");
    CHECK(first["more"] == true);
    CHECK(second["events"][0]["id"] == "ev-3");
    CHECK(second["cursor"] == "4");
    CHECK(last["events"].size() == 1);
    CHECK(last["cursor"] == "5");
    CHECK(last["more"] == false);
    CHECK(after_last["events"].empty());
    CHECK(after_last["cursor"] == "5");
    // A cursor past its events is one it never gave: unknown, as docs/http-transport.md says to answer.
    auto past = client.Get("/v1/events?after=9");
    CHECK(past->status == 410);
    CHECK(body_of(past)["error"]["code"] == "cursor_unknown");
    CHECK(gateway.request_count("/v1/events", "GET") == 5);

    // Reset, it knows none of the cursors it gave; its events come again, with cursors of their own.
    gateway.forget_cursors();
    CHECK(client.Get("/v1/events?after=2")->status == 410);
    auto again = body_of(client.Get("/v1/events?limit=2"));
    CHECK(again["events"][0]["id"] == "ev-1");
    CHECK(again["cursor"] == "1.2");
    CHECK(body_of(client.Get("/v1/events?after=1.2"))["events"][0]["id"] == "ev-3");
}

TEST_CASE("the fake gateway leaves out the fields an event does not have", "[transport]") {
    FakeGateway gateway(k_key);
    auto client = client_of(gateway);
    gateway.add_event({"ev-1", "restricted", "bob", "", "2026-12-02T17:00:00Z", "", ""});

    auto event = body_of(client.Get("/v1/events"))["events"][0];

    CHECK(event == json{{"id", "ev-1"}, {"type", "restricted"}, {"sender", "bob"}, {"at", "2026-12-02T17:00:00Z"}});
}

TEST_CASE("the fake gateway answers a raw page once, then its events again", "[transport]") {
    FakeGateway gateway(k_key);
    auto client = client_of(gateway);
    gateway.add_event({"ev-1", "accepted", "alice", "https://www.linkedin.com/in/p", "2026-12-02T14:05:00Z", "", ""});
    gateway.add_raw_page("{\"events\": [");

    auto raw = client.Get("/v1/events");

    CHECK(raw->status == 200);
    CHECK(raw->body == "{\"events\": [");
    CHECK(body_of(client.Get("/v1/events"))["events"][0]["id"] == "ev-1");
}

TEST_CASE("the fake gateway sets off accepted and replied events for what it performs", "[transport]") {
    FakeGateway gateway(k_key);
    auto client = client_of(gateway);
    gateway.accept_invitations_after(std::chrono::hours{26});
    gateway.reply_to_messages_after(std::chrono::hours{2}, "Happy to talk");

    post(client, action("k/invite", "connect", "alice", "2026-12-01T09:30:00Z"));
    post(client, action("k/invite", "connect", "alice", "2026-12-01T09:30:00Z"));
    post(client, action("k/message", "message", "alice", "2026-12-31T23:15:00Z"));
    post(client, action("k/view", "view_profile", "alice"));
    auto events = body_of(client.Get("/v1/events"))["events"];

    REQUIRE(events.size() == 2);
    CHECK(events[0] == json{{"id", "acc-k/invite"},
                            {"type", "accepted"},
                            {"sender", "alice"},
                            {"profile_url", "https://www.linkedin.com/in/jane-doe"},
                            {"at", "2026-12-02T11:30:00Z"},
                            {"idempotency_key", "k/invite"}});
    CHECK(events[1]["type"] == "replied");
    CHECK(events[1]["at"] == "2027-01-01T01:15:00Z");
    CHECK(events[1]["text"] == "Happy to talk");
}

TEST_CASE("the fake gateway answers each sender's configured SSI", "[transport]") {
    FakeGateway gateway(k_key);
    auto client = client_of(gateway);
    gateway.set_ssi("alice", R"({"memberScore": {"overall": 61.5}})");

    auto alice = client.Get("/v1/senders/alice/ssi");

    CHECK(body_of(alice)["memberScore"]["overall"] == 61.5);
    CHECK(client.Get("/v1/senders/bob/ssi")->status == 404);
}

TEST_CASE("the fake gateway fails on demand, performing or not as the fault says", "[transport]") {
    FakeGateway gateway(k_key);
    auto client = client_of(gateway);

    SECTION("a 500 performs nothing, and the retry does") {
        gateway.fail_next(FaultKind::status_500, 2);
        CHECK(post(client, action("k1"))->status == 500);
        CHECK(post(client, action("k1"))->status == 500);
        CHECK(gateway.performed_count("k1") == 0);
        CHECK(post(client, action("k1"))->status == 200);
        CHECK(gateway.performed_count("k1") == 1);
        CHECK(gateway.requests_for("k1") == 3);
    }
    SECTION("a 500 after performing loses the answer, and the retry gets it") {
        gateway.fail_next(FaultKind::status_500_after_performing);
        CHECK(post(client, action("k1"))->status == 500);
        CHECK(gateway.performed_count("k1") == 1);
        CHECK(body_of(post(client, action("k1")))["id"] == "gw-1");
        CHECK(gateway.performed_count("k1") == 1);
    }
    SECTION("a 429 says when to come back, and performs nothing") {
        gateway.fail_next(Fault::too_many_requests(std::chrono::seconds{30}));
        auto result = post(client, action("k1"));
        CHECK(result->status == 429);
        CHECK(result->get_header_value("Retry-After") == "30");
        CHECK(error_code(result) == "rate_limited");
        CHECK(gateway.performed_count("k1") == 0);
    }
    SECTION("a 429 may come without Retry-After") {
        gateway.fail_next(FaultKind::too_many_requests);
        auto result = post(client, action("k1"));
        CHECK(result->status == 429);
        CHECK_FALSE(result->has_header("Retry-After"));
    }
    SECTION("a fault for one sender spares the others") {
        gateway.fail_next_for_sender("bob", Fault::too_many_requests("Wed, 02 Dec 2026 10:00:00 GMT"));
        CHECK(post(client, action("k1", "connect", "alice"))->status == 200);
        auto bob = post(client, action("k2", "connect", "bob"));
        CHECK(bob->status == 429);
        CHECK(bob->get_header_value("Retry-After") == "Wed, 02 Dec 2026 10:00:00 GMT");
        CHECK(post(client, action("k2", "connect", "bob"))->status == 200);
    }
    SECTION("a fault may aim at other paths") {
        gateway.fail_next(FaultKind::status_500, 1, "/v1/events");
        CHECK(post(client, action("k1"))->status == 200);
        CHECK(client.Get("/v1/events")->status == 500);
        CHECK(client.Get("/v1/events")->status == 200);
    }
    SECTION("a malformed answer comes after performing") {
        gateway.fail_next(FaultKind::malformed_json);
        auto result = post(client, action("k1"));
        CHECK(result->status == 200);
        CHECK_FALSE(json::accept(result->body));
        CHECK(gateway.performed_count("k1") == 1);
    }
    SECTION("a rejection is the key's answer from then on, and nothing is performed") {
        gateway.fail_next(Fault::rejected("the note is longer than 300 characters"));
        auto expected = json{{"status", "rejected"}, {"reason", "the note is longer than 300 characters"}};
        CHECK(body_of(post(client, action("k1"))) == expected);
        CHECK(body_of(post(client, action("k1"))) == expected);
        CHECK(body_of(client.Get("/v1/actions/k1")) == expected);
        CHECK(gateway.performed().empty());
    }
    SECTION("a restricted account is refused once as a fault, or until unrestricted") {
        gateway.fail_next(FaultKind::restricted);
        auto once = post(client, action("k1"));
        CHECK(once->status == 403);
        CHECK(body_of(once)["error"] ==
              json{{"code", "account_restricted"}, {"message", "LinkedIn restricted this account"}});
        gateway.restrict_sender("alice");
        CHECK(error_code(post(client, action("k1"))) == "account_restricted");
        CHECK(post(client, action("k2", "connect", "bob"))->status == 200);
        gateway.unrestrict_sender("alice");
        CHECK(post(client, action("k1"))->status == 200);
        CHECK(gateway.performed_count("k1") == 1);
    }
    SECTION("a disconnected account is refused") {
        gateway.fail_next(FaultKind::disconnected);
        CHECK(error_code(post(client, action("k1"))) == "account_disconnected");
    }
}

TEST_CASE("the fake gateway's lost connections leave the client without an answer", "[transport]") {
    FakeGateway gateway(k_key);
    auto client = client_of(gateway);
    gateway.set_stall(std::chrono::seconds{5});
    client.set_read_timeout(std::chrono::milliseconds{100});

    SECTION("a reset before anything is performed") {
        gateway.fail_next(FaultKind::reset);
        auto result = post(client, action("k1"));
        CHECK_FALSE(result);
        CHECK(result.error() == httplib::Error::Read);
        CHECK(gateway.performed_count("k1") == 0);
    }
    SECTION("a timeout before anything is performed") {
        gateway.fail_next(FaultKind::timeout_before_performing);
        CHECK_FALSE(post(client, action("k1")));
        CHECK(gateway.performed_count("k1") == 0);
    }
    SECTION("a timeout after performing") {
        gateway.fail_next(FaultKind::timeout_after_performing);
        CHECK_FALSE(post(client, action("k1")));
        CHECK(gateway.performed_count("k1") == 1);
    }
    // The client connects again, and the gateway is as it was.
    CHECK(post(client, action("k1"))->status == 200);
    CHECK(gateway.performed_count("k1") == 1);
    CHECK(gateway.requests_for("k1") == 2);
}
