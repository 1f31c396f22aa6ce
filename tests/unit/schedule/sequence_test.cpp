#include <catch2/catch.hpp>

#include "schedule/assignment.hpp"
#include "schedule/sequence.hpp"
#include "sender.hpp"

using namespace campaign;
using namespace std::chrono_literals;
using core::Outcome;
using test::utc;

namespace {

core::Branch branch(Outcome on, std::string target, std::optional<core::Duration> within = std::nullopt) {
    core::Branch made;
    made.on = on;
    made.target = std::move(target);
    made.within = within;
    return made;
}

// look -> invite (accepted: thanks; not accepted within 21d: withdraw) ; thanks (replied: end; no reply 5d: nudge)
core::Step step(std::string id, core::ActionType type, core::Duration after = {}) {
    core::Step made;
    made.id = std::move(id);
    made.type = type;
    made.after = after;
    return made;
}

core::Variant variant(std::string id, int weight) {
    core::Variant made;
    made.id = std::move(id);
    made.weight = weight;
    return made;
}

core::Campaign founders() {
    core::Campaign campaign;
    campaign.id = "founders";
    auto look = step("look", core::ActionType::view_profile);
    auto invite = step("invite", core::ActionType::connect, 24h);
    invite.branches = {branch(Outcome::accepted, "thanks"), branch(Outcome::not_accepted, "withdraw", 21 * 24h)};
    auto thanks = step("thanks", core::ActionType::message, 24h);
    thanks.branches = {branch(Outcome::replied, "end"), branch(Outcome::no_reply, "nudge", 5 * 24h)};
    auto nudge = step("nudge", core::ActionType::message);
    nudge.next = "end";
    auto withdraw = step("withdraw", core::ActionType::withdraw_invite);
    campaign.steps = {look, invite, thanks, nudge, withdraw};
    return campaign;
}

} // namespace

TEST_CASE("an enrollment starts at the first step and follows the steps in order", "[schedule]") {
    auto campaign = founders();
    auto t0 = utc("2026-11-26T10:00:00Z");
    auto position = schedule::start(campaign, t0);
    CHECK(position.step == "look");
    CHECK(position.due == t0);
    CHECK_FALSE(position.waiting);

    position = schedule::after_action(campaign, *campaign.find_step("look"), t0 + 1h);
    CHECK(position.step == "invite");
    CHECK(position.due == t0 + 25h);

    position = schedule::after_action(campaign, *campaign.find_step("nudge"), t0);
    CHECK(position.finished());
    position = schedule::after_action(campaign, *campaign.find_step("withdraw"), t0);
    CHECK(position.finished());
}

TEST_CASE("a step with branches waits on them, with a timer for the shortest 'within'", "[schedule]") {
    auto campaign = founders();
    auto sent = utc("2026-11-26T10:00:00Z");
    const auto& invite = *campaign.find_step("invite");
    auto waiting = schedule::after_action(campaign, invite, sent);
    CHECK(waiting.step == "invite");
    CHECK(waiting.waiting);
    CHECK(waiting.due == sent + 21 * 24h);

    SECTION("accepted takes its branch from the moment of the acceptance") {
        auto next = schedule::on_outcome(campaign, invite, Outcome::accepted, sent + 30h);
        REQUIRE(next);
        CHECK(next->step == "thanks");
        CHECK(next->due == sent + 54h);
    }
    SECTION("an outcome the step does not branch on changes nothing") {
        CHECK_FALSE(schedule::on_outcome(campaign, invite, Outcome::replied, sent + 1h));
    }
    SECTION("the timer takes the 'not accepted' branch") {
        auto next = schedule::on_timeout(campaign, invite, sent + 21 * 24h);
        CHECK(next.step == "withdraw");
        CHECK(next.due == sent + 21 * 24h);
    }
    SECTION("a reply branch to the end finishes the enrollment") {
        auto next = schedule::on_outcome(campaign, *campaign.find_step("thanks"), Outcome::replied, sent);
        REQUIRE(next);
        CHECK(next->finished());
    }
}

