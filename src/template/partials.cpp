#include "template/partials.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/files.hpp"
#include "core/text.hpp"

namespace campaign::templating {

namespace {

void collect(const Nodes& nodes, std::vector<const Node*>& tags) {
    for_each_node(nodes, [&tags](const Node& node) {
        if (node.kind == NodeKind::partial) {
            tags.push_back(&node);
        }
    });
}

bool escapes_folder(const std::string& name) {
    std::filesystem::path path(name);
    return path.is_absolute() || std::any_of(path.begin(), path.end(), [](const auto& part) { return part == ".."; });
}

} // namespace

std::string display_path(const std::filesystem::path& path) {
    return path.lexically_normal().generic_string();
}

std::string read_template_file(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    std::ostringstream content;
    content << input.rdbuf();
    if (!input) {
        throw core::UserError("cannot read the file");
    }
    std::string text;
    for (char c : content.str()) {
        if (c != '\r') {
            text += c;
        }
    }
    if (!core::is_valid_utf8(text)) {
        throw core::UserError("the file is not UTF-8 text");
    }
    return text;
}

void Partials::load(const Nodes& nodes, core::Diagnostics& diagnostics) {
    std::vector<std::string> chain;
    load(nodes, chain, diagnostics);
}

// `chain` holds the partials being read, each included by the one before: a tag naming one of them closes a loop.
void Partials::load(const Nodes& nodes, std::vector<std::string>& chain, core::Diagnostics& diagnostics) {
    std::vector<const Node*> tags;
    collect(nodes, tags);
    for (const auto* tag : tags) {
        const auto& name = tag->text;
        if (auto loop = std::find(chain.begin(), chain.end(), name); loop != chain.end()) {
            std::string links;
            for (auto link = loop; link != chain.end(); ++link) {
                links += *link + " -> ";
            }
            diagnostics.push_back({tag->location, "partial '" + name + "' includes itself: " + links + name});
            continue;
        }
        if (m_parsed.contains(name)) {
            continue;
        }
        if (chain.size() >= k_partial_depth) {
            diagnostics.push_back({tag->location, "partial '" + name + "' is nested too deep: partials include " +
                                                      "partials at most " + std::to_string(k_partial_depth) +
                                                      " levels"});
            continue;
        }
        auto path = m_folder / (name + ".mustache");
        auto status = escapes_folder(name) ? core::FileStatus{} : core::file_status(path);
        if (status.kind == core::FileKind::unusable) {
            m_missing.insert(name);
            diagnostics.push_back({tag->location, "partial '" + name + "': " + status.problem});
            continue;
        }
        if (m_missing.contains(name) || status.kind != core::FileKind::regular) {
            m_missing.insert(name);
            diagnostics.push_back({tag->location, "partial '" + name + "' not found: no file " + display_path(path)});
            continue;
        }
        try {
            auto text = read_template_file(path);
            auto& parsed = m_parsed[name];
            parsed = parse_template(text, display_path(path), diagnostics);
            chain.push_back(name);
            load(parsed, chain, diagnostics);
            chain.pop_back();
        } catch (const core::UserError& error) {
            m_missing.insert(name);
            diagnostics.push_back({tag->location, "partial '" + name + "': " + error.what()});
        }
    }
}

const Nodes* Partials::find(std::string_view name) const {
    auto found = m_parsed.find(name);
    return found == m_parsed.end() ? nullptr : &found->second;
}

std::set<std::string> Partials::used_by(const Nodes& nodes) const {
    std::set<std::string> used;
    std::vector<const Nodes*> pending{&nodes};
    while (!pending.empty()) {
        std::vector<const Node*> tags;
        collect(*pending.back(), tags);
        pending.pop_back();
        for (const auto* tag : tags) {
            const auto* partial = find(tag->text);
            if (partial && used.insert(tag->text).second) {
                pending.push_back(partial);
            }
        }
    }
    return used;
}

} // namespace campaign::templating
