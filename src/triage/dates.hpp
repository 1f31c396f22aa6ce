// The dates a reply names ("back on 12 January", "ab dem 01.04.", "in Q2", "after the holidays", "through
// Thursday") and the day they imply the prospect is back or wants to hear from us, by the conventions of
// tests/triage/LABELLING.md.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "triage/rules.hpp"

namespace campaign::triage {

struct DateMention {
    enum class Role { plain, until, through, back, from };

    std::chrono::year_month_day day;
    std::size_t sentence = 0;
    WordSpan span;
    Role role = Role::plain;
    bool inclusive = false; // "bis einschließlich", "ambos inclusive"
};

// Every date the sentences name, read with the date words of `languages` (tried in order), relative to `received`.
std::vector<DateMention> find_dates(const std::vector<Sentence>& sentences,
                                    const std::vector<const LanguageRules*>& languages,
                                    std::chrono::year_month_day received);

// The first day back or the day to come back: a date after a back marker wins, otherwise the latest date; the day
// after it when it is inclusive or follows "through". Dates before `received` do not count.
std::optional<std::chrono::year_month_day> implied_date(const std::vector<DateMention>& mentions,
                                                        std::chrono::year_month_day received);

} // namespace campaign::triage
