// Statistics of rates: how sure a conversion rate is (Wilson interval), whether two rates differ (a two-proportion
// z-test, or Fisher's exact test when the counts are small), and how many more trials a difference needs to show.
#pragma once

#include <cstdint>
#include <optional>

#include "stats/interval.hpp"

namespace campaign::stats {

// The Wilson score interval of `successes` out of `trials` at `confidence` (0.95 is 95%); none for no trials.
std::optional<Interval> wilson_interval(std::int64_t successes, std::int64_t trials, double confidence = 0.95);

struct Proportion {
    std::int64_t successes = 0;
    std::int64_t trials = 0;

    double rate() const { return trials == 0 ? 0.0 : static_cast<double>(successes) / static_cast<double>(trials); }
};

enum class TestMethod { z_test, fisher_exact };

struct Comparison {
    TestMethod method = TestMethod::z_test;
    double p_value = 1;
    double statistic = 0; // z for the z-test, the sample odds ratio for Fisher's test (infinite when undefined)
};

// Two-sided p-value of the pooled two-proportion z-test.
double two_proportion_z_test(Proportion a, Proportion b);
// Two-sided p-value of Fisher's exact test on the 2x2 table [a.successes, a.failures; b.successes, b.failures]:
// the probability, under fixed margins, of a table no more likely than the one observed.
double fisher_exact_test(Proportion a, Proportion b);
// Fisher's test when an expected cell count is under 5 (where the normal approximation fails), else the z-test.
// Both need trials on either side.
Comparison compare(Proportion a, Proportion b);

// Trials each group needs for a two-sided test at `alpha` to find the difference between rates p1 and p2 with
// probability `power` (the normal approximation with the pooled variance under the null); none when p1 == p2.
std::optional<double> trials_per_group(double p1, double p2, double alpha = 0.05, double power = 0.8);

} // namespace campaign::stats
