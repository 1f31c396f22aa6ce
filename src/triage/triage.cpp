#include "triage/triage.hpp"

#include <algorithm>
#include <functional>
#include <iterator>

#include "triage/body.hpp"
#include "triage/dates.hpp"

namespace campaign::triage {

using core::ReplyClass;
namespace chrono = std::chrono;

namespace {

// How many words before a match a negation reaches: "kein Interesse an einer Demo".
constexpr std::size_t k_negation_reach = 4;

struct Match {
    ReplyClass reply_class = ReplyClass::neutral;
    bool strong = false;
    bool negated = false;
    std::size_t sentence = 0;
    WordSpan span;

    bool before(const Match& other) const {
        return sentence != other.sentence ? sentence < other.sentence : span.begin < other.span.begin;
    }
    // Whether it ends before `other` ends: of a yes and a no, the one that ends last was written last ("ça
    // m'intéresse pas" ends with its no).
    bool ends_before(const Match& other) const {
        return sentence != other.sentence ? sentence < other.sentence : span.end < other.span.end;
    }
};

bool negated(const Sentence& sentence, WordSpan span, const Pattern& pattern,
             const std::vector<const LanguageRules*>& languages) {
    bool inside = true;
    for (const auto* language : languages) {
        if (pattern.starts_with_any(language->negations)) {
            return false;
        }
        inside = inside && !pattern.mentions_any(language->negations);
    }
    const auto& words = sentence.words;
    auto clause = words[span.begin].clause;
    // Four words before the match in its clause, or inside a gap of the match ("I'm not really interested")
    // unless the pattern holds the negation itself.
    auto last = inside ? span.end : span.begin;
    for (std::size_t at = span.begin > k_negation_reach ? span.begin - k_negation_reach : 0; at < last; ++at) {
        if (words[at].clause != clause || at == span.begin) {
            continue;
        }
        for (const auto* language : languages) {
            for (const auto& negation : language->negations) {
                // Before the match, a negation that ends there; inside one of its gaps, one that ends inside it.
                if (auto end = negation.match_at(sentence, at);
                    end && *end <= (at < span.begin ? span.begin : span.end)) {
                    return true;
                }
            }
        }
    }
    return false;
}

// The matches of every class's patterns, one per pattern and sentence.
std::vector<Match> find_matches(const std::vector<Sentence>& sentences, const std::vector<std::vector<WordSpan>>& dates,
                                const std::vector<const LanguageRules*>& languages,
                                const std::vector<const Pattern*>& candidates) {
    std::vector<Match> matches;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        for (const auto* language : languages) {
            for (auto reply_class : core::k_reply_classes) {
                const auto& patterns = language->of(reply_class);
                for (bool strong : {true, false}) {
                    for (const auto& pattern : strong ? patterns.strong : patterns.weak) {
                        if (!std::binary_search(candidates.begin(), candidates.end(), &pattern, std::less<>())) {
                            continue;
                        }
                        // Every match, so that the last of a yes and a no is the one written last.
                        for (auto span = pattern.find(sentences[s], dates[s]); span;
                             span = pattern.find(sentences[s], dates[s], std::max(span->end, span->begin + 1))) {
                            matches.push_back(
                                {reply_class, strong, negated(sentences[s], *span, pattern, languages), s, *span});
                        }
                    }
                }
            }
        }
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.before(b); });
    return matches;
}

class Decision {
public:
    Decision(const std::vector<Match>& matches, const std::vector<DateMention>& mentions,
             std::optional<chrono::year_month_day> date, chrono::year_month_day received)
        : m_matches(matches), m_mentions(mentions), m_date(date), m_received(received) {}

    // The class and the match that decided it, with its confidence; no match for a plain neutral.
    std::tuple<ReplyClass, const Match*, double> decide() const {
        if (auto* m = first(ReplyClass::opt_out, true)) {
            return {ReplyClass::opt_out, m, 0.95};
        }
        if (auto* m = first(ReplyClass::out_of_office, true)) {
            return {ReplyClass::out_of_office, m, 0.9};
        }
        bool away = first(ReplyClass::out_of_office, false) != nullptr;
        if (auto* m = first(ReplyClass::referral, true); m && !away) {
            return {ReplyClass::referral, m, 0.85};
        }
        if (auto* m = first(ReplyClass::later, true)) {
            return {ReplyClass::later, m, m_date ? 0.85 : 0.7};
        }
        // A weak later with a date near enough does not outweigh a yes: "busy this week, but call me Tuesday".
        if (auto* m = first(ReplyClass::later, false);
            m && ahead(0) && (!first(ReplyClass::interested, true) || ahead(14))) {
            return {ReplyClass::later, m, 0.75};
        }
        if (auto decided = yes_or_no(true)) {
            return *decided;
        }
        if (auto* m = first(ReplyClass::out_of_office, false)) {
            return {ReplyClass::out_of_office, m, 0.65};
        }
        if (auto* m = first(ReplyClass::referral, false)) {
            return {ReplyClass::referral, m, 0.6};
        }
        if (auto* m = first(ReplyClass::neutral, true)) {
            return {ReplyClass::neutral, m, 0.7};
        }
        if (auto decided = yes_or_no(false)) {
            return *decided;
        }
        if (auto* m = first(ReplyClass::neutral, false)) {
            return {ReplyClass::neutral, m, 0.6};
        }
        return {ReplyClass::neutral, nullptr, 0.5};
    }

private:
    const Match* first(ReplyClass reply_class, bool strong) const {
        for (const auto& match : m_matches) {
            if (match.reply_class == reply_class && match.strong == strong && !match.negated) {
                return &match;
            }
        }
        return nullptr;
    }

