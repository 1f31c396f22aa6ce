#include "triage/date_reader.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "triage/calendar.hpp"

namespace campaign::triage {

namespace chrono = std::chrono;

namespace {

std::optional<int> to_int(std::string_view digits) {
    int value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    return value;
}

class SentenceDates {
public:
    SentenceDates(const Sentence& sentence, const DateWords& words, year_month_day received, bool next_year)
        : m_words(sentence.words), m_sentence(sentence), m_rules(words), m_received(received), m_next_year(next_year) {}

    std::optional<DateRead> read_at(std::size_t at) const {
        for (auto reader : {&SentenceDates::read_weekday, &SentenceDates::read_numeric, &SentenceDates::read_day_month,
                            &SentenceDates::read_month, &SentenceDates::read_bare_day, &SentenceDates::read_end_of_unit,
                            &SentenceDates::read_quarter, &SentenceDates::read_week_number, &SentenceDates::read_in,
                            &SentenceDates::read_next, &SentenceDates::read_year}) {
            if (auto read = (this->*reader)(at)) {
                return read;
            }
        }
        return std::nullopt;
    }

private:
    // A name of the map (words separated by spaces) at `at`: its value and the word after it.
    static std::optional<std::pair<int, std::size_t>> name_at(const std::vector<Word>& words, std::size_t at,
                                                              const std::map<std::string, int>& names) {
        if (at >= words.size() || words[at].kind != Word::Kind::word) {
            return std::nullopt;
        }
        std::optional<std::pair<int, std::size_t>> best;
        std::string joined;
        for (std::size_t end = at; end < words.size() && end < at + 3; ++end) {
            if (end > at) {
                joined += ' ';
            }
            auto word = std::string_view(words[end].folded);
            // "dell'anno" style elisions: "l'1er" is rare, but "d'avril" and "dell'aprile" are not.
            if (end == at) {
                if (auto apostrophe = word.find('\''); apostrophe != std::string_view::npos && apostrophe <= 4) {
                    if (auto found = names.find(std::string(word.substr(apostrophe + 1))); found != names.end()) {
                        best = {found->second, end + 1};
                    }
                }
            }
            joined += word;
            if (auto found = names.find(joined); found != names.end()) {
                best = {found->second, end + 1};
            }
        }
        return best;
    }

    bool any_ends_at(const std::vector<Pattern>& patterns, std::size_t at, std::size_t slack) const {
        for (const auto& pattern : patterns) {
            for (std::size_t begin = at > 6 ? at - 6 : 0; begin < at; ++begin) {
                if (auto end = pattern.match_at(m_sentence, begin); end && *end <= at && *end + slack >= at) {
                    return true;
                }
            }
        }
        return false;
    }

    // A month's name, unless the language writes months in lower case and this one is a name mid-sentence ("Obrigado
    // Marco").
    std::optional<std::pair<int, std::size_t>> month_at(std::size_t at) const {
        if (m_rules.lowercase_months && at > 0 && at < m_words.size() && m_words[at].capital) {
            return std::nullopt;
        }
        return name_at(m_words, at, m_rules.months);
    }

    // A day of the month: "12", "12.", "12th", "1er", "1.º", "3°".
    std::optional<int> day_number(std::size_t at) const {
        if (at >= m_words.size()) {
            return std::nullopt;
        }
        std::string_view text = m_words[at].folded;
        auto digits = text.substr(0, std::min(text.find_first_not_of("0123456789"), text.size()));
        if (digits.empty() || digits.size() > 2) {
            return std::nullopt;
        }
        auto rest = text.substr(digits.size());
        static const std::vector<std::string_view> k_suffixes{"",   ".", "st", "nd",  "rd", "th", "er",  "e",  "o",
                                                              ".o", "a", ".a", "eme", "de", "te", "ste", "ten"};
        if (std::find(k_suffixes.begin(), k_suffixes.end(), rest) == k_suffixes.end()) {
            return std::nullopt;
        }
        return to_int(digits);
    }

