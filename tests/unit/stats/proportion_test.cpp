#include <catch2/catch.hpp>
#include <cmath>

#include "stats/proportion.hpp"

using namespace campaign::stats;

// Expected values from statsmodels' proportion_confint(method='wilson') and proportions_ztest, and from
// scipy.stats.fisher_exact, rounded to 15 significant digits.

namespace {

void check_wilson(std::int64_t successes, std::int64_t trials, double low, double high) {
    auto interval = wilson_interval(successes, trials);
    REQUIRE(interval);
    CHECK(interval->low == Approx(low).epsilon(1e-12).margin(1e-15));
    CHECK(interval->high == Approx(high).epsilon(1e-12).margin(1e-15));
}

} // namespace

TEST_CASE("the Wilson interval of a rate matches statsmodels", "[stats]") {
    check_wilson(0, 10, 0, 0.277532799862889);
    check_wilson(3, 10, 0.107791267406301, 0.603221852538855);
    check_wilson(10, 10, 0.722467200137111, 1);
    check_wilson(41, 520, 0.0586505076676002, 0.105218650405428);
    check_wilson(20, 52, 0.264704637802162, 0.520401262841806);
    CHECK_FALSE(wilson_interval(0, 0));
}

TEST_CASE("the pooled two-proportion z-test matches statsmodels", "[stats]") {
    CHECK(two_proportion_z_test({12, 100}, {25, 110}) == Approx(0.0415653189245483).epsilon(1e-10));
    CHECK(two_proportion_z_test({41, 520}, {58, 505}) == Approx(0.0510593196913978).epsilon(1e-10));
    auto comparison = compare({41, 520}, {58, 505});
    CHECK(comparison.method == TestMethod::z_test);
    CHECK(comparison.statistic == Approx(-1.95098088501903).epsilon(1e-10));
    // Nothing to tell apart when every trial failed.
    CHECK(two_proportion_z_test({0, 50}, {0, 60}) == 1);
}

TEST_CASE("Fisher's exact test matches scipy, and is chosen when counts are small", "[stats]") {
    CHECK(fisher_exact_test({1, 9}, {6, 8}) == Approx(0.0152200740436035).epsilon(1e-10));
    CHECK(fisher_exact_test({3, 20}, {9, 21}) == Approx(0.0854934399387586).epsilon(1e-10));
    CHECK(fisher_exact_test({0, 12}, {5, 12}) == Approx(0.0372670807453416).epsilon(1e-10));
    CHECK(fisher_exact_test({2, 3}, {2, 3}) == Approx(1.0));
    CHECK(fisher_exact_test({7, 7}, {0, 6}) == Approx(0.000582750582750583).epsilon(1e-10));
    CHECK(fisher_exact_test({9, 29}, {11, 23}) == Approx(0.25972375427487).epsilon(1e-10));

    auto small = compare({1, 9}, {6, 8});
    CHECK(small.method == TestMethod::fisher_exact);
    CHECK(small.statistic == Approx(0.0416666666666667));
    CHECK(std::isinf(compare({7, 7}, {0, 6}).statistic));
}

TEST_CASE("the trials needed to show a difference follow the normal approximation", "[stats]") {
    // (z_0.975 sqrt(2 p q) + z_0.8 sqrt(p1 q1 + p2 q2))^2 / (p1 - p2)^2, as computed with scipy's norm.ppf.
    auto needed = trials_per_group(0.079, 0.112);
    REQUIRE(needed);
    CHECK(*needed == Approx(1243.9705853575).epsilon(1e-10));
    CHECK(*trials_per_group(0.112, 0.079) == Approx(*needed));
    CHECK_FALSE(trials_per_group(0.2, 0.2));
}
