#include "stats/proportion.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>

namespace campaign::stats {

namespace {

double normal_quantile(double p) {
    return boost::math::quantile(boost::math::normal_distribution<double>(), p);
}

// Two-sided tail of the standard normal beyond |z|, accurate far into the tail.
double two_sided_normal_p(double z) {
    return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

// log P(X = k) for the hypergeometric law of the first cell given the table's margins.
double log_hypergeometric(std::int64_t k, std::int64_t row, std::int64_t column, std::int64_t total) {
    auto log_choose = [](std::int64_t n, std::int64_t r) {
        return std::lgamma(static_cast<double>(n) + 1) - std::lgamma(static_cast<double>(r) + 1) -
               std::lgamma(static_cast<double>(n - r) + 1);
    };
    return log_choose(column, k) + log_choose(total - column, row - k) - log_choose(total, row);
}

// The difference of the rates over its standard error under the null; none when the pooled rate is 0 or 1.
std::optional<double> pooled_z(Proportion a, Proportion b) {
    double pooled = static_cast<double>(a.successes + b.successes) / static_cast<double>(a.trials + b.trials);
    double spread =
        std::sqrt(pooled * (1 - pooled) * (1.0 / static_cast<double>(a.trials) + 1.0 / static_cast<double>(b.trials)));
    if (spread == 0) {
        return std::nullopt;
    }
    return (a.rate() - b.rate()) / spread;
}

} // namespace

std::optional<Interval> wilson_interval(std::int64_t successes, std::int64_t trials, double confidence) {
    if (trials <= 0) {
        return std::nullopt;
    }
    double n = static_cast<double>(trials);
    double p = static_cast<double>(successes) / n;
    double z = normal_quantile(1 - (1 - confidence) / 2);
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double two_proportion_z_test(Proportion a, Proportion b) {
    auto z = pooled_z(a, b);
    return z ? two_sided_normal_p(*z) : 1; // every trial succeeded, or none did: nothing tells the groups apart
}

double fisher_exact_test(Proportion a, Proportion b) {
    std::int64_t row = a.trials;                     // the first group's trials
    std::int64_t column = a.successes + b.successes; // all successes
    std::int64_t total = a.trials + b.trials;
    std::int64_t low = std::max<std::int64_t>(0, row + column - total);
    std::int64_t high = std::min(row, column);
    double observed = log_hypergeometric(a.successes, row, column, total);
    // Tables as likely as the observed one, within rounding, count as no more likely (as R and scipy do).
    double threshold = observed + std::log1p(1e-7);
    double p = 0;
    for (std::int64_t k = low; k <= high; ++k) {
        if (double log_p = log_hypergeometric(k, row, column, total); log_p <= threshold) {
            p += std::exp(log_p);
        }
    }
    return std::min(1.0, p);
}

Comparison compare(Proportion a, Proportion b) {
    double total = static_cast<double>(a.trials + b.trials);
    double successes = static_cast<double>(a.successes + b.successes);
    double smallest_expected = std::min({static_cast<double>(a.trials) * successes / total,
                                         static_cast<double>(a.trials) * (total - successes) / total,
                                         static_cast<double>(b.trials) * successes / total,
                                         static_cast<double>(b.trials) * (total - successes) / total});
    if (smallest_expected < 5) {
        double a_failures = static_cast<double>(a.trials - a.successes);
        double b_failures = static_cast<double>(b.trials - b.successes);
        double denominator = a_failures * static_cast<double>(b.successes);
        double odds_ratio = denominator == 0 ? std::numeric_limits<double>::infinity()
                                             : static_cast<double>(a.successes) * b_failures / denominator;
        return {TestMethod::fisher_exact, fisher_exact_test(a, b), odds_ratio};
    }
    // Five expected successes and failures on either side: the pooled rate is strictly between 0 and 1.
    auto z = *pooled_z(a, b);
    return {TestMethod::z_test, two_sided_normal_p(z), z};
}

std::optional<double> trials_per_group(double p1, double p2, double alpha, double power) {
    if (p1 == p2) {
        return std::nullopt;
    }
    double z_alpha = normal_quantile(1 - alpha / 2);
    double z_power = normal_quantile(power);
    double pooled = (p1 + p2) / 2;
    double root = z_alpha * std::sqrt(2 * pooled * (1 - pooled)) + z_power * std::sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    return root * root / ((p1 - p2) * (p1 - p2));
}

} // namespace campaign::stats
