#include "triage/pattern.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/text.hpp"

namespace campaign::triage {

namespace {

constexpr std::size_t k_gap = 3;       // "~"
constexpr std::size_t k_long_gap = 12; // "..."

// The word after an elided article ("m'envoyer": "envoyer"), or nothing when it has none.
std::string_view unelided(std::string_view text_word) {
    auto apostrophe = text_word.find('\'');
    if (apostrophe == std::string_view::npos || apostrophe > 4) {
        return {};
    }
    return text_word.substr(apostrophe + 1);
}

bool elided(std::string_view text_word, std::string_view pattern_word, bool prefix) {
    auto rest = unelided(text_word);
    if (rest.data() == nullptr) {
        return false;
    }
    return prefix ? rest.starts_with(pattern_word) : rest == pattern_word;
}

// A word written like a name: a capital first, then not all capitals ("IT", "CTO") and no digits ("Q3").
bool is_name(const Word& word) {
    if (!word.capital || word.kind != Word::Kind::word || word.end - word.begin < 2) {
        return false;
    }
    return word.folded.find_first_of("0123456789") == std::string::npos && !word.all_capitals;
}

} // namespace

bool same_word(std::string_view text_word, std::string_view pattern_word) {
    return text_word == pattern_word || elided(text_word, pattern_word, false);
}

namespace {

// The pattern's words with each "(a b|c)" group read as its choices: [["a b", "c"], ...], a plain word as one.
std::optional<std::vector<std::vector<std::string>>> read_groups(std::string_view text, std::string& error) {
    std::vector<std::vector<std::string>> slots;
    for (std::size_t at = 0; at < text.size();) {
        if (text[at] == ' ' || text[at] == '\t') {
            ++at;
        } else if (text[at] == '(') {
            auto close = text.find(')', at);
            if (close == std::string_view::npos) {
                error = "'(' without its ')'";
                return std::nullopt;
            }
            auto inside = text.substr(at + 1, close - at - 1);
            if (inside.find('(') != std::string_view::npos) {
                error = "groups cannot hold groups";
                return std::nullopt;
            }
            std::vector<std::string> choices;
            for (std::size_t begin = 0; begin <= inside.size();) {
                auto bar = std::min(inside.find('|', begin), inside.size());
                auto choice = core::trim(inside.substr(begin, bar - begin));
                if (choice.empty()) {
                    error = "a group has an empty choice: '(" + std::string(inside) + ")'";
                    return std::nullopt;
                }
                choices.emplace_back(choice);
                begin = bar + 1;
            }
            slots.push_back(std::move(choices));
            at = close + 1;
        } else if (text[at] == ')') {
            error = "')' without its '('";
            return std::nullopt;
        } else {
            auto end = std::min(text.find_first_of(" \t()", at), text.size());
            slots.push_back({std::string(text.substr(at, end - at))});
            at = end;
        }
    }
    return slots;
}

constexpr std::size_t k_most_choices = 512;

} // namespace

std::optional<Pattern> Pattern::compile(std::string_view text, std::string& error) {
    Pattern pattern;
    pattern.m_text = std::string(core::trim(text));
    auto slots = read_groups(fold(text), error);
    if (!slots) {
        return std::nullopt;
    }
    // Every choice of every group, as plain sequences of pieces; each choice split once.
    std::vector<std::vector<std::string>> expanded{{}};
    for (const auto& choices : *slots) {
        std::vector<std::vector<std::string>> split;
        split.reserve(choices.size());
        for (const auto& choice : choices) {
            split.push_back(core::split_list(choice, " \t"));
        }
        if (expanded.size() * split.size() > k_most_choices) {
            error = "more than " + std::to_string(k_most_choices) + " ways to read the pattern; split it";
            return std::nullopt;
        }
        std::vector<std::vector<std::string>> next;
        next.reserve(expanded.size() * split.size());
        for (const auto& prefix : expanded) {
            for (const auto& pieces : split) {
                auto& sequence = next.emplace_back();
                sequence.reserve(prefix.size() + pieces.size());
                sequence.insert(sequence.end(), prefix.begin(), prefix.end());
                sequence.insert(sequence.end(), pieces.begin(), pieces.end());
            }
        }
        expanded = std::move(next);
    }
    // The same piece at the same place (first, inside, last) compiles to the same element in every sequence.
    std::map<std::tuple<std::string_view, bool, bool>, Element> compiled;
    for (const auto& pieces : expanded) {
        if (pieces.empty()) {
            error = "an empty pattern, which would match every reply";
            return std::nullopt;
        }
        Sequence sequence;
        sequence.reserve(pieces.size());
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            auto place = std::tuple<std::string_view, bool, bool>{pieces[i], i == 0, i + 1 == pieces.size()};
            auto known = compiled.find(place);
            if (known == compiled.end()) {
                auto element = compile_piece(pieces[i], i == 0, i + 1 == pieces.size(), error);
                if (!element) {
                    return std::nullopt;
                }
                known = compiled.emplace(place, std::move(*element)).first;
            }
            sequence.push_back(known->second);
        }
        pattern.m_sequences.push_back(std::move(sequence));
    }
    pattern.m_filters = true;
    std::map<std::string, std::vector<std::size_t>> starts;
    for (std::size_t s = 0; s < pattern.m_sequences.size(); ++s) {
        const auto& sequence = pattern.m_sequences[s];
        const auto& first =
            sequence.front().kind == Element::Kind::start && sequence.size() > 1 ? sequence[1] : sequence.front();
        for (const auto& alternative : first.alternatives) {
            pattern.m_filters = pattern.m_filters && first.kind == Element::Kind::words &&
                                alternative.kind == Alternative::Kind::word && !alternative.prefix &&
                                !alternative.suffix;
            auto& listed = starts[alternative.text];
            if (listed.empty() || listed.back() != s) {
                listed.push_back(s);
            }
        }
        pattern.m_filters = pattern.m_filters && first.kind == Element::Kind::words;
    }
    if (pattern.m_filters) {
        for (auto& [word, sequences] : starts) {
            pattern.m_first_words.push_back(word);
            pattern.m_starts.push_back(std::move(sequences));
        }
    }
    return pattern;
}

