#include <catch2/catch.hpp>

#include "triage/pattern.hpp"

using namespace campaign::triage;

namespace {

Pattern compile(const std::string& text) {
    std::string error;
    auto pattern = Pattern::compile(text, error);
    INFO(error);
    REQUIRE(pattern);
    return *pattern;
}

std::string refused(const std::string& text) {
    std::string error;
    CHECK_FALSE(Pattern::compile(text, error));
    return error;
}

bool matches(const std::string& pattern, const std::string& text) {
    for (const auto& sentence : read_sentences(text)) {
        if (compile(pattern).find(sentence)) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("patterns match whole folded words inside one sentence", "[triage]") {
    CHECK(matches("remove me", "Please REMOVE me from your list"));
    CHECK_FALSE(matches("stop", "We worked nonstop"));
    CHECK(matches("fur", "Danke für die Nachricht"));                  // accents folded on both sides
    CHECK(matches("strasse", "Hauptstraße 1, Straße 2"));              // as is ß
    CHECK_FALSE(matches("remove me", "Please remove. Me too"));        // not across sentences
    CHECK(matches("envoyer", "Pouvez-vous m’envoyer la plaquette ?")); // after an elision, any apostrophe
    CHECK(matches("can't stop", "I can’t stop laughing"));
}

TEST_CASE("alternatives, prefixes, suffixes, gaps, groups and anchors", "[triage]") {
    CHECK(matches("remove me|us", "remove us now"));
    CHECK(matches("unsubscrib*", "unsubscribing"));
    CHECK(matches("*n't interested", "we aren't interested"));
    CHECK(matches("not ~ interested", "not really that interested"));
    CHECK_FALSE(matches("not ~ interested", "not at all in any way interested"));
    CHECK(matches("on ... wrote", "On Tue, 3 Mar 2026 at 10:12, Anna Berg wrote:"));
    CHECK(matches("(i am|i'm) away", "I'm away"));
    CHECK(matches("(i am|i'm) away", "i am away"));
    CHECK_FALSE(matches("(i am|i'm) away", "i was away"));
    CHECK(matches("^ no $", "No."));
    CHECK_FALSE(matches("^ no $", "No problem"));
    CHECK_FALSE(matches("^ thanks", "Many thanks"));
}

TEST_CASE("placeholders match addresses, profiles, links and names", "[triage]") {
    CHECK(matches("contact @email", "contact anna.berg@example.com, please"));
    CHECK(matches("@profile", "see linkedin.com/in/anna-berg"));
    CHECK(matches("see @link", "see https://example.com/x"));
    CHECK(matches("talk to @name", "Please talk to Anna"));
    CHECK_FALSE(matches("talk to @name", "please talk to anna"));
    CHECK(matches("ask @name|@email|procurement", "ask procurement"));
}

TEST_CASE("a pattern that cannot work is refused with the reason", "[triage]") {
    CHECK(refused("") == "an empty pattern, which would match every reply");
    CHECK(refused("~ later") == "'~' at the start of a pattern matches nothing more");
    CHECK(refused("later ...") == "'...' at the end of a pattern matches nothing more");
    CHECK(refused("no ^") == "'^' must begin the pattern");
    CHECK(refused("a*b") == "'a*b': '*' stands only at the start or the end of a word");
    CHECK(refused("@nobody") == "unknown placeholder '@nobody' (one of @email, @profile, @link, @name, @date)");
    CHECK(refused("(a|b") == "'(' without its ')'");
    CHECK(refused("(a||b)") == "a group has an empty choice: '(a||b)'");
}
