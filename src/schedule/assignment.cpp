#include "schedule/assignment.hpp"

#include <stdexcept>

#include "core/stable_hash.hpp"

namespace campaign::schedule {

const core::Sender& assign_sender(const core::Campaign& campaign, std::string_view profile_url) {
    if (campaign.senders.empty()) {
        throw std::logic_error("campaign '" + campaign.id + "' has no sender");
    }
    const core::Sender* best = nullptr;
    std::uint64_t best_score = 0;
    for (const auto& sender : campaign.senders) {
        auto score = core::stable_hash({campaign.id, sender.id, profile_url});
        if (best == nullptr || score > best_score) {
            best = &sender;
            best_score = score;
        }
    }
    return *best;
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
