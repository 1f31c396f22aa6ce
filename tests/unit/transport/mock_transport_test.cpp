// The mock transport as the engine meets it: outcomes that depend only on the seed and the action, a gateway that
// de-duplicates by idempotency key, transient failures, events in time order, and withdrawals.
#include <catch2/catch.hpp>

#include "unit/transport/mock_fixture.hpp"

using namespace campaign;
using namespace campaign::test;
using core::ActionType;
using std::chrono::hours;
using std::chrono::minutes;
using transport::LookupStatus;
using transport::MockTransport;
using transport::SendStatus;

namespace {

// Sends each action until the transport performs it, and returns every event it sets off.
std::vector<std::string> play(MockTransport& mock, const std::vector<transport::Outbound>& actions) {
    for (const auto& outbound : actions) {
        for (int attempt = 1; mock.send(outbound).status != SendStatus::sent; ++attempt) {
            REQUIRE(attempt < 50);
        }
    }
    return describe(mock.poll(k_far_future));
}

std::vector<transport::Outbound> mixed_actions(int count) {
    std::vector<transport::Outbound> actions;
    for (int i = 0; i < count; ++i) {
        auto type = i % 2 == 0 ? ActionType::connect : ActionType::message;
        actions.push_back(action("q4:" + std::to_string(i) + ":step", type, prospect(i), k_start + minutes{i}));
    }
    return actions;
}

} // namespace

TEST_CASE("the same seed and actions give the same events, whatever order the actions come in", "[transport]") {
    auto actions = mixed_actions(400);
    MockTransport forward(model(0.5, 0.5, 0.3, 0.2), 42);
    auto first = play(forward, actions);
    std::reverse(actions.begin(), actions.end());
    MockTransport backward(model(0.5, 0.5, 0.3, 0.2), 42);
    auto second = play(backward, actions);

    CHECK(first.size() > 100);
    CHECK(first == second);
    for (const auto& outbound : actions) {
        CHECK(forward.lookup(outbound.idempotency_key).result.response ==
              backward.lookup(outbound.idempotency_key).result.response);
    }
}

TEST_CASE("another seed gives other events", "[transport]") {
    auto actions = mixed_actions(200);
    MockTransport one(model(0.5, 0.5), 1);
    MockTransport two(model(0.5, 0.5), 2);
    CHECK(play(one, actions) != play(two, actions));
}

TEST_CASE("an event names its action, sender and prospect, and its id is stable", "[transport]") {
    MockTransport mock(model(1.0, 1.0), 7);
    REQUIRE(mock.send(action("q4:1:invite", ActionType::connect, prospect(1))).status == SendStatus::sent);
    REQUIRE(mock.send(action("q4:2:thanks", ActionType::inmail, prospect(2), k_start, "bob")).status ==
            SendStatus::sent);
    auto events = mock.poll(k_far_future);
    REQUIRE(events.size() == 2);
    std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    CHECK(events[0].id == "mock:q4:1:invite:accepted");
    CHECK(events[0].type == core::EventType::accepted);
    CHECK(events[0].sender == "alice");
    CHECK(events[0].profile_url == "https://linkedin.com/in/p1");
    CHECK(events[0].idempotency_key == "q4:1:invite");
    CHECK(events[0].text.empty());
    CHECK(events[0].at > k_start);
    CHECK(events[1].id == "mock:q4:2:thanks:replied");
    CHECK(events[1].type == core::EventType::replied);
    CHECK(events[1].sender == "bob");
    CHECK_FALSE(events[1].text.empty());
}

TEST_CASE("actions that get no answer are sent and set off nothing", "[transport]") {
    MockTransport mock(model(1.0, 1.0), 7);
    int number = 0;
    for (auto type : {ActionType::view_profile, ActionType::follow, ActionType::like_post, ActionType::endorse,
                      ActionType::withdraw_invite}) {
        auto result = mock.send(action("key" + std::to_string(number), type, prospect(number)));
        ++number;
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response.starts_with(R"({"status":"sent","id":"mock-)"));
    }
    CHECK(mock.poll(k_far_future).empty());
    CHECK_FALSE(mock.next_event_at());
}

