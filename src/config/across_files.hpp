// What the campaign files of one run or one `campaign validate` must agree on between them: each names a campaign of
// its own, and a sender is one LinkedIn account, so a sender id that two files define is defined the same in both.
#pragma once

#include <vector>

#include "core/campaign.hpp"
#include "core/error.hpp"

namespace campaign::config {

// The problems of each campaign, in the order given: a campaign id or a sender defined before, differently, is an
// error at the later file, naming the earlier one.
std::vector<core::Diagnostics> check_across_files(const std::vector<const core::Campaign*>& campaigns);

} // namespace campaign::config