    // Whether the sentence of a yes puts the talk out: "Sounds great, let's talk in March", not "we hire 15 people
    // by the end of the year. Can you send me cases?".
    bool ahead_in(std::size_t sentence, int days) const {
        std::vector<DateMention> there;
        std::copy_if(m_mentions.begin(), m_mentions.end(), std::back_inserter(there),
                     [sentence](const DateMention& mention) { return mention.sentence == sentence; });
        auto date = implied_date(there, m_received);
        return date && chrono::sys_days{*date} > chrono::sys_days{m_received} + chrono::days{days};
    }

    bool ahead(int days) const {
        return m_date && chrono::sys_days{*m_date} > chrono::sys_days{m_received} + chrono::days{days};
    }

    // A yes against a no: the one written last wins ("looks good, but not for us"); a negated yes is a no.
    std::optional<std::tuple<ReplyClass, const Match*, double>> yes_or_no(bool strong) const {
        const Match* yes = nullptr;
        const Match* no = nullptr;
        for (const auto& match : m_matches) {
            if (match.strong != strong) {
                continue;
            }
            // A negated strong yes is a no ("not interested in a demo"); a negated weak one says too little.
            const Match** side = nullptr;
            if (match.reply_class == ReplyClass::interested && (strong || !match.negated)) {
                side = match.negated ? &no : &yes;
            } else if (match.reply_class == ReplyClass::not_interested && !match.negated) {
                side = &no;
            }
            if (side && (*side == nullptr || !match.ends_before(**side))) {
                *side = &match;
            }
        }
        double sure = strong ? 0.85 : 0.6;
        if (no && (!yes || !no->ends_before(*yes))) { // ending at the same word, the no: "spreekt me niet aan"
            if (ahead(0)) {
                return {{ReplyClass::later, no, sure - 0.1}};
            }
            return {{ReplyClass::not_interested, no, yes ? sure - 0.15 : sure}};
        }
        if (yes) {
            // "Sounds great, let's talk in March": a yes, but not for now.
            if (ahead_in(yes->sentence, 14)) {
                return {{ReplyClass::later, yes, sure - 0.15}};
            }
            return {{ReplyClass::interested, yes, no ? sure - 0.15 : sure}};
        }
        return std::nullopt;
    }

    const std::vector<Match>& m_matches;
    const std::vector<DateMention>& m_mentions;
    std::optional<chrono::year_month_day> m_date;
    chrono::year_month_day m_received;
};

std::string words_of(std::string_view body, const Sentence& sentence, WordSpan span) {
    if (span.end <= span.begin) {
        return {};
    }
    auto begin = sentence.words[span.begin].begin;
    auto end = sentence.words[span.end - 1].end;
    return std::string(body.substr(begin, end - begin));
}

// Who a referral points to: an address or a profile anywhere in what was written, else the capitalized words of
// the sentence that referred ("talk to Anna Berg in procurement").
std::optional<std::string> referred(std::string_view body, const std::vector<Sentence>& sentences, const Match& match) {
    for (const auto& sentence : sentences) {
        for (const auto& word : sentence.words) {
            if (word.kind == Word::Kind::email || word.kind == Word::Kind::profile) {
                return std::string(body.substr(word.begin, word.end - word.begin));
            }
        }
    }
    const auto& words = sentences[match.sentence].words;
    for (std::size_t at = std::max<std::size_t>(match.span.begin, 1); at < words.size(); ++at) {
        if (!words[at].capital || words[at].kind != Word::Kind::word) {
            continue;
        }
        auto end = at + 1;
        while (end < words.size() && end < at + 3 && words[end].capital && words[end].clause == words[at].clause) {
            ++end;
        }
        return words_of(body, sentences[match.sentence], {at, end});
    }
    return std::nullopt;
}

// The words of the text, and each also without an elided article ("m'envoyer": "envoyer"), which the patterns that may
// match are looked up by.
std::unordered_set<std::string> words_in(const std::vector<Sentence>& sentences) {
    std::unordered_set<std::string> words;
    for (const auto& sentence : sentences) {
        for (const auto& word : sentence.words) {
            words.insert(word.folded);
            if (auto apostrophe = word.folded.find('\''); apostrophe != std::string::npos && apostrophe <= 4) {
                words.insert(word.folded.substr(apostrophe + 1));
            }
        }
    }
    return words;
}

