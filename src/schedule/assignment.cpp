#include "schedule/assignment.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/audience.hpp"
#include "core/stable_hash.hpp"

namespace campaign::schedule {

namespace {

// Rendezvous hashing over the senders `takes` accepts.
template <typename Takes>
const core::Sender* highest(const core::Campaign& campaign, std::string_view profile_url, Takes takes) {
    const core::Sender* best = nullptr;
    std::uint64_t best_score = 0;
    for (const auto& sender : campaign.senders) {
        if (!takes(sender)) {
            continue;
        }
        auto score = core::stable_hash({campaign.id, sender.id, profile_url});
        if (best == nullptr || score > best_score) {
            best = &sender;
            best_score = score;
        }
    }
    return best;
}

} // namespace

const core::Sender& assign_sender(const core::Campaign& campaign, std::string_view profile_url) {
    if (campaign.senders.empty()) {
        throw std::logic_error("campaign '" + campaign.id + "' has no sender");
    }
    return *highest(campaign, profile_url, [](const core::Sender&) { return true; });
}

std::optional<std::size_t> routing_rule(const core::Campaign& campaign, const core::Prospect& prospect) {
    for (std::size_t index = 0; index < campaign.routing.size(); ++index) {
        if (core::matches(campaign.routing[index], prospect)) {
            return index;
        }
    }
    return std::nullopt;
}

const core::Sender* route(const core::Campaign& campaign, const core::Prospect& prospect) {
    if (campaign.routing.empty()) {
        return &assign_sender(campaign, prospect.profile_url);
    }
    auto rule = routing_rule(campaign, prospect);
    if (!rule) {
        return nullptr;
    }
    const auto& senders = campaign.routing[*rule].senders;
    return highest(campaign, prospect.profile_url, [&senders](const core::Sender& sender) {
        return std::find(senders.begin(), senders.end(), sender.id) != senders.end();
    });
}

const core::Variant* assign_variant(const core::Campaign& campaign, const core::Step& step,
                                    std::string_view profile_url) {
    if (step.variants.empty()) {
        return nullptr;
    }
    long total = 0;
    for (const auto& variant : step.variants) {
        total += variant.weight;
    }
    auto point =
        core::unit_interval(core::stable_hash({campaign.id, step.id, profile_url})) * static_cast<double>(total);
    long cumulative = 0;
    for (const auto& variant : step.variants) {
        cumulative += variant.weight;
        if (point < static_cast<double>(cumulative)) {
            return &variant;
        }
    }
    return &step.variants.back();
}

} // namespace campaign::schedule
