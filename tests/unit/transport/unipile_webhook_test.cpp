// Unipile's webhook bodies, in the shapes its documentation gives, read into the engine's events.
#include <catch2/catch.hpp>

#include "transport/unipile_webhook.hpp"
#include "transport/wire_fields.hpp"

namespace {

using namespace campaign;

core::GatewaySettings settings() {
    core::GatewaySettings result;
    result.profile = core::WireProfile::unipile;
    result.accounts = {{"alice", "dfXlh46vQYCsMbVarumWlg"}};
    return result;
}

// A message from Kim to Alice's account, as Unipile's new-messages webhook posts it; `sender` replaces the sender.
std::string message_webhook(const std::string& sender = R"({
        "attendee_id": "C8zaRZTlVcmfnke_Vai4Gg",
        "attendee_name": "Kim Doe",
        "attendee_provider_id": "ACoAAKimKimKim",
        "attendee_profile_url": "https://www.linkedin.com/in/kim-doe/"
    })") {
    return R"({
      "account_id": "dfXlh46vQYCsMbVarumWlg",
      "account_type": "LINKEDIN",
      "account_info": {"type": "LINKEDIN", "feature": "classic", "user_id": "ACoAAAliceAlice"},
      "event": "message_received",
      "chat_id": "R8J-xM9WX7eoHLp6gSVtWQ",
      "timestamp": "2026-12-02T16:40:07.965Z",
      "webhook_name": "campaign",
      "message_id": "ykmhfXlRW0W_cqReJYrfBw",
      "message": "Thanks, happy to talk next week",
      "sender": )" +
           sender + R"(,
      "attendees": [],
      "is_sender": false
    })";
}

std::vector<core::Event> events_of(const std::string& body, const core::GatewaySettings& with = settings()) {
    std::string error;
    auto events = transport::parse_unipile_webhook(body, with, error);
    INFO(error);
    REQUIRE(events);
    return *events;
}

std::string error_of(const std::string& body) {
    std::string error;
    CHECK_FALSE(transport::parse_unipile_webhook(body, settings(), error));
    return error;
}

} // namespace

TEST_CASE("unipile webhook: a message from a prospect is a reply", "[transport]") {
    auto events = events_of(message_webhook());

    REQUIRE(events.size() == 1);
    CHECK(events[0].id == "ykmhfXlRW0W_cqReJYrfBw");
    CHECK(events[0].type == core::EventType::replied);
    CHECK(events[0].sender == "alice");
    CHECK(events[0].profile_url == "https://www.linkedin.com/in/kim-doe");
    CHECK(events[0].at == *core::parse_utc("2026-12-02T16:40:07Z"));
    CHECK(events[0].text == "Thanks, happy to talk next week");

    SECTION("an account without an entry is its own sender") {
        auto other = settings();
        other.accounts.clear();
        CHECK(events_of(message_webhook(), other)[0].sender == "dfXlh46vQYCsMbVarumWlg");
    }
    SECTION("a public identifier wins over the URL, which may carry the member id") {
        auto body = message_webhook(R"({"attendee_provider_id": "ACoAAKim",
            "attendee_profile_url": "https://www.linkedin.com/in/ACoAAKim", "attendee_public_identifier": "kim-doe"})");
        CHECK(events_of(body)[0].profile_url == "https://www.linkedin.com/in/kim-doe");
        CHECK(events_of(body)[0].member_id == "ACoAAKim");
    }
}

