// Loading a reply rules file (`campaign report replies --rules FILE`): for each class it names, the phrases that
// replace the built-in ones, with every problem at its line and column.
#pragma once

#include <filesystem>
#include <optional>

#include "core/error.hpp"
#include "core/reply_class.hpp"

namespace campaign::config {

struct LoadedReplyRules {
    std::optional<core::ReplyRules> rules; // set only when there are no diagnostics
    core::Diagnostics diagnostics;
};

LoadedReplyRules load_reply_rules(const std::filesystem::path& file);

} // namespace campaign::config
