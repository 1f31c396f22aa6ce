// Reading YAML with every problem collected as a Diagnostic at the exact line and column: typed accessors that
// report a wrong type or a missing key, and a key check that suggests the key the user probably meant.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "core/time.hpp"

namespace campaign::config {

class YamlReader {
public:
    explicit YamlReader(std::string file) : m_file(std::move(file)) {}

    // yaml-cpp marks an empty value at the token after it, often on the next line: remember the key of each empty
    // value under `root`, so that `where` points at the key instead.
    void remember_empty_values(const YAML::Node& root);
    core::SourceLocation where(const YAML::Node& node) const;
    // Where `key` is written in `map`, or the map's place when it is not there.
    core::SourceLocation where_key(const YAML::Node& map, std::string_view key) const;
    void error(const YAML::Node& node, std::string message);
    void error(const core::SourceLocation& location, std::string message);
    // What works but is likely not what the user means: the file stays valid.
    void warning(const YAML::Node& node, std::string message);
    const core::Diagnostics& diagnostics() const { return m_diagnostics; }
    core::Diagnostics take_diagnostics() { return std::move(m_diagnostics); }

    // Reports keys that are not in `allowed` (with a suggestion) and keys given twice. False if `node` is not a map
    // or has a key that is not a single value.
    bool check_map(const YAML::Node& node, std::string_view what, const std::vector<std::string_view>& allowed);
    bool check_sequence(const YAML::Node& node, std::string_view what);

    // Each reads `map[key]`: nullopt, with an error, when present but of the wrong kind; nullopt, with an error
    // only when `required`, when absent.
    std::optional<std::string> string(const YAML::Node& map, std::string_view key, bool required = false);
    std::optional<int> integer(const YAML::Node& map, std::string_view key, int minimum, int maximum);
    std::optional<bool> boolean(const YAML::Node& map, std::string_view key);
    std::optional<core::Duration> duration(const YAML::Node& map, std::string_view key, bool required = false);
    // A list of strings; a single string is split at its commas ("a, b" is the list [a, b]).
    std::optional<std::vector<std::string>> strings(const YAML::Node& map, std::string_view key);

    std::optional<std::string> scalar(const YAML::Node& node, std::string_view what);

private:
    std::string m_file;
    core::Diagnostics m_diagnostics;
    std::vector<std::pair<YAML::Node, core::SourceLocation>> m_empty_values;
};

// The item of a list that reads `text`, to point at it; the list itself when it is a single value.
YAML::Node item_reading(const YAML::Node& list, const std::string& text);

// The YAML document of `file`, or nothing, with the reason reported, when it cannot be read or parsed.
std::optional<YAML::Node> read_document(YamlReader& reader, const std::filesystem::path& file);
// The same from text that was read from `file` earlier (a stored campaign version).
std::optional<YAML::Node> parse_document(YamlReader& reader, const std::string& text,
                                         const std::filesystem::path& file);
// In the order of the file, as a user fixes them; problems at the same place keep the order they were found in.
void sort_by_place(core::Diagnostics& diagnostics);

} // namespace campaign::config
