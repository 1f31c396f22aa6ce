// The syntax of a message template: Mustache tags, plus the outreach additions that mstch does not know, fallbacks
// ({{first_name | there}}) and spintax ({Hi|Hello}). Parsing it here, before mstch sees it, is what lets every
// problem be reported at its line and column, and lets the additions be rewritten into plain Mustache.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

// `template` is a C++ keyword, so the module's namespace is `templating`.
namespace campaign::templating {

enum class NodeKind {
    text,        // literal text, passed to mstch as it is
    literal,     // a brace or bar the template escaped (\{ \} \|), or the braces of a group without options
    variable,    // {{name}}, {{{name}}}, {{&name}}, with an optional fallback
    section,     // {{#name}}...{{/name}}
    inverted,    // {{^name}}...{{/name}}
    partial,     // {{> name}}
    passthrough, // comments and delimiter changes: kept for mstch, meaningless to the checks
    spintax,     // {a|b|c}: one option is chosen per prospect and step
    braced,      // {a}: braces around text without a '|' are literal text
};

struct Delimiters {
    std::string open = "{{";
    std::string close = "}}";
};

struct Node {
    NodeKind kind = NodeKind::text;
    std::string text;                       // text and literal: the text; tags: the name
    std::string source;                     // a tag as written, delimiters included (a section's opening tag)
    std::string closing;                    // a section's closing tag as written
    std::optional<std::string> fallback;    // variables only
    std::vector<Node> children;             // section, inverted and braced: their content
    std::vector<std::vector<Node>> options; // spintax: its options
    int ordinal = 0;                        // spintax: its number in the file, part of what makes the choice stable
    Delimiters delimiters;                  // in force where the node is, for the tags the rewriting writes
    core::SourceLocation location;
};

using Nodes = std::vector<Node>;

// How deep sections and spintax groups may nest, counted together: {{#a}}{x|{{#b}}...{{/b}}}{{/a}} is 3 levels.
inline constexpr int k_max_nesting = 32;

struct SourceText {
    std::string_view file_text; // the whole file, so that locations count from its first line
    std::size_t begin = 0;      // the part to parse
    std::size_t end = 0;
    std::string file; // the name diagnostics show
};

// Parses [begin, end) of the file. Spintax groups are numbered from `ordinal` on, which is advanced past them.
Nodes parse_template(const SourceText& source, int& ordinal, core::Diagnostics& diagnostics);

inline Nodes parse_template(std::string_view text, const std::string& file, core::Diagnostics& diagnostics) {
    int ordinal = 0;
    return parse_template(SourceText{text, 0, text.size(), file}, ordinal, diagnostics);
}

} // namespace campaign::templating