TEST_CASE("unipile webhook: a reply from someone named by member id alone carries the id as written", "[transport]") {
    SECTION("Unipile's documented shape: the member id, and a URL of it") {
        auto events = events_of(message_webhook(R"({
            "attendee_id": "C8zaRZTlVcmfnke_Vai4Gg",
            "attendee_name": "Kim Unipile",
            "attendee_provider_id": "ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E",
            "attendee_profile_url": "https://www.linkedin.com/in/ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E/"
        })"));
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == core::EventType::replied);
        CHECK(events[0].member_id == "ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E");
        CHECK(events[0].profile_url == "https://www.linkedin.com/in/ACoAAAcDMMQBODyLwZrRcgYhrkCafURGqva0U4E");
    }
    SECTION("the member id alone") {
        auto events = events_of(message_webhook(R"({"attendee_provider_id": "ACoAAKimKimKim"})"));
        REQUIRE(events.size() == 1);
        CHECK(events[0].member_id == "ACoAAKimKimKim");
    }
    SECTION("a URL of the member id alone") {
        auto events =
            events_of(message_webhook(R"({"attendee_profile_url": "https://www.linkedin.com/in/ACwAAKimKimKim"})"));
        REQUIRE(events.size() == 1);
        CHECK(events[0].member_id == "ACwAAKimKimKim");
    }
    SECTION("a public profile URL has no member id in it") {
        auto events = events_of(message_webhook(R"({"attendee_profile_url": "https://www.linkedin.com/in/kim-doe/"})"));
        CHECK(events[0].member_id.empty());
        CHECK(events[0].profile_url == "https://www.linkedin.com/in/kim-doe");
    }
}

TEST_CASE("unipile webhook: the account's own messages are not replies", "[transport]") {
    SECTION("by is_sender") {
        auto body = message_webhook();
        body.replace(body.find(R"("is_sender": false)"), 18, R"("is_sender": true )");
        CHECK(events_of(body).empty());
    }
    SECTION("by the account's own member id") {
        CHECK(events_of(message_webhook(R"({"attendee_provider_id": "ACoAAAliceAlice",
            "attendee_profile_url": "https://www.linkedin.com/in/alice"})"))
                  .empty());
    }
}

TEST_CASE("unipile webhook: a new relation is an accepted invitation", "[transport]") {
    auto events = events_of(R"({
      "event": "new_relation",
      "account_id": "dfXlh46vQYCsMbVarumWlg",
      "account_type": "LINKEDIN",
      "webhook_name": "campaign",
      "user_full_name": "Jane Doe",
      "user_provider_id": "ACoAAJaneJane",
      "user_public_identifier": "jane-doe",
      "user_profile_url": "https://www.linkedin.com/in/jane-doe/",
      "user_picture_url": "https://media.licdn.com/x.jpg"
    })");

    REQUIRE(events.size() == 1);
    CHECK(events[0].id == "new_relation:dfXlh46vQYCsMbVarumWlg:ACoAAJaneJane");
    CHECK(events[0].type == core::EventType::accepted);
    CHECK(events[0].sender == "alice");
    CHECK(events[0].profile_url == "https://www.linkedin.com/in/jane-doe");
    CHECK(events[0].at == core::Timestamp{}); // Unipile tells no time: the receiver stamps it
    CHECK(events[0].member_id == "ACoAAJaneJane");

    SECTION("named by member id alone") {
        auto only = events_of(R"({"event": "new_relation", "account_id": "dfXlh46vQYCsMbVarumWlg",
            "user_provider_id": "ACoAAJaneJane"})");
        REQUIRE(only.size() == 1);
        CHECK(only[0].member_id == "ACoAAJaneJane");
        CHECK(only[0].profile_url == "https://www.linkedin.com/in/ACoAAJaneJane");
    }
}

TEST_CASE("unipile webhook: an account that must be connected again pauses its sender", "[transport]") {
    auto status = [](const std::string& message) {
        return R"({"AccountStatus": {"account_id": "dfXlh46vQYCsMbVarumWlg", "account_type": "LINKEDIN",
                   "message": ")" +
               message + R"("}})";
    };
    auto events = events_of(status("CREDENTIALS"));

    REQUIRE(events.size() == 1);
    CHECK(events[0].id == "account_status:dfXlh46vQYCsMbVarumWlg:CREDENTIALS");
    CHECK(events[0].type == core::EventType::restricted);
    CHECK(events[0].sender == "alice");
    CHECK(events[0].profile_url.empty());
    CHECK(events[0].text == "Unipile reports the account CREDENTIALS: its LinkedIn session is gone (expired, ended "
                            "by the member, or restricted by LinkedIn): connect the account again in Unipile");
    CHECK(events_of(status("DELETED")).size() == 1);
    CHECK(events_of(status("OK")).empty());
    CHECK(events_of(status("SYNC_SUCCESS")).empty());
    CHECK(events_of(status("CONNECTING")).empty());
    CHECK(events_of(status("ERROR")).empty());

    SECTION("PERMISSIONS: Unipile lacks a permission on the account") {
        auto permissions = events_of(status("PERMISSIONS"));
        REQUIRE(permissions.size() == 1);
        CHECK(permissions[0].id == "account_status:dfXlh46vQYCsMbVarumWlg:PERMISSIONS");
        CHECK(permissions[0].type == core::EventType::restricted);
        CHECK(permissions[0].sender == "alice");
        CHECK(permissions[0].text == "Unipile reports the account PERMISSIONS: Unipile lacks a permission it needs on "
                                     "the account: connect the account again in Unipile and grant what it asks for");
    }
}

