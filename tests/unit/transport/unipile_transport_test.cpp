// The unipile profile against a fake Unipile on 127.0.0.1 that speaks the endpoints the transport uses, records every
// request and fails on demand, so that lost answers, rate limits and account errors can be played out for real.
#include <catch2/catch.hpp>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "support/fake_unipile.hpp"
#include "transport/unipile_transport.hpp"

namespace {

using namespace campaign;
using json = nlohmann::json;
using campaign::testing::FakeUnipile;
using campaign::testing::Trouble;
using transport::SendStatus;

const std::string k_key = "unipile-key-8f3Kq2";
const core::Timestamp k_now = *core::parse_utc("2026-12-01T09:30:00Z");

class RecordingSleeper final : public transport::Sleeper {
public:
    bool sleep_for(std::chrono::milliseconds wait) override {
        waits.push_back(wait);
        return true;
    }
    std::vector<std::chrono::milliseconds> waits;
};

core::GatewaySettings settings_for(const std::string& url) {
    core::GatewaySettings settings;
    settings.profile = core::WireProfile::unipile;
    settings.url = url;
    settings.api_key_env = "UNIPILE_KEY";
    settings.timeout = std::chrono::milliseconds{200};
    settings.attempts = 3;
    settings.backoff = std::chrono::milliseconds{2};
    settings.max_backoff = std::chrono::milliseconds{8};
    settings.accounts = {{"alice", "acc-alice"}};
    return settings;
}

transport::Outbound action(core::ActionType type, const std::string& slug, std::string text = "",
                           std::string sender = "alice") {
    transport::Outbound outbound;
    outbound.idempotency_key = "q4/" + slug + "/" + std::string(core::to_string(type));
    outbound.type = type;
    outbound.sender = std::move(sender);
    outbound.prospect.profile_url = "https://linkedin.com/in/" + slug;
    outbound.text = std::move(text);
    outbound.at = k_now;
    return outbound;
}

struct Fixture {
    FakeUnipile unipile;
    core::ManualClock clock{k_now};
    core::SeededRandom random{7};
    RecordingSleeper sleeper;
    std::vector<std::string> warnings;

    std::unique_ptr<transport::UnipileTransport> make(const std::string& url) {
        transport::GatewayHooks hooks{clock, random, sleeper, [this](const std::string& w) { warnings.push_back(w); }};
        return std::make_unique<transport::UnipileTransport>(settings_for(url), k_key, std::move(hooks));
    }
    std::unique_ptr<transport::UnipileTransport> gateway = make(unipile.url());

    transport::SendResult send(const transport::Outbound& outbound) {
        auto result = gateway->send(outbound);
        CHECK(result.error.find(k_key) == std::string::npos);
        CHECK(result.response.find(k_key) == std::string::npos);
        return result;
    }
};

} // namespace

TEST_CASE("unipile: an invitation goes to the member of the profile's public id, with the key", "[transport]") {
    Fixture f;
    auto result = f.send(action(core::ActionType::connect, "jane-doe", "Hi Jane"));

    CHECK(result.status == SendStatus::sent);
    CHECK(result.response == "invitation inv-1");
    auto requests = f.unipile.seen();
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].method == "GET");
    CHECK(requests[0].target == "/api/v1/users/jane-doe?account_id=acc-alice");
    CHECK(requests[1].target == "/api/v1/users/invite");
    CHECK(requests[1].body ==
          json{{"provider_id", "ACo-jane-doe"}, {"account_id", "acc-alice"}, {"message", "Hi Jane"}});
    for (const auto& request : requests) {
        CHECK(request.key == k_key);
    }

    SECTION("without a note, no message field") {
        f.send(action(core::ActionType::connect, "john-roe"));
        CHECK(f.unipile.seen().back().body == json{{"provider_id", "ACo-john-roe"}, {"account_id", "acc-alice"}});
    }
    SECTION("the member id is looked up once per account and profile") {
        f.send(action(core::ActionType::message, "jane-doe", "Thanks for connecting"));
        CHECK(f.unipile.seen("GET", "/api/v1/users/jane-doe").size() == 1);
    }
    SECTION("a sender without an account entry acts through the account of its own name") {
        f.send(action(core::ActionType::connect, "john-roe", "", "bob"));
        CHECK(f.unipile.seen("GET", "/api/v1/users/john-roe").front().target ==
              "/api/v1/users/john-roe?account_id=bob");
    }
}