TEST_CASE("senders are assigned stably and evenly", "[schedule]") {
    auto campaign = founders();
    for (const char* id : {"alice", "marcus", "priya"}) {
        core::Sender sender;
        sender.id = id;
        campaign.senders.push_back(sender);
    }
    std::map<std::string, int> counts;
    for (int i = 0; i < 3000; ++i) {
        auto url = "https://linkedin.com/in/p" + std::to_string(i);
        const auto& sender = schedule::assign_sender(campaign, url);
        REQUIRE(&sender == &schedule::assign_sender(campaign, url));
        ++counts[sender.id];
    }
    for (const auto& [id, count] : counts) {
        CHECK(count == Approx(1000).margin(100));
    }

    SECTION("adding a sender moves only the prospects it wins") {
        auto grown = campaign;
        core::Sender dana;
        dana.id = "dana";
        grown.senders.push_back(dana);
        for (int i = 0; i < 3000; ++i) {
            auto url = "https://linkedin.com/in/p" + std::to_string(i);
            auto before = schedule::assign_sender(campaign, url).id;
            auto after = schedule::assign_sender(grown, url).id;
            REQUIRE((after == before || after == "dana"));
        }
    }
}

TEST_CASE("variants follow their weights and stay put", "[schedule]") {
    auto campaign = founders();
    auto& invite = campaign.steps[1];
    invite.variants = {variant("short", 3), variant("question", 1)};
    std::map<std::string, int> counts;
    for (int i = 0; i < 8000; ++i) {
        auto url = "https://linkedin.com/in/p" + std::to_string(i);
        const auto* variant = schedule::assign_variant(campaign, invite, url);
        REQUIRE(variant == schedule::assign_variant(campaign, invite, url));
        ++counts[variant->id];
    }
    CHECK(counts["short"] == Approx(6000).margin(150));
    CHECK(counts["question"] == Approx(2000).margin(150));
    CHECK(schedule::assign_variant(campaign, campaign.steps[0], "https://linkedin.com/in/p1") == nullptr);
}

TEST_CASE("routing rules send a prospect to the senders of the first rule that matches, hashed among them",
          "[schedule]") {
    auto campaign = founders();
    for (const char* id : {"hans", "greta", "marcus"}) {
        core::Sender sender;
        sender.id = id;
        campaign.senders.push_back(sender);
    }
    core::RoutingRule europe;
    europe.senders = {"hans", "greta"};
    europe.where = {core::FieldFilter{"location", core::FieldTest::contains, {"germany"}, true}};
    core::RoutingRule vip;
    vip.senders = {"marcus"};
    vip.tags = {"vip"};
    campaign.routing = {europe, vip};
    std::map<std::string, int> europeans;
    for (int i = 0; i < 400; ++i) {
        core::Prospect prospect;
        prospect.profile_url = "https://linkedin.com/in/p" + std::to_string(i);
        prospect.location = i % 2 == 0 ? "Berlin, Germany" : "Chicago, Illinois";
        if (i % 4 == 0) {
            prospect.tags = {"vip"}; // a German VIP is the first rule's
        }
        const auto* sender = schedule::route(campaign, prospect);
        if (i % 2 == 0) {
            REQUIRE(sender);
            CHECK(sender->id != "marcus");
            ++europeans[sender->id];
        } else {
            CHECK(sender == nullptr); // an American without the tag: no rule takes them
            CHECK_FALSE(schedule::routing_rule(campaign, prospect));
        }
    }
    CHECK(europeans["hans"] == Approx(100).margin(30));
    CHECK(europeans["greta"] == Approx(100).margin(30));
    core::Prospect american_vip;
    american_vip.profile_url = "https://linkedin.com/in/vip";
    american_vip.location = "Boston";
    american_vip.tags = {"vip"};
    REQUIRE(schedule::route(campaign, american_vip));
    CHECK(schedule::route(campaign, american_vip)->id == "marcus");
    // A last rule without conditions takes the rest.
    core::RoutingRule rest;
    rest.senders = {"marcus"};
    campaign.routing.push_back(rest);
    core::Prospect american;
    american.profile_url = "https://linkedin.com/in/someone";
    american.location = "Austin, Texas";
    REQUIRE(schedule::route(campaign, american));
    CHECK(schedule::route(campaign, american)->id == "marcus");
    CHECK(schedule::routing_rule(campaign, american) == 2);
    // Without rules, every sender takes its share.
    campaign.routing.clear();
    CHECK(schedule::route(campaign, american) == &schedule::assign_sender(campaign, american.profile_url));
}
