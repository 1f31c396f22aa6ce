// The reply triage rules a command reads replies with: the built-in ones, and a user's --rules directory on top.
#pragma once

#include <memory>
#include <string>

#include "triage/triage.hpp"

namespace campaign::cli {

// Throws core::UserError with every problem of the rules, at its line and column.
std::shared_ptr<const triage::Triage> load_triage(const std::string& rules_directory);

} // namespace campaign::cli
