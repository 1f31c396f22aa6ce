#include <catch2/catch.hpp>

#include "config/triage_rules_loader.hpp"
#include "triage/body.hpp"
#include "triage/text.hpp"

using namespace campaign;
using namespace campaign::triage;

namespace {

std::vector<std::string> folded(const Sentence& sentence) {
    std::vector<std::string> words;
    for (const auto& word : sentence.words) {
        words.push_back(word.folded);
    }
    return words;
}

std::string written(const std::string& text) {
    static const auto languages = config::load_triage_rules().languages;
    std::vector<const BodyWords*> body;
    for (const auto& language : languages) {
        body.push_back(&language.body);
    }
    return written_part(text, body);
}

} // namespace

TEST_CASE("text is read as sentences of folded words, numbers and addresses", "[triage]") {
    auto sentences = read_sentences("Zurück ab dem 01.04. – Grüße! Écrivez à anna@example.fr; merci 👍 ok");
    REQUIRE(sentences.size() == 4);
    CHECK(folded(sentences[0]) == std::vector<std::string>{"zuruck", "ab", "dem", "01.04.", "grusse"});
    CHECK(sentences[0].words[0].capital);
    CHECK(sentences[0].words[3].kind == Word::Kind::number);
    CHECK(folded(sentences[1]) == std::vector<std::string>{"ecrivez", "a", "anna@example.fr"});
    CHECK(sentences[1].words[2].kind == Word::Kind::email);
    CHECK(folded(sentences[2]) == std::vector<std::string>{"merci"});
    // "am 12. Januar": the dot of an ordinal does not end the sentence.
    CHECK(read_sentences("Ich bin am 12. Januar zurück.").size() == 1);
    CHECK(folded(read_sentences("3/2, 2027-01-12 and the 1st")[0]) ==
          std::vector<std::string>{"3/2", "2027-01-12", "and", "the", "1st"});
    // Commas and dashes separate clauses, not sentences.
    auto clauses = read_sentences("No, thanks - really")[0].words;
    CHECK(clauses[0].clause != clauses[1].clause);
    CHECK(clauses[1].clause != clauses[2].clause);
    CHECK(read_sentences("").empty());
    CHECK(read_sentences("\xff\xfe not UTF-8").size() == 1); // bytes that are not UTF-8 separate words
}

TEST_CASE("folding leaves ASCII as it is but for capitals and the backtick", "[triage]") {
    std::string every;
    std::string expected;
    for (int c = 0; c < 128; ++c) {
        every += static_cast<char>(c);
        expected += c == '`' ? '\'' : (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
    }
    CHECK(fold(every) == expected);
    CHECK(fold("Don`t STOP") == "don't stop");
    CHECK(fold("Straße ÉTÉ") == "strasse ete"); // past ASCII, Unicode's folding
}

TEST_CASE("the written part leaves out quotes, quoted headers, signatures and footers", "[triage]") {
    CHECK(written("Sounds good!\n> Reply STOP to unsubscribe\n") == "Sounds good!\n");
    CHECK(written("Yes please.\n\nOn Tue, 3 Mar 2026 at 10:12, Tom Baker <tom@example.com> wrote:\nUnsubscribe here") ==
          "Yes please.\n\n");
    CHECK(written("Not for us.\n\nFrom: Tom Baker\nSent: Tuesday\nSubject: Hello") == "Not for us.\n\n");
    CHECK(written("Call me Tuesday.\n\nBest regards,\nAnna Berg\nHead of Sales") == "Call me Tuesday.\n\n");
    CHECK(written("Call me.\n-- \nAnna") == "Call me.\n");
    CHECK(written("OK.\nThis email and any attachments are confidential. If you wish to unsubscribe, reply STOP.") ==
          "OK.\n");
    // A closing alone is what was written.
    CHECK(written("Thanks!") == "Thanks!\n");
}
