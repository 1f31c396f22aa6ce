// What a reply says, by keyword rules a team can set: an opt-out, an out-of-office notice, a no, a yes, or neither.
// The classes are tried in that order and the first with a phrase in the reply wins; a reply that matches none is
// neutral. Phrases match whole words, ignoring case ("stop" is in "Please STOP." but not in "nonstop").
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace campaign::core {

enum class ReplyClass { opt_out, out_of_office, negative, positive, neutral };

inline constexpr std::array k_reply_classes{ReplyClass::opt_out, ReplyClass::out_of_office, ReplyClass::negative,
                                            ReplyClass::positive, ReplyClass::neutral};

std::string_view to_string(ReplyClass reply_class);
std::optional<ReplyClass> parse_reply_class(std::string_view text);

struct ReplyRules {
    // Indexed by ReplyClass; neutral's list is unused, since neutral is what matches nothing.
    std::array<std::vector<std::string>, k_reply_classes.size()> phrases;

    std::vector<std::string>& of(ReplyClass reply_class) { return phrases.at(static_cast<std::size_t>(reply_class)); }
    const std::vector<std::string>& of(ReplyClass reply_class) const {
        return phrases.at(static_cast<std::size_t>(reply_class));
    }
};

// The rules documented in docs/reports.md; a rules file replaces them class by class.
ReplyRules default_reply_rules();

// The rules made ready to classify many replies: phrases lowered once, each reply once.
class ReplyClassifier {
public:
    explicit ReplyClassifier(const ReplyRules& rules);
    ReplyClass classify(std::string_view text) const;

private:
    ReplyRules m_lowered;
};

ReplyClass classify(const ReplyRules& rules, std::string_view text);

} // namespace campaign::core
