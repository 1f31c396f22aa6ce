#include <array>
#include <catch2/catch.hpp>
#include <set>

#include "core/text.hpp"

using namespace campaign::core;

TEST_CASE("UTF-8 text is measured in characters and terminal columns", "[core]") {
    CHECK(utf8_length("Zoë") == 3);
    CHECK(utf8_length("王伟") == 2);
    CHECK(utf8_length("👋 hi") == 4);
    CHECK(display_width("Zoë") == 3);
    CHECK(display_width("王伟") == 4);
    CHECK(display_width("민준 박") == 7);
    CHECK(display_width("e\xCC\x81") == 1); // e and a combining acute accent
}

TEST_CASE("UTF-8 validation refuses what is not UTF-8", "[core]") {
    CHECK(is_valid_utf8("Łukasz Søren Renée 王伟 👋"));
    CHECK(is_valid_utf8(""));
    CHECK_FALSE(is_valid_utf8("caf\xE9"));                            // Latin-1 é
    CHECK_FALSE(is_valid_utf8("\xC3"));                               // cut short
    CHECK_FALSE(is_valid_utf8("\x80"));                               // a lone continuation byte
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));                           // overlong
    CHECK_FALSE(is_valid_utf8("\xF8\x88\x80\x80"));                   // beyond Unicode
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));                   // U+110000, past the last code point
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));                       // overlong three-byte form
    CHECK_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));                   // overlong four-byte form
    CHECK_FALSE(is_valid_utf8("city\xED\xA9\xB7"));                   // a UTF-16 surrogate, which JSON refuses
    CHECK(is_valid_utf8("\xED\x9F\xBF\xEE\x80\x80\xF4\x8F\xBF\xBF")); // U+D7FF, U+E000, U+10FFFF
}

TEST_CASE("lists split on any separator, trimmed, without empty pieces", "[core]") {
    CHECK(split_list(" founders; saas ,,|fintech ", ";,|") == std::vector<std::string>{"founders", "saas", "fintech"});
    CHECK(split_list("", ";").empty());
    CHECK(split_list(" ; ", ";").empty());
}

TEST_CASE("closest_match suggests likely typos only", "[core]") {
    std::array<std::string_view, 4> keys{"senders", "steps", "audience", "stop"};
    CHECK(closest_match("sendr", keys) == "senders");
    CHECK(closest_match("audiance", keys) == "audience");
    CHECK(closest_match("Steps", keys) == "steps");
    CHECK_FALSE(closest_match("banana", keys));
}

TEST_CASE("Unicode lower case folds accented, Greek and Cyrillic capitals", "[core]") {
    CHECK(to_lower_utf8("ŁUKASZ-Nowak") == "łukasz-nowak");
    CHECK(to_lower_utf8("JÉRÔME") == "jérôme");
    CHECK(to_lower_utf8("ΣΟΦΙΑ") == "σοφια");
    CHECK(to_lower_utf8("ИВАН") == "иван");
    CHECK(to_lower_utf8("王伟") == "王伟");
    CHECK(to_lower_utf8("caf\xC9") == "caf\xC9"); // not UTF-8: only ASCII is folded
}

TEST_CASE("ASCII case folding leaves other characters alone", "[core]") {
    CHECK(to_lower_ascii("Jérôme-DUPONT") == "jérôme-dupont");
    CHECK(iequals_ascii("LinkedIn", "linkedin"));
    CHECK(icontains_ascii("Co-Founder & CEO", "founder"));
    CHECK_FALSE(icontains_ascii("CTO", "founder"));
}

TEST_CASE("column headers become snake_case field names", "[core]") {
    CHECK(field_name("Connected On") == "connected_on");
    CHECK(field_name("team_size") == "team_size");
    CHECK(field_name("Prénom") == "prénom");
    CHECK(field_name("???").empty());
}

TEST_CASE("phrases match whole words, ignoring case", "[core]") {
    using campaign::core::contains_phrase;
    CHECK(contains_phrase("Please STOP messaging me.", "stop"));
    CHECK(contains_phrase("Not interested, thanks", "not interested"));
    CHECK(contains_phrase("unsubscribe", "unsubscribe"));
    CHECK(contains_phrase("Bitte ÉCRIVEZ-moi", "écrivez"));
    CHECK_FALSE(contains_phrase("We run nonstop", "stop"));
    CHECK_FALSE(contains_phrase("I stopped by your booth", "stop"));
    CHECK_FALSE(contains_phrase("not really interested", "not interested"));
    CHECK_FALSE(contains_phrase("anything", ""));
}

TEST_CASE("pieces are joined with a separator between each two", "[core]") {
    CHECK(join(std::vector<std::string>{"a", "b", "c"}, ", ") == "a, b, c");
    CHECK(join(std::vector<std::string>{"only"}, "; ") == "only");
    CHECK(join(std::vector<std::string>{}, ", ").empty());
    CHECK(join(std::set<std::string>{"b", "a"}, "', '") == "a', 'b");
}
