// The engine profile against a real HTTP gateway on 127.0.0.1 that fails on demand: every action performed once
// whatever is lost on the way, rate limits and restrictions told apart from failures, the key only in its header,
// and events paged after a cursor that is safe to save.
#include <catch2/catch.hpp>

#include "support/fake_gateway.hpp"
#include "transport/engine_transport.hpp"
#include "unit/transport/gateway_fixture.hpp"

using namespace campaign;
using campaign::testing::FakeGateway;
using campaign::testing::Fault;
using campaign::testing::FaultKind;
using transport::LookupStatus;
using transport::SendStatus;

namespace {

const std::string k_key = "sk_test_3a7Bf19Qz";

transport::Outbound invitation(const std::string& key = "q4/1/invite", const std::string& sender = "alice") {
    transport::Outbound action;
    action.idempotency_key = key;
    action.type = core::ActionType::connect;
    action.sender = sender;
    action.prospect.profile_url = "https://www.linkedin.com/in/jane-doe";
    action.prospect.first_name = "Jane";
    action.prospect.company = "Acme";
    action.text = "Hi Jane, glad to connect";
    action.at = core::Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}} + std::chrono::hours{9};
    return action;
}

struct Setup {
    FakeGateway gateway{k_key};
    test::GatewayFixture fixture{gateway.url()};
    std::unique_ptr<transport::EngineTransport> transport;

    Setup() { reset(); }
    void reset() { transport = std::make_unique<transport::EngineTransport>(fixture.settings, k_key, fixture.hooks()); }
};

} // namespace

TEST_CASE("an action goes out once, with its key in a header and the sender's account", "[transport]") {
    Setup setup;
    setup.fixture.settings.accounts["alice"] = "acct-7";
    setup.reset();
    auto result = setup.transport->send(invitation());
    CHECK(result.status == SendStatus::sent);
    CHECK(result.response == "sent gw-1");
    REQUIRE(setup.gateway.performed().size() == 1);
    auto performed = setup.gateway.performed().front();
    CHECK(performed.type == "connect");
    CHECK(performed.sender == "alice");
    CHECK(performed.account == "acct-7");
    CHECK(performed.profile_url == "https://www.linkedin.com/in/jane-doe");
    CHECK(performed.text == "Hi Jane, glad to connect");
    CHECK(performed.at == "2026-12-01T09:00:00Z");
    auto request = setup.gateway.requests().front();
    CHECK(request.headers.find("Idempotency-Key")->second == "q4/1/invite");
    CHECK(request.headers.find("Authorization")->second == "Bearer " + k_key);
}

TEST_CASE("a lost answer is asked again under the same key, and the gateway acts once", "[transport]") {
    Setup setup;
    setup.gateway.set_stall(std::chrono::milliseconds{900});
    auto fault =
        GENERATE(FaultKind::status_500, FaultKind::status_500_after_performing, FaultKind::reset,
                 FaultKind::timeout_before_performing, FaultKind::timeout_after_performing, FaultKind::malformed_json);
    CAPTURE(static_cast<int>(fault));
    setup.gateway.fail_next(fault, 1, "/v1/actions");
    auto result = setup.transport->send(invitation());
    CHECK(result.status == SendStatus::sent);
    CHECK(setup.gateway.performed_count("q4/1/invite") == 1);
    CHECK(setup.gateway.requests_for("q4/1/invite") == 2);
    CHECK(setup.fixture.sleeper.waits.size() == 1);
}

TEST_CASE("the waits between tries double, with jitter, and the tries are bounded", "[transport]") {
    Setup setup;
    setup.gateway.fail_next(FaultKind::status_500, 10);
    auto result = setup.transport->send(invitation());
    CHECK(result.status == SendStatus::unreachable);
    CHECK(result.error == "cannot reach the gateway at " + setup.gateway.url() + ": HTTP 500 after 3 tries");
    CHECK(result.retry_at == setup.fixture.clock.now() + transport::k_unreachable_wait);
    CHECK(setup.gateway.requests_for("q4/1/invite") == 3);
    REQUIRE(setup.fixture.sleeper.waits.size() == 2);
    auto first = setup.fixture.sleeper.waits[0].count();
    auto second = setup.fixture.sleeper.waits[1].count();
    CHECK((first >= 50 && first <= 100));
    CHECK((second >= 100 && second <= 200));
    CHECK(setup.gateway.performed().empty());
}

