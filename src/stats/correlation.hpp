// Correlation of two daily series (an activity's counts against a pillar's changes), with its t-test and Fisher-z
// interval; Benjamini-Hochberg q-values over the many tests of a report; de-meaning by weekday. Each function is
// checked against scipy.stats or statsmodels on the fixtures of tests/unit/stats/fixtures/.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "stats/interval.hpp"

namespace campaign::stats {

struct Correlation {
    std::size_t n = 0; // the pairs used: those where neither value is NaN
    // The independent pairs the test and the interval take them to be worth: n, or fewer for autocorrelated series
    // (see tested_as).
    double tested_n = 0;
    // NaN when undefined: n < 3, or either series constant.
    double r = std::numeric_limits<double>::quiet_NaN();
    // Two-sided, from t = r sqrt((n-2)/(1-r^2)) with n-2 degrees of freedom; 0 when |r| == 1.
    double p_value = std::numeric_limits<double>::quiet_NaN();
    // tanh(atanh(r) ± z_{1-α/2}/sqrt(n-3)) at the requested confidence, [r, r] when |r| == 1; none when n < 4 or r
    // is undefined.
    std::optional<Interval> interval;
};

// 1-based ranks, ties sharing their average rank, as scipy.stats.rankdata(method='average'). A NaN gets a NaN rank
// and the other values are ranked among themselves (rankdata's nan_policy='omit').
std::vector<double> average_ranks(std::span<const double> values);

// A series' known values sorted once, for the average ranks of many subsets of its days (the pairs of each lag of a
// cross-correlation): each subset is ranked in one pass over the order instead of a sort of its own.
class RankOrder {
public:
    RankOrder() = default; // of an empty series
    explicit RankOrder(std::span<const double> values);
    // average_ranks of values[days[0]], values[days[1]], ...: the same ranks to the last bit. The days are distinct
    // and within the series.
    std::vector<double> ranks(std::span<const std::size_t> days) const;

private:
    std::vector<std::pair<double, std::size_t>> m_sorted; // the known values with their days, by value
    std::size_t m_size = 0;
};

// Pearson's r over the pairs where neither value is NaN (a missing day). r, p and the interval match
// scipy.stats.pearsonr and its confidence_interval(): scipy's p from a beta distribution equals the t-test's.
// Throws std::invalid_argument when x and y differ in length.
Correlation pearson(std::span<const double> x, std::span<const double> y, double confidence = 0.95);

// Spearman's rho: Pearson's r on the average ranks of the pairs where neither value is NaN; r and p match
// scipy.stats.spearmanr (t with n-2 degrees of freedom). scipy gives no interval for rho: this one is the plain
// Fisher-z interval above applied to rho, without Bonett and Wright's variance correction (1 + rho^2/2)/(n-3), so it
// is somewhat too narrow when rho is large. Throws std::invalid_argument when x and y differ in length.
Correlation spearman(std::span<const double> x, std::span<const double> y, double confidence = 0.95);

// The same r tested as if it rested on `pairs` independent pairs (an effective sample size, at most n): p from t with
// pairs - 2 degrees of freedom and the Fisher-z interval with pairs - 3, which need not be whole numbers.
Correlation tested_as(const Correlation& correlation, double pairs, double confidence = 0.95);

// Benjamini-Hochberg adjusted p-values (q-values) in the input order, as statsmodels'
// multipletests(method='fdr_bh'); NaN inputs stay NaN and do not count toward the number of tests.
std::vector<double> benjamini_hochberg(std::span<const double> p_values);

// Each value minus the mean of its group (the day of the week 0..6, say), to take a weekday pattern out of a series;
// NaN values stay NaN and are left out of the means. Throws std::invalid_argument when the lengths differ.
std::vector<double> remove_group_means(std::span<const double> values, std::span<const int> groups);

} // namespace campaign::stats