    std::optional<int> year_at(std::size_t at) const {
        if (at < m_words.size() && m_words[at].kind == Word::Kind::number && m_words[at].folded.size() == 4) {
            auto value = to_int(m_words[at].folded);
            if (value && *value >= 2000 && *value <= 2099) {
                return value;
            }
        }
        return std::nullopt;
    }

    // The year after a day and month, skipping "de" or "of": "3 de marzo de 2027".
    std::pair<std::optional<int>, std::size_t> optional_year(std::size_t at) const {
        if (auto year = year_at(at)) {
            return {year, at + 1};
        }
        if (at < m_words.size() && is_connector(m_words[at].folded)) {
            if (auto year = year_at(at + 1)) {
                return {year, at + 2};
            }
        }
        return {std::nullopt, at};
    }

    static bool is_connector(std::string_view word) {
        return word == "of" || word == "de" || word == "del" || word == "di" || word == "the";
    }

    std::optional<DateRead> read_weekday(std::size_t at) const {
        auto weekday = name_at(m_words, at, m_rules.weekdays);
        if (!weekday) {
            return std::nullopt;
        }
        // "lundi 24 août", "Thursday, January 8th": the date says more than the weekday.
        auto next = weekday->second;
        // "Thursday the 8th", "segunda-feira, dia 6 de abril", "lundi le 24".
        static const std::vector<std::string_view> k_articles{"the", "dia", "le", "den", "der", "il", "el"};
        if (next < m_words.size() &&
            std::find(k_articles.begin(), k_articles.end(), m_words[next].folded) != k_articles.end()) {
            ++next;
        }
        for (auto reader : {&SentenceDates::read_numeric, &SentenceDates::read_day_month, &SentenceDates::read_month}) {
            if (auto read = (this->*reader)(next)) {
                if (reader != &SentenceDates::read_month || m_words[next].kind == Word::Kind::word) {
                    return read;
                }
            }
        }
        // "rientro lunedì 23": the next 23rd.
        if (auto day = day_number(next); day && m_words[next].kind == Word::Kind::number) {
            if (auto read = next_day_of_month(*day, next + 1)) {
                return read;
            }
        }
        // "segunda-feira (14/09)" ends a clause before the date.
        return DateRead{next_weekday(weekday->first, m_received), weekday->second};
    }

    // "01.04.", "1.4.2027", "05/01/2027", "8/1", "2027-01-12": day before month, unless only the other way is a date.
    std::optional<DateRead> read_numeric(std::size_t at) const {
        if (at >= m_words.size() || m_words[at].kind != Word::Kind::number) {
            return std::nullopt;
        }
        std::string_view text = m_words[at].folded;
        if (text.ends_with('.')) {
            text.remove_suffix(1);
        }
        auto separator = text.find_first_of("./-");
        if (separator == std::string_view::npos) {
            return std::nullopt;
        }
        char mark = text[separator];
        std::vector<int> parts;
        for (std::size_t begin = 0; begin <= text.size();) {
            auto end = std::min(text.find(mark, begin), text.size());
            auto part = to_int(text.substr(begin, end - begin));
            if (!part) {
                return std::nullopt;
            }
            parts.push_back(*part);
            begin = end + 1;
        }
        if (parts.size() == 3 && parts[0] >= 1000) { // 2027-01-12
            auto day = next_date(parts[2], parts[1], parts[0], m_received);
            return day ? std::optional(DateRead{*day, at + 1}) : std::nullopt;
        }
        // "04-01-2027" and "1-9" as the Dutch write them; "10-12" reads as a day and a month too.
        if (parts.size() < 2 || parts.size() > 3 || (mark == '-' && parts[1] > 12 && parts[0] > 12)) {
            return std::nullopt;
        }
        int year = parts.size() == 3 ? parts[2] : 0;
        auto day = next_date(parts[0], parts[1], year, m_received);
        if (!day) {
            day = next_date(parts[1], parts[0], year, m_received);
        }
        return day ? std::optional(DateRead{*day, at + 1}) : std::nullopt;
    }

