#include "config/yaml_reader.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "core/text.hpp"

namespace campaign::config {

namespace {

std::string quoted_list(const std::vector<std::string_view>& names) {
    std::string list;
    for (auto name : names) {
        list += (list.empty() ? "'" : ", '") + std::string(name) + "'";
    }
    return list;
}

} // namespace

void YamlReader::remember_empty_values(const YAML::Node& root) {
    if (root.IsMap()) {
        for (const auto& entry : root) {
            if (entry.second.IsNull()) {
                m_empty_values.emplace_back(entry.second, where(entry.first));
            } else {
                remember_empty_values(entry.second);
            }
        }
    } else if (root.IsSequence()) {
        for (const auto& item : root) {
            remember_empty_values(item);
        }
    }
}

core::SourceLocation YamlReader::where(const YAML::Node& node) const {
    if (!node.IsDefined()) {
        return {m_file, 0, 0};
    }
    if (node.IsNull()) {
        for (const auto& [value, key_location] : m_empty_values) {
            if (value.is(node)) {
                return key_location;
            }
        }
    }
    auto mark = node.Mark();
    if (mark.is_null()) {
        return {m_file, 0, 0};
    }
    return {m_file, mark.line + 1, mark.column + 1};
}

core::SourceLocation YamlReader::where_key(const YAML::Node& map, std::string_view key) const {
    if (map.IsMap()) {
        for (const auto& entry : map) {
            if (entry.first.IsScalar() && entry.first.Scalar() == key) {
                return where(entry.first);
            }
        }
    }
    return where(map);
}

void YamlReader::error(const YAML::Node& node, std::string message) {
    error(where(node), std::move(message));
}

void YamlReader::error(const core::SourceLocation& location, std::string message) {
    m_diagnostics.push_back({location, std::move(message)});
}

void YamlReader::warning(const YAML::Node& node, std::string message) {
    m_diagnostics.push_back({where(node), std::move(message), core::Severity::warning});
}

bool YamlReader::check_map(const YAML::Node& node, std::string_view what,
                           const std::vector<std::string_view>& allowed) {
    if (!node.IsMap()) {
        error(node, std::string(what) + " must be a map of keys and values");
        return false;
    }
    std::map<std::string, int> seen;
    for (const auto& entry : node) {
        if (!entry.first.IsScalar() && !entry.first.IsNull()) {
            scalar(entry.first, "a key in " + std::string(what));
            return false;
        }
        auto key = entry.first.as<std::string>();
        if (auto [first, inserted] = seen.emplace(key, where(entry.first).line); !inserted) {
            error(entry.first,
                  "duplicate key '" + key + "' (first given on line " + std::to_string(first->second) + ")");
            continue;
        }
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
            continue;
        }
        auto suggestion = core::closest_match(key, allowed);
        error(entry.first, "unknown key '" + key + "' in " + std::string(what) +
                               (suggestion ? " (did you mean '" + *suggestion + "'?)"
                                           : " (expected one of " + quoted_list(allowed) + ")"));
    }
    return true;
}

bool YamlReader::check_sequence(const YAML::Node& node, std::string_view what) {
    if (!node.IsSequence()) {
        error(node, std::string(what) + " must be a list");
        return false;
    }
    return true;
}

std::optional<std::string> YamlReader::scalar(const YAML::Node& node, std::string_view what) {
    if (node.IsNull()) {
        error(node, std::string(what) + " must not be empty");
        return std::nullopt;
    }
    if (!node.IsScalar()) {
        error(node, std::string(what) + " must be a single value, not a " + (node.IsMap() ? "map" : "list"));
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<std::string> YamlReader::string(const YAML::Node& map, std::string_view key, bool required) {
    auto node = map[std::string(key)];
    if (!node) {
        if (required) {
            error(map, "missing required key '" + std::string(key) + "'");
        }
        return std::nullopt;
    }
    auto value = scalar(node, "'" + std::string(key) + "'");
    if (value && core::trim(*value).empty()) {
        error(node, "'" + std::string(key) + "' must not be empty");
        return std::nullopt;
    }
    return value;
}

std::optional<int> YamlReader::integer(const YAML::Node& map, std::string_view key, int minimum, int maximum) {
    auto node = map[std::string(key)];
    if (!node) {
        return std::nullopt;
    }
    auto text = scalar(node, "'" + std::string(key) + "'");
    if (!text) {
        return std::nullopt;
    }
    int value = 0;
    if (!YAML::convert<int>::decode(node, value)) {
        error(node, "'" + std::string(key) + "' must be a whole number, not '" + *text + "'");
        return std::nullopt;
    }
    if (value < minimum || value > maximum) {
        error(node, "'" + std::string(key) + "' must be between " + std::to_string(minimum) + " and " +
                        std::to_string(maximum) + ", not " + std::to_string(value));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& map, std::string_view key) {
    auto node = map[std::string(key)];
    if (!node) {
        return std::nullopt;
    }
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
        error(node, "'" + std::string(key) + "' must be true or false");
        return std::nullopt;
    }
    return value;
}

std::optional<core::Duration> YamlReader::duration(const YAML::Node& map, std::string_view key, bool required) {
    auto text = string(map, key, required);
    if (!text) {
        return std::nullopt;
    }
    auto value = core::parse_duration(*text);
    if (!value) {
        error(map[std::string(key)],
              "'" + std::string(key) + "' must be a duration such as 30m, 4h, 2d or " + "1w, not '" + *text + "'");
    }
    return value;
}

std::optional<std::vector<std::string>> YamlReader::strings(const YAML::Node& map, std::string_view key) {
    auto node = map[std::string(key)];
    if (!node) {
        return std::nullopt;
    }
    if (node.IsScalar()) {
        // "tags: customer, competitor" means two tags, not one that no prospect can have.
        return core::split_list(node.Scalar(), ",");
    }
    if (!check_sequence(node, "'" + std::string(key) + "'")) {
        return std::nullopt;
    }
    std::vector<std::string> values;
    for (const auto& item : node) {
        if (auto value = scalar(item, "each item of '" + std::string(key) + "'")) {
            values.push_back(*value);
        }
    }
    return values;
}

YAML::Node item_reading(const YAML::Node& list, const std::string& text) {
    if (list.IsSequence()) {
        for (const auto& item : list) {
            if (item.IsScalar() && item.Scalar() == text) {
                return item;
            }
        }
    }
    return list;
}

std::optional<YAML::Node> read_document(YamlReader& reader, const std::filesystem::path& file) {
    std::ifstream input(file, std::ios::binary);
    std::error_code error;
    if (!input || std::filesystem::is_directory(file, error)) { // a folder opens, then throws on the first read
        reader.error(core::SourceLocation{file.string(), 0, 0}, "cannot read the file");
        return std::nullopt;
    }
    std::ostringstream text;
    text << input.rdbuf();
    return parse_document(reader, text.str(), file);
}

std::optional<YAML::Node> parse_document(YamlReader& reader, const std::string& text,
                                         const std::filesystem::path& file) {
    try {
        auto root = YAML::Load(text);
        reader.remember_empty_values(root);
        return root;
    } catch (const YAML::ParserException& failure) {
        reader.error(core::SourceLocation{file.string(), failure.mark.line + 1, failure.mark.column + 1}, failure.msg);
        return std::nullopt;
    }
}

void sort_by_place(core::Diagnostics& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
        return std::pair(a.location.line, a.location.column) < std::pair(b.location.line, b.location.column);
    });
}

} // namespace campaign::config
