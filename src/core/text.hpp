// Small text utilities shared by the modules: ASCII case folding, trimming, UTF-8 length and "did you mean".
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace campaign::core {

std::string to_lower_ascii(std::string_view text);
// Unicode lower case of UTF-8 text ("ŁUKASZ" -> "łukasz"), as the C.UTF-8 locale maps single characters.
std::string to_lower_utf8(std::string_view text);
std::string_view trim(std::string_view text);
bool iequals_ascii(std::string_view a, std::string_view b);
bool icontains_ascii(std::string_view haystack, std::string_view needle);

// Whether `text` contains `phrase` as whole words, ignoring case: "stop" is in "Please STOP." but not in "nonstop".
bool contains_phrase(std::string_view text, std::string_view phrase);
// The same for text and phrase already lowered with to_lower_utf8 (and the phrase trimmed): for many phrases
// against one text.
bool contains_lowered_phrase(std::string_view text, std::string_view phrase);

// A column header as a field and template variable name: "Connected On" -> "connected_on".
std::string field_name(std::string_view header);

// The pieces one after the other, `separator` between each two: join({"a", "b"}, ", ") is "a, b".
template <typename Pieces>
std::string join(const Pieces& pieces, std::string_view separator) {
    std::string joined;
    for (const auto& piece : pieces) {
        if (!joined.empty()) {
            joined += separator;
        }
        joined += piece;
    }
    return joined;
}

// Splits on any of the separator characters, trims each piece and drops the empty ones.
std::vector<std::string> split_list(std::string_view text, std::string_view separators);

// Number of Unicode code points in a UTF-8 string (invalid bytes count one each).
std::size_t utf8_length(std::string_view text);
bool is_valid_utf8(std::string_view text);
// Columns the text takes in a terminal: East Asian wide characters and emoji take two.
std::size_t display_width(std::string_view text);

// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates);

} // namespace campaign::core
