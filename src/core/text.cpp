#include "core/text.hpp"

#include <algorithm>
#include <locale>
#include <numeric>
#include <stdexcept>

namespace campaign::core {

namespace {

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            std::size_t substitution = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::string to_lower_ascii(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(), lower);
    return result;
}

std::string_view trim(std::string_view text) {
    constexpr std::string_view k_space = " \t\r\n";
    auto first = text.find_first_not_of(k_space);
    if (first == std::string_view::npos) {
        return {};
    }
    auto last = text.find_last_not_of(k_space);
    return text.substr(first, last - first + 1);
}

bool iequals_ascii(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool icontains_ascii(std::string_view haystack, std::string_view needle) {
    auto found = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                             [](char x, char y) { return lower(x) == lower(y); });
    return found != haystack.end() || needle.empty();
}

std::string field_name(std::string_view header) {
    std::string name;
    bool pending_separator = false;
    for (char c : to_lower_ascii(trim(header))) {
        bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (static_cast<unsigned char>(c) >= 0x80);
        if (!word) {
            pending_separator = !name.empty();
            continue;
        }
        if (pending_separator) {
            name += '_';
            pending_separator = false;
        }
        name += c;
    }
    return name;
}

std::vector<std::string> split_list(std::string_view text, std::string_view separators) {
    std::vector<std::string> pieces;
    while (!text.empty()) {
        auto end = text.find_first_of(separators);
        auto piece = trim(text.substr(0, end));
        if (!piece.empty()) {
            pieces.emplace_back(piece);
        }
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
    return pieces;
}

std::size_t utf8_length(std::string_view text) {
    // Continuation bytes (10xxxxxx) do not start a code point.
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {

char32_t decode_at(std::string_view text, std::size_t& i) {
    auto byte = static_cast<unsigned char>(text[i++]);
    int extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0;
    char32_t code = extra == 0 ? byte : byte & (0x3F >> extra);
    for (; extra > 0 && i < text.size(); --extra) {
        code = (code << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
    }
    return code;
}

bool is_wide(char32_t code) {
    return (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF && code != 0x303F) ||
           (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
           (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
           (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x1F300 && code <= 0x1F64F) ||
           (code >= 0x1F900 && code <= 0x1F9FF) || (code >= 0x20000 && code <= 0x3FFFD);
}

void append_utf8(std::string& text, char32_t code) {
    if (code < 0x80) {
        text += static_cast<char>(code);
    } else if (code < 0x800) {
        text += static_cast<char>(0xC0 | (code >> 6));
        text += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        text += static_cast<char>(0xE0 | (code >> 12));
        text += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        text += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        text += static_cast<char>(0xF0 | (code >> 18));
        text += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        text += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        text += static_cast<char>(0x80 | (code & 0x3F));
    }
}

const std::ctype<wchar_t>* unicode_case() {
    // C.UTF-8 is built into glibc; without it, only ASCII is folded.
    static const std::ctype<wchar_t>* facet = []() -> const std::ctype<wchar_t>* {
        try {
            static const std::locale locale("C.UTF-8");
            return &std::use_facet<std::ctype<wchar_t>>(locale);
        } catch (const std::runtime_error&) {
            return nullptr;
        }
    }();
    return facet;
}

} // namespace

std::string to_lower_utf8(std::string_view text) {
    const auto* facet = unicode_case();
    if (!facet || !is_valid_utf8(text)) {
        return to_lower_ascii(text);
    }
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        auto code = decode_at(text, i);
        if (code < 0x80) {
            result += lower(static_cast<char>(code));
        } else {
            append_utf8(result, static_cast<char32_t>(facet->tolower(static_cast<wchar_t>(code))));
        }
    }
    return result;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        auto code = decode_at(text, i);
        bool combining = code >= 0x0300 && code <= 0x036F;
        width += combining ? 0 : is_wide(code) ? 2 : 1;
    }
    return width;
}

bool is_valid_utf8(std::string_view text) {
    // RFC 3629: the second byte's range depends on the lead byte, which rules out overlong forms, the UTF-16
    // surrogates (U+D800 to U+DFFF, that JSON and SQLite's text functions refuse) and code points past U+10FFFF.
    std::size_t i = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            ++i;
            continue;
        }
        std::size_t extra = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (byte >= 0xC2 && byte <= 0xDF) {
            extra = 1;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            extra = 2;
            low = byte == 0xE0 ? 0xA0 : 0x80;
            high = byte == 0xED ? 0x9F : 0xBF;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            extra = 3;
            low = byte == 0xF0 ? 0x90 : 0x80;
            high = byte == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false; // a stray continuation byte, an overlong lead byte or one beyond Unicode
        }
        if (i + extra >= text.size()) {
            return false;
        }
        auto second = static_cast<unsigned char>(text[i + 1]);
        if (second < low || second > high) {
            return false;
        }
        for (std::size_t k = 2; k <= extra; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                return false;
            }
        }
        i += extra + 1;
    }
    return true;
}

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (auto candidate : candidates) {
        auto distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(candidate);
        }
    }
    return best;
}

namespace {

bool is_word_character(unsigned char c) {
    // Bytes of multi-byte UTF-8 characters count as letters, so "stopé" is one word.
    return std::isalnum(c) != 0 || c >= 0x80;
}

} // namespace

bool contains_phrase(std::string_view text, std::string_view phrase) {
    return contains_lowered_phrase(to_lower_utf8(text), to_lower_utf8(trim(phrase)));
}

bool contains_lowered_phrase(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) {
        return false;
    }
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
        auto end = at + needle.size();
        bool starts_word = at == 0 || !is_word_character(static_cast<unsigned char>(haystack[at - 1]));
        bool ends_word = end == haystack.size() || !is_word_character(static_cast<unsigned char>(haystack[end]));
        if (starts_word && ends_word) {
            return true;
        }
    }
    return false;
}

} // namespace campaign::core
