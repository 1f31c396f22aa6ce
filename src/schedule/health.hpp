// The health governor: how many invitations a sender may send today, from what its invitations did. Recomputed by a
// run at the start of each of the sender's days (docs/campaigns.md#health). Pure.
//
// - Acceptance: over the latest k_settled_invitations invitations sent at least k_settle ago (time to be answered),
//   once there are k_least_settled of them: below k_poor_acceptance accepted, the day's invitations are halved;
//   below k_bad_acceptance, they are a quarter. LinkedIn reads many ignored invitations as a sender people do not
//   know, and restricts such accounts first.
// - Pending invitations: at the ceiling (limits.pending_invitations), none; from k_crowded_share of it, half; and
//   never more than the room left under it.
// - A limit of the account (LinkedIn's weekly invitations, as the gateway says): the sender's actions of that type
//   wait until the gateway's Retry-After, or without it for limit_cooldown; its other actions go on.
#pragma once

#include <chrono>
#include <optional>

#include "core/campaign.hpp"
#include "schedule/calendar.hpp"

namespace campaign::schedule {

inline constexpr int k_settled_invitations = 50;
inline constexpr int k_least_settled = 20;
inline constexpr core::Duration k_settle = std::chrono::days{14};
inline constexpr double k_poor_acceptance = 0.20;
inline constexpr double k_bad_acceptance = 0.10;
inline constexpr double k_crowded_share = 0.8;
// LinkedIn counts invitations over a rolling week: those that reached its limit leave it a week later.
inline constexpr core::Duration k_invitation_limit_cooldown = std::chrono::days{7};
inline constexpr core::Duration k_action_limit_cooldown = std::chrono::days{1};

// How long a sender's actions of a type wait after a limit of its account for them, when the gateway does not say.
constexpr core::Duration limit_cooldown(core::ActionType type) {
    return type == core::ActionType::connect ? k_invitation_limit_cooldown : k_action_limit_cooldown;
}

// The cap on `day`'s invitations for a sender whose day's limit is `limit` and who sent `sent_today` of them already
// (they are among the record's pending ones), or nothing when its health does not lower it.
std::optional<core::InvitationCap> invitation_cap(const core::Sender& sender, const core::InvitationRecord& record,
                                                  LocalDay day, int limit, int sent_today = 0);

} // namespace campaign::schedule
