// Reading replies: which of the seven classes a reply is, in which language, until when a later or an away notice
// holds, and the phrase that decided it. Pure: rules in, text in, a reading out (data/triage/README.md).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/reply_class.hpp"
#include "triage/rules.hpp"

namespace campaign::triage {

struct Reading {
    core::ReplyClass reply_class = core::ReplyClass::neutral;
    std::string language;                             // "de"
    double confidence = 0.5;                          // 0.5 when nothing matched, up to 0.95 for an explicit opt-out
    std::optional<std::chrono::year_month_day> until; // later and out_of_office: the day to come back
    std::string reason;                               // the reply's own words that decided, empty for a plain neutral
    std::optional<std::string> referral;              // who a referral points to: an address, a profile or a name
};

class Triage {
public:
    // The languages, English first: English is read beside every other language, as replies mix it in.
    explicit Triage(std::vector<LanguageRules> languages);
    // It points into its own rules.
    Triage(const Triage&) = delete;
    Triage& operator=(const Triage&) = delete;

    // `received`: the day the reply arrived, which relative dates ("next week") count from.
    Reading read(std::string_view text, std::chrono::year_month_day received) const;

    // What the prospect wrote: the text without its quoted history, signature and footer.
    std::string written_part(std::string_view text) const;

    const std::vector<LanguageRules>& languages() const { return m_languages; }

private:
    // A language's class patterns by the words they can begin with: most of them cannot begin in a given reply, and
    // looking the reply's few words up finds the others without asking each pattern.
    struct PatternIndex {
        std::unordered_map<std::string, std::vector<const Pattern*>> by_first_word;
        std::vector<const Pattern*> anywhere; // those that may begin with any word
    };

    const LanguageRules& detect(const std::vector<Sentence>& sentences, std::string_view text,
                                const std::unordered_set<std::string>& words) const;
    // The class patterns of the language that may match a text of `words`, each once, sorted by address.
    std::vector<const Pattern*> candidates(const LanguageRules& language,
                                           const std::unordered_set<std::string>& words) const;

    std::vector<LanguageRules> m_languages;
    std::vector<const BodyWords*> m_body;
    std::unordered_map<const LanguageRules*, PatternIndex> m_indexes;
};

} // namespace campaign::triage
