// A pattern of the rules files (data/triage/README.md): words, alternatives, prefixes, gaps and placeholders,
// matched inside one sentence.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/text.hpp"

namespace campaign::triage {

// Where a matched date expression lies in a sentence, for `@date`.
struct WordSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

class Pattern {
public:
    // The pattern, or nothing with the reason in `error`.
    static std::optional<Pattern> compile(std::string_view text, std::string& error);

    // Where the pattern matches starting at word `at`: the end of the match.
    std::optional<std::size_t> match_at(const Sentence& sentence, std::size_t at,
                                        const std::vector<WordSpan>& dates = {}) const;
    // The first match in the sentence.
    std::optional<WordSpan> find(const Sentence& sentence, const std::vector<WordSpan>& dates = {},
                                 std::size_t from = 0) const;
    const std::string& text() const { return m_text; }
    // The words (folded) a match can begin with, when every way of reading it begins with a plain word; else nothing:
    // it may begin anywhere. Most patterns of a language never begin in a given reply; a text that holds none of
    // these words (each also without an elided article) is skipped without trying each word.
    const std::vector<std::string>* first_words() const { return m_filters ? &m_first_words : nullptr; }
    // Whether the pattern starts with a word of `negations` ("do not contact"), so a negation before it is its own.
    bool starts_with_any(const std::vector<Pattern>& words) const;
    // Whether any of its words is one of `words` ("we will not proceed"), so a negation inside it is its own.
    bool mentions_any(const std::vector<Pattern>& words) const;

private:
    struct Alternative {
        enum class Kind { word, email, profile, link, name, date };
        Kind kind = Kind::word;
        std::string text;
        bool prefix = false; // "pre*"
        bool suffix = false; // "*n't"
    };
    struct Element {
        enum class Kind { words, gap, long_gap, start, end };
        Kind kind = Kind::words;
        std::vector<Alternative> alternatives; // of a `words` element: "a|b*|@name"
    };

    using Sequence = std::vector<Element>;

    static std::optional<Element> compile_piece(const std::string& piece, bool first, bool last, std::string& error);
    static bool match_from(const Sequence& sequence, const Sentence& sentence, std::size_t element, std::size_t at,
                           const std::vector<WordSpan>& dates, std::size_t& end);
    static bool matches_word(const Alternative& alternative, std::size_t at, const Sentence& sentence);
    static bool starts_with_any(const Element& first, const std::vector<Pattern>& words);

    std::string m_text;
    std::vector<Sequence> m_sequences;      // a pattern with "(a b|c)" groups is one sequence per choice
    std::vector<std::string> m_first_words; // every word a match can begin with, when all are plain words; sorted
    std::vector<std::vector<std::size_t>> m_starts; // for each of them, the sequences that begin with it
    bool m_filters = false;                         // m_first_words says where it can begin
};

// A word of the text against a pattern word, as the rules compare them: equal, or equal after an elision
// ("envoyer" and "m'envoyer").
bool same_word(std::string_view text_word, std::string_view pattern_word);

} // namespace campaign::triage
