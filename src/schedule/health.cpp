#include "schedule/health.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace campaign::schedule {

namespace {

// Rounded down, so that a rate under a threshold never reads as the threshold itself.
std::string percent(double share) {
    return std::to_string(static_cast<int>(std::floor(share * 100 + 1e-9))) + "%";
}

} // namespace

std::optional<core::InvitationCap> invitation_cap(const core::Sender& sender, const core::InvitationRecord& record,
                                                  LocalDay day, int limit, int sent_today) {
    if (limit <= 0) {
        return std::nullopt;
    }
    double share = 1.0;
    std::string why;
    auto add = [&why](const std::string& reason) { why += (why.empty() ? "" : "; ") + reason; };
    if (record.settled >= k_least_settled) {
        auto rate = static_cast<double>(record.settled_accepted) / record.settled;
        auto measured = percent(rate) + " of the last " + std::to_string(record.settled) + " invitations accepted";
        if (rate < k_bad_acceptance) {
            share = 0.25;
            add(measured + ", under " + percent(k_bad_acceptance) + ": a quarter of the invitations");
        } else if (rate < k_poor_acceptance) {
            share = 0.5;
            add(measured + ", under " + percent(k_poor_acceptance) + ": half the invitations");
        }
    }
    auto ceiling = sender.limits.pending_invitations;
    // Today's own invitations are pending already: the room is for the day as a whole.
    auto room = std::max(0, ceiling - record.pending + sent_today);
    auto pending = std::to_string(record.pending) + " invitations pending";
    if (record.pending >= ceiling) {
        add(pending + ", at the ceiling of " + std::to_string(ceiling) + ": none until some are accepted or withdrawn");
    } else if (record.pending >= k_crowded_share * ceiling) {
        share = std::min(share, 0.5);
        add(pending + ", near the ceiling of " + std::to_string(ceiling) + ": half the invitations");
    }
    auto by_share = share < 1.0 ? std::max(1, static_cast<int>(std::lround(limit * share))) : limit;
    auto capped = std::min(room, by_share);
    if (capped >= limit) {
        return std::nullopt;
    }
    if (room < by_share && record.pending < ceiling) {
        add(pending + ": " + std::to_string(room) + " today, the room left under the ceiling of " +
            std::to_string(ceiling));
    }
    return core::InvitationCap{day, capped, why};
}

} // namespace campaign::schedule
