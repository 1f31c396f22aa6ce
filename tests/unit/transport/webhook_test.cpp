// What `campaign serve` checks of a webhook before it records anything: the body's signature against HMAC-SHA256
// values computed with Python's hmac module, the Unipile secret header, and that one bad event refuses the body.
#include <catch2/catch.hpp>

#include "transport/webhook.hpp"

using namespace campaign;
using core::WireProfile;
using transport::read_webhook;
using transport::secret_matches;
using transport::signature_matches;
using transport::signature_of;

namespace {

const std::string k_secret = "whsec-test-1";
const std::string k_empty_page = R"({"events": []})";
// hmac.new(b"whsec-test-1", b'{"events": []}', hashlib.sha256).hexdigest()
const std::string k_empty_page_signature = "sha256=8108195f0f3e035aa5feb66743efad25e8a3c2f0ff3cc5f019abf66498202e27";

std::string upper(std::string text) {
    for (auto& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

} // namespace

TEST_CASE("a signature is sha256= and the lower-case hex HMAC-SHA256 of the raw body", "[transport]") {
    // RFC 4231, test case 2.
    CHECK(signature_of("what do ya want for nothing?", "Jefe") ==
          "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(signature_of(k_empty_page, k_secret) == k_empty_page_signature);
    CHECK(signature_of("", k_secret) == "sha256=667c7fd91cf31fc8b482f70f384a4dbbda1c53e322ca4f9e291be49fd5019129");
    CHECK(signature_matches(k_empty_page, k_empty_page_signature, k_secret));
}

TEST_CASE("a signature of another body, under another secret or spelt otherwise does not match", "[transport]") {
    SECTION("one more space in the body") {
        // hmac.new(b"whsec-test-1", b'{"events": [] }', hashlib.sha256).hexdigest() starts 62f0527a.
        CHECK_FALSE(signature_matches(R"({"events": [] })", k_empty_page_signature, k_secret));
        CHECK(signature_matches(R"({"events": [] })",
                                "sha256=62f0527a78342a95ae002a3ec09a8cca999a2b9b97ef5bdcdc8255f8c7d4bb8b", k_secret));
    }
    SECTION("another secret, or none") {
        CHECK_FALSE(signature_matches(k_empty_page, k_empty_page_signature, "whsec-test-2"));
        CHECK_FALSE(signature_matches(k_empty_page, signature_of(k_empty_page, ""), ""));
    }
    SECTION("the hex without its prefix, or under another algorithm's") {
        auto hex = k_empty_page_signature.substr(7);
        CHECK_FALSE(signature_matches(k_empty_page, hex, k_secret));
        CHECK_FALSE(signature_matches(k_empty_page, "sha1=" + hex, k_secret));
        CHECK_FALSE(signature_matches(k_empty_page, "SHA256=" + hex, k_secret));
    }
    SECTION("upper-case hex, which the protocol does not allow") {
        CHECK_FALSE(signature_matches(k_empty_page, "sha256=" + upper(k_empty_page_signature.substr(7)), k_secret));
    }
    SECTION("cut short, padded, or empty") {
        CHECK_FALSE(signature_matches(k_empty_page, k_empty_page_signature.substr(0, 70), k_secret));
        CHECK_FALSE(signature_matches(k_empty_page, k_empty_page_signature + " ", k_secret));
        CHECK_FALSE(signature_matches(k_empty_page, "", k_secret));
    }
}

TEST_CASE("the Unipile header must be the secret itself, byte for byte", "[transport]") {
    CHECK(secret_matches(k_secret, k_secret));
    CHECK_FALSE(secret_matches("whsec-test-2", k_secret));
    CHECK_FALSE(secret_matches("whsec-test-", k_secret));
    CHECK_FALSE(secret_matches(k_secret + "1", k_secret));
    CHECK_FALSE(secret_matches(upper(k_secret), k_secret));
    CHECK_FALSE(secret_matches("", ""));
}

TEST_CASE("each profile is checked by its own header", "[transport]") {
    CHECK(transport::webhook_path(WireProfile::engine) == "/events");
    CHECK(transport::webhook_path(WireProfile::unipile) == "/unipile");
    CHECK(transport::webhook_auth_header(WireProfile::engine) == "X-Signature-256");
    CHECK(transport::webhook_auth_header(WireProfile::unipile) == "Unipile-Auth");
    CHECK(transport::webhook_is_authentic(WireProfile::engine, k_empty_page, k_empty_page_signature, k_secret));
    CHECK_FALSE(transport::webhook_is_authentic(WireProfile::engine, k_empty_page, k_secret, k_secret));
    CHECK(transport::webhook_is_authentic(WireProfile::unipile, k_empty_page, k_secret, k_secret));
    CHECK_FALSE(transport::webhook_is_authentic(WireProfile::unipile, k_empty_page, k_empty_page_signature, k_secret));
}

TEST_CASE("an engine webhook is a page or one event, and one bad event refuses the whole body", "[transport]") {
    core::GatewaySettings settings;
    const core::Timestamp k_received = *core::parse_utc("2026-12-02T15:00:00Z");
    std::string error;
    const std::string accepted = R"({"id": "ev-1", "type": "accepted", "sender": "alice",
        "profile_url": "https://www.linkedin.com/in/jane-doe", "at": "2026-12-02T14:05:00Z"})";

    SECTION("a page") {
        auto events =
            read_webhook(WireProfile::engine, R"({"events": [)" + accepted + "]}", settings, k_received, error);
        REQUIRE(events);
        REQUIRE(events->size() == 1);
        CHECK(events->front().id == "ev-1");
        CHECK(events->front().type == core::EventType::accepted);
        CHECK(read_webhook(WireProfile::engine, k_empty_page, settings, k_received, error)->empty());
    }
    SECTION("a single event") {
        auto events = read_webhook(WireProfile::engine, accepted, settings, k_received, error);
        REQUIRE(events);
        CHECK(events->front().sender == "alice");
    }
    SECTION("an unknown type next to a good event") {
        auto body = R"({"events": [)" + accepted + R"(, {"id": "ev-2", "type": "liked", "sender": "alice",
            "profile_url": "https://www.linkedin.com/in/jane-doe", "at": "2026-12-02T14:06:00Z"}]})";
        CHECK_FALSE(read_webhook(WireProfile::engine, body, settings, k_received, error));
        CHECK(error == "event 2 'ev-2' has an unknown type 'liked'");
    }
    SECTION("two bad events are both named") {
        CHECK_FALSE(
            read_webhook(WireProfile::engine, R"({"events": [{"type": "accepted"}, 7]})", settings, k_received, error));
        CHECK(error == "event 1 has no id; event 2 is not an object");
    }
    SECTION("not JSON") {
        CHECK_FALSE(read_webhook(WireProfile::engine, R"({"events": [)", settings, k_received, error));
        CHECK(error == "the body is not a JSON object");
    }
    SECTION("a page needs no cursor, and names a sender by its account or its id") {
        settings.accounts = {{"alice", "acct-7"}};
        auto by_account = accepted;
        by_account.replace(by_account.find(R"("alice")"), 7, R"("acct-7")");
        auto events = read_webhook(WireProfile::engine, R"({"events": [)" + by_account + ", " + accepted + "]}",
                                   settings, k_received, error);
        REQUIRE(events);
        REQUIRE(events->size() == 2);
        CHECK((*events)[0].sender == "alice");
        CHECK((*events)[1].sender == "alice");
    }
}