std::optional<Pattern::Element> Pattern::compile_piece(const std::string& piece, bool first, bool last,
                                                       std::string& error) {
    Element element;
    if (piece == "~" || piece == "...") {
        element.kind = piece == "~" ? Element::Kind::gap : Element::Kind::long_gap;
        if (first || last) {
            error = "'" + piece + "' at the " + (first ? "start" : "end") + " of a pattern matches nothing more";
            return std::nullopt;
        }
    } else if (piece == "^" || piece == "$") {
        element.kind = piece == "^" ? Element::Kind::start : Element::Kind::end;
        if ((piece == "^" && !first) || (piece == "$" && !last)) {
            error = "'" + piece + "' must " + (piece == "^" ? "begin" : "end") + " the pattern";
            return std::nullopt;
        }
    } else {
        for (auto& word : core::split_list(piece, "|")) {
            Alternative alternative;
            if (word.starts_with('@')) {
                static const std::vector<std::pair<std::string_view, Alternative::Kind>> k_placeholders{
                    {"@email", Alternative::Kind::email},
                    {"@profile", Alternative::Kind::profile},
                    {"@link", Alternative::Kind::link},
                    {"@name", Alternative::Kind::name},
                    {"@date", Alternative::Kind::date}};
                auto found = std::find_if(k_placeholders.begin(), k_placeholders.end(),
                                          [&word](const auto& entry) { return entry.first == word; });
                if (found == k_placeholders.end()) {
                    error = "unknown placeholder '" + word + "' (one of @email, @profile, @link, @name, @date)";
                    return std::nullopt;
                }
                alternative.kind = found->second;
                element.alternatives.push_back(std::move(alternative));
                continue;
            }
            alternative.prefix = word.size() > 1 && word.ends_with('*');
            alternative.suffix = !alternative.prefix && word.size() > 1 && word.starts_with('*');
            if (alternative.prefix) {
                word.pop_back();
            } else if (alternative.suffix) {
                word.erase(0, 1);
            }
            if (word.find_first_of("^$") != std::string::npos) {
                error = "'" + piece + "': '^' and '$' stand alone, at the start and the end of the pattern";
                return std::nullopt;
            }
            if (word.find('*') != std::string::npos || word.empty()) {
                error = "'" + piece + "': '*' stands only at the start or the end of a word";
                return std::nullopt;
            }
            alternative.text = std::move(word);
            element.alternatives.push_back(std::move(alternative));
        }
        if (element.alternatives.empty()) {
            error = "'" + piece + "' has no word";
            return std::nullopt;
        }
    }
    return element;
}

