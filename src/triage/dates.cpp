#include "triage/dates.hpp"

#include <algorithm>
#include <charconv>

namespace campaign::triage {

namespace chrono = std::chrono;
using chrono::year_month_day;

namespace {

struct Read {
    year_month_day day;
    std::size_t end = 0; // the word after the date
};

std::optional<int> to_int(std::string_view digits) {
    int value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    return value;
}

year_month_day plus_days(year_month_day day, int count) {
    return year_month_day{chrono::sys_days{day} + chrono::days{count}};
}

year_month_day plus_months(year_month_day day, int count) {
    auto moved = year_month_day{day.year(), day.month(), chrono::day{1}} + chrono::months{count};
    auto last = year_month_day{chrono::year_month_day_last{moved.year(), chrono::month_day_last{moved.month()}}};
    return year_month_day{moved.year(), moved.month(), std::min(day.day(), last.day())};
}

year_month_day last_day(chrono::year y, chrono::month m) {
    return year_month_day{chrono::year_month_day_last{y, chrono::month_day_last{m}}};
}

// The next day with this day and month on or after `received`, unless the year is given (not 0).
std::optional<year_month_day> next_date(int day, int month, int year, year_month_day received) {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
        return std::nullopt;
    }
    if (year != 0) {
        int full = year < 100 ? year + 2000 : year; // "05/01/27"
        year_month_day given{chrono::year{full}, chrono::month(month), chrono::day(day)};
        return given.ok() ? std::optional(given) : std::nullopt;
    }
    for (int ahead = 0; ahead <= 4; ++ahead) { // four years: 29 February
        year_month_day candidate{received.year() + chrono::years{ahead}, chrono::month(month), chrono::day(day)};
        if (candidate.ok() && candidate >= received) {
            return candidate;
        }
    }
    return std::nullopt;
}

int iso_weekday(year_month_day day) {
    return static_cast<int>(chrono::weekday{chrono::sys_days{day}}.iso_encoding());
}

// The next such weekday after `received` (a week on when it is today).
year_month_day next_weekday(int weekday, year_month_day received) {
    int ahead = (weekday - iso_weekday(received) + 7) % 7;
    return plus_days(received, ahead == 0 ? 7 : ahead);
}

year_month_day monday_of_next_week(year_month_day received) {
    return plus_days(received, 8 - iso_weekday(received));
}

// Easter Sunday by the anonymous Gregorian algorithm (Meeus).
year_month_day easter(int y) {
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
    return year_month_day{chrono::year{y}, chrono::month(month), chrono::day(day)};
}

year_month_day relative_date(RelativeDate relative, year_month_day received) {
    auto y = static_cast<int>(received.year());
    switch (relative) {
    case RelativeDate::tomorrow:
        return plus_days(received, 1);
    case RelativeDate::next_week:
        return monday_of_next_week(received);
    case RelativeDate::next_month:
        return plus_months(year_month_day{received.year(), received.month(), chrono::day{1}}, 1);
    case RelativeDate::next_year:
        return year_month_day{chrono::year{y + 1}, chrono::January, chrono::day{1}};
    case RelativeDate::after_holidays: {
        // The first Monday on or after 2 January; in the first days of January, this January's.
        int next = received.month() == chrono::January && static_cast<unsigned>(received.day()) <= 6 ? y : y + 1;
        auto second = year_month_day{chrono::year{next}, chrono::January, chrono::day{2}};
        return plus_days(second, (8 - iso_weekday(second)) % 7);
    }
    case RelativeDate::after_summer: {
        int next = received.month() >= chrono::September ? y + 1 : y;
        return year_month_day{chrono::year{next}, chrono::September, chrono::day{1}};
    }
    case RelativeDate::end_of_month:
        return last_day(received.year(), received.month());
    case RelativeDate::after_easter: {
        auto tuesday = plus_days(easter(y), 2);
        return tuesday >= received ? tuesday : plus_days(easter(y + 1), 2);
    }
    }
    return received;
}

class SentenceDates {
public:
    SentenceDates(const Sentence& sentence, const DateWords& words, year_month_day received, bool next_year)
        : m_words(sentence.words), m_sentence(sentence), m_rules(words), m_received(received), m_next_year(next_year) {}

