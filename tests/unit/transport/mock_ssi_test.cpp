// The mock transport's SSI: a sender's pillars day by day from the mock model, the same for a seed, sender and day
// however the period is cut into runs, held within 0..25, shown to two decimals, and moved by activity exactly as the
// model's effects say.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "transport/mock_ssi.hpp"

using namespace campaign;
using core::Activity;
using core::Measure;
using std::chrono::days;
using transport::simulate_ssi;

namespace {

core::Day day(std::string_view text) {
    return core::parse_day(text).value();
}

const core::Day k_first = day("2026-09-01");

// Day 1 is k_first.
core::Day day_number(int number) {
    return k_first + days{number - 1};
}

// Counts set by day and activity; nothing elsewhere.
struct Activities {
    std::map<std::pair<core::Day, Activity>, double> counts;

    transport::ActivityCounts counter() const {
        return [this](core::Day on, Activity activity) {
            auto found = counts.find({on, activity});
            return found == counts.end() ? 0.0 : found->second;
        };
    }
};

// Some activity on most days, so that effects move the pillars all through the period.
Activities busy_sender() {
    Activities activities;
    for (int d = -10; d <= 120; ++d) {
        activities.counts[{day_number(d), Activity::connections_accepted}] = (d * 7) % 5;
        activities.counts[{day_number(d), Activity::posts}] = d % 3 == 0 ? 1 : 0;
    }
    return activities;
}

core::SsiModel noisy_model() {
    core::SsiModel model;
    model.drift = {0.01, -0.005, 0.002, 0};
    model.noise = 0.08;
    model.quiet_days = 0.5;
    model.effects.push_back({Activity::connections_accepted, Measure::relationships, 0.03, 1, {}});
    model.effects.push_back({Activity::posts, Measure::brand, 0.2, 0, {}});
    model.effects.push_back({Activity::posts, Measure::insights, -0.1, 2, {}});
    return model;
}

// No drift, no noise: only the effects move a pillar.
core::SsiModel effects_only(std::vector<core::SsiEffect> effects, double quiet_days = 1) {
    core::SsiModel model;
    model.drift = {};
    model.noise = 0;
    model.quiet_days = quiet_days;
    model.effects = std::move(effects);
    return model;
}

bool two_decimals(double value) {
    return std::fabs(value * 100 - std::round(value * 100)) < 1e-6;
}

void check_same(const std::vector<core::SsiSnapshot>& left, const std::vector<core::SsiSnapshot>& right) {
    REQUIRE(left.size() == right.size());
    for (std::size_t i = 0; i < left.size(); ++i) {
        INFO(core::format_day(left[i].day));
        CHECK(left[i].day == right[i].day);
        CHECK(left[i].pillars == right[i].pillars);
        CHECK(left[i].total == right[i].total);
        CHECK(left[i].industry_rank == right[i].industry_rank);
        CHECK(left[i].network_rank == right[i].network_rank);
    }
}

std::vector<double> pillar_values(const std::vector<core::SsiSnapshot>& snapshots, Measure pillar) {
    std::vector<double> values;
    for (const auto& snapshot : snapshots) {
        values.push_back(snapshot.value(pillar));
    }
    return values;
}

} // namespace

TEST_CASE("a simulated day depends only on the seed, the sender and the day", "[transport]") {
    auto activities = busy_sender();
    auto model = noisy_model();
    auto run = simulate_ssi(model, 7, "alice", day_number(1), day_number(60), std::nullopt, activities.counter());
    REQUIRE(run.size() == 60);
    check_same(run, simulate_ssi(model, 7, "alice", day_number(1), day_number(60), std::nullopt, activities.counter()));
    for (std::size_t i = 0; i < run.size(); ++i) {
        CHECK(run[i].sender == "alice");
        CHECK(run[i].day == day_number(static_cast<int>(i) + 1));
        CHECK(run[i].source == "mock");
    }
    auto other_seed =
        simulate_ssi(model, 8, "alice", day_number(1), day_number(60), std::nullopt, activities.counter());
    auto other_sender =
        simulate_ssi(model, 7, "bob", day_number(1), day_number(60), std::nullopt, activities.counter());
    CHECK(other_seed.back().pillars != run.back().pillars);
    CHECK(other_sender.back().pillars != run.back().pillars);
}

