#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "stats/experiment.hpp"
#include "unit/stats/fixture.hpp"

using namespace campaign::stats;
using namespace stats_fixture;

TEST_CASE("a paired experiment's effect, interval and randomization test match scipy", "[stats]") {
    const json fixture = load("experiment.json");
    for (const auto& c : fixture.at("paired")) {
        INFO(c.at("name").get<std::string>());
        auto on = numbers(c.at("on"));
        auto off = numbers(c.at("off"));
        auto effect = paired_randomization(on, off);
        REQUIRE(effect);
        CHECK(effect->pairs == on.size());
        CHECK(effect->difference == Approx(c.at("difference").get<double>()).epsilon(1e-12));
        CHECK(effect->standard_error == Approx(c.at("standard_error").get<double>()).epsilon(1e-9));
        // scipy's t.ppf is good to about 1e-10 of the half-width.
        double half = (c.at("interval").at(1).get<double>() - c.at("interval").at(0).get<double>()) / 2;
        CHECK(effect->interval.low == Approx(c.at("interval").at(0).get<double>()).epsilon(0).margin(1e-9 * half));
        CHECK(effect->interval.high == Approx(c.at("interval").at(1).get<double>()).epsilon(0).margin(1e-9 * half));
        if (c.contains("p")) {
            CHECK(effect->exact);
            CHECK(effect->assignments == std::size_t{1} << on.size());
            CHECK(effect->p_value == Approx(c.at("p").get<double>()).epsilon(1e-12));
        } else {
            // Beyond 20 pairs the assignments are sampled: the p of a sample, near the t-test's.
            CHECK_FALSE(effect->exact);
            CHECK(effect->p_value > 0);
            CHECK(effect->p_value <= 1);
        }
    }
}

TEST_CASE("the randomization test of a sampled experiment is the same for a seed and near the exact one", "[stats]") {
    std::vector<double> on;
    std::vector<double> off;
    for (int i = 0; i < 24; ++i) {
        off.push_back(std::sin(i * 1.7) * 0.03);
        on.push_back(off.back() + 0.01 + std::cos(i * 2.3) * 0.02);
    }
    auto first = paired_randomization(on, off, 0.95, 7);
    auto again = paired_randomization(on, off, 0.95, 7);
    REQUIRE(first);
    CHECK(first->p_value == again->p_value);
    CHECK(first->assignments == 200000);
    // Another seed samples other assignments: the p moves by no more than sampling error.
    auto other = paired_randomization(on, off, 0.95, 8);
    CHECK(std::fabs(other->p_value - first->p_value) < 0.01);
}

TEST_CASE("an experiment needs two pairs of finite outcomes", "[stats]") {
    CHECK_FALSE(paired_randomization(std::vector<double>{1}, std::vector<double>{0}));
    CHECK_THROWS_AS(paired_randomization(std::vector<double>{1, 2}, std::vector<double>{0}), std::invalid_argument);
    CHECK_THROWS_AS(paired_randomization(std::vector<double>{1, std::numeric_limits<double>::quiet_NaN()},
                                         std::vector<double>{0, 0}),
                    std::invalid_argument);
    // Every difference the same: every flip but none and all gives a smaller sum.
    auto same = paired_randomization(std::vector<double>{1, 1, 1}, std::vector<double>{0, 0, 0});
    REQUIRE(same);
    CHECK(same->p_value == Approx(2.0 / 8));
}

TEST_CASE("the power of a plan is statsmodels' paired t-test power", "[stats]") {
    const json fixture = load("experiment.json");
    for (const auto& c : fixture.at("power")) {
        auto power = paired_power(c.at("effect").get<double>(), c.at("sd").get<double>(),
                                  c.at("pairs").get<std::size_t>(), c.at("alpha").get<double>());
        CHECK(power == Approx(c.at("power").get<double>()).epsilon(1e-7));
    }
    auto needed = pairs_for_power(0.02, 0.03);
    REQUIRE(needed);
    CHECK(paired_power(0.02, 0.03, *needed) >= 0.8);
    CHECK(paired_power(0.02, 0.03, *needed - 1) < 0.8);
    CHECK_FALSE(pairs_for_power(0.0001, 1, 0.8, 0.05, 50));
    CHECK(std::isnan(paired_power(0.02, 0, 10)));
}
