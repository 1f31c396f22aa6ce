// Which variable a rendering would leave empty: a message must never go out as "Hi ,". Sections are followed as mstch
// follows them (a section on an empty value is skipped), so {{#company}}at {{company}}{{/company}} never lacks one.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "template/rewrite.hpp"
#include "template/values.hpp"

namespace campaign::templating {

struct MissingValue {
    std::string name;
    core::SourceLocation location; // of the variable's tag
};

// The nodes of partial `name`, or nullptr when there is none.
using PartialFinder = std::function<const Nodes*(std::string_view name)>;

// The first variable without a fallback that has no value, in the spintax options `choose` picks.
std::optional<MissingValue> find_missing(const Nodes& nodes, std::string_view file, const Values& values,
                                         const Chooser& choose, const PartialFinder& partials);

} // namespace campaign::templating
