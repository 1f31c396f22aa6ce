// The optional header of a template file: a first line "---", then "key: value" lines, then "---". It holds what is
// not the message body: the subject of an InMail, and a shorter template for prospects the body is too long for.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace campaign::templating {

inline constexpr std::array<std::string_view, 2> k_header_keys{"subject", "shorter"};

struct Header {
    std::optional<std::pair<std::size_t, std::size_t>> subject; // where the subject's template is in the file
    std::string shorter;
    core::SourceLocation shorter_location;
    std::size_t body_begin = 0; // where the body starts in the file
};

Header parse_header(std::string_view text, const std::string& file, core::Diagnostics& diagnostics);

} // namespace campaign::templating
