// Stable choices for a prospect: which of the campaign's senders reaches them and which A/B variant of a step they
// get. Both are hashes of the prospect's identity, so a rerun, a restart or a second machine chooses the same.
#pragma once

#include <string_view>

#include "core/campaign.hpp"

namespace campaign::schedule {

// Rendezvous hashing: each prospect goes to the sender with the highest hash of (campaign, sender, prospect), so
// prospects spread evenly and adding a sender moves only the prospects the new sender wins.
const core::Sender& assign_sender(const core::Campaign& campaign, std::string_view profile_url);

// A variant drawn by the hash of (campaign, step, prospect), in proportion to the weights; nothing for a step
// without variants.
const core::Variant* assign_variant(const core::Campaign& campaign, const core::Step& step,
                                    std::string_view profile_url);

} // namespace campaign::schedule
