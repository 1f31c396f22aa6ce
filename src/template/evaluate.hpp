// A parsed template rendered for one prospect's values, in one walk of the tree that also checks it: the text comes
// out whole, or the walk stops at the first variable without a fallback that has no value, so that no message goes
// out as "Hi ,". Names, sections and partials follow the Mustache specification over the flat values of values.hpp;
// the spintax options are those a Chooser picks.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "template/syntax.hpp"
#include "template/values.hpp"

namespace campaign::templating {

struct MissingValue {
    std::string name;
    core::SourceLocation location; // of the variable's tag
};

// The option chosen for spintax group `ordinal` of file `file` (the template's name, or "partials/<name>"): a number
// below `count`.
using Chooser = std::function<std::size_t(std::string_view file, int ordinal, std::size_t count)>;

// The nodes of partial `name`, or nullptr when there is none.
using PartialFinder = std::function<const Nodes*(std::string_view name)>;

// The file a partial's spintax choices are keyed to.
inline std::string partial_file(std::string_view name) {
    return "partials/" + std::string(name);
}

struct Evaluation {
    std::string text;                    // empty when a value is missing
    std::optional<MissingValue> missing; // the first variable without a fallback that has no value
};

// A section shows its content when its value is there and is not one of these words, in any case and with spaces
// around it: "false", "no", "0". An inverted section shows when the section would not.
bool is_falsey(std::string_view value);

Evaluation evaluate(const Nodes& nodes, std::string_view file, const Values& values, const Chooser& choose,
                    const PartialFinder& partials);

} // namespace campaign::templating
