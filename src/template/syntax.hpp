// The syntax of a message template: Mustache's tags, with its rules for standalone lines and delimiters, plus the
// outreach additions, fallbacks ({{first_name | there}}) and spintax ({Hi|Hello}). A template is parsed once into
// this tree, which every use shares: rendering, the missing-value check, the audience check and validate's checks.
// Every problem is reported at its line and column.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

// `template` is a C++ keyword, so the module's namespace is `templating`.
namespace campaign::templating {

enum class NodeKind {
    text,     // literal text: what the template says, its escapes (\{ \} \|) and lone braces made plain characters
    variable, // {{name}}, {{{name}}}, {{&name}}, with an optional fallback
    section,  // {{#name}}...{{/name}}
    inverted, // {{^name}}...{{/name}}
    partial,  // {{> name}}
    spintax,  // {a|b|c}: one option is chosen per prospect and step
};

struct Node;
using Nodes = std::vector<Node>;

struct Node {
    NodeKind kind = NodeKind::text;
    std::string text;                    // text: the text; tags: the name
    std::optional<std::string> fallback; // variables only
    std::string indentation;             // a partial alone on its line: the whitespace before it, for each line
    Nodes children;                      // section and inverted: their content
    std::vector<Nodes> options;          // spintax: its options
    int ordinal = 0;                     // spintax: its number in the file, part of what makes the choice stable
    core::SourceLocation location;
};

// How deep sections and spintax groups may nest, counted together: {{#a}}{x|{{#b}}...{{/b}}}{{/a}} is 3 levels.
inline constexpr int k_max_nesting = 32;

// How deep partials may include partials.
inline constexpr std::size_t k_partial_depth = 16;

struct SourceText {
    std::string_view file_text; // the whole file, so that locations count from its first line
    std::size_t begin = 0;      // the part to parse, which starts and ends a line
    std::size_t end = 0;
    std::string file; // the name diagnostics show
};

// Parses [begin, end) of the file. Spintax groups are numbered from `ordinal` on, which is advanced past them.
Nodes parse_template(const SourceText& source, int& ordinal, core::Diagnostics& diagnostics);

inline Nodes parse_template(std::string_view text, const std::string& file, core::Diagnostics& diagnostics) {
    int ordinal = 0;
    return parse_template(SourceText{text, 0, text.size(), file}, ordinal, diagnostics);
}

// Every node of the tree, in every spintax option, parents before their children.
void for_each_node(const Nodes& nodes, const std::function<void(const Node&)>& visit);

} // namespace campaign::templating