TEST_CASE("60 days simulated at once are 30 days and then 30 more from the 30th day's snapshot", "[transport]") {
    auto activities = busy_sender();
    auto model = noisy_model();
    auto whole = simulate_ssi(model, 42, "alice", day_number(1), day_number(60), std::nullopt, activities.counter());
    auto first = simulate_ssi(model, 42, "alice", day_number(1), day_number(30), std::nullopt, activities.counter());
    auto second = simulate_ssi(model, 42, "alice", day_number(31), day_number(60), first.back(), activities.counter());
    auto joined = first;
    joined.insert(joined.end(), second.begin(), second.end());
    check_same(whole, joined);

    SECTION("and day by day, each from the day before") {
        std::vector<core::SsiSnapshot> daily;
        std::optional<core::SsiSnapshot> before;
        for (int d = 1; d <= 60; ++d) {
            auto one = simulate_ssi(model, 42, "alice", day_number(d), day_number(d), before, activities.counter());
            REQUIRE(one.size() == 1);
            before = one[0];
            daily.push_back(one[0]);
        }
        check_same(whole, daily);
    }
    SECTION("a period that ends before it starts simulates nothing") {
        CHECK(
            simulate_ssi(model, 42, "alice", day_number(2), day_number(1), std::nullopt, activities.counter()).empty());
    }
}

TEST_CASE("simulated pillars stay within 0..25, to two decimals, with a total and ranks that follow", "[transport]") {
    core::SsiModel model;
    model.start = {24.5, 0.5, 12, 12};
    model.drift = {0.3, -0.3, 0, 0};
    model.noise = 1.5;
    model.quiet_days = 0.2;
    auto run = simulate_ssi(model, 3, "alice", day_number(1), day_number(200), std::nullopt,
                            [](core::Day, Activity) { return 0.0; });
    std::size_t at_cap = 0;
    std::size_t at_floor = 0;
    for (const auto& snapshot : run) {
        INFO(core::format_day(snapshot.day));
        for (auto pillar : core::k_pillars) {
            double value = snapshot.value(pillar);
            CHECK(value >= 0);
            CHECK(value <= 25);
            CHECK(two_decimals(value));
        }
        at_cap += snapshot.pillars[0] == 25 ? 1 : 0;
        at_floor += snapshot.pillars[1] == 0 ? 1 : 0;
        CHECK(snapshot.total == Approx(core::pillar_sum(snapshot)).margin(0.005));
        CHECK(two_decimals(snapshot.total));
        CHECK(core::check_snapshot(snapshot).empty());
    }
    CHECK(at_cap > 20); // pushed up, it sits at 25 rather than beyond
    CHECK(at_floor > 20);

    SECTION("the higher the score, the better the rank") {
        std::vector<core::SsiSnapshot> by_total(run.begin(), run.end());
        std::sort(by_total.begin(), by_total.end(), [](const auto& a, const auto& b) { return a.total < b.total; });
        for (std::size_t i = 1; i < by_total.size(); ++i) {
            CHECK(*by_total[i].industry_rank <= *by_total[i - 1].industry_rank);
            CHECK(*by_total[i].network_rank <= *by_total[i - 1].network_rank);
        }
        auto ranked = [](std::array<double, 4> pillars) {
            core::SsiSnapshot start;
            start.pillars = pillars;
            return simulate_ssi(effects_only({}), 1, "alice", day_number(1), day_number(1), start,
                                [](core::Day, Activity) { return 0.0; })
                .at(0);
        };
        auto top = ranked({25, 25, 25, 25});
        CHECK(top.industry_rank == 1);
        CHECK(top.network_rank == 1);
        auto bottom = ranked({0, 0, 0, 0});
        CHECK(bottom.industry_rank == 100);
        CHECK(bottom.network_rank == 100);
    }
}

TEST_CASE("with every day quiet and no effects, the pillars do not move", "[transport]") {
    core::SsiModel model;
    model.start = {15.123, 12, 10, 14};
    model.drift = {0.5, 0.5, -0.5, 1};
    model.noise = 2;
    model.quiet_days = 1;
    auto run = simulate_ssi(model, 11, "alice", day_number(1), day_number(90), std::nullopt,
                            [](core::Day, Activity) { return 5.0; });
    REQUIRE(run.size() == 90);
    for (const auto& snapshot : run) {
        CHECK(snapshot.pillars == std::array<double, 4>{15.12, 12, 10, 14}); // shown to two decimals
        CHECK(snapshot.total == 51.12);
    }
}

