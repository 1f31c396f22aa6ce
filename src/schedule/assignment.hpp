// Stable choices for a prospect: which of the campaign's senders reaches them (within the routing rule that takes
// them) and which A/B variant of a step they get. Both are hashes of the prospect's identity, so a rerun, a restart or
// a second machine chooses the same.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/campaign.hpp"
#include "core/prospect.hpp"

namespace campaign::schedule {

// Rendezvous hashing: each prospect goes to the sender with the highest hash of (campaign, sender, prospect), so
// prospects spread evenly and adding a sender moves only the prospects the new sender wins.
const core::Sender& assign_sender(const core::Campaign& campaign, std::string_view profile_url);

// The rule of the campaign's routing that takes the prospect (its index), or nothing when none does.
std::optional<std::size_t> routing_rule(const core::Campaign& campaign, const core::Prospect& prospect);

// The sender that reaches the prospect: with routing rules, by the hash among the senders of the first rule that
// matches, and nothing when no rule does (the prospect is not enrolled); without rules, assign_sender.
const core::Sender* route(const core::Campaign& campaign, const core::Prospect& prospect);

// A variant drawn by the hash of (campaign, step, prospect), in proportion to the weights; nothing for a step
// without variants.
const core::Variant* assign_variant(const core::Campaign& campaign, const core::Step& step,
                                    std::string_view profile_url);

} // namespace campaign::schedule
