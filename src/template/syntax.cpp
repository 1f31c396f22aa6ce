#include "template/syntax.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace campaign::templating {

namespace {

// What ended a sequence of nodes.
enum class End { input, closing_tag, bar, brace };

struct Ending {
    End how = End::input;
    std::string name;   // of a closing tag
    std::string source; // of a closing tag
    core::SourceLocation location;
};

// Where a sequence is: inside which section, and whether inside a spintax option.
struct Scope {
    const std::string* section = nullptr;
    const std::string* outer_section = nullptr; // the section a spintax group is in
    bool in_group = false;
};

struct Tag {
    char sigil = 0; // 0 for a plain variable
    std::string content;
    std::string source;
    core::SourceLocation location;
};

bool is_escapable(char c) {
    return c == '{' || c == '}' || c == '|';
}

bool is_name(std::string_view name) {
    return !name.empty() && name.find_first_of(" \t\r\n{}|") == std::string_view::npos;
}

class Parser {
public:
    Parser(const SourceText& source, int& ordinal, core::Diagnostics& diagnostics)
        : m_source(source), m_text(source.file_text), m_pos(source.begin), m_ordinal(ordinal),
          m_diagnostics(diagnostics) {}

    Nodes parse() {
        Ending ending;
        return sequence(Scope{}, ending);
    }

private:
    Nodes sequence(const Scope& scope, Ending& ending);
    bool handle_tag(const Scope& scope, Nodes& nodes, Ending& ending);
    std::optional<Tag> read_tag();
    Node section(const Tag& tag, const Scope& outer);
    Node group(const Scope& outer);
    Node variable(const Tag& tag);
    void change_delimiters(const Tag& tag);
    bool ends_option(const Scope& scope, char c);
    bool too_deep(const core::SourceLocation& location, const std::string& what);
    void add_text(Nodes& nodes, char c);

    core::SourceLocation where(std::size_t offset) const;
    void error(const core::SourceLocation& location, std::string message) {
        m_diagnostics.push_back({location, std::move(message)});
    }
    Node node(NodeKind kind, const core::SourceLocation& location) const {
        Node result;
        result.kind = kind;
        result.delimiters = m_delimiters;
        result.location = location;
        return result;
    }

