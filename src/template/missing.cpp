#include "template/missing.hpp"

#include <vector>

namespace campaign::templating {

namespace {

// Deep enough for any real signature-in-a-footer nesting; a partial that includes itself stops here.
constexpr int k_partial_depth = 16;

// Finds names as mstch does: in the innermost object entered by a section that has the name's first part, else
// further out, else at the top.
class Walk {
public:
    Walk(const Values& values, const Chooser& choose, const PartialFinder& partials)
        : m_values(values), m_choose(choose), m_partials(partials) {}

    std::optional<MissingValue> nodes(const Nodes& list, std::string_view file, int depth);

private:
    std::optional<MissingValue> node(const Node& node, std::string_view file, int depth);
    std::optional<MissingValue> section(const Node& node, std::string_view file, int depth);
    std::optional<std::string> resolve(std::string_view name) const;
    bool has(const std::string& name) const { return m_values.contains(name) || is_object(m_values, name); }

    const Values& m_values;
    const Chooser& m_choose;
    const PartialFinder& m_partials;
    std::vector<std::string> m_scopes{""};
};

std::optional<std::string> Walk::resolve(std::string_view name) const {
    auto first = name.substr(0, name.find('.'));
    for (auto scope = m_scopes.rbegin(); scope != m_scopes.rend(); ++scope) {
        if (has(*scope + std::string(first))) {
            return *scope + std::string(name);
        }
    }
    return std::nullopt;
}

std::optional<MissingValue> Walk::nodes(const Nodes& list, std::string_view file, int depth) {
    for (const auto& item : list) {
        if (auto missing = node(item, file, depth)) {
            return missing;
        }
    }
    return std::nullopt;
}

std::optional<MissingValue> Walk::section(const Node& item, std::string_view file, int depth) {
    if (item.text == ".") {
        return std::nullopt; // the implicit iterator belongs to lists, which outreach data does not have
    }
    auto name = resolve(item.text);
    bool object = name && is_object(m_values, *name);
    bool truthy = name && (object || m_values.contains(*name));
    if (truthy != (item.kind == NodeKind::section)) {
        return std::nullopt;
    }
    if (object) {
        m_scopes.push_back(*name + '.');
    }
    auto missing = nodes(item.children, file, depth);
    if (object) {
        m_scopes.pop_back();
    }
    return missing;
}

std::optional<MissingValue> Walk::node(const Node& item, std::string_view file, int depth) {
    switch (item.kind) {
    case NodeKind::variable: {
        if (item.fallback || item.text == ".") {
            return std::nullopt;
        }
        auto name = resolve(item.text);
        if (name && m_values.contains(*name)) {
            return std::nullopt;
        }
        return MissingValue{item.text, item.location};
    }
    case NodeKind::section:
    case NodeKind::inverted:
        return section(item, file, depth);
    case NodeKind::spintax:
        return nodes(item.options[m_choose(file, item.ordinal, item.options.size())], file, depth);
    case NodeKind::braced:
        return nodes(item.children, file, depth);
    case NodeKind::partial: {
        const Nodes* partial = depth < k_partial_depth ? m_partials(item.text) : nullptr;
        return partial ? nodes(*partial, partial_file(item.text), depth + 1) : std::nullopt;
    }
    case NodeKind::text:
    case NodeKind::literal:
    case NodeKind::passthrough:
        break;
    }
    return std::nullopt;
}

} // namespace

std::optional<MissingValue> find_missing(const Nodes& nodes, std::string_view file, const Values& values,
                                         const Chooser& choose, const PartialFinder& partials) {
    return Walk(values, choose, partials).nodes(nodes, file, 0);
}

} // namespace campaign::templating
