// Loading a campaign file: the YAML read against the schema of docs/campaigns.md, with every problem found reported
// at its line and column, so that `campaign validate` shows them all at once.
#pragma once

#include <filesystem>
#include <optional>

#include "core/campaign.hpp"
#include "core/error.hpp"
#include "core/gateway.hpp"
#include "core/mock_model.hpp"

namespace campaign::config {

struct LoadedCampaign {
    std::optional<core::Campaign> campaign; // set only when there are no errors (warnings leave it valid)
    // The `mock:` section, when the file has one; set only when there are no errors.
    std::optional<core::MockModel> mock_model;
    // The `gateway:` section, when the file has one; set only when there are no errors.
    std::optional<core::GatewaySettings> gateway;
    core::Diagnostics diagnostics;
};

LoadedCampaign load_campaign(const std::filesystem::path& file);
// A campaign from text once read from `file`: paths in it (the templates folder) are relative to that file.
LoadedCampaign load_campaign_text(const std::string& text, const std::filesystem::path& file);

} // namespace campaign::config