constexpr int k_english_words_for_dates = 3;

int english_words(const std::vector<Sentence>& sentences, const LanguageRules& english) {
    int count = 0;
    for (const auto& sentence : sentences) {
        for (const auto& word : sentence.words) {
            count += std::binary_search(english.words.begin(), english.words.end(), word.folded) ? 1 : 0;
        }
    }
    return count;
}

} // namespace

Triage::Triage(std::vector<LanguageRules> languages) : m_languages(std::move(languages)) {
    for (const auto& language : m_languages) {
        m_body.push_back(&language.body);
        auto& index = m_indexes[&language];
        for (const auto& patterns : language.classes) {
            for (const auto* list : {&patterns.strong, &patterns.weak}) {
                for (const auto& pattern : *list) {
                    const auto* first = pattern.first_words();
                    if (!first) {
                        index.anywhere.push_back(&pattern);
                        continue;
                    }
                    for (const auto& word : *first) {
                        auto& listed = index.by_first_word[word];
                        if (listed.empty() || listed.back() != &pattern) {
                            listed.push_back(&pattern);
                        }
                    }
                }
            }
        }
    }
}

std::vector<const Pattern*> Triage::candidates(const LanguageRules& language,
                                               const std::unordered_set<std::string>& words) const {
    const auto& index = m_indexes.at(&language);
    auto found = index.anywhere;
    for (const auto& word : words) {
        if (auto listed = index.by_first_word.find(word); listed != index.by_first_word.end()) {
            found.insert(found.end(), listed->second.begin(), listed->second.end());
        }
    }
    std::sort(found.begin(), found.end(), std::less<>());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

const LanguageRules& Triage::detect(const std::vector<Sentence>& sentences, std::string_view text,
                                    const std::unordered_set<std::string>& words) const {
    const LanguageRules* best = &m_languages.front();
    double best_score = 0;
    for (const auto& language : m_languages) {
        double score = 0;
        for (const auto& sentence : sentences) {
            for (const auto& word : sentence.words) {
                score += std::binary_search(language.words.begin(), language.words.end(), word.folded) ? 1 : 0;
            }
        }
        for (const auto* pattern : candidates(language, words)) {
            for (const auto& sentence : sentences) {
                score += pattern->find(sentence) ? 2 : 0;
            }
        }
        int letters = 0;
        for (const auto& letter : language.letters) {
            for (auto at = text.find(letter); at != std::string_view::npos && letters < 4;
                 at = text.find(letter, at + letter.size())) {
                ++letters;
            }
        }
        score += 1.5 * letters;
        if (score > best_score) {
            best = &language;
            best_score = score;
        }
    }
    return *best;
}

std::string Triage::written_part(std::string_view text) const {
    return triage::written_part(text, m_body);
}

Reading Triage::read(std::string_view text, chrono::year_month_day received) const {
    Reading reading;
    if (m_languages.empty()) {
        return reading;
    }
    auto body = written_part(text);
    auto sentences = read_sentences(body);
    auto words = words_in(sentences);
    const auto& language = detect(sentences, body, words);
    reading.language = language.code;
    std::vector<const LanguageRules*> active{&language};
    if (&language != &m_languages.front()) {
        active.push_back(&m_languages.front());
    }
    // English date words count in another language's reply only where English is written in it: "depois do Black
    // Friday" names no Friday.
    auto date_languages = active;
    if (date_languages.size() > 1 && english_words(sentences, m_languages.front()) < k_english_words_for_dates) {
        date_languages.pop_back();
    }
    auto mentions = find_dates(sentences, date_languages, received);
    std::vector<std::vector<WordSpan>> dates(sentences.size());
    for (const auto& mention : mentions) {
        dates[mention.sentence].push_back(mention.span);
    }
    std::vector<const Pattern*> candidates;
    for (const auto* rules : active) {
        auto found = this->candidates(*rules, words);
        candidates.insert(candidates.end(), found.begin(), found.end());
    }
    std::sort(candidates.begin(), candidates.end(), std::less<>());
    auto matches = find_matches(sentences, dates, active, candidates);
    auto date = implied_date(mentions, received);
    auto [reply_class, match, confidence] = Decision(matches, mentions, date, received).decide();
    reading.reply_class = reply_class;
    reading.confidence = confidence;
    if (match) {
        reading.reason = words_of(body, sentences[match->sentence], match->span);
    }
    if (reply_class == ReplyClass::later || reply_class == ReplyClass::out_of_office) {
        reading.until = date;
    }
    if (reply_class == ReplyClass::referral && match) {
        reading.referral = referred(body, sentences, *match);
    }
    return reading;
}

} // namespace campaign::triage
