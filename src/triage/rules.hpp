// The rules of one language, as data/triage/<code>.yaml writes them (data/triage/README.md): phrases per class,
// negations, the words of dates, and the lines that start a quote, a signature or a footer.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/reply_class.hpp"
#include "triage/pattern.hpp"

namespace campaign::triage {

struct ClassPatterns {
    std::vector<Pattern> strong; // decides on its own
    std::vector<Pattern> weak;   // decides when nothing strong matches
};

enum class DateUnit { day, week, month, quarter, half, year };

// Phrases with a fixed meaning, relative to when the reply was received.
enum class RelativeDate {
    tomorrow,
    next_week,
    next_month,
    end_of_month,
    next_year,
    after_holidays,
    after_summer,
    after_easter
};
inline constexpr std::array k_relative_dates{
    RelativeDate::tomorrow,  RelativeDate::next_week,      RelativeDate::next_month,   RelativeDate::end_of_month,
    RelativeDate::next_year, RelativeDate::after_holidays, RelativeDate::after_summer, RelativeDate::after_easter};

struct DateWords {
    std::map<std::string, int> months;   // folded name (words separated by spaces) to 1..12
    std::map<std::string, int> weekdays; // to 1 (Monday) .. 7
    std::map<std::string, int> numbers;  // "zwei" to 2
    std::map<std::string, int> ordinals; // "zweiten" to 2
    std::map<std::string, DateUnit> units;
    std::vector<std::string> quarter_letters{"q"}; // "Q2"; French adds "t" for "T3"
    bool lowercase_months = false; // months are written in lower case: "Marco" mid-sentence is a name, not March
    std::vector<Pattern> until, inclusive, through, back, from, in, early, mid, end, next;
    std::array<std::vector<Pattern>, k_relative_dates.size()> relative;
};

struct BodyWords {
    std::vector<Pattern> quote_headers;
    std::vector<std::string> header_fields; // folded, without the colon
    std::vector<Pattern> closings;
    std::vector<Pattern> footers;
};

struct LanguageRules {
    std::string code;                 // "de"
    std::string name;                 // "German"
    std::vector<std::string> letters; // typical letters, each one code point in UTF-8, unfolded
    std::vector<std::string> words;   // frequent words, folded, sorted
    std::vector<Pattern> negations;
    std::array<ClassPatterns, core::k_reply_classes.size()> classes;
    DateWords dates;
    BodyWords body;

    ClassPatterns& of(core::ReplyClass reply_class) { return classes.at(static_cast<std::size_t>(reply_class)); }
    const ClassPatterns& of(core::ReplyClass reply_class) const {
        return classes.at(static_cast<std::size_t>(reply_class));
    }
};

} // namespace campaign::triage
