#include "core/reply_class.hpp"

#include <algorithm>

#include "core/enum_names.hpp"
#include "core/text.hpp"

namespace campaign::core {

namespace {

constexpr std::array<std::string_view, k_reply_classes.size()> k_names{"opt_out", "out_of_office", "negative",
                                                                       "positive", "neutral"};

} // namespace

std::string_view to_string(ReplyClass reply_class) {
    return k_names.at(static_cast<std::size_t>(reply_class));
}

std::optional<ReplyClass> parse_reply_class(std::string_view text) {
    return parse_enum<ReplyClass>(k_names, text);
}

ReplyRules default_reply_rules() {
    ReplyRules rules;
    // The opt-out phrases are those campaigns stop on by default, and a few more ways of saying it.
    rules.of(ReplyClass::opt_out) = {"stop",        "unsubscribe",    "not interested", "remove me",
                                     "opt out",     "do not contact", "don't contact",  "stop messaging",
                                     "take me off", "leave me alone"};
    rules.of(ReplyClass::out_of_office) = {"out of office",  "out of the office", "auto-reply", "automatic reply",
                                           "autoreply",      "on vacation",       "on holiday", "on leave",
                                           "parental leave", "travelling",        "traveling",  "away until",
                                           "limited access", "when I'm back"};
    rules.of(ReplyClass::negative) = {"no thanks",          "no thank you",  "not a priority",  "not the right time",
                                      "timing isn't right", "not right now", "already have",    "already use",
                                      "not a fit",          "no budget",     "not looking",     "we're good",
                                      "not for us",         "pass on this",  "not at this time"};
    rules.of(ReplyClass::positive) = {"interested",   "happy to chat", "glad to",    "let's talk",   "let's chat",
                                      "sounds good",  "a call",        "a demo",     "book a time",  "send it over",
                                      "pricing",      "case study",    "free next",  "are you free", "next week",
                                      "tell me more", "love to",       "good timing"};
    return rules;
}

ReplyClassifier::ReplyClassifier(const ReplyRules& rules) {
    for (std::size_t i = 0; i < rules.phrases.size(); ++i) {
        for (const auto& phrase : rules.phrases[i]) {
            m_lowered.phrases[i].push_back(to_lower_utf8(trim(phrase)));
        }
    }
}

ReplyClass ReplyClassifier::classify(std::string_view text) const {
    auto lowered = to_lower_utf8(text);
    for (auto reply_class : k_reply_classes) {
        const auto& phrases = m_lowered.of(reply_class);
        if (std::any_of(phrases.begin(), phrases.end(),
                        [&lowered](const std::string& phrase) { return contains_lowered_phrase(lowered, phrase); })) {
            return reply_class;
        }
    }
    return ReplyClass::neutral;
}

ReplyClass classify(const ReplyRules& rules, std::string_view text) {
    return ReplyClassifier(rules).classify(text);
}

} // namespace campaign::core
