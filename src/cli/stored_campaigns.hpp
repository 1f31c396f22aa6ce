// The campaigns as the database keeps them: the latest version of each that ran, read again from its stored text.
// Reports need what only the campaign file says, such as the order of a step's variants.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "store/database.hpp"

namespace campaign::cli {

// Those whose stored text no longer loads (a newer file format, say) are left out.
std::vector<core::Campaign> latest_campaigns(store::Database& database);

// By campaign and step, the variants in the order the campaign file lists them: the reply report's A/B controls.
std::map<std::string, std::map<std::string, std::vector<std::string>>> variant_order(store::Database& database);

} // namespace campaign::cli