    const SourceText& m_source;
    std::string_view m_text;
    std::size_t m_pos;
    int& m_ordinal;
    core::Diagnostics& m_diagnostics;
    Delimiters m_delimiters;
    int m_depth = 0;        // of the sections and spintax groups open where the parser is
    bool m_gave_up = false; // nested too deep: the rest of the file is not read
};

core::SourceLocation Parser::where(std::size_t offset) const {
    auto before = m_text.substr(0, offset);
    int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    auto line_start = before.rfind('\n');
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    auto column = core::utf8_length(before.substr(line_start)) + 1;
    return {m_source.file, line, static_cast<int>(column)};
}

Nodes Parser::sequence(const Scope& scope, Ending& ending) {
    Nodes nodes;
    while (m_pos < m_source.end) {
        if (m_text.substr(m_pos).starts_with(m_delimiters.open)) {
            if (handle_tag(scope, nodes, ending)) {
                return nodes;
            }
            continue;
        }
        char c = m_text[m_pos];
        if (c == '\\' && m_pos + 1 < m_source.end && is_escapable(m_text[m_pos + 1])) {
            auto literal = node(NodeKind::literal, where(m_pos));
            literal.text = std::string(1, m_text[m_pos + 1]);
            nodes.push_back(std::move(literal));
            m_pos += 2;
        } else if (c == '{') {
            nodes.push_back(group(scope));
        } else if ((c == '|' || c == '}') && ends_option(scope, c)) {
            ending.how = c == '|' ? End::bar : End::brace;
            ++m_pos;
            return nodes;
        } else {
            add_text(nodes, c);
            ++m_pos;
        }
    }
    ending.how = End::input;
    return nodes;
}

// A '|' or '}' ends the spintax option the scope is in; anywhere else a '|' is text and a '}' a mistake.
bool Parser::ends_option(const Scope& scope, char c) {
    if (scope.in_group && !scope.section) {
        return true;
    }
    if (scope.in_group) {
        error(where(m_pos), "section '" + *scope.section + "' must close before the spintax " +
                                (c == '|' ? "option" : "group") + " ends (write \\" + c + " for a literal '" + c +
                                "')");
    } else if (c == '}') {
        error(where(m_pos), "'}' closes no spintax group (write \\} for a literal '}')");
    }
    return false;
}

// Each level of nesting is a level of recursion here, in the rewriting and in mstch: a limit keeps them all on the
// stack. Past it the rest of the file is left unread, so that only the level too many is reported.
bool Parser::too_deep(const core::SourceLocation& location, const std::string& what) {
    if (m_depth < k_max_nesting) {
        return false;
    }
    error(location, what + " is nested too deep: sections and spintax groups nest at most " +
                        std::to_string(k_max_nesting) + " levels");
    m_gave_up = true;
    m_pos = m_source.end;
    return true;
}

void Parser::add_text(Nodes& nodes, char c) {
    if (nodes.empty() || nodes.back().kind != NodeKind::text) {
        nodes.push_back(node(NodeKind::text, where(m_pos)));
    }
    nodes.back().text += c;
}

// Returns true when the tag ends the sequence (a closing tag).
bool Parser::handle_tag(const Scope& scope, Nodes& nodes, Ending& ending) {
    auto tag = read_tag();
    if (!tag) {
        return false;
    }
    switch (tag->sigil) {
    case '!':
    case '=': {
        auto kept = node(NodeKind::passthrough, tag->location);
        kept.source = tag->source;
        nodes.push_back(std::move(kept));
        if (tag->sigil == '=') {
            change_delimiters(*tag);
        }
        return false;
    }
    case '/':
        if (scope.section) {
            ending = {End::closing_tag, tag->content, tag->source, tag->location};
            return true;
        }
        error(tag->location, scope.outer_section ? "closing tag '" + tag->source + "' is inside a spintax group that " +
                                                       "section '" + *scope.outer_section + "' encloses"
                                                 : "closing tag '" + tag->source + "' has no open section");
        return false;
    case '#':
    case '^':
        nodes.push_back(section(*tag, scope));
        return false;
    case '>': {
        auto partial = node(NodeKind::partial, tag->location);
        if (!is_name(tag->content)) {
            error(tag->location, "'" + tag->source + "' names no partial");
        }
        partial.text = tag->content;
        partial.source = tag->source;
        nodes.push_back(std::move(partial));
        return false;
    }
    default:
        nodes.push_back(variable(*tag));
        return false;
    }
}

std::optional<Tag> Parser::read_tag() {
    Tag tag;
    auto start = m_pos;
    tag.location = where(start);
    auto inner = start + m_delimiters.open.size();
    char sigil = inner < m_source.end ? m_text[inner] : '\0';
    std::string closer = m_delimiters.close;
    if (sigil == '{' || sigil == '=') {
        closer = (sigil == '{' ? "}" : "=") + closer;
    }
    auto search_from = inner + ((sigil == '{' || sigil == '=') ? 1 : 0);
    auto finish = m_text.find(closer, std::min(search_from, m_source.end));
    if (finish == std::string_view::npos || finish + closer.size() > m_source.end) {
        error(tag.location, "tag '" + m_delimiters.open + "' is never closed: no '" + closer + "' after it");
        m_pos = m_source.end;
        return std::nullopt;
    }
    m_pos = finish + closer.size();
    tag.source = std::string(m_text.substr(start, m_pos - start));
    auto content = m_text.substr(inner, finish - inner);
    if (!content.empty() && std::string_view("#^/>!&{=").find(content.front()) != std::string_view::npos) {
        tag.sigil = content.front();
        content.remove_prefix(1);
    }
    tag.content = std::string(tag.sigil == '!' ? content : core::trim(content));
    return tag;
}

void Parser::change_delimiters(const Tag& tag) {
    auto parts = core::split_list(tag.content, " \t\r\n");
    bool valid = parts.size() == 2 && std::none_of(parts.begin(), parts.end(), [](const std::string& part) {
                     return part.find('=') != std::string::npos;
                 });
    if (!valid) {
        error(tag.location, "'" + tag.source + "' must give two delimiters separated by a space, as in {{=<% %>=}}");
        return;
    }
    m_delimiters = {parts[0], parts[1]};
}

Node Parser::section(const Tag& tag, const Scope& outer) {
    auto result = node(tag.sigil == '#' ? NodeKind::section : NodeKind::inverted, tag.location);
    result.text = tag.content;
    result.source = tag.source;
    if (!is_name(tag.content)) {
        error(tag.location, tag.content.find('|') != std::string::npos
                                ? "a fallback ('|') goes only on a variable, not on '" + tag.source + "'"
                                : "'" + tag.source + "' names no section");
    }
    if (too_deep(tag.location, "section '" + tag.content + "'")) {
        return result;
    }
    Ending ending;
    ++m_depth;
    result.children = sequence(Scope{&result.text, nullptr, outer.in_group}, ending);
    --m_depth;
    if (ending.how != End::closing_tag) {
        if (!m_gave_up) {
            error(tag.location, "section '" + tag.content + "' is never closed");
        }
        result.closing = m_delimiters.open + "/" + tag.content + m_delimiters.close;
        return result;
    }
    if (ending.name != tag.content) {
        error(ending.location, "closing tag '" + ending.source + "' does not match the open section '" + tag.content +
                                   "' (line " + std::to_string(tag.location.line) + ")");
    }
    result.closing = ending.source;
    return result;
}

Node Parser::group(const Scope& outer) {
    auto result = node(NodeKind::spintax, where(m_pos));
    result.ordinal = m_ordinal++;
    if (too_deep(result.location, "a spintax group")) {
        result.kind = NodeKind::braced; // a spintax node always has an option
        return result;
    }
    ++m_pos;
    Scope inner{nullptr, outer.section ? outer.section : outer.outer_section, true};
    ++m_depth;
    while (true) {
        Ending ending;
        result.options.push_back(sequence(inner, ending));
        if (ending.how == End::bar) {
            continue;
        }
        if (ending.how == End::input && !m_gave_up) {
            error(result.location, "'{' opens a spintax group that is never closed (write \\{ for a literal '{')");
        }
        break;
    }
    --m_depth;
    if (result.options.size() == 1) {
        result.kind = NodeKind::braced;
        result.children = std::move(result.options.front());
        result.options.clear();
    }
    return result;
}

Node Parser::variable(const Tag& tag) {
    auto result = node(NodeKind::variable, tag.location);
    result.source = tag.source;
    std::string_view content = tag.content;
    auto bar = content.find('|');
    if (bar != std::string_view::npos) {
        auto fallback = core::trim(content.substr(bar + 1));
        if (fallback.find_first_of("{}") != std::string_view::npos ||
            fallback.find(m_delimiters.open) != std::string_view::npos ||
            fallback.find(m_delimiters.close) != std::string_view::npos) {
            error(tag.location, "the fallback in '" + tag.source + "' must be plain text, without braces");
        }
        result.fallback = std::string(fallback);
        content = core::trim(content.substr(0, bar));
    }
    if (!is_name(content)) {
        error(tag.location, "'" + tag.source + "' names no variable");
    }
    result.text = std::string(content);
    return result;
}

} // namespace

Nodes parse_template(const SourceText& source, int& ordinal, core::Diagnostics& diagnostics) {
    return Parser(source, ordinal, diagnostics).parse();
}

} // namespace campaign::templating
