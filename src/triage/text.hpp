// Reply text as the triage rules see it: folded words in sentences, cut from the quoted history, the signature and
// the footer that mail clients add below what the prospect wrote.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace campaign::triage {

// Lower case without accents, `ß` as `ss`, typographic apostrophes as `'`: how words are compared.
std::string fold(std::string_view text);

struct Word {
    enum class Kind { word, number, email, profile, link };

    std::string folded;
    std::size_t begin = 0; // the word's bytes in the text it was read from
    std::size_t end = 0;
    Kind kind = Kind::word;
    bool capital = false;      // written with a capital first letter
    bool all_capitals = false; // and every other letter too: "IT", "STOP"
    int clause = 0;            // words of one clause (between commas, dashes, colons) share it
};

struct Sentence {
    std::vector<Word> words;
};

// The sentences of `text`, split at `.` (not after a number: "am 12. Januar"), `!`, `?`, `;`, line ends and emoji.
std::vector<Sentence> read_sentences(std::string_view text);

} // namespace campaign::triage