TEST_CASE("unipile: an invitation whose answer is lost is found among the sent ones, not sent again", "[transport]") {
    Fixture f;
    auto trouble =
        GENERATE(Trouble::status_500_after, Trouble::stall_after, Trouble::reset_after, Trouble::garbled_after);
    f.unipile.fail_next("invite", trouble);

    auto result = f.send(action(core::ActionType::connect, "jane-doe", "Hi Jane"));

    CHECK(result.status == SendStatus::sent);
    CHECK(result.response.starts_with("invitation inv-1, found among what the account did after no clear answer when "
                                      "sending the invitation ("));
    CHECK(f.unipile.invitations().size() == 1);
    CHECK(f.unipile.seen("POST", "/api/v1/users/invite").size() == 1);
    CHECK(f.unipile.seen("GET", "/api/v1/users/invite/sent?account_id=acc-alice").size() == 1);
}

TEST_CASE("unipile: an invitation that certainly did not arrive is sent once more", "[transport]") {
    Fixture f;
    f.unipile.fail_next("invite", Trouble::status_500);

    SECTION("and goes") {
        auto result = f.send(action(core::ActionType::connect, "jane-doe"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response == "invitation inv-1");
        CHECK(f.unipile.invitations().size() == 1);
        CHECK(f.unipile.seen("POST", "/api/v1/users/invite").size() == 2);
    }
    SECTION("but not a third time: it waits for a later try") {
        f.unipile.fail_next("invite", Trouble::status_500);
        auto result = f.send(action(core::ActionType::connect, "jane-doe"));
        CHECK(result.status == SendStatus::retry_later);
        CHECK(result.retry_at == k_now + transport::k_unreachable_wait);
        CHECK(f.unipile.invitations().empty());
        CHECK(f.unipile.seen("POST", "/api/v1/users/invite").size() == 2);
    }
}

TEST_CASE("unipile: an invitation is in doubt when the sent ones cannot be listed", "[transport]") {
    Fixture f;
    f.unipile.fail_next("invite", Trouble::stall_after);
    f.unipile.fail_next("invitations", Trouble::status_500, 3);

    auto result = f.send(action(core::ActionType::connect, "jane-doe"));

    CHECK(result.status == SendStatus::in_doubt);
    CHECK(result.error.find(", and whether it was done cannot be told: the sent invitations could not be listed "
                            "(HTTP 500 after 3 tries); check on LinkedIn") != std::string::npos);
    CHECK(f.unipile.invitations().size() == 1);
    CHECK(f.unipile.seen("POST", "/api/v1/users/invite").size() == 1);
    CHECK(f.sleeper.waits.size() == 2); // between the three tries of the list, never before sending again
}

TEST_CASE("unipile: messages start a chat, then go into it", "[transport]") {
    Fixture f;
    auto first = f.send(action(core::ActionType::message, "jane-doe", "Hi Jane"));
    auto second = f.send(action(core::ActionType::message, "jane-doe", "Any news?"));

    CHECK(first.status == SendStatus::sent);
    CHECK(first.response == "message msg-1 in chat chat-1");
    CHECK(second.response == "message msg-2");
    auto started = f.unipile.seen("POST", "/api/v1/chats");
    REQUIRE(started.size() == 2);
    CHECK(started[0].body == json{{"account_id", "acc-alice"}, {"attendees_ids", "ACo-jane-doe"}, {"text", "Hi Jane"}});
    CHECK(started[1].target == "/api/v1/chats/chat-1/messages");
    CHECK(started[1].body == json{{"text", "Any news?"}});
}

TEST_CASE("unipile: a message whose answer is lost is found in the chat, not sent again", "[transport]") {
    Fixture f;
    SECTION("in a new chat") {
        f.unipile.fail_next("start_chat", Trouble::stall_after);
        auto result = f.send(action(core::ActionType::message, "jane-doe", "Hi Jane"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response.starts_with("message msg-1 in chat chat-1, found among what the account did after"));
        CHECK(f.unipile.messages().size() == 1);
    }
    SECTION("in a known chat") {
        f.send(action(core::ActionType::message, "jane-doe", "Hi Jane"));
        f.unipile.fail_next("send_in_chat", Trouble::reset_after);
        auto result = f.send(action(core::ActionType::message, "jane-doe", "Any news?"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response.starts_with("message msg-2 in chat chat-1, found"));
        CHECK(f.unipile.messages().size() == 2);
    }
    SECTION("the same text sent hours before is an earlier message, not this one") {
        f.unipile.add_sent_message("ACo-jane-doe", "Hi Jane", "2026-12-01T07:10:00.000Z");
        f.unipile.fail_next("start_chat", Trouble::status_500);
        auto result = f.send(action(core::ActionType::message, "jane-doe", "Hi Jane"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response == "message msg-2 in chat chat-1");
        CHECK(f.unipile.messages().size() == 2);
    }
    SECTION("a chat Unipile does not know means it did not go: sent once more") {
        f.unipile.fail_next("start_chat", Trouble::status_500);
        auto result = f.send(action(core::ActionType::message, "jane-doe", "Hi Jane"));
        CHECK(result.status == SendStatus::sent);
        CHECK(f.unipile.seen("GET", "/api/v1/chat_attendees/ACo-jane-doe/chats?account_id=acc-alice").size() == 1);
        CHECK(f.unipile.messages().size() == 1);
    }
}

TEST_CASE("unipile: an InMail starts a chat with the InMail option and its subject", "[transport]") {
    Fixture f;
    auto inmail = action(core::ActionType::inmail, "jane-doe", "Hello Jane");
    inmail.subject = "A question";
    auto result = f.send(inmail);

    CHECK(result.status == SendStatus::sent);
    auto messages = f.unipile.messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].inmail);
    CHECK(messages[0].subject == "A question");
}

TEST_CASE("unipile: Unipile's errors say what the engine does", "[transport]") {
    Fixture f;
    auto connect = action(core::ActionType::connect, "jane-doe", "Hi Jane");

    SECTION("429: the sender waits until Retry-After") {
        f.unipile.fail_next("invite", Trouble::rate_limited);
        auto result = f.send(connect);
        CHECK(result.status == SendStatus::rate_limited);
        CHECK(result.retry_at == k_now + std::chrono::seconds{120});
        CHECK(f.unipile.invitations().empty());
    }
    SECTION("a disconnected account blocks the sender") {
        f.unipile.fail_next("profile", Trouble::disconnected);
        auto result = f.send(connect);
        CHECK(result.status == SendStatus::sender_blocked);
        CHECK(result.error == "looking up profile 'jane-doe': Unipile answered HTTP 401 errors/disconnected_account: "
                              "Disconnected account: The account appears to be disconnected from the provider "
                              "service.");
    }
    SECTION("a note too long is rejected with Unipile's reason") {
        f.unipile.fail_next("invite", Trouble::too_many_characters);
        auto result = f.send(connect);
        CHECK(result.status == SendStatus::rejected);
        CHECK(result.error == "sending the invitation: Unipile answered HTTP 400 errors/too_many_characters: Too many "
                              "characters: The provided content exceeds the character limit.");
    }
    SECTION("the account's weekly limit holds the sender's invitations, for the engine's cooldown") {
        f.unipile.fail_next("invite", Trouble::limit_exceeded);
        auto result = f.send(connect);
        CHECK(result.status == SendStatus::limit_reached);
        CHECK_FALSE(result.retry_at);
    }
    SECTION("an unknown profile is rejected") {
        auto result = f.send(action(core::ActionType::connect, "nobody"));
        CHECK(result.status == SendStatus::rejected);
        CHECK(result.error == "looking up profile 'nobody': Unipile answered HTTP 404 errors/resource_not_found: User "
                              "not found");
    }
    SECTION("a URL without a public id is rejected before any request") {
        auto odd = connect;
        odd.prospect.profile_url = "https://linkedin.com/company/acme";
        auto result = f.send(odd);
        CHECK(result.status == SendStatus::rejected);
        CHECK(f.unipile.seen().empty());
    }
    SECTION("the key never shows in what the transport says") {
        f.unipile.fail_next("invite", Trouble::echo_key);
        auto result = f.send(connect);
        CHECK(result.status == SendStatus::rejected);
        CHECK(result.error.ends_with("Invalid parameters: bad key [redacted]"));
    }
    SECTION("Unipile out of reach: tried again later") {
        auto unreachable = f.make("http://127.0.0.1:1/api/v1");
        auto result = unreachable->send(connect);
        CHECK(result.status == SendStatus::retry_later);
        CHECK(result.retry_at == k_now + transport::k_unreachable_wait);
        CHECK(f.sleeper.waits.size() == 2);
    }
}

TEST_CASE("unipile: a visit, a withdrawal, and what Unipile cannot do", "[transport]") {
    Fixture f;
    SECTION("a visit reads the profile with notify=true") {
        auto result = f.send(action(core::ActionType::view_profile, "jane-doe"));
        CHECK(result.status == SendStatus::sent);
        CHECK(f.unipile.seen().back().target == "/api/v1/users/jane-doe?account_id=acc-alice&notify=true");
    }
    SECTION("a withdrawal cancels the pending invitation by its id") {
        f.send(action(core::ActionType::connect, "jane-doe"));
        auto result = f.send(action(core::ActionType::withdraw_invite, "jane-doe"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response == "invitation inv-1 withdrawn");
        CHECK(f.unipile.seen("DELETE", "/api/v1/users/invite/sent/inv-1?account_id=acc-alice").size() == 1);
        CHECK(f.unipile.invitations().empty());
    }
    SECTION("a withdrawal whose answer is lost is done when nothing is pending any more") {
        f.send(action(core::ActionType::connect, "jane-doe"));
        f.unipile.fail_next("withdraw", Trouble::stall_after);
        auto result = f.send(action(core::ActionType::withdraw_invite, "jane-doe"));
        CHECK(result.status == SendStatus::sent);
        CHECK(result.response.starts_with("no invitation pending any more, found among what the account did"));
        CHECK(f.unipile.seen("DELETE", "/api/v1/users/invite/sent/").size() == 1);
    }
    SECTION("nothing pending to withdraw is rejected") {
        auto result = f.send(action(core::ActionType::withdraw_invite, "jane-doe"));
        CHECK(result.status == SendStatus::rejected);
        CHECK(result.error == "no invitation to 'jane-doe' is pending: it was accepted, declined or withdrawn already");
    }
    SECTION("follow, like and endorse are refused without a request") {
        CHECK(f.send(action(core::ActionType::follow, "jane-doe")).error ==
              "'follow' is not offered by the unipile profile: Unipile's API v1 documents no way to follow a member");
        CHECK(f.send(action(core::ActionType::like_post, "jane-doe")).status == SendStatus::rejected);
        CHECK(f.send(action(core::ActionType::endorse, "jane-doe")).status == SendStatus::rejected);
        CHECK(f.unipile.seen().empty());
    }
    SECTION("events come by webhook: nothing to poll, no SSI") {
        CHECK(f.gateway->poll(k_now).empty());
        CHECK_FALSE(f.gateway->next_event_at());
        CHECK_FALSE(f.gateway->fetch_ssi("alice"));
        CHECK(f.gateway->name() == "http");
    }
}

TEST_CASE("unipile: after a crash, an action is looked for among what was sent", "[transport]") {
    Fixture f;
    auto connect = action(core::ActionType::connect, "jane-doe", "Hi Jane");
    auto message = action(core::ActionType::message, "jane-doe", "Hi Jane");

    SECTION("an invitation that went") {
        f.send(connect);
        auto restarted = f.make(f.unipile.url());
        auto found = restarted->lookup(connect);
        CHECK(found.status == transport::LookupStatus::performed);
        CHECK(found.result.status == SendStatus::sent);
        CHECK(found.result.response == "invitation inv-1 (found among what the account sent)");
    }
    SECTION("a message that went") {
        f.send(message);
        CHECK(f.make(f.unipile.url())->lookup(message).status == transport::LookupStatus::performed);
    }
    SECTION("what did not go") {
        CHECK(f.gateway->lookup(connect).status == transport::LookupStatus::not_performed);
        CHECK(f.gateway->lookup(message).status == transport::LookupStatus::not_performed);
        CHECK(f.unipile.invitations().empty());
    }
    SECTION("cannot tell, and says why") {
        f.unipile.fail_next("invitations", Trouble::status_500, 3);
        CHECK(f.gateway->lookup(connect).status == transport::LookupStatus::unknown);
        REQUIRE(f.warnings.size() == 1);
        CHECK(f.warnings[0] == "cannot tell whether action q4/jane-doe/connect was performed: the sent invitations "
                               "could not be listed (HTTP 500 after 3 tries)");
    }
}

TEST_CASE("unipile: the member id the profile answered comes back with every result", "[transport]") {
    Fixture f;
    f.unipile.set_member_id("jane-doe", "ACoAAB3dFgHiJkLmNoP");
    SECTION("a visit") {
        CHECK(f.send(action(core::ActionType::view_profile, "jane-doe")).member_id == "ACoAAB3dFgHiJkLmNoP");
    }
    SECTION("an invitation, then a message that needs no lookup") {
        CHECK(f.send(action(core::ActionType::connect, "jane-doe")).member_id == "ACoAAB3dFgHiJkLmNoP");
        CHECK(f.send(action(core::ActionType::message, "jane-doe", "Thanks")).member_id == "ACoAAB3dFgHiJkLmNoP");
        CHECK(f.unipile.seen("GET", "/api/v1/users/jane-doe").size() == 1);
    }
    SECTION("an action that fails: the member is known all the same") {
        f.unipile.fail_next("invite", Trouble::too_many_characters);
        auto result = f.send(action(core::ActionType::connect, "jane-doe", "Hi"));
        CHECK(result.status == SendStatus::rejected);
        CHECK(result.member_id == "ACoAAB3dFgHiJkLmNoP");
    }
    SECTION("after a crash, the lookup") {
        f.send(action(core::ActionType::connect, "jane-doe"));
        auto found = f.make(f.unipile.url())->lookup(action(core::ActionType::connect, "jane-doe"));
        CHECK(found.status == transport::LookupStatus::performed);
        CHECK(found.result.member_id == "ACoAAB3dFgHiJkLmNoP");
    }
    SECTION("no member for a profile LinkedIn does not know, nor for what Unipile cannot do") {
        CHECK(f.send(action(core::ActionType::connect, "nobody")).member_id.empty());
        CHECK(f.send(action(core::ActionType::follow, "jane-doe")).member_id.empty());
    }
}
