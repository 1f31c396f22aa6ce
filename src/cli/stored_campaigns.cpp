#include "cli/stored_campaigns.hpp"

#include "config/campaign_loader.hpp"
#include "store/campaign_store.hpp"

namespace campaign::cli {

std::vector<core::Campaign> latest_campaigns(store::Database& database) {
    store::CampaignStore campaigns(database);
    std::vector<core::Campaign> result;
    for (const auto& [id, name] : campaigns.campaigns()) {
        auto latest = campaigns.latest_version(id);
        if (!latest) {
            continue;
        }
        auto loaded = config::load_campaign_text(latest->definition, latest->source);
        if (loaded.campaign) {
            result.push_back(std::move(*loaded.campaign));
        }
    }
    return result;
}

std::map<std::string, std::map<std::string, std::vector<std::string>>> variant_order(store::Database& database) {
    std::map<std::string, std::map<std::string, std::vector<std::string>>> order;
    for (const auto& campaign : latest_campaigns(database)) {
        for (const auto& step : campaign.steps) {
            for (const auto& variant : step.variants) {
                order[campaign.id][step.id].push_back(variant.id);
            }
        }
    }
    return order;
}

} // namespace campaign::cli
