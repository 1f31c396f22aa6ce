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
    std::size_t begin = 0; // offsets in the file
    std::size_t end = 0;
    core::SourceLocation location;
};

// The part of a line around a tag: from after the line break before it to after the one that ends it.
struct Line {
    std::size_t begin = 0;
    std::size_t end = 0;
};

bool is_escapable(char c) {
    return c == '{' || c == '}' || c == '|';
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

bool is_name(std::string_view name) {
    return !name.empty() && name.find_first_of(" \t\r\n{}|") == std::string_view::npos;
}

// The tags that may stand alone on a line, and then take the line with them: all but variables.
bool may_stand_alone(char sigil) {
    return sigil != 0 && sigil != '&' && sigil != '{';
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
    std::optional<Line> standalone_line(const Tag& tag) const;
    Node section(const Tag& tag, const Scope& outer);
    void group(const Scope& outer, Nodes& nodes);
    Node variable(const Tag& tag);
    void change_delimiters(const Tag& tag);
    bool ends_option(const Scope& scope, char c);
    bool too_deep(const core::SourceLocation& location, const std::string& what);
    void add_text(Nodes& nodes, std::string_view text, std::size_t offset);
    void add_text(Nodes& nodes, std::string_view text, const core::SourceLocation& location);

    core::SourceLocation where(std::size_t offset);
    void error(const core::SourceLocation& location, std::string message) {
        m_diagnostics.push_back({location, std::move(message)});
    }

    const SourceText& m_source;
    std::string_view m_text;
    std::size_t m_pos;
    int& m_ordinal;
    core::Diagnostics& m_diagnostics;
    std::string m_open = "{{"; // the delimiters in force
    std::string m_close = "}}";
    int m_depth = 0;        // of the sections and spintax groups open where the parser is
    bool m_gave_up = false; // nested too deep: the rest of the file is not read
    // The line where() last found, so that finding the next place reads on from there.
    std::size_t m_line_offset = 0;
    int m_line = 1;
};

core::SourceLocation Parser::where(std::size_t offset) {
    if (offset < m_line_offset) {
        m_line_offset = 0;
        m_line = 1;
    }
    for (auto next = m_text.find('\n', m_line_offset); next != std::string_view::npos && next < offset;
         next = m_text.find('\n', m_line_offset)) {
        m_line_offset = next + 1;
        ++m_line;
    }
    auto column = core::utf8_length(m_text.substr(m_line_offset, offset - m_line_offset)) + 1;
    return {m_source.file, m_line, static_cast<int>(column)};
}

Nodes Parser::sequence(const Scope& scope, Ending& ending) {
    Nodes nodes;
    while (m_pos < m_source.end) {
        if (m_text.substr(m_pos, m_open.size()) == m_open) {
            if (handle_tag(scope, nodes, ending)) {
                return nodes;
            }
            continue;
        }
        char c = m_text[m_pos];
        if (c == '\\' && m_pos + 1 < m_source.end && is_escapable(m_text[m_pos + 1])) {
            add_text(nodes, m_text.substr(m_pos + 1, 1), m_pos);
            m_pos += 2;
        } else if (c == '{') {
            group(scope, nodes);
        } else if ((c == '|' || c == '}') && ends_option(scope, c)) {
            ending.how = c == '|' ? End::bar : End::brace;
            ++m_pos;
            return nodes;
        } else {
            // Up to the next character that may mean something.
            auto next = m_text.find_first_of("\\{|}", m_pos + 1);
            next = std::min({next, m_text.find(m_open.front(), m_pos + 1), m_source.end});
            add_text(nodes, m_text.substr(m_pos, next - m_pos), m_pos);
            m_pos = next;
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

// Each level of nesting is a level of recursion here and in the rendering: a limit keeps them on the stack. Past it
// the rest of the file is left unread, so that only the level too many is reported.
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

// The location is found only for a text node that starts here.
void Parser::add_text(Nodes& nodes, std::string_view text, std::size_t offset) {
    if (nodes.empty() || nodes.back().kind != NodeKind::text) {
        add_text(nodes, text, where(offset));
    } else {
        nodes.back().text += text;
    }
}

void Parser::add_text(Nodes& nodes, std::string_view text, const core::SourceLocation& location) {
    if (nodes.empty() || nodes.back().kind != NodeKind::text) {
        Node node;
        node.location = location;
        nodes.push_back(std::move(node));
    }
    nodes.back().text += text;
}

// The line of a tag alone on it, when nothing but spaces and tabs is beside it.
std::optional<Line> Parser::standalone_line(const Tag& tag) const {
    if (!may_stand_alone(tag.sigil)) {
        return std::nullopt;
    }
    auto line_begin = tag.begin;
    while (line_begin > m_source.begin && is_blank(m_text[line_begin - 1])) {
        --line_begin;
    }
    if (line_begin > m_source.begin && m_text[line_begin - 1] != '\n') {
        return std::nullopt;
    }
    auto after = tag.end;
    while (after < m_source.end && is_blank(m_text[after])) {
        ++after;
    }
    if (after == m_source.end) {
        return Line{line_begin, after};
    }
    if (m_text[after] == '\n') {
        return Line{line_begin, after + 1};
    }
    if (m_text.substr(after, 2) == "\r\n" && after + 2 <= m_source.end) {
        return Line{line_begin, after + 2};
    }
    return std::nullopt;
}

// Returns true when the tag ends the sequence (a closing tag).
bool Parser::handle_tag(const Scope& scope, Nodes& nodes, Ending& ending) {
    auto tag = read_tag();
    if (!tag) {
        return false;
    }
    // A tag alone on its line leaves no blank line behind: the spaces before it and the line break after it go.
    std::string indentation;
    if (auto line = standalone_line(*tag)) {
        indentation = m_text.substr(line->begin, tag->begin - line->begin);
        if (!indentation.empty() && !nodes.empty() && nodes.back().kind == NodeKind::text &&
            nodes.back().text.ends_with(indentation)) {
            nodes.back().text.resize(nodes.back().text.size() - indentation.size());
            if (nodes.back().text.empty()) {
                nodes.pop_back();
            }
        }
        m_pos = line->end;
    }
    switch (tag->sigil) {
    case '!':
        return false;
    case '=':
        change_delimiters(*tag);
        return false;
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
        Node partial;
        partial.kind = NodeKind::partial;
        partial.location = tag->location;
        if (!is_name(tag->content)) {
            error(tag->location, "'" + tag->source + "' names no partial");
        }
        partial.text = tag->content;
        partial.indentation = std::move(indentation);
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
    tag.begin = m_pos;
    tag.location = where(tag.begin);
    auto inner = tag.begin + m_open.size();
    char sigil = inner < m_source.end ? m_text[inner] : '\0';
    std::string closer = m_close;
    if (sigil == '{' || sigil == '=') {
        closer = (sigil == '{' ? "}" : "=") + closer;
    }
    auto search_from = inner + ((sigil == '{' || sigil == '=') ? 1 : 0);
    auto finish = m_text.find(closer, std::min(search_from, m_source.end));
    if (finish == std::string_view::npos || finish + closer.size() > m_source.end) {
        error(tag.location, "tag '" + m_open + "' is never closed: no '" + closer + "' after it");
        m_pos = m_source.end;
        return std::nullopt;
    }
    m_pos = tag.end = finish + closer.size();
    tag.source = std::string(m_text.substr(tag.begin, tag.end - tag.begin));
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
    m_open = parts[0];
    m_close = parts[1];
}

Node Parser::section(const Tag& tag, const Scope& outer) {
    Node result;
    result.kind = tag.sigil == '#' ? NodeKind::section : NodeKind::inverted;
    result.location = tag.location;
    result.text = tag.content;
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
        return result;
    }
    if (ending.name != tag.content) {
        error(ending.location, "closing tag '" + ending.source + "' does not match the open section '" + tag.content +
                                   "' (line " + std::to_string(tag.location.line) + ")");
    }
    return result;
}

// A spintax group, or braces around text without a '|', which are the text with its braces.
void Parser::group(const Scope& outer, Nodes& nodes) {
    auto begin = m_pos;
    Node result;
    result.kind = NodeKind::spintax;
    result.location = where(begin);
    result.ordinal = m_ordinal++;
    if (too_deep(result.location, "a spintax group")) {
        return;
    }
    ++m_pos;
    Scope inner{nullptr, outer.section ? outer.section : outer.outer_section, true};
    ++m_depth;
    bool closed = false;
    while (true) {
        Ending ending;
        result.options.push_back(sequence(inner, ending));
        if (ending.how == End::bar) {
            continue;
        }
        closed = ending.how == End::brace;
        if (!closed && !m_gave_up) {
            error(result.location, "'{' opens a spintax group that is never closed (write \\{ for a literal '{')");
        }
        break;
    }
    --m_depth;
    if (result.options.size() > 1) {
        nodes.push_back(std::move(result));
        return;
    }
    add_text(nodes, "{", result.location);
    for (auto& child : result.options.front()) {
        if (child.kind == NodeKind::text && !nodes.empty() && nodes.back().kind == NodeKind::text) {
            nodes.back().text += child.text;
        } else {
            nodes.push_back(std::move(child));
        }
    }
    if (closed) {
        add_text(nodes, "}", m_pos - 1);
    }
}

Node Parser::variable(const Tag& tag) {
    Node result;
    result.kind = NodeKind::variable;
    result.location = tag.location;
    std::string_view content = tag.content;
    auto bar = content.find('|');
    if (bar != std::string_view::npos) {
        auto fallback = core::trim(content.substr(bar + 1));
        if (fallback.find_first_of("{}") != std::string_view::npos || fallback.find(m_open) != std::string_view::npos ||
            fallback.find(m_close) != std::string_view::npos) {
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

void for_each_node(const Nodes& nodes, const std::function<void(const Node&)>& visit) {
    for (const auto& node : nodes) {
        visit(node);
        for_each_node(node.children, visit);
        for (const auto& option : node.options) {
            for_each_node(option, visit);
        }
    }
}

} // namespace campaign::templating
