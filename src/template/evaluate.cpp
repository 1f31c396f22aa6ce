#include "template/evaluate.hpp"

#include <vector>

#include "core/text.hpp"

namespace campaign::templating {

namespace {

// What a name stands for where it is used.
struct Found {
    std::string name;                   // its full name among the values ("sender.first_name")
    const std::string* value = nullptr; // its text, if it has one
    bool object = false;                // whether other values are inside it ({{#sender}})
};

// The text of a rendering, with the indentation of the partials being rendered put before each of their lines.
class Output {
public:
    // Text of the template: a partial's indentation goes before each line.
    void literal(std::string_view text) {
        if (m_indentation.empty()) {
            m_text += text;
            return;
        }
        while (!text.empty()) {
            indent();
            auto line_end = text.find('\n');
            if (line_end == std::string_view::npos) {
                m_text += text;
                return;
            }
            m_text += text.substr(0, line_end + 1);
            text.remove_prefix(line_end + 1);
            m_line_start = true;
        }
    }

    // A value or a fallback: indented where it starts a line, its own line breaks left as they are.
    void value(std::string_view text) {
        if (!text.empty()) {
            indent();
        }
        m_text += text;
    }

    // A partial alone on its line: the line is gone, so what the partial renders starts one.
    std::size_t enter_partial(std::string_view indentation) {
        auto outer = m_indentation.size();
        if (!indentation.empty()) {
            m_indentation += indentation;
            m_line_start = true;
        }
        return outer;
    }
    void leave_partial(std::size_t outer) { m_indentation.resize(outer); }

    std::string take() { return std::move(m_text); }

private:
    void indent() {
        if (m_line_start) {
            m_text += m_indentation;
            m_line_start = false;
        }
    }

    std::string m_text;
    std::string m_indentation;
    bool m_line_start = false;
};

class Evaluator {
public:
    Evaluator(const Values& values, const Chooser& choose, const PartialFinder& partials)
        : m_values(values), m_choose(choose), m_partials(partials) {}

    // False when a value is missing, which is then set.
    bool nodes(const Nodes& list, std::string_view file, std::size_t depth);

    Evaluation result() {
        if (m_missing) {
            return {"", std::move(m_missing)};
        }
        return {m_output.take(), std::nullopt};
    }

private:
    // What a section entered: the values inside an object (its name and a dot), or a text, which holds none.
    struct Context {
        std::string prefix;
        bool object = true;
        const std::string* value = nullptr;
    };

    bool node(const Node& item, std::string_view file, std::size_t depth);
    bool section(const Node& item, std::string_view file, std::size_t depth);
    Found resolve(std::string_view name);
    bool has(std::string_view name) const { return m_values.contains(name) || is_object(m_values, name); }

    const Values& m_values;
    const Chooser& m_choose;
    const PartialFinder& m_partials;
    std::vector<Context> m_contexts{Context{}};
    Output m_output;
    std::optional<MissingValue> m_missing;
};

// As the specification resolves names: the first part in the innermost context that has it, the rest inside that
// one only; "." is the innermost context itself.
Found Evaluator::resolve(std::string_view name) {
    if (name == ".") {
        const auto& innermost = m_contexts.back();
        return {innermost.prefix, innermost.value, innermost.object};
    }
    auto first = name.substr(0, name.find('.'));
    for (auto context = m_contexts.rbegin(); context != m_contexts.rend(); ++context) {
        if (!context->object || !has(context->prefix + std::string(first))) {
            continue;
        }
        Found found{context->prefix + std::string(name)};
        auto value = m_values.find(found.name);
        found.value = value == m_values.end() ? nullptr : &value->second;
        found.object = is_object(m_values, found.name);
        return found;
    }
    return {};
}

bool Evaluator::nodes(const Nodes& list, std::string_view file, std::size_t depth) {
    for (const auto& item : list) {
        if (!node(item, file, depth)) {
            return false;
        }
    }
    return true;
}

bool Evaluator::section(const Node& item, std::string_view file, std::size_t depth) {
    auto found = resolve(item.text);
    bool shown = found.object || (found.value && !is_falsey(*found.value));
    if (item.kind == NodeKind::inverted) {
        return shown || nodes(item.children, file, depth);
    }
    if (!shown) {
        return true;
    }
    if (item.text == ".") {
        m_contexts.push_back(m_contexts.back());
    } else {
        m_contexts.push_back({found.object ? found.name + '.' : std::string(), found.object, found.value});
    }
    bool complete = nodes(item.children, file, depth);
    m_contexts.pop_back();
    return complete;
}

bool Evaluator::node(const Node& item, std::string_view file, std::size_t depth) {
    switch (item.kind) {
    case NodeKind::text:
        m_output.literal(item.text);
        return true;
    case NodeKind::variable: {
        auto found = resolve(item.text);
        if (found.value) {
            m_output.value(*found.value);
        } else if (item.fallback) {
            m_output.value(*item.fallback);
        } else {
            m_missing = MissingValue{item.text, item.location};
            return false;
        }
        return true;
    }
    case NodeKind::section:
    case NodeKind::inverted:
        return section(item, file, depth);
    case NodeKind::spintax:
        return nodes(item.options[m_choose(file, item.ordinal, item.options.size())], file, depth);
    case NodeKind::partial: {
        // A partial that is not there, includes itself or is nested too deep is refused when it is read.
        const Nodes* partial = depth < k_partial_depth ? m_partials(item.text) : nullptr;
        if (!partial) {
            return true;
        }
        auto outer = m_output.enter_partial(item.indentation);
        bool complete = nodes(*partial, partial_file(item.text), depth + 1);
        m_output.leave_partial(outer);
        return complete;
    }
    }
    return true;
}

} // namespace

bool is_falsey(std::string_view value) {
    auto word = core::to_lower_ascii(core::trim(value));
    return word == "false" || word == "no" || word == "0";
}

Evaluation evaluate(const Nodes& nodes, std::string_view file, const Values& values, const Chooser& choose,
                    const PartialFinder& partials) {
    Evaluator evaluator(values, choose, partials);
    evaluator.nodes(nodes, file, 0);
    return evaluator.result();
}

} // namespace campaign::templating
