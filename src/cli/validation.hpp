// What `campaign validate` checks, shared with `campaign run`, which runs only what validate accepts: each file's
// definition, what the files must agree on, the templates' syntax and variables and, with a CRM, what they give for
// every prospect of the audience.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "config/campaign_loader.hpp"
#include "store/database.hpp"

namespace campaign::cli {

struct CheckedFile {
    std::filesystem::path file;
    config::LoadedCampaign loaded;
    core::Diagnostics diagnostics; // the file's own, then those it shares with the others, then its templates'
    std::optional<std::size_t> prospects_checked; // set when the templates were rendered for the audience
};

// `crm` may be null: without a CRM, the templates are not checked against prospects.
std::vector<CheckedFile> check_campaign_files(const std::vector<std::filesystem::path>& files, store::Database* crm);

int error_count(const core::Diagnostics& diagnostics);
int warning_count(const core::Diagnostics& diagnostics);

} // namespace campaign::cli