bool Pattern::matches_word(const Alternative& alternative, std::size_t at, const Sentence& sentence) {
    const auto& word = sentence.words[at];
    switch (alternative.kind) {
    case Alternative::Kind::email:
        return word.kind == Word::Kind::email;
    case Alternative::Kind::profile:
        return word.kind == Word::Kind::profile;
    case Alternative::Kind::link:
        return word.kind == Word::Kind::link || word.kind == Word::Kind::profile;
    case Alternative::Kind::name:
        return at > 0 && is_name(sentence.words[at]);
    case Alternative::Kind::date:
        return false; // matched by its span
    case Alternative::Kind::word:
        if (alternative.prefix) {
            return word.folded.starts_with(alternative.text) || elided(word.folded, alternative.text, true);
        }
        if (alternative.suffix) {
            return word.folded.ends_with(alternative.text);
        }
        return same_word(word.folded, alternative.text);
    }
    return false;
}

bool Pattern::match_from(const Sequence& sequence, const Sentence& sentence, std::size_t element, std::size_t at,
                         const std::vector<WordSpan>& dates, std::size_t& end) {
    if (element == sequence.size()) {
        end = at;
        return true;
    }
    const auto& current = sequence[element];
    const auto& words = sentence.words;
    switch (current.kind) {
    case Element::Kind::start:
        return at == 0 && match_from(sequence, sentence, element + 1, at, dates, end);
    case Element::Kind::end:
        return at == words.size() && match_from(sequence, sentence, element + 1, at, dates, end);
    case Element::Kind::gap:
    case Element::Kind::long_gap: {
        auto longest = current.kind == Element::Kind::gap ? k_gap : k_long_gap;
        for (std::size_t skip = 0; skip <= longest && at + skip <= words.size(); ++skip) {
            if (match_from(sequence, sentence, element + 1, at + skip, dates, end)) {
                return true;
            }
        }
        return false;
    }
    case Element::Kind::words:
        for (const auto& alternative : current.alternatives) {
            if (alternative.kind == Alternative::Kind::date) {
                for (const auto& span : dates) {
                    if (span.begin == at && match_from(sequence, sentence, element + 1, span.end, dates, end)) {
                        return true;
                    }
                }
            } else if (at < words.size() && matches_word(alternative, at, sentence) &&
                       match_from(sequence, sentence, element + 1, at + 1, dates, end)) {
                return true;
            }
        }
        return false;
    }
    return false;
}

std::optional<std::size_t> Pattern::match_at(const Sentence& sentence, std::size_t at,
                                             const std::vector<WordSpan>& dates) const {
    std::optional<std::size_t> longest;
    auto attempt = [&](const Sequence& sequence) {
        std::size_t end = 0;
        if (match_from(sequence, sentence, 0, at, dates, end) && (!longest || end > *longest)) {
            longest = end;
        }
    };
    if (!m_filters) {
        std::for_each(m_sequences.begin(), m_sequences.end(), attempt);
        return longest;
    }
    // Only the readings that begin with the word there, as written or after an elided article: a pattern of many
    // groups has many readings, and few begin with any one word.
    if (at >= sentence.words.size()) {
        return longest;
    }
    std::string_view word = sentence.words[at].folded;
    for (auto written : {word, unelided(word)}) {
        auto found = std::lower_bound(m_first_words.begin(), m_first_words.end(), written);
        if (written.empty() || found == m_first_words.end() || *found != written) {
            continue;
        }
        for (auto s : m_starts[static_cast<std::size_t>(found - m_first_words.begin())]) {
            attempt(m_sequences[s]);
        }
    }
    return longest;
}

std::optional<WordSpan> Pattern::find(const Sentence& sentence, const std::vector<WordSpan>& dates,
                                      std::size_t from) const {
    for (std::size_t at = from; at < sentence.words.size(); ++at) {
        if (auto end = match_at(sentence, at, dates)) {
            return WordSpan{at, *end};
        }
    }
    return std::nullopt;
}

bool Pattern::starts_with_any(const std::vector<Pattern>& words) const {
    for (const auto& sequence : m_sequences) {
        if (sequence.front().kind == Element::Kind::words && starts_with_any(sequence.front(), words)) {
            return true;
        }
    }
    return false;
}

bool Pattern::mentions_any(const std::vector<Pattern>& words) const {
    for (const auto& sequence : m_sequences) {
        for (const auto& element : sequence) {
            if (element.kind == Element::Kind::words && starts_with_any(element, words)) {
                return true;
            }
        }
    }
    return false;
}

bool Pattern::starts_with_any(const Element& first, const std::vector<Pattern>& words) {
    for (const auto& alternative : first.alternatives) {
        Sentence probe;
        probe.words.push_back(Word{alternative.text});
        if (std::any_of(words.begin(), words.end(),
                        [&probe](const Pattern& negation) { return negation.match_at(probe, 0).has_value(); })) {
            return true;
        }
    }
    return false;
}

} // namespace campaign::triage
