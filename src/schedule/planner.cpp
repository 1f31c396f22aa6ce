#include "schedule/planner.hpp"

#include <algorithm>

namespace campaign::schedule {

namespace {

// Each pass moves the slot past one obstacle; a few dozen passes cover weeks of full limits.
constexpr int k_max_passes = 64;

std::optional<int> day_limit(const core::Sender& sender, core::ActionType type) {
    auto found = sender.limits.per_day.find(type);
    if (found == sender.limits.per_day.end()) {
        return std::nullopt;
    }
    return found->second;
}

} // namespace

std::optional<core::Timestamp> earliest_slot(const core::Sender& sender, const SenderCalendar& calendar,
                                             const SenderLedger& ledger, core::ActionType type, core::Timestamp due) {
    auto per_day = day_limit(sender, type);
    auto per_week = type == core::ActionType::connect ? sender.limits.invitations_per_week : 0;
    if ((per_day && *per_day <= 0) || (type == core::ActionType::connect && per_week <= 0)) {
        return std::nullopt;
    }
    auto slot = std::max(due, ledger.next_free_at());
    for (int pass = 0; pass < k_max_passes; ++pass) {
        slot = calendar.next_working(slot);
        if (per_day && ledger.used_on_day(type, slot) >= *per_day) {
            slot = calendar.next_working_day(slot);
            continue;
        }
        if (per_week > 0 && ledger.invitations_in_week(slot) >= per_week) {
            slot = ledger.invitations_below(per_week, slot);
            continue;
        }
        return slot;
    }
    throw std::logic_error("no slot found for sender '" + sender.id + "'");
}

int precedence(core::ActionType type) {
    switch (type) {
    case core::ActionType::withdraw_invite:
    case core::ActionType::message:
    case core::ActionType::inmail:
        return 0;
    case core::ActionType::connect:
        return 1;
    case core::ActionType::follow:
    case core::ActionType::like_post:
    case core::ActionType::endorse:
        return 2;
    case core::ActionType::view_profile:
        return 3;
    }
    return 3;
}

} // namespace campaign::schedule
