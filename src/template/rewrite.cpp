#include "template/rewrite.hpp"

namespace campaign::templating {

namespace {

std::string_view literal_variable(std::string_view text) {
    if (text == "{") {
        return k_open_brace_variable;
    }
    return text == "}" ? k_close_brace_variable : k_bar_variable;
}

void write_tag(const Delimiters& delimiters, std::string_view sigil, std::string_view name, std::string& out) {
    out += delimiters.open;
    out += sigil;
    out += name;
    out += delimiters.close;
}

void write(const Nodes& nodes, std::string_view file, const Chooser& choose, std::string& out);

void write(const Node& node, std::string_view file, const Chooser& choose, std::string& out) {
    switch (node.kind) {
    case NodeKind::text:
        out += node.text;
        break;
    case NodeKind::literal:
        write_tag(node.delimiters, "", literal_variable(node.text), out);
        break;
    case NodeKind::variable:
        if (!node.fallback) {
            out += node.source;
            break;
        }
        write_tag(node.delimiters, "#", node.text, out);
        write_tag(node.delimiters, "", node.text, out);
        write_tag(node.delimiters, "/", node.text, out);
        write_tag(node.delimiters, "^", node.text, out);
        out += *node.fallback;
        write_tag(node.delimiters, "/", node.text, out);
        break;
    case NodeKind::section:
    case NodeKind::inverted:
        out += node.source;
        write(node.children, file, choose, out);
        out += node.closing;
        break;
    case NodeKind::partial:
    case NodeKind::passthrough:
        out += node.source;
        break;
    case NodeKind::spintax:
        write(node.options[choose(file, node.ordinal, node.options.size())], file, choose, out);
        break;
    case NodeKind::braced:
        write_tag(node.delimiters, "", k_open_brace_variable, out);
        write(node.children, file, choose, out);
        write_tag(node.delimiters, "", k_close_brace_variable, out);
        break;
    }
}

void write(const Nodes& nodes, std::string_view file, const Chooser& choose, std::string& out) {
    for (const auto& node : nodes) {
        write(node, file, choose, out);
    }
}

} // namespace

std::string to_mustache(const Nodes& nodes, std::string_view file, const Chooser& choose) {
    std::string out;
    write(nodes, file, choose, out);
    return out;
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