    // "12 January", "12. Januar", "3 de marzo", "1er février", "12th of January 2027".
    std::optional<DateRead> read_day_month(std::size_t at) const {
        auto day = day_number(at);
        if (!day) {
            return std::nullopt;
        }
        auto next = at + 1;
        if (next < m_words.size() && is_connector(m_words[next].folded)) {
            ++next;
        }
        auto month = month_at(next);
        if (!month) {
            return std::nullopt;
        }
        auto [year, end] = optional_year(month->second);
        auto date = next_date(*day, month->first, year.value_or(0), m_received);
        return date ? std::optional(DateRead{*date, end}) : std::nullopt;
    }

    // "hasta el 17", "regresso dia 24", "retour le 12": a day alone, after a marker, is the next such day.
    std::optional<DateRead> read_bare_day(std::size_t at) const {
        auto day = day_number(at);
        if (!day || m_words[at].kind != Word::Kind::number ||
            !(any_ends_at(m_rules.until, at, 2) || any_ends_at(m_rules.back, at, 2) ||
              any_ends_at(m_rules.through, at, 2))) {
            return std::nullopt;
        }
        // "bis 14 Uhr" is a time, "au 01 40 00 00 00" a telephone number.
        if (at + 1 < m_words.size() && m_words[at + 1].kind == Word::Kind::number) {
            return std::nullopt;
        }
        static const std::vector<std::string_view> k_hours{"uhr", "h",   "hr",  "hrs", "hours", "heures", "horas",
                                                           "hs",  "ore", "uur", "am",  "pm",    "o'clock"};
        if (at + 1 < m_words.size() &&
            std::find(k_hours.begin(), k_hours.end(), m_words[at + 1].folded) != k_hours.end()) {
            return std::nullopt;
        }
        return next_day_of_month(*day, at + 1);
    }

    std::optional<DateRead> next_day_of_month(int day, std::size_t end) const {
        for (int ahead = 0; ahead <= 2; ++ahead) {
            auto month = plus_months(year_month_day{m_received.year(), m_received.month(), chrono::day{1}}, ahead);
            year_month_day date{month.year(), month.month(), chrono::day(static_cast<unsigned>(day))};
            if (date.ok() && date >= m_received) {
                return DateRead{date, end};
            }
        }
        return std::nullopt;
    }

    // "a finales de mes", "fin d'année", "end of the year": the last day of this month or year.
    std::optional<DateRead> read_end_of_unit(std::size_t at) const {
        if (at >= m_words.size() || !any_ends_at(m_rules.end, at, 1)) {
            return std::nullopt;
        }
        auto unit = m_rules.units.find(m_words[at].folded);
        if (unit == m_rules.units.end()) {
            return std::nullopt;
        }
        if (unit->second == DateUnit::month) {
            return DateRead{last_day(m_received.year(), m_received.month()), at + 1};
        }
        if (unit->second == DateUnit::year) {
            return DateRead{year_month_day{m_received.year(), chrono::December, chrono::day{31}}, at + 1};
        }
        return std::nullopt;
    }

    // "January 12th", "January 12, 2027", "mid-January", "end of March", "in May", "a finales de enero".
    std::optional<DateRead> read_month(std::size_t at) const {
        auto month = month_at(at);
        if (!month) {
            return std::nullopt;
        }
        if (auto day = day_number(month->second)) {
            auto [year, end] = optional_year(month->second + 1);
            if (auto date = next_date(*day, month->first, year.value_or(0), m_received)) {
                return DateRead{*date, end};
            }
        }
        // A month alone needs a word that makes it a date ("in May", "Mitte Mai"), since "may" and "mar" are words.
        bool early = any_ends_at(m_rules.early, at, 2), mid = any_ends_at(m_rules.mid, at, 2),
             end = any_ends_at(m_rules.end, at, 2);
        bool marked = early || mid || end || any_ends_at(m_rules.in, at, 1) || any_ends_at(m_rules.until, at, 1) ||
                      any_ends_at(m_rules.back, at, 1) || any_ends_at(m_rules.through, at, 1) ||
                      any_ends_at(m_rules.from, at, 1);
        if (!marked && m_words[at].folded.size() < 5) {
            return std::nullopt;
        }
        auto [year, after] = optional_year(month->second);
        auto first = next_date(1, month->first, year.value_or(0), m_received);
        if (!first) {
            return std::nullopt;
        }
        if (!year && first->month() == m_received.month() && first->year() != m_received.year()) {
            first = year_month_day{m_received.year(), m_received.month(), chrono::day{1}}; // "later in December"
        }
        if (mid) {
            return DateRead{year_month_day{first->year(), first->month(), chrono::day{15}}, after};
        }
        if (end) {
            return DateRead{last_day(first->year(), first->month()), after};
        }
        return DateRead{*first, after};
    }