TEST_CASE("a form body is refused before it is read, whoever posts it", "[transport]") {
    using transport::unreadable_body;
    const std::string form = "event=message_received&account_id=dfXlh46vQYCsMbVarumWlg&sender%5Battendee_provider_id"
                             "%5D=ACoAAKim";
    const std::string unipile_words = "the body is a form (application/x-www-form-urlencoded), and the events are "
                                      "read from JSON only: create the webhook with \"format\": \"json\" "
                                      "(Unipile's default), not \"form\"";
    CHECK(unreadable_body(WireProfile::unipile, "application/x-www-form-urlencoded", form) == unipile_words);
    CHECK(unreadable_body(WireProfile::unipile, "Application/X-WWW-Form-Urlencoded; charset=utf-8", form) ==
          unipile_words);
    // Unipile sends no Content-Type for a webhook created through its API: the body tells.
    CHECK(unreadable_body(WireProfile::unipile, "", form) == unipile_words);
    CHECK(unreadable_body(WireProfile::unipile, "multipart/form-data; boundary=x", "--x\r\n") ==
          "the body is a form (multipart/form-data), and the events are read from JSON only: create the webhook "
          "with \"format\": \"json\" (Unipile's default), not \"form\"");
    CHECK(unreadable_body(WireProfile::engine, "application/x-www-form-urlencoded", "id=ev-1") ==
          "the body is a form (application/x-www-form-urlencoded), and the events are read from JSON only: post "
          "them as JSON, as docs/http-transport.md describes");
    // JSON, with or without its Content-Type, and what is neither is left to the JSON reader to refuse.
    CHECK_FALSE(unreadable_body(WireProfile::unipile, "", R"({"event": "message_received"})"));
    CHECK_FALSE(unreadable_body(WireProfile::unipile, "application/json", R"({"event": "a=b"})"));
    CHECK_FALSE(unreadable_body(WireProfile::unipile, "text/plain", R"({"event": "a=b"})"));
    CHECK_FALSE(unreadable_body(WireProfile::unipile, "application/json", form));
    CHECK_FALSE(unreadable_body(WireProfile::engine, "", "not json at all"));
    CHECK_FALSE(unreadable_body(WireProfile::engine, "", "=x"));
}

TEST_CASE("a Unipile webhook without a time is stamped with the moment it was received", "[transport]") {
    core::GatewaySettings settings;
    settings.profile = WireProfile::unipile;
    settings.accounts = {{"alice", "dfXlh46vQYCsMbVarumWlg"}};
    const core::Timestamp received = *core::parse_utc("2026-12-02T15:00:00Z");
    std::string error;
    auto events = read_webhook(WireProfile::unipile, R"({"event": "new_relation",
        "account_id": "dfXlh46vQYCsMbVarumWlg", "user_provider_id": "ACoAAJaneJane",
        "user_public_identifier": "jane-doe"})",
                               settings, received, error);
    INFO(error);
    REQUIRE(events);
    REQUIRE(events->size() == 1);
    CHECK(events->front().sender == "alice");
    CHECK(events->front().at == received);
}
