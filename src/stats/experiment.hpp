// The analysis of a randomized paired experiment: in each pair of periods one was on and the other off by a fair
// coin, so under "the activity does nothing" every flip of the coins was as likely as the one drawn. The
// randomization test counts how many flips give a difference as large as the one seen (Fisher's test, exact for up
// to 20 pairs), the interval is the t interval of the pairs' mean difference, and the power of a plan is the paired
// t-test's. Checked against scipy's permutation_test and ttest_1samp and statsmodels' TTestPower.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>

#include "stats/interval.hpp"

namespace campaign::stats {

struct PairedEffect {
    std::size_t pairs = 0;
    double mean_on = std::numeric_limits<double>::quiet_NaN();
    double mean_off = std::numeric_limits<double>::quiet_NaN();
    double difference = std::numeric_limits<double>::quiet_NaN(); // the mean of on - off over the pairs
    double standard_error = std::numeric_limits<double>::quiet_NaN();
    Interval interval;           // t with pairs - 1 degrees of freedom
    double p_value = 1;          // two-sided, of the randomization test
    bool exact = true;           // every assignment counted, not a sample of them
    std::size_t assignments = 0; // counted: 2^pairs when exact
};

// The pairs' on and off outcomes, in the same order. None with fewer than 2 pairs. With more than 20 pairs the test
// draws `draws` assignments from `seed` and gives (1 + as large) / (1 + draws). Throws std::invalid_argument when
// the lengths differ or a value is not finite.
std::optional<PairedEffect> paired_randomization(std::span<const double> on, std::span<const double> off,
                                                 double confidence = 0.95, std::uint64_t seed = 1,
                                                 std::size_t draws = 200000);

// The power of the two-sided paired t-test at `alpha` to find a mean difference `effect` when the differences have
// standard deviation `sd`, with `pairs` pairs: statsmodels' TTestPower().power(effect / sd, pairs, alpha).
double paired_power(double effect, double sd, std::size_t pairs, double alpha = 0.05);

// The fewest pairs (from 2) that reach `power`; none beyond `most`.
std::optional<std::size_t> pairs_for_power(double effect, double sd, double power = 0.8, double alpha = 0.05,
                                           std::size_t most = 1000);

} // namespace campaign::stats
