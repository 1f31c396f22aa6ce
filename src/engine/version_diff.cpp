#include "engine/version_diff.hpp"

#include <algorithm>

namespace campaign::engine {

namespace {

std::string quoted(const std::string& name) {
    return "'" + name + "'";
}

std::string describe_branches(const core::Step& step) {
    std::string text;
    for (const auto& branch : step.branches) {
        text += std::string(core::to_string(branch.on)) + (branch.within ? core::format_duration(*branch.within) : "") +
                (branch.reply_class ? "." + std::string(core::to_string(*branch.reply_class)) : "") + "->" +
                branch.target + ";";
    }
    return text;
}

std::string describe_variants(const core::Step& step) {
    std::string text;
    for (const auto& variant : step.variants) {
        text += variant.id + ":" + std::to_string(variant.weight) + ":" + variant.template_name + ";";
    }
    return text;
}

void compare_step(const core::Step& before, const core::Step& after, std::vector<std::string>& changes) {
    auto changed = [&](const char* what) { changes.push_back("step " + quoted(after.id) + ": " + what + " changed"); };
    if (before.type != after.type) {
        changed("type");
    }
    if (before.after != after.after) {
        changed("delay");
    }
    if (before.template_name != after.template_name) {
        changed("template");
    }
    if (describe_variants(before) != describe_variants(after)) {
        changed("variants");
    }
    if (describe_branches(before) != describe_branches(after) || before.next != after.next) {
        changed("branches");
    }
}

template <typename Item, typename Compare>
void compare_lists(const std::vector<Item>& before, const std::vector<Item>& after, const std::string& noun,
                   std::vector<std::string>& changes, Compare compare) {
    for (const auto& item : after) {
        auto found = std::find_if(before.begin(), before.end(), [&](const Item& old) { return old.id == item.id; });
        if (found == before.end()) {
            changes.push_back(noun + " " + quoted(item.id) + " added");
        } else {
            compare(*found, item, changes);
        }
    }
    for (const auto& item : before) {
        if (std::none_of(after.begin(), after.end(), [&](const Item& now) { return now.id == item.id; })) {
            changes.push_back(noun + " " + quoted(item.id) + " removed");
        }
    }
}

void compare_sender(const core::Sender& before, const core::Sender& after, std::vector<std::string>& changes) {
    auto hours = [](const core::Sender& sender) {
        std::string text = sender.timezone + " " + std::to_string(sender.working_hours.from_minute) + "-" +
                           std::to_string(sender.working_hours.to_minute);
        for (bool day : sender.working_hours.days) {
            text += day ? "1" : "0";
        }
        return text;
    };
    if (hours(before) != hours(after)) {
        changes.push_back("sender " + quoted(after.id) + ": time zone or working hours changed");
    }
    if (before.limits.per_day != after.limits.per_day ||
        before.limits.invitations_per_week != after.limits.invitations_per_week ||
        before.limits.pending_invitations != after.limits.pending_invitations ||
        before.limits.notes_per_month != after.limits.notes_per_month) {
        changes.push_back("sender " + quoted(after.id) + ": limits changed");
    }
    if (before.holidays != after.holidays) {
        changes.push_back("sender " + quoted(after.id) + ": holidays changed");
    }
    if (before.warmup != after.warmup) {
        changes.push_back("sender " + quoted(after.id) + ": warm-up changed");
    }
    if (before.withdraw_invitations_after != after.withdraw_invitations_after) {
        changes.push_back("sender " + quoted(after.id) + ": withdraw_invitations_after changed");
    }
}

std::string describe_filters(const std::vector<core::FieldFilter>& filters) {
    std::string text;
    for (const auto& filter : filters) {
        text += filter.field + ":" + std::to_string(static_cast<int>(filter.test)) + ":" + (filter.exists ? "1" : "0");
        for (const auto& value : filter.values) {
            text += ":" + value;
        }
        text += ";";
    }
    return text;
}

} // namespace

std::vector<std::string> describe_changes(const core::Campaign& before, const core::Campaign& after) {
    std::vector<std::string> changes;
    compare_lists(before.steps, after.steps, "step", changes, compare_step);
    compare_lists(before.senders, after.senders, "sender", changes, compare_sender);
    const auto& a = before.audience;
    const auto& b = after.audience;
    if (a.tags != b.tags || a.any_tags != b.any_tags || a.exclude_tags != b.exclude_tags ||
        describe_filters(a.where) != describe_filters(b.where) ||
        describe_filters(a.exclude_where) != describe_filters(b.exclude_where) ||
        a.allow_other_campaigns != b.allow_other_campaigns) {
        changes.emplace_back("audience changed");
    }
    if (before.routing != after.routing) {
        changes.emplace_back("routing changed (for prospects enrolled from now on)");
    }
    if (before.prospect_hours != after.prospect_hours) {
        changes.emplace_back("prospect hours changed");
    }
    if (before.notes_run_out != after.notes_run_out) {
        changes.emplace_back("when_notes_run_out changed");
    }
    if (before.stop.on_reply != after.stop.on_reply || before.stop.opt_out_keywords != after.stop.opt_out_keywords) {
        changes.emplace_back("stop rules changed");
    }
    if (changes.empty()) {
        changes.emplace_back("only comments, descriptions or formatting changed");
    }
    return changes;
}

} // namespace campaign::engine