TEST_CASE("a send that fails for a moment is retried a few minutes later and then succeeds", "[transport]") {
    MockTransport always(model(1.0, 1.0, 0.0, 1.0), 3);
    auto outbound = action("q4:1:invite", ActionType::connect, prospect(1));
    auto first = always.send(outbound);
    CHECK(first.status == SendStatus::retry_later);
    CHECK(first.error == "simulated transient failure (attempt 1)");
    REQUIRE(first.retry_at);
    CHECK(*first.retry_at >= k_start + minutes{5});
    CHECK(*first.retry_at <= k_start + minutes{30});
    CHECK(always.send(outbound).error == "simulated transient failure (attempt 2)");
    CHECK(always.lookup("q4:1:invite").status == LookupStatus::not_performed);

    MockTransport sometimes(model(1.0, 1.0, 0.0, 0.5), 3);
    int key = 0;
    while (sometimes.send(action(std::to_string(key), ActionType::connect, prospect(key))).status == SendStatus::sent) {
        ++key;
    }
    auto retried = action(std::to_string(key), ActionType::connect, prospect(key));
    CHECK(sometimes.lookup(retried.idempotency_key).status == LookupStatus::not_performed);
    for (int attempt = 2; sometimes.send(retried).status == SendStatus::retry_later; ++attempt) {
        REQUIRE(attempt < 50);
    }
    CHECK(sometimes.lookup(retried.idempotency_key).status == LookupStatus::performed);
}

TEST_CASE("a second send of a performed action answers as the first and sets off nothing new", "[transport]") {
    MockTransport mock(model(1.0, 1.0), 11);
    auto outbound = action("q4:1:invite", ActionType::connect, prospect(1));
    auto first = mock.send(outbound);
    auto second = mock.send(outbound);
    CHECK(second.status == SendStatus::sent);
    CHECK(second.response == first.response);
    CHECK(mock.poll(k_far_future).size() == 1);
    mock.send(outbound);
    CHECK(mock.poll(k_far_future).empty());
}

TEST_CASE("lookup knows the actions performed and no others", "[transport]") {
    MockTransport mock(model(0.5, 0.5), 5);
    CHECK(mock.lookup("never-sent").status == LookupStatus::not_performed);
    auto result = mock.send(action("q4:1:look", ActionType::view_profile, prospect(1)));
    auto lookup = mock.lookup("q4:1:look");
    CHECK(lookup.status == LookupStatus::performed);
    CHECK(lookup.result.status == SendStatus::sent);
    CHECK(lookup.result.response == result.response);
}

TEST_CASE("poll returns the due events once, in time order, and next_event_at the next one", "[transport]") {
    MockTransport mock(model(1.0, 1.0), 9);
    CHECK_FALSE(mock.next_event_at());
    for (int i = 0; i < 30; ++i) {
        mock.send(action("k" + std::to_string(i), ActionType::connect, prospect(i), k_start + hours{i}));
    }
    auto next = mock.next_event_at();
    REQUIRE(next);
    CHECK(mock.poll(*next - std::chrono::seconds{1}).empty());

    auto middle = k_start + hours{40};
    auto early = mock.poll(middle);
    REQUIRE_FALSE(early.empty());
    CHECK(early.front().at == *next);
    for (std::size_t i = 1; i < early.size(); ++i) {
        CHECK(std::pair(early[i - 1].at, early[i - 1].id) < std::pair(early[i].at, early[i].id));
    }
    CHECK(early.back().at <= middle);
    CHECK(mock.poll(middle).empty());
    if (auto later = mock.next_event_at()) {
        CHECK(*later > middle);
    }
    auto rest = mock.poll(k_far_future);
    CHECK(early.size() + rest.size() == 30);
    CHECK_FALSE(mock.next_event_at());
}

TEST_CASE("a withdrawal cancels an acceptance due after it, not one before it", "[transport]") {
    MockTransport mock(model(1.0, 0.0), 13);
    mock.send(action("early", ActionType::connect, prospect(1)));
    mock.send(action("late", ActionType::connect, prospect(2)));
    // Withdrawn before its acceptance: it never happens.
    mock.send(action("w1", ActionType::withdraw_invite, prospect(1),
                     accepted_at(13, "early", prospect(1)) - std::chrono::seconds{1}));
    // Withdrawn after its acceptance: the acceptance stands, a late accept.
    mock.send(action("w2", ActionType::withdraw_invite, prospect(2),
                     accepted_at(13, "late", prospect(2)) + std::chrono::seconds{1}));
    // Another sender's withdrawal changes nothing of alice's invitation.
    mock.send(action("w3", ActionType::withdraw_invite, prospect(2), k_start, "bob"));

    auto events = mock.poll(k_far_future);
    REQUIRE(events.size() == 1);
    CHECK(events[0].id == "mock:late:accepted");
}
