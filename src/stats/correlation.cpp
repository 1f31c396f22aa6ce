#include "stats/correlation.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>

#include "stats/dot.hpp"

namespace campaign::stats {

namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

struct Pairs {
    std::vector<double> x;
    std::vector<double> y;
};

Pairs complete_pairs(std::span<const double> x, std::span<const double> y, const char* who) {
    if (x.size() != y.size()) {
        throw std::invalid_argument(std::string(who) + ": the two series differ in length");
    }
    Pairs pairs;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isnan(x[i]) && !std::isnan(y[i])) {
            pairs.x.push_back(x[i]);
            pairs.y.push_back(y[i]);
        }
    }
    return pairs;
}

bool is_constant(const std::vector<double>& values) {
    return std::all_of(values.begin(), values.end(), [&](double v) { return v == values.front(); });
}

double mean(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

// The deviations from the mean, scaled to unit length, as scipy computes r.
std::vector<double> unit_deviations(const std::vector<double>& values) {
    double centre = mean(values);
    std::vector<double> deviations(values.size());
    std::transform(values.begin(), values.end(), deviations.begin(), [&](double v) { return v - centre; });
    double length = std::sqrt(dot(deviations, deviations));
    for (double& d : deviations) {
        d /= length;
    }
    return deviations;
}

// The incomplete beta in double precision throughout: Boost otherwise carries a double's evaluation in long double,
// on the x87 unit, which took a tenth of an SSI report's time for digits beyond the 1e-8 the p-values are checked to.
const auto k_in_double = boost::math::policies::make_policy(boost::math::policies::promote_double<false>());

// The two-sided t-test of r with n-2 degrees of freedom: P(|T| > |t|) = I_{1-r^2}((n-2)/2, 1/2), which is also
// scipy's 2 P(B > |r|) for B ~ Beta(n/2-1, n/2-1) on [-1, 1]. It needs no division by 1 - r^2.
double correlation_p_value(double r, double n) {
    double one_minus_r2 = (1 - r) * (1 + r);
    if (one_minus_r2 <= 0) {
        return 0;
    }
    return boost::math::ibeta((n - 2) / 2, 0.5, one_minus_r2, k_in_double);
}

std::optional<Interval> fisher_interval(double r, double n, double confidence) {
    if (n < 4) {
        return std::nullopt;
    }
    if (std::fabs(r) == 1) {
        return Interval{r, r}; // atanh(r) is infinite, and so is either end before tanh
    }
    double z = boost::math::quantile(boost::math::normal_distribution<double>(), 0.5 + confidence / 2);
    double half = z * std::sqrt(1 / (n - 3));
    double centre = std::atanh(r);
    return Interval{std::tanh(centre - half), std::tanh(centre + half)};
}

Correlation correlate(const Pairs& pairs, double confidence) {
    Correlation result;
    result.n = pairs.x.size();
    result.tested_n = static_cast<double>(result.n);
    if (result.n < 3 || is_constant(pairs.x) || is_constant(pairs.y)) {
        return result;
    }
    auto x = unit_deviations(pairs.x);
    auto y = unit_deviations(pairs.y);
    result.r = std::clamp(dot(x, y), -1.0, 1.0);
    result.p_value = correlation_p_value(result.r, result.tested_n);
    result.interval = fisher_interval(result.r, result.tested_n, confidence);
    return result;
}

} // namespace

std::vector<double> average_ranks(std::span<const double> values) {
    // Values sorted with their places: a report ranks tens of thousands of series, and sorting the pairs themselves
    // is about twice as fast as sorting places by the values they point to.
    std::vector<std::pair<double, std::size_t>> sorted;
    sorted.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isnan(values[i])) {
            sorted.emplace_back(values[i], i);
        }
    }
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> ranks(values.size(), k_nan);
    for (std::size_t first = 0; first < sorted.size();) {
        std::size_t last = first; // one past the run of values equal to sorted[first]
        while (last < sorted.size() && sorted[last].first == sorted[first].first) {
            ++last;
        }
        double rank = static_cast<double>(first + 1 + last) / 2; // the mean of ranks first+1 .. last
        for (std::size_t i = first; i < last; ++i) {
            ranks[sorted[i].second] = rank;
        }
        first = last;
    }
    return ranks;
}