TEST_CASE("unipile webhook: kinds the engine has no use for are accepted and give nothing", "[transport]") {
    CHECK(events_of(R"({"event": "message_reaction", "account_id": "a", "message_id": "m"})").empty());
    CHECK(events_of(R"({"event": "mail_received", "account_id": "a"})").empty());
    auto whatsapp = message_webhook();
    whatsapp.replace(whatsapp.find(R"("account_type": "LINKEDIN")"), 26, R"("account_type": "WHATSAPP")");
    CHECK(events_of(whatsapp).empty());
}

TEST_CASE("unipile webhook: a body that is not Unipile's says what is wrong", "[transport]") {
    CHECK(error_of("not json") == "the body is not a JSON object");
    CHECK(error_of("[1, 2]") == "the body is not a JSON object");
    CHECK(error_of(R"({"id": "ev-1"})") == "the body has neither 'event' nor 'AccountStatus': not a Unipile webhook");
    CHECK(error_of(R"({"event": "message_received", "account_id": "a"})") ==
          "a 'message_received' webhook without 'message_id'");
    CHECK(error_of(R"({"event": "message_received", "message_id": "m"})") ==
          "a 'message_received' webhook without 'account_id'");
    CHECK(error_of(R"({"event": "message_received", "account_id": "a", "message_id": "m"})") ==
          "message 'm' has no 'sender'");
    CHECK(error_of(message_webhook(R"({"attendee_name": "Kim Doe"})")) ==
          "message 'ykmhfXlRW0W_cqReJYrfBw': the sender has no 'attendee_provider_id', 'attendee_public_identifier' or "
          "'attendee_profile_url'");
    auto late = message_webhook();
    late.replace(late.find("2026-12-02T16:40:07.965Z"), 24, "yesterday at noon");
    CHECK(error_of(late) == "message 'ykmhfXlRW0W_cqReJYrfBw': 'timestamp' is not a time like "
                            "2023-09-24T13:49:07.965Z");
    CHECK(error_of(R"({"event": "new_relation", "account_id": "a"})") ==
          "a 'new_relation' webhook without 'user_provider_id'");
    CHECK(error_of(R"({"AccountStatus": {"account_id": "a"}})") == "a 'AccountStatus' webhook without 'message'");
    CHECK(error_of(R"({"AccountStatus": "CREDENTIALS"})") == "'AccountStatus' is not an object");
}

TEST_CASE("unipile webhook: Unipile's times and LinkedIn's profile URLs", "[transport]") {
    CHECK(transport::parse_unipile_time("2023-09-24T13:49:07.965Z") == core::parse_utc("2023-09-24T13:49:07Z"));
    CHECK(transport::parse_unipile_time("2023-09-24T13:49:07Z") == core::parse_utc("2023-09-24T13:49:07Z"));
    CHECK_FALSE(transport::parse_unipile_time("2023-09-24T13:49:07.Z"));
    CHECK_FALSE(transport::parse_unipile_time("2023-09-24T13:49:07.9x5Z"));
    CHECK(transport::linkedin_public_id("https://www.linkedin.com/in/jane-doe/?trk=x") == "jane-doe");
    CHECK(transport::linkedin_public_id("https://www.linkedin.com/company/acme").empty());
    CHECK(transport::linkedin_member_id("https://www.linkedin.com/in/ACoAAB3dF/?trk=x") == "ACoAAB3dF");
    CHECK(transport::linkedin_member_id("https://www.linkedin.com/in/acoaab3df").empty());
    CHECK(transport::linkedin_member_id("https://www.linkedin.com/in/jane-doe").empty());
}
