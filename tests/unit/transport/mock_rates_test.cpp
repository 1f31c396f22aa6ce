// The simulated prospects behave as the model says, over many of them: acceptance and reply rates, mean delays,
// opt-outs that the engine's keywords recognize, and overrides by tag and by field.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "config/triage_rules_loader.hpp"
#include "core/text.hpp"
#include "transport/mock_replies.hpp"
#include "triage/triage.hpp"
#include "unit/transport/mock_fixture.hpp"

using namespace campaign;
using namespace campaign::test;
using core::ActionType;
using std::chrono::hours;
using transport::MockTransport;
using transport::SendStatus;

namespace {

constexpr int k_prospects = 20000;

// As a run reads it: with the built-in triage rules. The mock writes a few texts many times: each is read once.
bool has_opt_out_keyword(std::string_view text) {
    static const triage::Triage triage(config::load_triage_rules().languages);
    static std::map<std::string, bool, std::less<>> read;
    if (auto found = read.find(text); found != read.end()) {
        return found->second;
    }
    auto day = std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{2}};
    return read[std::string(text)] = triage.read(text, day).reply_class == core::ReplyClass::opt_out;
}

// Within four standard errors of `expected` successes out of `trials`: a false alarm about once in 16,000 runs,
// though with a fixed seed the outcome never changes anyway.
void check_rate(int successes, int trials, double expected) {
    auto error = std::sqrt(trials * expected * (1 - expected));
    CHECK(std::abs(successes - trials * expected) < 4 * error);
}

struct Tally {
    int sent = 0;
    int failed = 0;
    int events = 0;
    int opt_outs = 0;
    double waited_hours = 0;
};

Tally simulate(MockTransport& mock, ActionType type, const std::vector<core::Prospect>& prospects) {
    Tally tally;
    for (const auto& to : prospects) {
        auto result = mock.send(action("key-" + std::to_string(to.id), type, to));
        (result.status == SendStatus::sent ? tally.sent : tally.failed) += 1;
    }
    for (const auto& event : mock.poll(k_far_future)) {
        ++tally.events;
        tally.opt_outs += has_opt_out_keyword(event.text) ? 1 : 0;
        tally.waited_hours += std::chrono::duration<double, std::ratio<3600>>(event.at - k_start).count();
    }
    return tally;
}

std::vector<core::Prospect> prospects(int count, int first, std::set<std::string> tags = {}, std::string title = "") {
    std::vector<core::Prospect> result;
    for (int i = 0; i < count; ++i) {
        result.push_back(prospect(first + i, tags, title));
    }
    return result;
}

} // namespace

TEST_CASE("every opt-out reply reads as one and no other reply does", "[transport]") {
    for (auto text : transport::opt_out_replies()) {
        CHECK(has_opt_out_keyword(text));
    }
    for (auto text : transport::other_replies()) {
        CHECK_FALSE(has_opt_out_keyword(text));
    }
}

TEST_CASE("the default rates hold over many prospects", "[transport]") {
    core::MockModel defaults;
    defaults.base = core::default_outcome_rates();
    auto everyone = prospects(k_prospects, 0);

    MockTransport invitations(defaults, 2026);
    auto connects = simulate(invitations, ActionType::connect, everyone);
    check_rate(connects.failed, k_prospects, 0.01);
    check_rate(connects.events, connects.sent, 0.35);
    CHECK(connects.waited_hours / connects.events == Approx(30.0).epsilon(0.05));
    CHECK(connects.opt_outs == 0);

    MockTransport messages(defaults, 2026);
    auto replies = simulate(messages, ActionType::message, everyone);
    check_rate(replies.events, replies.sent, 0.12);
    CHECK(replies.waited_hours / replies.events == Approx(20.0).epsilon(0.08));
    check_rate(replies.opt_outs, replies.events, 0.08);
}

TEST_CASE("the first override that fits a prospect sets its rates, the base rates the rest", "[transport]") {
    auto rules = model(0.1, 0.2);
    core::MockOverride founders;
    founders.tags = {"founders"};
    founders.rates.accept = 0.8;
    core::MockOverride vps;
    vps.where = {core::FieldFilter{"title", core::FieldTest::contains, {"VP"}, true}};
    vps.rates.accept = 0.5;
    vps.rates.reply = 0.6;
    vps.rates.reply_delay = hours{2};
    rules.overrides = {founders, vps};

    constexpr int k_each = 4000;
    auto founder_list = prospects(k_each, 0, {"founders"});
    auto vp_list = prospects(k_each, k_each, {}, "VP of Sales");
    auto founding_vps = prospects(k_each, 2 * k_each, {"founders", "saas"}, "VP Engineering");
    auto others = prospects(k_each, 3 * k_each, {"saas"}, "Engineer");

    for (auto [who, accept] : {std::pair(&founder_list, 0.8), std::pair(&vp_list, 0.5), std::pair(&founding_vps, 0.8),
                               std::pair(&others, 0.1)}) {
        MockTransport mock(rules, 5);
        check_rate(simulate(mock, ActionType::connect, *who).events, k_each, accept);
    }
    for (auto [who, reply] : {std::pair(&founder_list, 0.2), std::pair(&vp_list, 0.6), std::pair(&others, 0.2)}) {
        MockTransport mock(rules, 5);
        check_rate(simulate(mock, ActionType::inmail, *who).events, k_each, reply);
    }
    MockTransport quick(rules, 5);
    auto vp_replies = simulate(quick, ActionType::message, vp_list);
    CHECK(vp_replies.waited_hours / vp_replies.events == Approx(2.0).epsilon(0.1));
}
