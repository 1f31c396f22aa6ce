// What changed between two versions of a campaign file, in sentences for the person who edited it.
#pragma once

#include <string>
#include <vector>

#include "core/campaign.hpp"

namespace campaign::engine {

std::vector<std::string> describe_changes(const core::Campaign& before, const core::Campaign& after);

} // namespace campaign::engine
