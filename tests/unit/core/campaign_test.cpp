#include <catch2/catch.hpp>

#include "core/campaign.hpp"

using namespace campaign::core;

TEST_CASE("action and account types read back from their names", "[core]") {
    for (auto type : k_action_types) {
        CHECK(parse_action_type(to_string(type)) == type);
    }
    CHECK_FALSE(parse_action_type("invite"));
    CHECK(parse_account_type("sales_navigator") == AccountType::sales_navigator);
    CHECK_FALSE(parse_account_type("Premium"));
}

TEST_CASE("default limits follow the account type", "[core]") {
    auto free = default_limits(AccountType::free);
    auto premium = default_limits(AccountType::premium);
    CHECK(free.connect_note_length == 200);
    CHECK(premium.connect_note_length == 300);
    CHECK(free.per_day.at(ActionType::inmail) == 0);
    CHECK(premium.per_day.at(ActionType::connect) == 20);
    CHECK(premium.invitations_per_week == 100);
    CHECK(default_limits(AccountType::sales_navigator).per_day.size() == k_action_types.size());
}

TEST_CASE("a step's successors are its branches, else next, else the following step", "[core]") {
    Campaign campaign;
    campaign.steps.resize(4);
    campaign.steps[0].id = "invite";
    campaign.steps[0].branches = {
        {Outcome::accepted, std::nullopt, std::nullopt, "thanks", {}, {}},
        {Outcome::not_accepted, Duration{std::chrono::days{14}}, std::nullopt, "end", {}, {}}};
    campaign.steps[1].id = "thanks";
    campaign.steps[2].id = "nudge";
    campaign.steps[2].next = "end";
    campaign.steps[3].id = "last";

    CHECK(campaign.successors(campaign.steps[0]) == std::vector<std::string>{"thanks", "end"});
    CHECK(campaign.successors(campaign.steps[1]) == std::vector<std::string>{"nudge"});
    CHECK(campaign.successors(campaign.steps[2]) == std::vector<std::string>{"end"});
    CHECK(campaign.successors(campaign.steps[3]) == std::vector<std::string>{"end"});
    CHECK(campaign.find_step("nudge") == &campaign.steps[2]);
    CHECK(campaign.find_step("missing") == nullptr);
}
