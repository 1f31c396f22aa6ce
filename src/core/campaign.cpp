#include "core/campaign.hpp"

#include <algorithm>

#include "core/enum_names.hpp"

namespace campaign::core {

namespace {

constexpr std::array<std::string_view, 8> k_action_names{
    "view_profile", "follow", "like_post", "endorse", "connect", "message", "inmail", "withdraw_invite",
};

// In words, as a user counts them.
constexpr std::array<std::string_view, 8> k_action_plurals{
    "profile views", "follows", "post likes", "endorsements", "invitations", "messages", "InMails", "withdrawals",
};

constexpr std::array<std::string_view, 3> k_account_names{"free", "premium", "sales_navigator"};

constexpr std::array<std::string_view, 4> k_outcome_names{"accepted", "not_accepted", "replied", "no_reply"};

} // namespace

std::string_view to_string(ActionType type) {
    return k_action_names[static_cast<std::size_t>(type)];
}

std::string_view plural_of(ActionType type) {
    return k_action_plurals[static_cast<std::size_t>(type)];
}

std::span<const std::string_view> action_type_names() {
    return k_action_names;
}

std::optional<ActionType> parse_action_type(std::string_view text) {
    return parse_enum<ActionType>(k_action_names, text);
}

bool sends_text(ActionType type) {
    return type == ActionType::connect || type == ActionType::message || type == ActionType::inmail;
}

std::string_view to_string(AccountType type) {
    return k_account_names[static_cast<std::size_t>(type)];
}

std::optional<AccountType> parse_account_type(std::string_view text) {
    return parse_enum<AccountType>(k_account_names, text);
}

std::string_view to_string(Outcome outcome) {
    return k_outcome_names[static_cast<std::size_t>(outcome)];
}

SenderLimits default_limits(AccountType account) {
    // Columns: free, premium, sales_navigator (docs/campaigns.md has the same table).
    auto pick = [account](int free, int premium, int navigator) {
        switch (account) {
        case AccountType::free:
            return free;
        case AccountType::premium:
            return premium;
        case AccountType::sales_navigator:
            return navigator;
        }
        return premium;
    };
    SenderLimits limits;
    limits.per_day = {
        {ActionType::view_profile, pick(80, 150, 250)}, {ActionType::follow, pick(30, 50, 80)},
        {ActionType::like_post, pick(30, 50, 80)},      {ActionType::endorse, pick(30, 50, 80)},
        {ActionType::connect, pick(15, 20, 25)},        {ActionType::message, pick(50, 100, 150)},
        {ActionType::inmail, pick(0, 5, 20)},           {ActionType::withdraw_invite, 30},
    };
    limits.invitations_per_week = pick(80, 100, 100);
    limits.connect_note_length = pick(200, 300, 300);
    limits.inmails_per_month = pick(0, 5, 50);
    if (account == AccountType::free) {
        limits.notes_per_month = 5;
    }
    return limits;
}

const Step* Campaign::find_step(std::string_view step_id) const {
    auto found = std::find_if(steps.begin(), steps.end(), [step_id](const Step& step) { return step.id == step_id; });
    return found == steps.end() ? nullptr : &*found;
}

std::vector<std::string> Campaign::successors(const Step& step) const {
    std::vector<std::string> result;
    if (!step.branches.empty()) {
        for (const auto& branch : step.branches) {
            result.push_back(branch.target);
        }
        if (step.next) {
            result.push_back(*step.next); // for an outcome the step has no branch for
        }
        return result;
    }
    if (step.next) {
        result.push_back(*step.next);
        return result;
    }
    auto position =
        std::find_if(steps.begin(), steps.end(), [&step](const Step& candidate) { return &candidate == &step; });
    if (position != steps.end() && position + 1 != steps.end()) {
        result.push_back((position + 1)->id);
    } else {
        result.emplace_back(k_end_step);
    }
    return result;
}

} // namespace campaign::core
