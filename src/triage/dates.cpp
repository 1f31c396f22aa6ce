#include "triage/dates.hpp"

#include <algorithm>

#include "triage/calendar.hpp"
#include "triage/date_reader.hpp"

namespace campaign::triage {

namespace chrono = std::chrono;

namespace {

// The marker nearest before the date, at most two words before it and with no number between: in "dal 24/12 al
// 06/01", "dal" marks the first date and "al" the second.
DateMention::Role role_of(const Sentence& sentence, const DateWords& words, WordSpan span) {
    const std::vector<std::pair<const std::vector<Pattern>*, DateMention::Role>> k_markers{
        {&words.back, DateMention::Role::back},
        {&words.through, DateMention::Role::through},
        {&words.from, DateMention::Role::from},
        {&words.until, DateMention::Role::until}};
    auto role = DateMention::Role::plain;
    std::optional<std::size_t> nearest;
    for (const auto& [patterns, marked] : k_markers) {
        for (const auto& pattern : *patterns) {
            for (std::size_t begin = span.begin > 6 ? span.begin - 6 : 0; begin < span.begin; ++begin) {
                auto end = pattern.match_at(sentence, begin);
                if (!end || *end > span.begin || *end + 2 < span.begin || (nearest && *end <= *nearest)) {
                    continue;
                }
                bool number_between = false;
                for (auto at = *end; at < span.begin; ++at) {
                    number_between = number_between || sentence.words[at].kind == Word::Kind::number;
                }
                if (!number_between) {
                    nearest = *end;
                    role = marked;
                }
            }
        }
    }
    return role;
}

bool inclusive_after(const Sentence& sentence, const DateWords& words, WordSpan span) {
    for (const auto& pattern : words.inclusive) {
        for (std::size_t begin = span.end; begin < span.end + 3 && begin < sentence.words.size(); ++begin) {
            if (pattern.match_at(sentence, begin)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

std::vector<DateMention> find_dates(const std::vector<Sentence>& sentences,
                                    const std::vector<const LanguageRules*>& languages,
                                    std::chrono::year_month_day received) {
    std::vector<DateMention> mentions;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const auto& sentence = sentences[s];
        // Relative phrases first: "after the holidays" holds no date word of its own.
        std::vector<std::pair<WordSpan, std::pair<RelativeDate, const DateWords*>>> relative;
        for (const auto* language : languages) {
            for (auto which : k_relative_dates) {
                for (const auto& pattern : language->dates.relative.at(static_cast<std::size_t>(which))) {
                    std::size_t from = 0;
                    while (auto span = pattern.find(sentence, {}, from)) {
                        relative.push_back({*span, {which, &language->dates}});
                        if (span->end <= span->begin) {
                            break;
                        }
                        from = span->end;
                    }
                }
            }
        }
        bool next_year = std::any_of(relative.begin(), relative.end(),
                                     [](const auto& r) { return r.second.first == RelativeDate::next_year; });
        std::vector<bool> taken(sentence.words.size() + 1, false);
        auto first_of_sentence = mentions.size();
        auto add = [&](year_month_day day, WordSpan span, const DateWords& words) {
            for (auto i = span.begin; i < span.end; ++i) {
                taken[i] = true;
            }
            mentions.push_back({day, s, span, role_of(sentence, words, span), inclusive_after(sentence, words, span)});
        };
        for (std::size_t at = 0; at < sentence.words.size();) {
            std::optional<DateRead> read;
            const DateWords* words = nullptr;
            for (const auto* language : languages) {
                if ((read = read_date_at(sentence, language->dates, received, next_year, at))) {
                    words = &language->dates;
                    break;
                }
            }
            if (read) {
                add(read->day, {at, read->end}, *words);
                at = read->end;
            } else {
                ++at;
            }
        }
        // "del 27 de julio al 14 de agosto": the first date of a range is where it starts, not a return.
        for (auto i = first_of_sentence; i + 1 < mentions.size(); ++i) {
            auto& start = mentions[i];
            const auto& end = mentions[i + 1];
            bool closes = end.role == DateMention::Role::until || end.role == DateMention::Role::through;
            if (start.role == DateMention::Role::plain && closes && end.span.begin >= start.span.end &&
                end.span.begin <= start.span.end + 2) {
                start.role = DateMention::Role::from;
            }
        }
        for (const auto& [span, which] : relative) {
            bool overlaps = false;
            for (auto i = span.begin; i < span.end; ++i) {
                overlaps = overlaps || taken[i];
            }
            if (!overlaps) {
                add(relative_date(which.first, received), span, *which.second);
            }
        }
    }
    return mentions;
}

std::optional<year_month_day> implied_date(const std::vector<DateMention>& mentions, year_month_day received) {
    std::optional<year_month_day> latest_back, latest;
    for (const auto& mention : mentions) {
        auto day =
            mention.inclusive || mention.role == DateMention::Role::through ? plus_days(mention.day, 1) : mention.day;
        if (mention.day < received) {
            continue;
        }
        if (mention.role == DateMention::Role::back) {
            latest_back = latest_back ? std::max(*latest_back, day) : day;
        } else if (mention.role != DateMention::Role::from) {
            latest = latest ? std::max(*latest, day) : day;
        }
    }
    return latest_back ? latest_back : latest;
}

} // namespace campaign::triage
