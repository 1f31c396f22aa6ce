#include "triage/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <utf8proc.h>

namespace campaign::triage {

namespace {

struct CodePoint {
    utf8proc_int32_t value = -1; // -1 for a byte that is not UTF-8
    std::size_t size = 1;
};

CodePoint code_point_at(std::string_view text, std::size_t at) {
    utf8proc_int32_t value = 0;
    auto size = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                 static_cast<utf8proc_ssize_t>(text.size() - at), &value);
    if (size <= 0) {
        return {};
    }
    return {value, static_cast<std::size_t>(size)};
}

bool is_apostrophe(utf8proc_int32_t c) {
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4 || c == '`';
}

bool is_letter(utf8proc_int32_t c) {
    if (c < 0) {
        return false;
    }
    auto category = utf8proc_category(c);
    return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
           (category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME) || c == 0x00B0; // 2°
}

bool is_digit(utf8proc_int32_t c) {
    return c >= '0' && c <= '9';
}

bool is_space(utf8proc_int32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

// Emoji and other pictographs end a sentence as a full stop would ("Yes 👍 send it").
bool is_pictograph(utf8proc_int32_t c) {
    return c >= 0x1F000 || (c >= 0x2600 && c <= 0x27BF);
}

bool is_sentence_end(utf8proc_int32_t c) {
    return c == '!' || c == '?' || c == ';' || c == '\n' || c == 0x2026 || c == 0x00A1 || c == 0x00BF ||
           is_pictograph(c);
}

bool is_clause_end(utf8proc_int32_t c) {
    return c == ',' || c == ':' || c == '(' || c == ')' || c == '"' || c == 0x2013 || c == 0x2014 || c == 0x201C ||
           c == 0x201D || c == 0x00AB || c == 0x00BB;
}

// The end of the whitespace-separated chunk starting at `at`.
std::size_t chunk_end(std::string_view text, std::size_t at) {
    while (at < text.size()) {
        auto c = code_point_at(text, at);
        if (is_space(c.value) || c.value == '\n') {
            break;
        }
        at += c.size;
    }
    return at;
}

std::string_view strip_trailing_punctuation(std::string_view chunk) {
    while (!chunk.empty() && std::string_view(".,;:!?)]>\"'").find(chunk.back()) != std::string_view::npos) {
        chunk.remove_suffix(1);
    }
    return chunk;
}

// An e-mail address, a profile or another link: one word, whatever punctuation it holds.
bool read_address(std::string_view chunk, Word& word) {
    auto address = strip_trailing_punctuation(chunk);
    while (!address.empty() && std::string_view("(<[\"'").find(address.front()) != std::string_view::npos) {
        address.remove_prefix(1);
    }
    auto folded = fold(address);
    auto at = folded.find('@');
    if (at != std::string::npos && at > 0 && folded.find('.', at) != std::string::npos &&
        folded.find("://") == std::string::npos) {
        word.kind = Word::Kind::email;
    } else if (folded.find("linkedin.com/in/") != std::string::npos) {
        word.kind = Word::Kind::profile;
    } else if (folded.starts_with("http://") || folded.starts_with("https://") || folded.starts_with("www.")) {
        word.kind = Word::Kind::link;
    } else {
        return false;
    }
    word.folded = std::move(folded);
    word.begin = static_cast<std::size_t>(address.data() - chunk.data());
    word.end = word.begin + address.size();
    return true;
}

class Reader {
public:
    explicit Reader(std::string_view text) : m_text(text) {}

    std::vector<Sentence> read() {
        std::size_t at = 0;
        while (at < m_text.size()) {
            auto c = code_point_at(m_text, at);
            if (is_space(c.value)) {
                at += c.size;
                continue;
            }
            if (Word address; read_address(m_text.substr(at, chunk_end(m_text, at) - at), address)) {
                address.begin += at;
                address.end += at;
                at = address.end; // the punctuation after it still ends a clause or a sentence
                add(std::move(address));
                continue;
            }
            if (is_digit(c.value)) {
                at = read_number(at);
            } else if (is_letter(c.value)) {
                at = read_word(at);
            } else {
                at = read_punctuation(at, c);
            }
        }
        end_sentence();
        return std::move(m_sentences);
    }

private:
    std::size_t read_word(std::size_t at) {
        auto begin = at;
        while (at < m_text.size()) {
            auto c = code_point_at(m_text, at);
            if (is_letter(c.value) || is_digit(c.value)) {
                at += c.size;
                continue;
            }
            // An apostrophe inside a word belongs to it: "can't", "m'envoyer", "dell'anno".
            if (is_apostrophe(c.value) && at + c.size < m_text.size() &&
                is_letter(code_point_at(m_text, at + c.size).value)) {
                at += c.size;
                continue;
            }
            break;
        }
        add_word(begin, at, Word::Kind::word);
        return at;
    }

    // "14", "01.04.", "3/2", "2027-01-12", "12:30", and ordinals: "1st", "1er", "2.º", "3°".
    std::size_t read_number(std::size_t at) {
        auto begin = at;
        int separators = 0;
        while (at < m_text.size()) {
            char c = m_text[at];
            if (is_digit(static_cast<unsigned char>(c))) {
                ++at;
            } else if ((c == '.' || c == '/' || c == '-') && at + 1 < m_text.size() &&
                       is_digit(static_cast<unsigned char>(m_text[at + 1]))) {
                ++separators;
                ++at;
            } else {
                break;
            }
        }
        // The day and month of "ab dem 01.04." keep their closing dot.
        if (separators == 1 && at < m_text.size() && m_text[at] == '.' &&
            m_text.substr(begin, at - begin).find('.') != std::string_view::npos) {
            ++at;
        }
        // An ordinal's mark: "2.º", then the letters of "1st" or "1er".
        if (at + 1 < m_text.size() && m_text[at] == '.') {
            auto next = code_point_at(m_text, at + 1).value;
            if (next == 0x00BA || next == 0x00AA || next == 0x00B0) {
                ++at;
            }
        }
        bool ordinal = false;
        while (at < m_text.size()) {
            auto c = code_point_at(m_text, at);
            if (!is_letter(c.value)) {
                break;
            }
            ordinal = true;
            at += c.size;
        }
        add_word(begin, at, ordinal ? Word::Kind::word : Word::Kind::number);
        // "12." before a month or a weekday is an ordinal, not the end of a sentence.
        if (!ordinal && separators == 0 && at < m_text.size() && m_text[at] == '.') {
            ++at;
        }
        return at;
    }

    std::size_t read_punctuation(std::size_t at, CodePoint c) {
        if (c.value == '.') {
            // "..." and "." end a sentence; the dots of an abbreviation ("z.B.", "t.e.m.", "a.u.b.") do not.
            bool inside = at + 1 < m_text.size() && is_letter(code_point_at(m_text, at + 1).value);
            bool abbreviation = at >= 2 && is_letter(static_cast<unsigned char>(m_text[at - 1])) &&
                                (m_text[at - 2] == '.' || (at >= 3 && m_text[at - 3] == '.'));
            // "bis einschl. 08.05.", "ca. drei Wochen": what follows a dot in lower case or digits goes on.
            if (!inside && at + 2 < m_text.size() && m_text[at + 1] == ' ') {
                auto next = code_point_at(m_text, at + 2).value;
                abbreviation =
                    abbreviation || is_digit(next) || (next >= 0 && utf8proc_category(next) == UTF8PROC_CATEGORY_LL);
            }
            inside || abbreviation ? end_clause() : end_sentence();
        } else if (c.value == '-') {
            // A dash between spaces separates clauses; inside a word ("follow-up") it separates words.
            bool spaced = at + 1 >= m_text.size() || is_space(code_point_at(m_text, at + 1).value);
            if (spaced) {
                end_clause();
            }
        } else if (is_sentence_end(c.value)) {
            end_sentence();
        } else if (is_clause_end(c.value)) {
            end_clause();
        }
        return at + c.size;
    }

    void add_word(std::size_t begin, std::size_t end, Word::Kind kind) {
        Word word;
        word.folded = fold(m_text.substr(begin, end - begin));
        word.begin = begin;
        word.end = end;
        word.kind = kind;
        auto first = code_point_at(m_text, begin).value;
        word.capital = first >= 0 && (utf8proc_category(first) == UTF8PROC_CATEGORY_LU ||
                                      utf8proc_category(first) == UTF8PROC_CATEGORY_LT);
        word.all_capitals = word.capital;
        for (std::size_t at = begin; at < end && word.all_capitals;) {
            auto c = code_point_at(m_text, at);
            word.all_capitals = c.value < 0 || utf8proc_category(c.value) != UTF8PROC_CATEGORY_LL;
            at += c.size;
        }
        add(std::move(word));
    }

    void add(Word word) {
        word.clause = m_clause;
        m_current.words.push_back(std::move(word));
    }

    void end_clause() { ++m_clause; }

    void end_sentence() {
        if (!m_current.words.empty()) {
            m_sentences.push_back(std::move(m_current));
            m_current = {};
        }
        ++m_clause;
    }

    std::string_view m_text;
    std::vector<Sentence> m_sentences;
    Sentence m_current;
    int m_clause = 0;
};

} // namespace

std::string fold(std::string_view text) {
    // Most words of replies and rules are ASCII, whose folding is its lower case.
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string lower(text);
        for (auto& c : lower) {
            c = c == '`' ? '\'' : (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
        return lower;
    }
    std::string apostrophes;
    apostrophes.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        auto c = code_point_at(text, at);
        if (c.value >= 0 && is_apostrophe(c.value)) {
            apostrophes += '\'';
        } else if (c.value == 0x0153 || c.value == 0x0152) { // œ, which Unicode does not decompose: "coeur"
            apostrophes += "oe";
        } else if (c.value == 0x00E6 || c.value == 0x00C6) { // æ
            apostrophes += "ae";
        } else {
            apostrophes.append(text.substr(at, c.size));
        }
        at += c.size;
    }
    utf8proc_uint8_t* mapped = nullptr;
    auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                  UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
    auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(apostrophes.data()),
                               static_cast<utf8proc_ssize_t>(apostrophes.size()), &mapped, options);
    if (length < 0) {
        return apostrophes; // not UTF-8: compared byte for byte
    }
    std::string result(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    std::free(mapped);
    return result;
}

std::vector<Sentence> read_sentences(std::string_view text) {
    return Reader(text).read();
}

} // namespace campaign::triage