TEST_CASE("a limit of the account holds the action's type, for the engine's cooldown without Retry-After",
          "[transport]") {
    Setup setup;
    setup.gateway.limit_invitations("alice");
    auto limited = setup.transport->send(invitation());
    CHECK(limited.status == SendStatus::limit_reached);
    CHECK_FALSE(limited.retry_at);
    CHECK(limited.error == "gateway answered HTTP 429 limit_reached: the account reached its weekly invitation limit");
    CHECK(setup.gateway.requests_for("q4/1/invite") == 1); // not retried on the spot
    CHECK(setup.gateway.performed().empty());
}

TEST_CASE("a rate limit holds the sender until Retry-After, in seconds or as a date", "[transport]") {
    Setup setup;
    auto now = setup.fixture.clock.now();
    setup.gateway.fail_next(Fault::too_many_requests(std::chrono::seconds{120}));
    auto limited = setup.transport->send(invitation());
    CHECK(limited.status == SendStatus::rate_limited);
    CHECK(limited.retry_at == now + std::chrono::seconds{120});
    CHECK(limited.error == "gateway answered HTTP 429 rate_limited: too many requests for this account");
    CHECK(setup.gateway.requests_for("q4/1/invite") == 1); // not retried on the spot
    CHECK(setup.fixture.sleeper.waits.empty());

    setup.gateway.fail_next(Fault::too_many_requests(std::string("Tue, 01 Dec 2026 10:30:00 GMT")));
    CHECK(setup.transport->send(invitation()).retry_at == now + std::chrono::minutes{90});
    setup.gateway.fail_next(Fault::too_many_requests(std::string()));
    CHECK(setup.transport->send(invitation()).retry_at == now + transport::k_default_rate_limit_wait);
    CHECK(setup.transport->send(invitation()).status == SendStatus::sent);
    CHECK(setup.gateway.performed_count("q4/1/invite") == 1);
}

TEST_CASE("a restricted or disconnected account blocks the sender, and other refusals fail the action", "[transport]") {
    Setup setup;
    setup.gateway.restrict_sender("alice");
    auto blocked = setup.transport->send(invitation());
    CHECK(blocked.status == SendStatus::sender_blocked);
    CHECK(blocked.error == "gateway answered HTTP 403 account_restricted: LinkedIn restricted this account");
    CHECK(setup.transport->send(invitation("q4/2/invite", "bob")).status == SendStatus::sent);

    setup.gateway.fail_next(FaultKind::disconnected);
    CHECK(setup.transport->send(invitation("q4/3/invite", "bob")).status == SendStatus::sender_blocked);

    setup.gateway.fail_next(Fault::rejected("the note is longer than 300 characters"));
    auto rejected = setup.transport->send(invitation("q4/4/invite", "bob"));
    CHECK(rejected.status == SendStatus::rejected);
    CHECK(rejected.error == "gateway rejected it: the note is longer than 300 characters");
    CHECK(setup.gateway.performed().size() == 1);
}

TEST_CASE("the key shows only in its header, never in what the transport says", "[transport]") {
    test::GatewayFixture fixture("http://127.0.0.1:1/v1"); // nothing listens there
    transport::EngineTransport transport(fixture.settings, k_key, fixture.hooks());
    auto result = transport.send(invitation());
    CHECK(result.status == SendStatus::unreachable);
    CHECK(result.error.starts_with("cannot reach the gateway at http://127.0.0.1:1/v1: "));
    CHECK(result.error.find("after 3 tries") != std::string::npos);
    CHECK(result.error.find(k_key) == std::string::npos);
    auto lookup = transport.lookup(invitation());
    CHECK(lookup.status == LookupStatus::unreachable);
    CHECK(lookup.result.error.find(k_key) == std::string::npos);
    for (const auto& warning : fixture.warnings) {
        CHECK(warning.find(k_key) == std::string::npos);
    }

    transport::CurlClient client(fixture.settings, "Authorization", "Bearer " + k_key);
    CHECK(client.redact("refused: Bearer " + k_key + " twice " + k_key) == "refused: [redacted] twice [redacted]");
}

TEST_CASE("a lookup tells performed from never received from cannot be asked", "[transport]") {
    Setup setup;
    setup.transport->send(invitation());
    auto found = setup.transport->lookup(invitation());
    CHECK(found.status == LookupStatus::performed);
    CHECK(found.result.status == SendStatus::sent);
    CHECK(setup.transport->lookup(invitation("q4/9/invite")).status == LookupStatus::not_performed);
    setup.gateway.fail_next(FaultKind::status_500, 5, "/v1/actions/");
    CHECK(setup.transport->lookup(invitation()).status == LookupStatus::unreachable);
    CHECK(setup.gateway.performed_count("q4/1/invite") == 1);
    CHECK(setup.gateway.lookups_for("q4/9/invite") == 1);
}

