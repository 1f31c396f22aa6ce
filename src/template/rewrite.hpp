// The parsed template written back as plain Mustache for mstch: each spintax group replaced by its chosen option,
// each fallback by a section and an inverted section, each escaped brace by a variable that holds it. Everything
// else is written as it was, so that mstch's reading of it (standalone lines, delimiters) is the template's own.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "template/syntax.hpp"

namespace campaign::templating {

// The option chosen for spintax group `ordinal` of file `file` (the template's name, or "partials/<name>"): a number
// below `count`.
using Chooser = std::function<std::size_t(std::string_view file, int ordinal, std::size_t count)>;

// The names of the variables that stand for escaped characters; they cannot be field names, which have no '-'.
inline constexpr std::string_view k_open_brace_variable = "-open-brace-";
inline constexpr std::string_view k_close_brace_variable = "-close-brace-";
inline constexpr std::string_view k_bar_variable = "-bar-";

// The file a partial's spintax choices are keyed to.
inline std::string partial_file(std::string_view name) {
    return "partials/" + std::string(name);
}

std::string to_mustache(const Nodes& nodes, std::string_view file, const Chooser& choose);

// Every node of the tree, in every spintax option, parents before their children.
void for_each_node(const Nodes& nodes, const std::function<void(const Node&)>& visit);

} // namespace campaign::templating
