#include "schedule/planner.hpp"

#include <algorithm>
#include <string>

#include "core/stable_hash.hpp"
#include "schedule/limits.hpp"

namespace campaign::schedule {

namespace {

// Each pass moves the slot past one obstacle; a few dozen passes cover weeks of full limits.
constexpr int k_max_passes = 64;

// A number in [0, 1) of its own for each action of a sender's day: the same on every run, after a restart too.
double share_position(const core::Sender& sender, LocalDay day, core::ActionType type, int number) {
    return core::unit_interval(
        core::stable_hash({"spread", sender.id, std::to_string(day), core::to_string(type), std::to_string(number)}));
}

} // namespace

std::optional<core::Timestamp> release_time(const core::Sender& sender, const SenderCalendar& calendar,
                                            const SenderLedger& ledger, core::ActionType type, core::Timestamp when) {
    auto day = calendar.local_day(when);
    auto working = calendar.working_day(day);
    auto number = ledger.used_on_day(type, when);
    int count = 0;
    if (const auto* plan = ledger.plan_of(type, day)) {
        count = plan->count;
    } else if (auto limit = day_limit(sender, type, day)) {
        count = *limit;
    }
    if (working.empty() || number >= count) {
        return std::nullopt; // more work than the day was planned for goes as the pacing lets it
    }
    auto share = static_cast<double>(working.length().count()) / count;
    auto offset =
        core::Duration{static_cast<core::Duration::rep>(share * (number + share_position(sender, day, type, number)))};
    return calendar.after_working(working.spans[0].start, offset);
}

std::optional<core::Timestamp> earliest_slot(const core::Sender& sender, const SenderCalendar& calendar,
                                             const SenderLedger& ledger, core::ActionType type, core::Timestamp due,
                                             bool follow_experiments) {
    const std::set<int>* off_days = nullptr;
    if (auto found = sender.experiment_off_days.find(type);
        follow_experiments && found != sender.experiment_off_days.end()) {
        off_days = &found->second;
    }
    auto configured = sender.limits.per_day.find(type);
    auto invites = type == core::ActionType::connect;
    if ((configured != sender.limits.per_day.end() && configured->second <= 0) ||
        (invites && sender.limits.invitations_per_week <= 0) ||
        (type == core::ActionType::inmail && sender.limits.inmails_per_month <= 0)) {
        return std::nullopt;
    }
    auto slot = std::max(due, ledger.next_free_at());
    for (int pass = 0; pass < k_max_passes; ++pass) {
        slot = calendar.next_working(slot);
        auto day = calendar.local_day(slot);
        if (off_days && off_days->contains(day)) {
            slot = calendar.next_working_day(slot);
            continue;
        }
        // The limits of the slot's day: a warm-up raises them week by week.
        if (auto per_day = day_limit(sender, type, day); per_day && ledger.used_on_day(type, slot) >= *per_day) {
            slot = calendar.next_working_day(slot);
            continue;
        }
        if (auto per_week = invites ? week_invitation_limit(sender, day) : 0;
            per_week > 0 && ledger.invitations_in_week(slot) >= per_week) {
            slot = ledger.invitations_below(per_week, slot);
            continue;
        }
        if (auto release = release_time(sender, calendar, ledger, type, slot); release && slot < *release) {
            slot = *release;
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