TEST_CASE("events are paged after a cursor, and a restart resumes from the saved one", "[transport]") {
    Setup setup;
    auto now = setup.fixture.clock.now();
    setup.gateway.add_event({"ev-1", "accepted", "alice", "https://www.linkedin.com/in/jane-doe",
                             "2026-12-01T08:00:00Z", "", "q4/1/invite"});
    setup.gateway.add_event({"ev-2", "replied", "alice", "https://www.linkedin.com/in/jane-doe", "2026-12-01T08:30:00Z",
                             "Happy to talk", ""});
    setup.gateway.add_event({"ev-3", "restricted", "bob", "", "2026-12-01T07:00:00Z", "", ""});
    auto events = setup.transport->poll(now);
    REQUIRE(events.size() == 3);
    CHECK(events[0].id == "ev-3"); // in the order they happened
    CHECK(events[0].type == core::EventType::restricted);
    CHECK(events[1].idempotency_key == "q4/1/invite");
    CHECK(events[2].text == "Happy to talk");
    REQUIRE(setup.transport->cursor());
    auto saved = setup.transport->cursor()->value;

    // Not asked again before the poll interval; then only what is new.
    setup.gateway.add_event(
        {"ev-4", "accepted", "alice", "https://www.linkedin.com/in/john-roe", "2026-12-01T08:45:00Z", "", ""});
    CHECK(setup.transport->poll(now + std::chrono::seconds{10}).empty());
    setup.reset();
    setup.transport->resume(saved);
    auto fresh = setup.transport->poll(now + std::chrono::minutes{1});
    REQUIRE(fresh.size() == 1);
    CHECK(fresh[0].id == "ev-4");
    CHECK(setup.gateway.request_count("/v1/events") == 2);

    // The same gateway written with a trailing slash keeps the same cursor.
    auto slashed = setup.fixture.settings;
    slashed.url += "/";
    CHECK(transport::EngineTransport(slashed, k_key, setup.fixture.hooks()).cursor_name() ==
          setup.transport->cursor_name());
}

TEST_CASE("an event dated ahead of the clock comes at once, and the cursor goes past it", "[transport]") {
    Setup setup;
    auto now = setup.fixture.clock.now();
    setup.gateway.add_event(
        {"ev-1", "accepted", "alice", "https://www.linkedin.com/in/a", "2026-12-01T08:00:00Z", "", ""});
    setup.gateway.add_event(
        {"ev-2", "accepted", "alice", "https://www.linkedin.com/in/b", "2026-12-02T10:00:00Z", "", ""});
    // The engine records it and applies it when its time comes; the transport holds nothing back.
    auto events = setup.transport->poll(now);
    REQUIRE(events.size() == 2);
    CHECK(events[1].id == "ev-2");
    CHECK(setup.transport->cursor()->value == "2");
    CHECK_FALSE(setup.transport->next_event_at());
}

TEST_CASE("a page that is not understood is tried again, then later, and a bad event in one is skipped",
          "[transport]") {
    Setup setup;
    auto now = setup.fixture.clock.now();
    for (int tries = 0; tries < setup.fixture.settings.attempts; ++tries) {
        setup.gateway.add_raw_page("<html>maintenance</html>");
    }
    setup.gateway.add_event(
        {"ev-1", "accepted", "alice", "https://www.linkedin.com/in/a", "2026-12-01T08:00:00Z", "", ""});
    CHECK(setup.transport->poll(now).empty());
    CHECK_FALSE(setup.transport->cursor());
    REQUIRE_FALSE(setup.fixture.warnings.empty());
    CHECK(setup.fixture.warnings.back().find("asking again later") != std::string::npos);
    setup.gateway.add_event(
        {"ev-2", "liked", "alice", "https://www.linkedin.com/in/a", "2026-12-01T08:10:00Z", "", ""});
    auto events = setup.transport->poll(now + std::chrono::minutes{1});
    REQUIRE(events.size() == 1);
    CHECK(events[0].id == "ev-1");
    CHECK(setup.fixture.warnings.back() ==
          "an event from the gateway was skipped: event 2 'ev-2' has an unknown type 'liked'");
}

