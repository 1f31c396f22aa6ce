#include "schedule/limits.hpp"

#include <algorithm>
#include <cmath>

namespace campaign::schedule {

namespace {

// The share of the first week when the sender sends no invitations to take it from.
constexpr double k_first_share_without_invitations = 0.25;

double first_share(const core::Sender& sender) {
    auto connect = sender.limits.per_day.find(core::ActionType::connect);
    if (connect == sender.limits.per_day.end() || connect->second <= 0) {
        return k_first_share_without_invitations;
    }
    return std::min(1.0, static_cast<double>(sender.warmup->invitations) / connect->second);
}

int share_of(int limit, double share) {
    if (limit <= 0 || share >= 1.0) {
        return limit;
    }
    return std::max(1, static_cast<int>(std::lround(limit * share)));
}

} // namespace

std::optional<int> warmup_week(const core::Sender& sender, LocalDay day) {
    if (!sender.warmup) {
        return std::nullopt;
    }
    auto start = sender.warmup->start_day ? sender.warmup->start_day : sender.first_action_day;
    auto week = start && day > *start ? (day - *start) / 7 + 1 : 1;
    if (week > sender.warmup->weeks) {
        return std::nullopt;
    }
    return week;
}

double limit_share(const core::Sender& sender, LocalDay day) {
    auto week = warmup_week(sender, day);
    if (!week) {
        return 1.0;
    }
    auto first = first_share(sender);
    auto steps = std::max(1, sender.warmup->weeks - 1);
    return first + (1.0 - first) * (*week - 1) / steps;
}

std::optional<int> day_limit(const core::Sender& sender, core::ActionType type, LocalDay day) {
    auto found = sender.limits.per_day.find(type);
    if (found == sender.limits.per_day.end()) {
        return std::nullopt;
    }
    auto limit = share_of(found->second, limit_share(sender, day));
    if (const auto& cap = sender.invitation_cap; type == core::ActionType::connect && cap && cap->day == day) {
        limit = std::min(limit, cap->invitations);
    }
    return limit;
}

int week_invitation_limit(const core::Sender& sender, LocalDay day) {
    return share_of(sender.limits.invitations_per_week, limit_share(sender, day));
}

std::string limits_note(const core::Sender& sender, LocalDay day) {
    std::string note;
    if (auto week = warmup_week(sender, day); week && limit_share(sender, day) < 1.0) {
        auto percent = static_cast<int>(std::lround(limit_share(sender, day) * 100));
        note = "warm-up week " + std::to_string(*week) + " of " + std::to_string(sender.warmup->weeks) + ": " +
               std::to_string(percent) + "% of the configured limits";
    }
    if (const auto& cap = sender.invitation_cap; cap && cap->day == day) {
        note += (note.empty() ? "" : "; ") + std::string("invitations ") + std::to_string(cap->invitations) +
                " today: " + cap->why;
    }
    return note;
}

} // namespace campaign::schedule