    std::optional<Read> read_at(std::size_t at) const {
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

    std::optional<Read> read_weekday(std::size_t at) const {
        auto weekday = name_at(m_words, at, m_rules.weekdays);
        if (!weekday) {
            return std::nullopt;
        }
        // "lundi 24 août", "Thursday, January 8th": the date says more than the weekday.
        auto next = weekday->second;
        if (next < m_words.size() && m_words[next].folded == "the") {
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
        return Read{next_weekday(weekday->first, m_received), weekday->second};
    }

    // "01.04.", "1.4.2027", "05/01/2027", "8/1", "2027-01-12": day before month, unless only the other way is a date.
    std::optional<Read> read_numeric(std::size_t at) const {
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
            return day ? std::optional(Read{*day, at + 1}) : std::nullopt;
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
        return day ? std::optional(Read{*day, at + 1}) : std::nullopt;
    }

    // "12 January", "12. Januar", "3 de marzo", "1er février", "12th of January 2027".
    std::optional<Read> read_day_month(std::size_t at) const {
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
        return date ? std::optional(Read{*date, end}) : std::nullopt;
    }

    // "hasta el 17", "regresso dia 24", "retour le 12": a day alone, after a marker, is the next such day.
    std::optional<Read> read_bare_day(std::size_t at) const {
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

    std::optional<Read> next_day_of_month(int day, std::size_t end) const {
        for (int ahead = 0; ahead <= 2; ++ahead) {
            auto month = plus_months(year_month_day{m_received.year(), m_received.month(), chrono::day{1}}, ahead);
            year_month_day date{month.year(), month.month(), chrono::day(static_cast<unsigned>(day))};
            if (date.ok() && date >= m_received) {
                return Read{date, end};
            }
        }
        return std::nullopt;
    }

    // "a finales de mes", "fin d'année", "end of the year": the last day of this month or year.
    std::optional<Read> read_end_of_unit(std::size_t at) const {
        if (at >= m_words.size() || !any_ends_at(m_rules.end, at, 1)) {
            return std::nullopt;
        }
        auto unit = m_rules.units.find(m_words[at].folded);
        if (unit == m_rules.units.end()) {
            return std::nullopt;
        }
        if (unit->second == DateUnit::month) {
            return Read{last_day(m_received.year(), m_received.month()), at + 1};
        }
        if (unit->second == DateUnit::year) {
            return Read{year_month_day{m_received.year(), chrono::December, chrono::day{31}}, at + 1};
        }
        return std::nullopt;
    }

    // "January 12th", "January 12, 2027", "mid-January", "end of March", "in May", "a finales de enero".
    std::optional<Read> read_month(std::size_t at) const {
        auto month = month_at(at);
        if (!month) {
            return std::nullopt;
        }
        if (auto day = day_number(month->second)) {
            auto [year, end] = optional_year(month->second + 1);
            if (auto date = next_date(*day, month->first, year.value_or(0), m_received)) {
                return Read{*date, end};
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
            return Read{year_month_day{first->year(), first->month(), chrono::day{15}}, after};
        }
        if (end) {
            return Read{last_day(first->year(), first->month()), after};
        }
        return Read{*first, after};
    }

    // The first day of a quarter or a half: "Q2", "T3", "H2", "second quarter", "2.º trimestre", "im 3. Quartal".
    std::optional<Read> read_quarter(std::size_t at) const {
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
        return Read{first, after};
    }

    bool next_year_in_sentence() const { return m_next_year; }

    // "week 35", "KW 35": the Monday of that ISO week, the next one on or after the received day.
    std::optional<Read> read_week_number(std::size_t at) const {
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
                return Read{monday, at + 2};
            }
        }
        return std::nullopt;
    }

    // "in 2 weeks", "dans deux semaines", "dentro de un mes", "daqui a um mês", "tra due settimane".
    std::optional<Read> read_in(std::size_t at) const {
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
        return Read{add(unit->second, *count), next + 1};
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
    std::optional<Read> read_next(std::size_t at) const {
        if (at == 0 || at >= m_words.size() || !any_ends_at(m_rules.next, at, 0)) {
            return std::nullopt;
        }
        auto unit = m_rules.units.find(m_words[at].folded);
        if (unit == m_rules.units.end()) {
            return std::nullopt;
        }
        switch (unit->second) {
        case DateUnit::day:
            return Read{plus_days(m_received, 1), at + 1};
        case DateUnit::week:
            return Read{monday_of_next_week(m_received), at + 1};
        case DateUnit::month:
            return Read{relative_date(RelativeDate::next_month, m_received), at + 1};
        case DateUnit::quarter: {
            auto month = (static_cast<unsigned>(m_received.month()) - 1) / 3 * 3 + 1;
            auto first = year_month_day{m_received.year(), chrono::month(month), chrono::day{1}};
            return Read{plus_months(first, 3), at + 1};
        }
        case DateUnit::half: {
            auto month = static_cast<unsigned>(m_received.month()) <= 6 ? 7 : 13;
            auto first = year_month_day{m_received.year(), chrono::January, chrono::day{1}};
            return Read{plus_months(first, static_cast<int>(month) - 1), at + 1};
        }
        case DateUnit::year:
            return Read{relative_date(RelativeDate::next_year, m_received), at + 1};
        }
        return std::nullopt;
    }

    // "in 2027".
    std::optional<Read> read_year(std::size_t at) const {
        auto year = year_at(at);
        if (!year || !any_ends_at(m_rules.in, at, 0) || *year <= static_cast<int>(m_received.year())) {
            return std::nullopt;
        }
        return Read{year_month_day{chrono::year{*year}, chrono::January, chrono::day{1}}, at + 1};
    }

    const std::vector<Word>& m_words;
    const Sentence& m_sentence;
    const DateWords& m_rules;
    year_month_day m_received;
    bool m_next_year; // the sentence says "next year": "Q2 next year"
};

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
            std::optional<Read> read;
            const DateWords* words = nullptr;
            for (const auto* language : languages) {
                SentenceDates reader(sentence, language->dates, received, next_year);
                if ((read = reader.read_at(at))) {
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