TEST_CASE("without noise or drift, a pillar changes only by the effects, at their lag", "[transport]") {
    Activities activities;
    activities.counts[{day_number(5), Activity::connections_accepted}] = 3;
    activities.counts[{day_number(9), Activity::connections_accepted}] = 1;
    activities.counts[{day_number(9), Activity::posts}] = 2;
    activities.counts[{day_number(3), Activity::likes}] = 40; // no effect is planted for likes
    std::vector<core::SsiEffect> effects{
        {Activity::connections_accepted, Measure::relationships, 0.1, 1, {}},
        {Activity::connections_accepted, Measure::people, 0.05, 3, {}},
        {Activity::posts, Measure::brand, 0.25, 0, {}},
        {Activity::posts, Measure::relationships, -0.02, 2, {}},
    };
    // Quiet or not, a day without noise or drift changes by the effects alone.
    for (double quiet_days : {1.0, 0.0, 0.6}) {
        INFO("quiet_days " << quiet_days);
        auto model = effects_only(effects, quiet_days);
        auto run = simulate_ssi(model, 5, "alice", day_number(1), day_number(15), std::nullopt, activities.counter());
        REQUIRE(run.size() == 15);
        auto previous = model.start;
        std::map<std::pair<int, Measure>, double> expected{
            {{6, Measure::relationships}, 0.3}, // 3 acceptances on day 5, a day later
            {{8, Measure::people}, 0.15},       // and three days later
            {{10, Measure::relationships}, 0.1},
            {{12, Measure::people}, 0.05},
            {{9, Measure::brand}, 0.5},            // 2 posts on day 9, the same day
            {{11, Measure::relationships}, -0.04}, // and two days later
        };
        for (int d = 1; d <= 15; ++d) {
            const auto& snapshot = run[static_cast<std::size_t>(d - 1)];
            for (auto pillar : core::k_pillars) {
                INFO("day " << d << ", " << core::to_string(pillar));
                auto index = static_cast<std::size_t>(pillar);
                auto found = expected.find({d, pillar});
                double change = found == expected.end() ? 0 : found->second;
                CHECK(snapshot.pillars[index] == Approx(previous[index] + change).margin(1e-9));
            }
            previous = snapshot.pillars;
        }
    }

    SECTION("an activity before the first simulated day still acts at its lag") {
        Activities earlier;
        earlier.counts[{day_number(0), Activity::connections_accepted}] = 2;
        auto run = simulate_ssi(effects_only(effects), 5, "alice", day_number(1), day_number(4), std::nullopt,
                                earlier.counter());
        auto start = core::SsiModel{}.start;
        auto relationships = pillar_values(run, Measure::relationships);
        auto people = pillar_values(run, Measure::people);
        REQUIRE(run.size() == 4);
        for (std::size_t i = 0; i < 4; ++i) {
            INFO("day " << i + 1);
            CHECK(relationships[i] == Approx(start[3] + 0.2));
            CHECK(people[i] == Approx(i < 2 ? start[1] : start[1] + 0.1));
        }
    }
    SECTION("an effect that would pass 25 stops there") {
        core::SsiSnapshot before;
        before.pillars = {24.9, 0.1, 10, 24.95};
        Activities many;
        many.counts[{day_number(1), Activity::posts}] = 10;
        many.counts[{day_number(1), Activity::connections_accepted}] = 10;
        auto model = effects_only({{Activity::posts, Measure::brand, 0.25, 0, {}},
                                   {Activity::posts, Measure::people, -0.25, 0, {}},
                                   {Activity::connections_accepted, Measure::relationships, 0.1, 0, {}}});
        auto run = simulate_ssi(model, 5, "alice", day_number(1), day_number(2), before, many.counter());
        CHECK(run[0].pillars == std::array<double, 4>{25, 0, 10, 25});
        CHECK(run[1].pillars == std::array<double, 4>{25, 0, 10, 25});
    }
}

TEST_CASE("a simulated history goes on from the snapshot before it, not from the model's start", "[transport]") {
    core::SsiSnapshot before;
    before.pillars = {20, 5, 7.5, 22};
    auto run = simulate_ssi(effects_only({}), 1, "alice", day_number(1), day_number(3), before,
                            [](core::Day, Activity) { return 0.0; });
    for (const auto& snapshot : run) {
        CHECK(snapshot.pillars == before.pillars);
    }
}

TEST_CASE("a simulated pillar is unchanged on about the share of quiet days, and drifts as the model says",
          "[transport]") {
    core::SsiModel model;
    model.start = {12.5, 12.5, 12.5, 12.5};
    model.drift = {0.004, -0.004, 0, 0};
    model.noise = 0.05;
    model.quiet_days = 0.6;
    auto run = simulate_ssi(model, 2026, "alice", day_number(1), day_number(1000), std::nullopt,
                            [](core::Day, Activity) { return 0.0; });
    for (auto pillar : core::k_pillars) {
        INFO(core::to_string(pillar));
        auto values = pillar_values(run, pillar);
        std::size_t unchanged = 0;
        for (std::size_t i = 1; i < values.size(); ++i) {
            unchanged += std::fabs(values[i] - values[i - 1]) < 0.005 ? 1 : 0;
        }
        // 60% quiet, and a noisy day rounds to no change now and then.
        double share = static_cast<double>(unchanged) / static_cast<double>(values.size() - 1);
        CHECK(share > 0.55);
        CHECK(share < 0.72);
    }
    // 400 noisy days of 0.004 each: about +1.6 and -1.6, give or take the noise's 0.05 * sqrt(400) = 1.
    CHECK(run.back().pillars[0] - 12.5 > -1.4);
    CHECK(run.back().pillars[1] - 12.5 < 1.4);
}