    // The first day of a quarter or a half: "Q2", "T3", "H2", "second quarter", "2.º trimestre", "im 3. Quartal".
    std::optional<DateRead> read_quarter(std::size_t at) const {
        if (at >= m_words.size()) {
            return std::nullopt;
        }
        const auto& word = m_words[at].folded;
        std::optional<std::pair<int, DateUnit>> which;
        std::size_t end = at + 1;
        if (word.size() == 2 && word[1] >= '1' && word[1] <= '4') {
            auto letter = word.substr(0, 1);
            if (std::find(m_rules.quarter_letters.begin(), m_rules.quarter_letters.end(), letter) !=
                m_rules.quarter_letters.end()) {
                which = {{word[1] - '0', DateUnit::quarter}};
            } else if (letter == "h" && word[1] <= '2') {
                which = {{word[1] - '0', DateUnit::half}};
            }
        } else if (at + 1 < m_words.size()) {
            std::optional<int> ordinal;
            if (auto found = m_rules.ordinals.find(word); found != m_rules.ordinals.end()) {
                ordinal = found->second;
            } else {
                ordinal = day_number(at);
            }
            auto unit = m_rules.units.find(m_words[at + 1].folded);
            if (ordinal && unit != m_rules.units.end() &&
                (unit->second == DateUnit::quarter || unit->second == DateUnit::half)) {
                which = {{*ordinal, unit->second}};
                end = at + 2;
            }
        }
        if (!which || which->first < 1 || which->first > (which->second == DateUnit::quarter ? 4 : 2)) {
            return std::nullopt;
        }
        int month = which->second == DateUnit::quarter ? 3 * which->first - 2 : 6 * which->first - 5;
        auto [year, after] = optional_year(end);
        if (!year && next_year_in_sentence()) {
            year = static_cast<int>(m_received.year()) + 1;
        }
        year_month_day first{m_received.year(), chrono::month(month), chrono::day{1}};
        if (year) {
            first = year_month_day{chrono::year{*year}, chrono::month(month), chrono::day{1}};
        } else if (first <= m_received) {
            first = year_month_day{m_received.year() + chrono::years{1}, chrono::month(month), chrono::day{1}};
        }
        // "Ende Q1", "a fine trimestre": the quarter's last day.
        if (any_ends_at(m_rules.end, at, 1)) {
            first = plus_days(plus_months(first, which->second == DateUnit::quarter ? 3 : 6), -1);
        }
        return DateRead{first, after};
    }

    bool next_year_in_sentence() const { return m_next_year; }

    // "week 35", "KW 35": the Monday of that ISO week, the next one on or after the received day.
    std::optional<DateRead> read_week_number(std::size_t at) const {
        if (at + 1 >= m_words.size() || m_words[at + 1].kind != Word::Kind::number) {
            return std::nullopt;
        }
        auto unit = m_rules.units.find(m_words[at].folded);
        auto number = to_int(m_words[at + 1].folded);
        if (unit == m_rules.units.end() || unit->second != DateUnit::week || !number || *number < 1 || *number > 53) {
            return std::nullopt;
        }
        for (int year = static_cast<int>(m_received.year()); year <= static_cast<int>(m_received.year()) + 1; ++year) {
            // ISO week 1 holds 4 January.
            year_month_day fourth{chrono::year{year}, chrono::January, chrono::day{4}};
            auto monday = plus_days(fourth, 1 - iso_weekday(fourth) + 7 * (*number - 1));
            if (plus_days(monday, 6) >= m_received) {
                return DateRead{monday, at + 2};
            }
        }
        return std::nullopt;
    }

