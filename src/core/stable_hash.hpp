// Choices that must come out the same on every run (which sender, which A/B variant, which spintax option) are a
// hash of what they are about, not a draw from a generator: a rerun, another machine or a restored backup agrees.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace campaign::core {

// FNV-1a over the parts, with a separator between them so that ("ab", "c") and ("a", "bc") differ.
std::uint64_t stable_hash(std::initializer_list<std::string_view> parts);

// The hash as a number in [0, 1), to compare with a probability or a cumulative weight.
double unit_interval(std::uint64_t hash);

} // namespace campaign::core
