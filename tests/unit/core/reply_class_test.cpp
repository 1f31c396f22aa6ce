#include <catch2/catch.hpp>

#include "core/reply_class.hpp"

using namespace campaign::core;

TEST_CASE("the built-in rules read the usual replies", "[core]") {
    auto rules = default_reply_rules();
    CHECK(classify(rules, "Not interested, please stop messaging me.") == ReplyClass::opt_out);
    CHECK(classify(rules, "Please REMOVE ME from your list") == ReplyClass::opt_out);
    CHECK(classify(rules, "I'm out of office until Monday with limited access to email.") == ReplyClass::out_of_office);
    CHECK(classify(rules, "Auto-reply: I am travelling this week.") == ReplyClass::out_of_office);
    CHECK(classify(rules, "We already have a vendor for this, thanks.") == ReplyClass::negative);
    CHECK(classify(rules, "Thanks, but the timing isn't right for us.") == ReplyClass::negative);
    CHECK(classify(rules, "Sure, happy to chat — how does Thursday look?") == ReplyClass::positive);
    CHECK(classify(rules, "What does pricing look like?") == ReplyClass::positive);
    CHECK(classify(rules, "Who are you?") == ReplyClass::neutral);
    CHECK(classify(rules, "") == ReplyClass::neutral);
}

TEST_CASE("classes are tried in order and phrases match whole words", "[core]") {
    auto rules = default_reply_rules();
    // "interested" is positive, but "not interested" is an opt-out, which comes first.
    CHECK(classify(rules, "I'm interested") == ReplyClass::positive);
    CHECK(classify(rules, "I'm not interested") == ReplyClass::opt_out);
    CHECK(classify(rules, "I'm uninterested") == ReplyClass::neutral);
    CHECK(classify(rules, "We worked nonstop on pricing") == ReplyClass::positive);
}

TEST_CASE("a team's rules replace a class's phrases", "[core]") {
    auto rules = default_reply_rules();
    rules.of(ReplyClass::positive) = {"yes please"};
    CHECK(classify(rules, "Yes please, send the deck") == ReplyClass::positive);
    CHECK(classify(rules, "What does pricing look like?") == ReplyClass::neutral);
    CHECK(parse_reply_class("out_of_office") == ReplyClass::out_of_office);
    CHECK_FALSE(parse_reply_class("maybe"));
    CHECK(to_string(ReplyClass::opt_out) == "opt_out");
}
