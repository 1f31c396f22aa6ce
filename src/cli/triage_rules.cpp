#include "cli/triage_rules.hpp"

#include "cli/output.hpp"
#include "config/triage_rules_loader.hpp"

namespace campaign::cli {

std::shared_ptr<const triage::Triage> load_triage(const std::string& rules_directory) {
    auto loaded = config::load_triage_rules(
        rules_directory.empty() ? std::nullopt : std::optional<std::filesystem::path>(rules_directory));
    fail_on(loaded.diagnostics);
    return std::make_shared<const triage::Triage>(std::move(loaded.languages));
}

} // namespace campaign::cli
