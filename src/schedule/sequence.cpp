#include "schedule/sequence.hpp"

#include <stdexcept>

namespace campaign::schedule {

namespace {

bool is_timer(const core::Branch& branch) {
    return branch.within.has_value();
}

const core::Branch* first_timer(const core::Step& step) {
    const core::Branch* first = nullptr;
    for (const auto& branch : step.branches) {
        if (is_timer(branch) && (first == nullptr || *branch.within < *first->within)) {
            first = &branch;
        }
    }
    return first;
}

} // namespace

Position enter(const core::Campaign& campaign, const std::string& step_id, core::Timestamp from) {
    if (step_id == core::k_end_step) {
        return Position{std::string(core::k_end_step), false, std::nullopt};
    }
    const auto* step = campaign.find_step(step_id);
    if (step == nullptr) {
        throw std::logic_error("campaign '" + campaign.id + "' has no step '" + step_id + "'");
    }
    return Position{step->id, false, from + step->after};
}

Position start(const core::Campaign& campaign, core::Timestamp enrolled_at) {
    if (campaign.steps.empty()) {
        return Position{std::string(core::k_end_step), false, std::nullopt};
    }
    return enter(campaign, campaign.steps.front().id, enrolled_at);
}

Position after_action(const core::Campaign& campaign, const core::Step& step, core::Timestamp sent_at) {
    if (step.branches.empty()) {
        return enter(campaign, campaign.successors(step).front(), sent_at);
    }
    Position waiting{step.id, true, std::nullopt};
    if (const auto* timer = first_timer(step)) {
        waiting.due = sent_at + *timer->within;
    }
    return waiting;
}

std::optional<Position> on_outcome(const core::Campaign& campaign, const core::Step& step, core::Outcome outcome,
                                   core::Timestamp at) {
    for (const auto& branch : step.branches) {
        if (branch.on == outcome && !is_timer(branch) && !branch.reply_class) {
            return enter(campaign, branch.target, at);
        }
    }
    return std::nullopt;
}

const core::Branch* reply_branch(const core::Step& step, core::ReplyClass reply_class) {
    const core::Branch* every_reply = nullptr;
    for (const auto& branch : step.branches) {
        if (branch.on != core::Outcome::replied) {
            continue;
        }
        if (branch.reply_class == reply_class) {
            return &branch;
        }
        if (!branch.reply_class) {
            every_reply = &branch;
        }
    }
    return reply_class == core::ReplyClass::not_interested ? nullptr : every_reply;
}

Position past_branches(const core::Campaign& campaign, const core::Step& step, core::Timestamp at) {
    return enter(campaign, step.next.value_or(std::string(core::k_end_step)), at);
}

Position on_timeout(const core::Campaign& campaign, const core::Step& step, core::Timestamp at) {
    const auto* timer = first_timer(step);
    if (timer == nullptr) {
        throw std::logic_error("step '" + step.id + "' has no timer");
    }
    return enter(campaign, timer->target, at);
}

} // namespace campaign::schedule
