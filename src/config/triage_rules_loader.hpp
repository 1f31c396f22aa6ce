// Loading the reply triage rules: the built-in files of data/triage, compiled in, and a user's directory of
// <code>.yaml files on top of them (data/triage/README.md), with every problem at its line and column.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "triage/rules.hpp"

namespace campaign::config {

struct LoadedTriageRules {
    std::vector<triage::LanguageRules> languages; // English first; set only when there are no errors
    core::Diagnostics diagnostics;

    bool ok() const { return !languages.empty(); }
};

// The built-in rules, and those of `directory` when given.
LoadedTriageRules load_triage_rules(const std::optional<std::filesystem::path>& directory = std::nullopt);

// The built-in files, as (code, YAML text), English first; made by CMake from data/triage/*.yaml.
const std::vector<std::pair<std::string_view, std::string_view>>& built_in_triage_rules();

} // namespace campaign::config
