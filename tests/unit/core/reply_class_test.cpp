#include <catch2/catch.hpp>

#include "core/reply_class.hpp"

using namespace campaign::core;

TEST_CASE("reply classes are named as the rules files and the JSON output write them", "[core]") {
    for (auto reply_class : k_reply_classes) {
        CHECK(parse_reply_class(to_string(reply_class)) == reply_class);
    }
    CHECK(to_string(ReplyClass::not_interested) == "not_interested");
    CHECK(to_string(ReplyClass::out_of_office) == "out_of_office");
    CHECK_FALSE(parse_reply_class("positive"));
    CHECK_FALSE(parse_reply_class(""));
}