RankOrder::RankOrder(std::span<const double> values) : m_size(values.size()) {
    m_sorted.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isnan(values[i])) {
            m_sorted.emplace_back(values[i], i);
        }
    }
    std::sort(m_sorted.begin(), m_sorted.end());
}

std::vector<double> RankOrder::ranks(std::span<const std::size_t> days) const {
    constexpr auto k_not_chosen = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> place(m_size, k_not_chosen); // where each chosen day's rank goes
    for (std::size_t i = 0; i < days.size(); ++i) {
        place[days[i]] = i;
    }
    std::vector<double> ranks(days.size(), k_nan);
    std::vector<std::size_t> run; // the places of a run of equal chosen values
    std::size_t ranked = 0;
    for (std::size_t first = 0; first < m_sorted.size();) {
        std::size_t last = first;
        run.clear();
        while (last < m_sorted.size() && m_sorted[last].first == m_sorted[first].first) {
            if (auto at = place[m_sorted[last].second]; at != k_not_chosen) {
                run.push_back(at);
            }
            ++last;
        }
        double rank = static_cast<double>(2 * ranked + 1 + run.size()) / 2; // the mean of ranked+1 .. ranked+run
        for (auto at : run) {
            ranks[at] = rank;
        }
        ranked += run.size();
        first = last;
    }
    return ranks;
}

Correlation pearson(std::span<const double> x, std::span<const double> y, double confidence) {
    return correlate(complete_pairs(x, y, "pearson"), confidence);
}

Correlation spearman(std::span<const double> x, std::span<const double> y, double confidence) {
    auto pairs = complete_pairs(x, y, "spearman");
    pairs.x = average_ranks(pairs.x);
    pairs.y = average_ranks(pairs.y);
    return correlate(pairs, confidence);
}

Correlation tested_as(const Correlation& correlation, double pairs, double confidence) {
    Correlation result = correlation;
    result.tested_n = std::min(pairs, static_cast<double>(correlation.n));
    if (std::isnan(result.r) || result.tested_n < 3) {
        result.p_value = k_nan;
        result.interval.reset();
        return result;
    }
    result.p_value = correlation_p_value(result.r, result.tested_n);
    result.interval = fisher_interval(result.r, result.tested_n, confidence);
    return result;
}

std::vector<double> benjamini_hochberg(std::span<const double> p_values) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < p_values.size(); ++i) {
        if (!std::isnan(p_values[i])) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
    std::vector<double> q(p_values.size(), k_nan);
    auto m = static_cast<double>(order.size());
    double smallest = 1; // the running minimum from the largest p down, capped at 1
    for (std::size_t k = order.size(); k-- > 0;) {
        double fraction = static_cast<double>(k + 1) / m; // divided as statsmodels does, to round alike
        smallest = std::min(smallest, p_values[order[k]] / fraction);
        q[order[k]] = smallest;
    }
    return q;
}

std::vector<double> remove_group_means(std::span<const double> values, std::span<const int> groups) {
    if (values.size() != groups.size()) {
        throw std::invalid_argument("remove_group_means: the values and their groups differ in length");
    }
    struct Sum {
        double total = 0;
        std::size_t count = 0;
    };
    std::map<int, Sum> sums;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isnan(values[i])) {
            sums[groups[i]].total += values[i];
            sums[groups[i]].count += 1;
        }
    }
    std::vector<double> result(values.size(), k_nan);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isnan(values[i])) {
            const Sum& sum = sums[groups[i]];
            result[i] = values[i] - sum.total / static_cast<double>(sum.count);
        }
    }
    return result;
}

} // namespace campaign::stats
