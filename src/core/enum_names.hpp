// Enums stored and typed as words: each enum keeps its names in an array in the order of its values.
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace campaign::core {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::array<std::string_view, N>& names, std::string_view text) {
    auto found = std::find(names.begin(), names.end(), text);
    if (found == names.end()) {
        return std::nullopt;
    }
    return static_cast<Enum>(found - names.begin());
}

} // namespace campaign::core
