// Loading outbound webhooks: a campaign's `hooks:`, a list or the name of a file that holds one (docs/hooks.md),
// every problem at its line and column. A secret in the file is an error: it names the environment variable.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "core/hook.hpp"

namespace campaign::config {

struct LoadedHooks {
    std::optional<std::vector<core::Hook>> hooks; // set only when there are no diagnostics
    core::Diagnostics diagnostics;
};

// A file whose top level is `hooks:`, a list of hooks.
LoadedHooks load_hooks(const std::filesystem::path& file);

} // namespace campaign::config
