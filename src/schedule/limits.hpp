// A sender's limits on one of its local days: the configured ones, or a share of them while a new account warms up
// (docs/campaigns.md#warm-up). Pure functions of the sender and the day.
#pragma once

#include <optional>
#include <string>

#include "core/campaign.hpp"
#include "schedule/calendar.hpp"

namespace campaign::schedule {

// The week of the sender's warm-up that `day` lies in (1 for its first), or nothing when it has no warm-up or the
// warm-up is over. The ramp counts from its start day, or else from the sender's first action in the CRM; a sender
// that has not acted yet is in its first week.
std::optional<int> warmup_week(const core::Sender& sender, LocalDay day);

// The share of its configured limits the sender may use on `day`: 1 outside a warm-up.
double limit_share(const core::Sender& sender, LocalDay day);

// The day's limit for a type, nothing when the type has none; a share of a limit above 0 is never below 1. The
// health governor's cap on the day's invitations (core::Sender::invitation_cap) lowers it further.
std::optional<int> day_limit(const core::Sender& sender, core::ActionType type, LocalDay day);
// The limit on invitations in the seven days up to `day`.
int week_invitation_limit(const core::Sender& sender, LocalDay day);

// Why the day's limits differ from the configured ones ("warm-up week 2 of 4: 50% of the configured limits", and the
// governor's reason for a cap on invitations); empty when they do not.
std::string limits_note(const core::Sender& sender, LocalDay day);

} // namespace campaign::schedule