    // "in 2 weeks", "dans deux semaines", "dentro de un mes", "daqui a um mês", "tra due settimane".
    std::optional<DateRead> read_in(std::size_t at) const {
        if (!any_ends_at(m_rules.in, at, 0)) {
            return std::nullopt;
        }
        std::optional<int> count;
        std::size_t next = at;
        if (next < m_words.size() && m_words[next].kind == Word::Kind::number) {
            count = to_int(m_words[next].folded);
            ++next;
        } else if (auto number = name_at(m_words, next, m_rules.numbers)) {
            count = number->first;
            next = number->second;
        }
        if (!count || next >= m_words.size() || *count < 1 || *count > 60) {
            return std::nullopt;
        }
        auto unit = m_rules.units.find(m_words[next].folded);
        if (unit == m_rules.units.end()) {
            return std::nullopt;
        }
        return DateRead{add(unit->second, *count), next + 1};
    }

    year_month_day add(DateUnit unit, int count) const {
        switch (unit) {
        case DateUnit::day:
            return plus_days(m_received, count);
        case DateUnit::week:
            return plus_days(m_received, 7 * count);
        case DateUnit::month:
            return plus_months(m_received, count);
        case DateUnit::quarter:
            return plus_months(m_received, 3 * count);
        case DateUnit::half:
            return plus_months(m_received, 6 * count);
        case DateUnit::year:
            return plus_months(m_received, 12 * count);
        }
        return m_received;
    }

    // "next week", "nächsten Monat", "le mois prochain" is a relative phrase of the rules.
    std::optional<DateRead> read_next(std::size_t at) const {
        if (at == 0 || at >= m_words.size() || !any_ends_at(m_rules.next, at, 0)) {
            return std::nullopt;
        }
        auto unit = m_rules.units.find(m_words[at].folded);
        if (unit == m_rules.units.end()) {
            return std::nullopt;
        }
        switch (unit->second) {
        case DateUnit::day:
            return DateRead{plus_days(m_received, 1), at + 1};
        case DateUnit::week:
            return DateRead{monday_of_next_week(m_received), at + 1};
        case DateUnit::month:
            return DateRead{relative_date(RelativeDate::next_month, m_received), at + 1};
        case DateUnit::quarter: {
            auto month = (static_cast<unsigned>(m_received.month()) - 1) / 3 * 3 + 1;
            auto first = year_month_day{m_received.year(), chrono::month(month), chrono::day{1}};
            return DateRead{plus_months(first, 3), at + 1};
        }
        case DateUnit::half: {
            auto month = static_cast<unsigned>(m_received.month()) <= 6 ? 7 : 13;
            auto first = year_month_day{m_received.year(), chrono::January, chrono::day{1}};
            return DateRead{plus_months(first, static_cast<int>(month) - 1), at + 1};
        }
        case DateUnit::year:
            return DateRead{relative_date(RelativeDate::next_year, m_received), at + 1};
        }
        return std::nullopt;
    }

    // "in 2027".
    // "in 2027"; "Ende 2027", "a fine 2027": its last day.
    std::optional<DateRead> read_year(std::size_t at) const {
        auto year = year_at(at);
        if (!year || *year < static_cast<int>(m_received.year())) {
            return std::nullopt;
        }
        if (any_ends_at(m_rules.end, at, 1)) {
            return DateRead{year_month_day{chrono::year{*year}, chrono::December, chrono::day{31}}, at + 1};
        }
        if (!any_ends_at(m_rules.in, at, 0) || *year == static_cast<int>(m_received.year())) {
            return std::nullopt;
        }
        return DateRead{year_month_day{chrono::year{*year}, chrono::January, chrono::day{1}}, at + 1};
    }

    const std::vector<Word>& m_words;
    const Sentence& m_sentence;
    const DateWords& m_rules;
    year_month_day m_received;
    bool m_next_year; // the sentence says "next year": "Q2 next year"
};

} // namespace

std::optional<DateRead> read_date_at(const Sentence& sentence, const DateWords& words,
                                     std::chrono::year_month_day received, bool next_year, std::size_t at) {
    return SentenceDates(sentence, words, received, next_year).read_at(at);
}

} // namespace campaign::triage