TEST_CASE("the sender's SSI comes as LinkedIn's answer, or not at all", "[transport]") {
    Setup setup;
    setup.gateway.set_ssi("alice", R"({"memberScore":{"overall":61.5}})");
    CHECK(setup.transport->fetch_ssi("alice") == std::optional<std::string>(R"({"memberScore":{"overall":61.5}})"));
    CHECK_FALSE(setup.transport->fetch_ssi("bob"));
    CHECK(setup.fixture.warnings.empty()); // a 404 is an answer: no SSI for that sender
}

TEST_CASE("a wrong key refuses the engine, not the action", "[transport]") {
    Setup setup;
    transport::EngineTransport wrong_key(setup.fixture.settings, "not-the-key", setup.fixture.hooks());
    auto refused = wrong_key.send(invitation());
    CHECK(refused.status == SendStatus::refused);
    CHECK(refused.error.starts_with("gateway answered HTTP 401"));
    CHECK(refused.error.find("not-the-key") == std::string::npos);

    // Nor can it be asked about an action: the next run asks again, with the right key.
    auto lookup = wrong_key.lookup(invitation());
    CHECK(lookup.status == LookupStatus::unreachable);
    CHECK(lookup.result.error.find("answered HTTP 401") != std::string::npos);
    CHECK(setup.gateway.performed().empty());
}

TEST_CASE("no try of an action starts after the end of its sender's working hours", "[transport][invariant]") {
    Setup setup;
    setup.gateway.fail_next(FaultKind::status_500, 10);
    auto action = invitation();
    // The hours end within the second, before the wait for a second try is over: one try only, and the gateway held
    // for later.
    action.not_after = setup.fixture.clock.now() + std::chrono::seconds{1};
    auto result = setup.transport->send(action);
    CHECK(result.status == SendStatus::unreachable);
    CHECK(result.error.ends_with("HTTP 500, and the sender's working hours end before another"));
    CHECK(setup.gateway.requests_for("q4/1/invite") == 1);
    CHECK(setup.fixture.sleeper.waits.empty());

    // With the hours still long, the tries go on as usual.
    action.idempotency_key = "q4/2/invite";
    action.not_after = setup.fixture.clock.now() + std::chrono::hours{1};
    setup.transport->send(action);
    CHECK(setup.gateway.requests_for("q4/2/invite") == 3);
}

TEST_CASE("a page without its events list, or without a cursor for its events, keeps the cursor", "[transport]") {
    Setup setup;
    auto now = setup.fixture.clock.now();
    setup.gateway.add_event(
        {"ev-1", "accepted", "alice", "https://www.linkedin.com/in/a", "2026-12-01T08:00:00Z", "", ""});
    REQUIRE(setup.transport->poll(now).size() == 1);
    REQUIRE(setup.transport->cursor()->value == "1");
    setup.gateway.add_event(
        {"ev-2", "replied", "alice", "https://www.linkedin.com/in/b", "2026-12-01T08:10:00Z", "Happy to talk", ""});
    setup.gateway.add_event(
        {"ev-3", "replied", "alice", "https://www.linkedin.com/in/c", "2026-12-01T08:20:00Z", "Yes", ""});
    const std::string ev_2 = R"({"id": "ev-2", "type": "replied", "sender": "alice",
        "profile_url": "https://www.linkedin.com/in/b", "at": "2026-12-01T08:10:00Z", "text": "Happy to talk"})";
    auto [page, why] = GENERATE_COPY(table<std::string, std::string>({
        {R"({"cursor": "3"})", "the page has no 'events' list"},
        {R"({"events": null, "cursor": "3"})", "'events' is not a list"},
        {R"({"events": {"ev-2": {}}, "cursor": "3"})", "'events' is not a list"},
        {R"({"events": [)" + ev_2 + R"(], "more": false})", "the page has events but no 'cursor' to ask after them"},
        {R"({"events": [)" + ev_2 + R"(], "cursor": ""})", "the page has events but no 'cursor' to ask after them"},
        {R"({"events": [], "more": true})", "the page says 'more' but has no 'cursor' to ask after"},
    }));
    CAPTURE(page);
    setup.gateway.add_raw_page(page);

    CHECK(setup.transport->poll(now + std::chrono::minutes{1}).empty());
    CHECK(setup.transport->cursor()->value == "1");
    REQUIRE_FALSE(setup.fixture.warnings.empty());
    CHECK(setup.fixture.warnings.back() ==
          "the gateway's events page was not understood (" + why + "): asking again later");
    // The next poll asks after the cursor it had, and gets the events the page was for.
    auto events = setup.transport->poll(now + std::chrono::minutes{2});
    REQUIRE(events.size() == 2);
    CHECK(events[0].id == "ev-2");
    CHECK(events[1].id == "ev-3");
    CHECK(setup.transport->cursor()->value == "3");
    CHECK(setup.gateway.requests().back().target == "/v1/events?limit=100&after=1");
}

