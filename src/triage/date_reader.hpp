// Reading one date expression at a word of a sentence, with one language's date words (data/triage/README.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>

#include "triage/rules.hpp"

namespace campaign::triage {

struct DateRead {
    std::chrono::year_month_day day;
    std::size_t end = 0; // the word after the date
};

// The date that begins at word `at`, relative to `received`; `next_year` when the sentence says "next year" ("Q2
// next year", "en junio del año que viene").
std::optional<DateRead> read_date_at(const Sentence& sentence, const DateWords& words,
                                     std::chrono::year_month_day received, bool next_year, std::size_t at);

} // namespace campaign::triage