TEST_CASE("an empty page may leave its cursor out: the engine keeps the one it had", "[transport]") {
    Setup setup;
    auto now = setup.fixture.clock.now();
    setup.transport->resume("0");
    for (const auto* page : {R"({"events": []})", R"({"events": [], "cursor": null, "more": false})"}) {
        setup.gateway.add_raw_page(page);
        CHECK(setup.transport->poll(now).empty());
        CHECK(setup.transport->cursor()->value == "0");
        now += std::chrono::minutes{1};
    }
    CHECK(setup.fixture.warnings.empty());
}

TEST_CASE("a cursor the gateway no longer knows starts its events over, each applied once", "[transport]") {
    Setup setup;
    auto now = setup.fixture.clock.now();
    for (const auto* id : {"ev-1", "ev-2"}) {
        setup.gateway.add_event(
            {id, "accepted", "alice", "https://www.linkedin.com/in/a", "2026-12-01T08:00:00Z", "", ""});
    }
    SECTION("it was reset and forgot the cursors it gave") {
        REQUIRE(setup.transport->poll(now).size() == 2);
        setup.gateway.forget_cursors();
    }
    SECTION("a cursor past the events it has") {
        setup.transport->resume("7");
    }
    setup.gateway.add_event(
        {"ev-3", "accepted", "alice", "https://www.linkedin.com/in/b", "2026-12-01T08:30:00Z", "", ""});
    setup.fixture.warnings.clear();

    auto events = setup.transport->poll(now + std::chrono::minutes{1});
    REQUIRE(events.size() == 3); // ev-1 and ev-2 again, which the engine recognizes by id
    CHECK(events[2].id == "ev-3");
    REQUIRE(setup.fixture.warnings.size() == 1);
    CHECK(setup.fixture.warnings[0].ends_with("' (HTTP 410): asking for its events from the start; those recorded "
                                              "already are not applied again"));
    CHECK(setup.fixture.warnings[0].starts_with("the gateway does not know the cursor '"));
    CHECK(setup.transport->cursor()->value.ends_with("3"));
}

TEST_CASE("a Retry-After date is counted from the answer's own Date, whatever the run's clock", "[transport]") {
    Setup setup;
    auto now = setup.fixture.clock.now(); // 2026-12-01T09:00:00Z, the run's (simulated) clock
    setup.gateway.fail_next(
        Fault::too_many_requests(std::string("Mon, 03 Feb 2025 10:02:00 GMT"), "Mon, 03 Feb 2025 10:00:00 GMT"));
    auto limited = setup.transport->send(invitation());
    CHECK(limited.status == SendStatus::rate_limited);
    CHECK(limited.retry_at == now + std::chrono::minutes{2});
}

TEST_CASE("an event may name its sender by the account it acts through", "[transport]") {
    Setup setup;
    setup.fixture.settings.accounts = {{"alice", "acct-7"}, {"bob", "bob"}};
    setup.reset();
    setup.gateway.add_event(
        {"ev-1", "replied", "acct-7", "https://www.linkedin.com/in/a", "2026-12-01T08:00:00Z", "Yes", ""});
    setup.gateway.add_event({"ev-2", "restricted", "acct-7", "", "2026-12-01T08:01:00Z", "", ""});
    setup.gateway.add_event(
        {"ev-3", "replied", "alice", "https://www.linkedin.com/in/b", "2026-12-01T08:02:00Z", "Yes", ""});
    setup.gateway.add_event(
        {"ev-4", "replied", "bob", "https://www.linkedin.com/in/c", "2026-12-01T08:03:00Z", "Yes", ""});
    setup.gateway.add_event(
        {"ev-5", "replied", "carol", "https://www.linkedin.com/in/d", "2026-12-01T08:04:00Z", "Yes", ""});
    auto events = setup.transport->poll(setup.fixture.clock.now());
    REQUIRE(events.size() == 5);
    CHECK(events[0].sender == "alice");
    CHECK(events[1].sender == "alice");
    CHECK(events[2].sender == "alice");
    CHECK(events[3].sender == "bob");
    CHECK(events[4].sender == "carol"); // no sender of this gateway: left as it is, for the engine to find or not
}
